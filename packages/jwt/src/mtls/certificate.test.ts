/**
 * The pieces of `mtls()`: the `x5t#S256` thumbprint (checked against
 * `@peculiar/x509`'s own) and the forms a proxy's header may take (the
 * trusted-proxy list is tested in ../proxies.test.ts).
 */
import 'reflect-metadata';
import { describe, expect, test } from 'vitest';
import * as x509 from '@peculiar/x509';
import { certificateFromHeader, certificateThumbprint } from './certificate.js';
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
