/**
 * `mtls()`: certificate-bound access tokens (RFC 8705) for the
 * provider-backed bearer schemes. Given as their `mtls` option
 * (`jwtBearer({ …, mtls: mtls() })`, `tokenIntrospection({ …, mtls: mtls() })`),
 * it makes the scheme refuse a token unless its `cnf["x5t#S256"]` is the
 * thumbprint of the client certificate the request presented, and adds a
 * `mutualTLS` scheme (OpenAPI 3.1) to the scheme's requirement.
 */
import {
  ConfigurationError,
  defineScheme,
  ErrorCode,
  invalidToken,
  safeEqual,
  type InvalidTokenOptions,
  type RequestView,
  type SecurityScheme,
} from '@depends/core';
import { found } from '@depends/core/schemes';
import { certificateFromHeader, certificateThumbprint, isForwardedClientCert, thumbprintFromForwardedClientCert, type ClientCertificate } from './certificate.js';
import { peerCertificate, socketOf } from './connection.js';
import { trustedProxyList, type ProxyList } from '../proxies.js';

/** The thumbprint of the certificate a trusted proxy's header carries: Envoy's `x-forwarded-client-cert` form, or a certificate (PEM, DER). */
function thumbprintFromHeader(value: string): string | undefined {
  if (isForwardedClientCert(value)) return thumbprintFromForwardedClientCert(value);
  const der = certificateFromHeader(value);
  return der === undefined ? undefined : certificateThumbprint(der);
}

/**
 * Options of {@link mtls}.
 *
 * @example
 * ```ts
 * const behindNginx: MtlsOptions = { header: 'x-client-cert', trustedProxies: ['10.0.0.5'] }
 * ```
 */
export interface MtlsOptions {
  /**
   * `true` (default): every token must be bound to a client certificate;
   * one without `cnf["x5t#S256"]` is refused. `false`: unbound tokens are
   * accepted too (documented as an optional `mutualTLS` requirement), a
   * bound one still only with its certificate.
   */
  required?: boolean;
  /**
   * The request header in which a TLS-terminating proxy in front of the
   * API passes the client certificate: URL-encoded PEM (nginx
   * `$ssl_client_escaped_cert`, Envoy `%DOWNSTREAM_PEER_CERT%`), base64
   * DER, or Envoy's `x-forwarded-client-cert` (its last element's `Cert`,
   * else its `Hash`). Read only on connections from `trustedProxies`
   * (required with it).
   */
  header?: string;
  /**
   * The addresses (or CIDR networks) of the proxies that set `header`,
   * matched against the connection's immediate peer. From any other peer
   * the header is ignored and the certificate is that of the TLS
   * connection itself.
   */
  trustedProxies?: readonly string[];
  /** The `mutualTLS` entry's name in `components.securitySchemes` (default `MutualTLS`). */
  schemeName?: string;
  /** The `mutualTLS` entry's description. */
  description?: string;
}

/**
 * A certificate binding made by {@link mtls}, for a bearer scheme's `mtls`
 * option.
 *
 * @example
 * ```ts
 * const binding: CertificateBinding = mtls()
 * binding.required // true
 * ```
 */
export interface CertificateBinding {
  /** Whether every token must be bound. */
  readonly required: boolean;
  /** The header read from trusted proxies, lower-case (`undefined`: the TLS connection only). */
  readonly header: string | undefined;
}

/**
 * What a binding does, kept off its public face: the `mutualTLS` scheme is
 * not a check by itself (it never refuses: the bearer scheme that requires
 * it compares its token with the certificate), so it is not handed out.
 */
interface Binding {
  readonly scheme: SecurityScheme<ClientCertificate | undefined>;
  certificate(request: RequestView): ClientCertificate | undefined | typeof UNREADABLE;
}

const UNREADABLE = Symbol('unreadable');
const bindings = new WeakMap<CertificateBinding, Binding>();

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function fail(message: string): never {
  throw new ConfigurationError(ErrorCode.ClientCertificateSource, `mtls(): ${message}`);
}

/**
 * Certificate-bound access tokens (RFC 8705 §3), for the `mtls` option of
 * `jwtBearer()` and `tokenIntrospection()` (in `anyOf` too). The scheme
 * then accepts a token only when its `cnf["x5t#S256"]` equals the SHA-256
 * thumbprint of the client certificate of the request, and otherwise
 * answers 401 `invalid_token` saying why: the token is bound to another
 * certificate, the request presented none, or the token is not bound (with
 * `required`, the default).
 *
 * The certificate is the one the client presented on the TLS connection:
 * serve the app with Node's `https.createServer()` or
 * `http2.createSecureServer()` with `requestCert: true` (self-signed
 * client certificates are fine, `rejectUnauthorized: false`: the binding
 * is the proof). Behind a proxy that terminates TLS, name the `header` it
 * sets and the `trustedProxies` it connects from; a header without
 * proxies is a startup error (`DEPENDS_CLIENT_CERTIFICATE_SOURCE`).
 *
 * The document gets a `mutualTLS` security scheme (OpenAPI 3.1), named
 * beside the bearer scheme in each operation's requirement.
 *
 * @example
 * ```ts
 * import https from 'node:https'
 * import { jwtBearer, mtls } from '@depends/jwt'
 *
 * const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://payments', mtls: mtls() })
 * api.post('/payments', { auth: token }, ({ auth }) => payments.create(auth.claims.sub))
 * https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, app).listen(8443)
 *
 * // behind nginx (proxy_set_header X-Client-Cert $ssl_client_escaped_cert;)
 * const proxied = jwtBearer({ issuer, audience, mtls: mtls({ header: 'x-client-cert', trustedProxies: ['10.0.0.5'] }) })
 * ```
 */
