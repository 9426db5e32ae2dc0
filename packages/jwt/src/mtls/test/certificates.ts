/**
 * Certificates made by the tests themselves with `@peculiar/x509` (WebCrypto,
 * no openssl): a CA, a server certificate for 127.0.0.1, and client
 * certificates it signs — PEM for Node's `https` and undici, and each
 * client certificate's `x5t#S256` thumbprint for the tokens bound to it.
 */
import 'reflect-metadata'; // @peculiar/x509's tsyringe asks for it
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { certificateThumbprint } from '../certificate.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A certificate with its private key, as PEM. */
export interface Issued {
  /** The certificate, PEM. */
  readonly cert: string;
  /** Its private key, PKCS #8 PEM. */
  readonly key: string;
  /** The DER bytes of the certificate. */
  readonly der: Uint8Array;
  /** The `x5t#S256` thumbprint a token bound to it carries. */
  readonly thumbprint: string;
}

/** What {@link makeCertificates} gives. */
export interface TestCertificates {
  /** The CA certificate, PEM (for a client's `ca` and a server's `ca`). */
  readonly ca: string;
  /** The server's certificate for 127.0.0.1 (and `localhost`). */
  readonly server: Issued;
  /** A client certificate, and another one: tokens bound to the first must be refused with the second. */
  readonly alice: Issued;
  readonly mallory: Issued;
}

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(4, '0');

async function pkcs8(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey), 'PRIVATE KEY');
}

async function issue(
  ca: { cert: x509.X509Certificate; keys: CryptoKeyPair },
  subject: string,
  extensions: x509.Extension[],
): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject,
    issuer: ca.cert.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 24 * 3600_000),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      ...extensions,
    ],
  });
  const der = new Uint8Array(cert.rawData);
  return { cert: cert.toString('pem'), key: await pkcs8(keys.privateKey), der, thumbprint: certificateThumbprint(der) };
}

/**
 * A fresh CA, a server certificate for 127.0.0.1 and two client
 * certificates (ECDSA P-256, valid for a day).
 *
 * @example
 * ```ts
 * const certs = await makeCertificates()
 * https.createServer({ key: certs.server.key, cert: certs.server.cert, requestCert: true, rejectUnauthorized: false }, app)
 * new Agent({ connect: { ca: certs.ca, cert: certs.alice.cert, key: certs.alice.key } })
 * ```
 */
export async function makeCertificates(): Promise<TestCertificates> {
  const caKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: 'CN=depends test CA',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 24 * 3600_000),
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const ca = { cert: caCert, keys: caKeys };
  const usage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true);
  const server = await issue(ca, 'CN=127.0.0.1', [
    usage,
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension([
      { type: 'ip', value: '127.0.0.1' },
      { type: 'dns', value: 'localhost' },
    ]),
  ]);
  const client = (name: string) => issue(ca, `CN=${name}`, [usage, new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])]);
  return { ca: caCert.toString('pem'), server, alice: await client('alice'), mallory: await client('mallory') };
}
