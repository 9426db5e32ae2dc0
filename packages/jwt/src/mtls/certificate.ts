/**
 * A client certificate as RFC 8705 binds tokens to it: its DER bytes, read
 * from the TLS connection or from a proxy's header (URL-encoded PEM, or
 * base64 DER), and their SHA-256 thumbprint (`x5t#S256`).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { decodeBase64Strict } from '@depends/core/schemes';

/**
 * A client certificate the request presented.
 *
 * @example
 * ```ts
 * const seen: ClientCertificate = { thumbprint: 'bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2', from: 'tls' }
 * ```
 */
export interface ClientCertificate {
  /** The base64url SHA-256 of the certificate's DER bytes: what a bound token's `cnf["x5t#S256"]` holds. */
  readonly thumbprint: string;
  /** Where it was read: the TLS connection itself, or the header of a trusted proxy. */
  readonly from: 'tls' | 'proxy';
}

/**
 * The `x5t#S256` thumbprint of a certificate (RFC 8705 §3.1): the base64url
 * (no padding) SHA-256 of its DER encoding.
 *
 * @example
 * ```ts
 * certificateThumbprint(socket.getPeerX509Certificate()!.raw) // 'bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2'
 * ```
 */
export function certificateThumbprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64url');
}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/**
 * The DER bytes of a certificate a proxy put in a header: URL-encoded PEM
 * (nginx `$ssl_client_escaped_cert`, Envoy `%DOWNSTREAM_PEER_CERT%`, AWS
 * ALB `X-Amzn-Mtls-Clientcert`; PEM with its line breaks as spaces too),
 * the first certificate of a chain being the client's; or the DER itself
 * in base64 or base64url (HAProxy `%[ssl_c_der,base64]`). `undefined` when
 * the value is none of these or is not an X.509 certificate.
 *
 * @example
 * ```ts
 * certificateFromHeader(encodeURIComponent(pem)) // Uint8Array (the DER bytes)
 * certificateFromHeader('not a certificate')   // undefined
 * ```
 */
export function certificateFromHeader(value: string): Uint8Array | undefined {
  let text: string;
  try {
    text = decodeURIComponent(value.trim());
  } catch {
    return undefined;
  }
  const pem = PEM.exec(text);
  const body = (pem ? pem[1] : text).replace(/\s+/g, '');
  const base64 = body.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.length % 4 === 0 ? base64 : base64 + '='.repeat(4 - (base64.length % 4));
  const der = decodeBase64Strict(padded);
  if (der === undefined || der.length === 0) return undefined;
  try {
    return new Uint8Array(new X509Certificate(der).raw);
  } catch {
    return undefined;
  }
}
