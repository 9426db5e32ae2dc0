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

/** Splits `text` at `separator` outside double-quoted strings (where `\` escapes). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return quoted ? [] : parts;
}

/**
 * Whether a header value is in Envoy's `x-forwarded-client-cert` form
 * (`Hash=…;Cert="…";Subject="…"`) rather than a certificate itself.
 *
 * @example
 * ```ts
 * isForwardedClientCert('By=spiffe://api;Hash=468ed33b…;Subject="CN=alice"') // true
 * isForwardedClientCert(encodeURIComponent(pem))                              // false
 * ```
 */
export const isForwardedClientCert = (value: string): boolean => /(^|[;,])\s*(hash|cert|by|subject|uri|dns|chain)=/i.test(value);

/**
 * The client certificate's `x5t#S256` thumbprint from Envoy's
 * `x-forwarded-client-cert` header: the element the proxy in front of the
 * API added (the last one — earlier ones come from hops further away),
 * its `Cert` (URL-encoded PEM) or, without one, its `Hash` (the hex SHA-256
 * of the DER bytes). A `Hash` that does not match the `Cert` beside it, a
 * malformed value or an element with neither: `undefined`.
 *
 * @example
 * ```ts
 * thumbprintFromForwardedClientCert('By=spiffe://api;Hash=468ed33be74eee6556d90c0149c1309e9ba61d6425303443c0748a02dd8de688;Subject="CN=alice"')
 * // 'Ro7TO-dO7mVW2QwBScEwnpumHWQlMDRDwHSKAt2N5og'
 * ```
 */
export function thumbprintFromForwardedClientCert(value: string): string | undefined {
  const elements = splitOutsideQuotes(value, ',');
  const last = elements.at(-1);
  if (last === undefined || last.trim() === '') return undefined;
  const fields = new Map<string, string>();
  for (const pair of splitOutsideQuotes(last, ';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    const key = pair.slice(0, eq).trim().toLowerCase();
    let raw = pair.slice(eq + 1).trim();
    if (raw.startsWith('"')) {
      if (raw.length < 2 || !raw.endsWith('"')) return undefined;
      raw = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    // a field given twice is ambiguous
    if (fields.has(key)) return undefined;
    fields.set(key, raw);
  }
  const hash = fields.get('hash');
  if (hash !== undefined && !/^[0-9a-fA-F]{64}$/.test(hash)) return undefined;
  const fromHash = hash === undefined ? undefined : Buffer.from(hash, 'hex').toString('base64url');
  const cert = fields.get('cert');
  if (cert === undefined) return fromHash;
  const der = certificateFromHeader(cert);
  if (der === undefined) return undefined;
  const fromCert = certificateThumbprint(der);
  return fromHash === undefined || fromHash === fromCert ? fromCert : undefined;
}