export function mtls(options: MtlsOptions = {}): CertificateBinding {
  if (options === null || typeof options !== 'object') fail('options must be an object ({ header?, trustedProxies?, required? })');
  const { header, trustedProxies, required = true } = options;
  if (typeof required !== 'boolean') fail('required must be true or false');
  if (header !== undefined && (typeof header !== 'string' || !HEADER_NAME.test(header))) fail(`header must be a header name, got ${JSON.stringify(header)}`);
  if (header !== undefined && header.toLowerCase() === 'authorization') fail('header cannot be Authorization: it carries the token');
  let proxies: ProxyList | undefined;
  if (header !== undefined) {
    if (trustedProxies === undefined || !Array.isArray(trustedProxies) || trustedProxies.length === 0) {
      fail(
        `header ${JSON.stringify(header)} is read from a request, which any client can send with a certificate of its choosing: ` +
          `list the addresses of the TLS-terminating proxies that set it in trustedProxies (mtls({ header: ${JSON.stringify(header)}, trustedProxies: ['10.0.0.5'] })), ` +
          'or leave header out to read the certificate of the TLS connection',
      );
    }
    proxies = trustedProxyList(trustedProxies, fail);
  } else if (trustedProxies !== undefined) {
    fail("trustedProxies is given without header: name the header the proxies set (e.g. header: 'x-client-cert')");
  }
  const name = header?.toLowerCase();
  const certificate = (request: RequestView): ClientCertificate | undefined | typeof UNREADABLE => {
    const socket = socketOf(request.native);
    if (name !== undefined && proxies!.includes(socket?.remoteAddress)) {
      // the proxy terminated TLS: its header is the client's certificate; the connection's own is the proxy's
      const values = request.headerAll(name);
      if (values.length === 0) return undefined;
      const thumbprint = values.length === 1 ? thumbprintFromHeader(values[0]) : undefined;
      return thumbprint === undefined ? UNREADABLE : { thumbprint, from: 'proxy' };
    }
    const der = peerCertificate(socket);
    return der === undefined ? undefined : { thumbprint: certificateThumbprint(der), from: 'tls' };
  };
  const scheme = defineScheme<ClientCertificate | undefined>({
    defaultName: 'MutualTLS',
    options: {
      ...(options.schemeName !== undefined ? { schemeName: options.schemeName } : {}),
      description:
        options.description ??
        'A client certificate presented on the TLS connection (RFC 8705): the access token must be bound to it (its cnf "x5t#S256" is the certificate\'s SHA-256 thumbprint).',
      autoError: required,
    },
    openapi: { type: 'mutualTLS' },
    challenge: undefined,
    consumes: [],
    bearerChallenges: false,
    // Never refuses: the bearer scheme it is required by compares the certificate with its token and answers.
    read: (request) => {
      const seen = certificate(request);
      return found(seen === UNREADABLE ? undefined : seen);
    },
  });
  const binding: CertificateBinding = Object.freeze({ required, header: name });
  bindings.set(binding, { scheme, certificate });
  return binding;
}

/**
 * Whether a value is a binding made by {@link mtls}.
 *
 * @example
 * ```ts
 * isCertificateBinding(mtls()) // true
 * ```
 */
export const isCertificateBinding = (value: unknown): value is CertificateBinding => typeof value === 'object' && value !== null && bindings.has(value as CertificateBinding);

/**
 * The `mutualTLS` scheme a bearer scheme given this binding requires beside
 * it (`defineScheme({ requires })`): it documents the requirement and never
 * refuses by itself.
 *
 * @example
 * ```ts
 * defineScheme({ ...definition, requires: [certificateScheme(binding)] })
 * ```
 */
export const certificateScheme = (binding: CertificateBinding): SecurityScheme<ClientCertificate | undefined> => bindings.get(binding)!.scheme;

/**
 * The `x5t#S256` confirmation of a checked token's claims (`cnf`, RFC 8705
 * §3.1; an introspection response carries it too, §3.2), or `undefined`.
 *
 * @example
 * ```ts
 * boundThumbprint({ cnf: { 'x5t#S256': 'bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2' } }) // 'bwcK0esc3ACC…'
 * ```
 */
export function boundThumbprint(claims: unknown): string | undefined {
  const cnf = typeof claims === 'object' && claims !== null ? (claims as { cnf?: unknown }).cnf : undefined;
  const thumbprint = typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>)['x5t#S256'] : undefined;
  return typeof thumbprint === 'string' && thumbprint !== '' ? thumbprint : undefined;
}

/**
 * Checks a verified token against the request's client certificate:
 * returns when it is bound to it (or, with `required: false`, when it is
 * bound to none); otherwise throws 401 `invalid_token` with what failed
 * (RFC 8705 §3), with the scheme's challenge parameters (`realm`,
 * `resource_metadata`).
 *
 * @example
 * ```ts
 * confirmCertificate(binding, value.claims, request, { realm: 'payments' })
 * ```
 */
export function confirmCertificate(binding: CertificateBinding, claims: unknown, request: RequestView, answers: InvalidTokenOptions): void {
  const bound = boundThumbprint(claims);
  if (bound === undefined) {
    if (binding.required) throw invalidToken('The token is not bound to a client certificate', answers);
    return;
  }
  const presented = bindings.get(binding)!.certificate(request);
  if (presented === UNREADABLE) throw invalidToken('The client certificate could not be read', answers);
  if (presented === undefined) throw invalidToken('The token is bound to a client certificate, and the request presented none', answers);
  if (!safeEqual(presented.thumbprint, bound)) throw invalidToken('The token is bound to another client certificate', answers);
}
