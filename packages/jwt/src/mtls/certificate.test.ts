/**
 * The pieces of `mtls()`: the `x5t#S256` thumbprint (checked against
 * `@peculiar/x509`'s own), the forms a proxy's header may take, and the
 * trusted-proxy list (addresses and CIDR networks, IPv4-mapped IPv6).
 */
import 'reflect-metadata';
import { describe, expect, test } from 'vitest';
import * as x509 from '@peculiar/x509';
import { certificateFromHeader, certificateThumbprint } from './certificate.js';
import { trustedProxyList } from './proxies.js';
import { makeCertificates } from './test/certificates.js';

const certs = await makeCertificates();

describe('certificateThumbprint', () => {
  test("the base64url SHA-256 of the DER bytes, as @peculiar/x509 computes a certificate's thumbprint", async () => {
    const theirs = Buffer.from(await new x509.X509Certificate(certs.alice.cert).getThumbprint('SHA-256')).toString('base64url');
    expect(certificateThumbprint(certs.alice.der)).toBe(theirs);
    expect(theirs).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(certificateThumbprint(certs.mallory.der)).not.toBe(theirs);
  });
});

describe('certificateFromHeader', () => {
  const der = (value: string) => {
    const bytes = certificateFromHeader(value);
    return bytes === undefined ? undefined : Buffer.from(bytes).toString('base64');
  };
  const alice = Buffer.from(certs.alice.der).toString('base64');

  test('URL-encoded PEM (nginx $ssl_client_escaped_cert, Envoy %DOWNSTREAM_PEER_CERT%), PEM with spaces, a chain (its first certificate)', () => {
    expect(der(encodeURIComponent(certs.alice.cert))).toBe(alice);
    expect(der(certs.alice.cert.trim().replace(/\n/g, ' '))).toBe(alice);
    expect(der(encodeURIComponent(certs.alice.cert + certs.ca))).toBe(alice);
  });

  test('base64 and base64url DER', () => {
    expect(der(alice)).toBe(alice);
    expect(der(Buffer.from(certs.alice.der).toString('base64url'))).toBe(alice);
  });

  test('anything else: undefined', () => {
    expect(der('')).toBeUndefined();
    expect(der('%E0%A4%A')).toBeUndefined();
    expect(der('not a certificate')).toBeUndefined();
    expect(der(Buffer.from('hello').toString('base64'))).toBeUndefined();
    expect(der(encodeURIComponent('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBeUndefined();
  });
});

describe('trustedProxyList', () => {
  const fail = (message: string): never => {
    throw new Error(message);
  };

  test('addresses and networks, IPv4 and IPv6; an IPv4-mapped IPv6 peer counts as its IPv4 address', () => {
    const proxies = trustedProxyList(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1'], fail);
    expect(['10.1.2.3', '::ffff:10.1.2.3', '192.168.1.7', 'fd12::1', '::1'].map((a) => proxies.includes(a))).toEqual([true, true, true, true, true]);
    expect(['11.0.0.1', '192.168.1.8', 'fe80::1', '127.0.0.1', undefined, 'proxy'].map((a) => proxies.includes(a))).toEqual([false, false, false, false, false, false]);
  });

  test('an entry that is not an address or network fails', () => {
    expect(() => trustedProxyList(['10.0.0.0/x'], fail)).toThrow(/invalid prefix length/);
    expect(() => trustedProxyList(['::1/129'], fail)).toThrow(/invalid prefix length/);
    expect(() => trustedProxyList([42], fail)).toThrow(/trustedProxies\[0\] must be an IP address/);
  });
});
