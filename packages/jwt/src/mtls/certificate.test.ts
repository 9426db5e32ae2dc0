/**
 * The pieces of `mtls()`: the `x5t#S256` thumbprint (checked against
 * `@peculiar/x509`'s own) and the forms a proxy's header may take (the
 * trusted-proxy list is tested in ../proxies.test.ts).
 */
import 'reflect-metadata';
import { describe, expect, test } from 'vitest';
import * as x509 from '@peculiar/x509';
import { certificateFromHeader, certificateThumbprint, isForwardedClientCert, thumbprintFromForwardedClientCert } from './certificate.js';
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

describe("Envoy's x-forwarded-client-cert", () => {
  const alice = certificateThumbprint(certs.alice.der);
  const mallory = certificateThumbprint(certs.mallory.der);
  const hex = (der: Uint8Array) => Buffer.from(Buffer.from(certificateThumbprint(der), 'base64url')).toString('hex');
  const cert = (pem: string) => `Cert="${encodeURIComponent(pem)}"`;

  test('Hash (hex SHA-256 of the DER), Cert (URL-encoded PEM), both when they agree; quoted fields with commas and semicolons', () => {
    expect(isForwardedClientCert(`Hash=${hex(certs.alice.der)}`)).toBe(true);
    expect(isForwardedClientCert(encodeURIComponent(certs.alice.cert))).toBe(false);
    expect(thumbprintFromForwardedClientCert(`By=spiffe://api;Hash=${hex(certs.alice.der)};Subject="CN=alice,O=Example; Ltd"`)).toBe(alice);
    expect(thumbprintFromForwardedClientCert(`By=spiffe://api;${cert(certs.alice.cert)}`)).toBe(alice);
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.alice.der)};${cert(certs.alice.cert)};URI=spiffe://client`)).toBe(alice);
  });

  test('several elements: the last one counts (added by the proxy in front of the API; earlier ones come from further away)', () => {
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.mallory.der)};Subject="CN=x",By=spiffe://api;Hash=${hex(certs.alice.der)}`)).toBe(alice);
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.alice.der)},Hash=${hex(certs.mallory.der)}`)).toBe(mallory);
  });

  test('refused (undefined): a Hash that disagrees with its Cert, a field given twice, a bad Hash, a bad Cert, an unclosed quote, neither field', () => {
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.mallory.der)};${cert(certs.alice.cert)}`)).toBeUndefined();
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.alice.der)};Hash=${hex(certs.mallory.der)}`)).toBeUndefined();
    expect(thumbprintFromForwardedClientCert('Hash=abc')).toBeUndefined();
    expect(thumbprintFromForwardedClientCert('Cert="not a certificate"')).toBeUndefined();
    expect(thumbprintFromForwardedClientCert(`Subject="CN=alice;Hash=${hex(certs.alice.der)}`)).toBeUndefined();
    expect(thumbprintFromForwardedClientCert('By=spiffe://api;Subject="CN=alice"')).toBeUndefined();
    expect(thumbprintFromForwardedClientCert(`Hash=${hex(certs.alice.der)},`)).toBeUndefined();
  });
});
