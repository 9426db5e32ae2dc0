/**
 * The URI a DPoP proof's `htu` must name (RFC 9449 §4.3 point 9): the
 * request's path under the API's configured public origin — never the
 * `Host` header, nor forwarded headers unless they come from a proxy the
 * app names — compared without query and fragment, after RFC 3986 §6.2.2
 * and §6.2.3 normalisation (case of scheme and host, default port, dot
 * segments, percent-encoding).
 */
import type { RequestView } from '@depends/core';
import type { ProxyList } from '../proxies.js';

/** RFC 3986 unreserved characters: a percent-encoded one means the character itself. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encoding normalised (§6.2.2.1–2): hex digits upper-case, unreserved characters decoded. */
function normalisePercent(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * An absolute http(s) URI as compared for `htu`: scheme and host
 * lower-case, default port dropped, dot segments removed, empty path `/`,
 * percent-encoding normalised, no query and no fragment. `undefined` for
 * anything else (not a URI, another scheme, user info).
 *
 * @example
 * ```ts
 * normaliseHtu('HTTPS://API.example.com:443/a/./b/%7euser?q=1#f') // 'https://api.example.com/a/b/~user'
 * ```
 */
export function normaliseHtu(uri: string): string | undefined {
  // a client names the same few URLs again and again: each is parsed once (bounded; a flood of new ones is parsed each time)
  const known = normalised.get(uri);
  if (known !== undefined) return known || undefined;
  let result: string | undefined;
  if (URL.canParse(uri)) {
    const url = new URL(uri);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '') result = `${url.protocol}//${url.host}${normalisePercent(url.pathname)}`;
  }
  if (normalised.size < MAX_NORMALISED) normalised.set(uri, result ?? '');
  return result;
}

/** {@link normaliseHtu}'s answers by the `htu` given (`''`: not a usable URI). */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 1024;

/**
 * Checks a `publicOrigin` for DPoP: an absolute http(s) URL with nothing
 * but scheme and authority (a path, query or fragment is a mistake),
 * returned as its origin. Returns the reason it cannot be used otherwise.
 *
 * @example
 * ```ts
 * publicOriginOf('https://api.example.com/') // { origin: 'https://api.example.com' }
 * publicOriginOf('api.example.com')          // { mistake: '…' }
 * ```
 */
export function publicOriginOf(value: unknown): { origin: string } | { mistake: string } {
  if (typeof value !== 'string' || !URL.canParse(value)) return { mistake: 'must be an absolute URL such as "https://api.example.com"' };
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { mistake: 'must be an http(s) URL' };
  if (url.username !== '' || url.password !== '') return { mistake: 'must not hold user info' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { mistake: 'must be an origin only (scheme, host and port), without path, query or fragment' };
  }
  return { origin: url.origin };
}

/**
 * The proxies whose `X-Forwarded-Proto` and `X-Forwarded-Host` are believed
 * (`dpop({ trustForwarded })`).
 *
 * @example
 * ```ts
 * const trustForwarded: TrustedProxies = { proxies: ['10.0.0.5', '10.1.0.0/16'] }
 * ```
 */
export interface TrustedProxies {
  /**
   * The proxies' own addresses as the API's socket sees them (`10.0.0.5`,
   * `::1`), or their networks in CIDR notation (`10.0.0.0/8`, `fd00::/8`);
   * an IPv4-mapped IPv6 address (`::ffff:10.0.0.5`) counts as its IPv4
   * address.
   */
  readonly proxies: readonly string[];
}

type Maybe = { [key: string]: unknown } | undefined;
const asObject = (v: unknown): Maybe => (typeof v === 'object' && v !== null ? (v as Maybe) : undefined);
const remote = (owner: unknown): string | undefined => {
  const address = asObject(asObject(owner)?.socket)?.remoteAddress;
  return typeof address === 'string' && address !== '' ? address : undefined;
};

/**
 * The address of the peer the request came from, read from the socket
 * behind the framework's request (Express `req`, Koa `ctx.req`, Fastify
 * `request.raw`, Hono on node-server `c.env.incoming`) — never from a
 * header and never from a framework's trust-proxy setting.
 *
 * @example
 * ```ts
 * peerAddress(request) // '127.0.0.1'
 * ```
 */
export function peerAddress(request: RequestView): string | undefined {
  const native = asObject(request.native);
  if (!native) return undefined;
  return remote(native) ?? remote(native.req) ?? remote(native.raw) ?? remote(asObject(native.env)?.incoming);
}

/**
 * Where the request URI's origin comes from: the configured public origin,
 * or the forwarded headers of a trusted proxy (`proxies`: made of
 * `trustForwarded.proxies` by `trustedProxyList()`).
 *
 * @example
 * ```ts
 * const origin = originSource({ publicOrigin: 'https://api.example.com' })
 * origin(request) // 'https://api.example.com'
 * ```
 */
export function originSource(config: { publicOrigin?: string; proxies?: ProxyList }): (request: RequestView) => string | undefined {
  if (config.publicOrigin !== undefined) {
    const origin = config.publicOrigin;
    return () => origin;
  }
  const proxies = config.proxies;
  return (request) => {
    if (proxies === undefined || !proxies.includes(peerAddress(request))) return undefined;
    const proto = request.headerAll('x-forwarded-proto');
    const host = request.headerAll('x-forwarded-host');
    // one proxy in front: one value of each, nothing appended by anyone else
    if (proto.length !== 1 || host.length !== 1 || proto[0].includes(',') || host[0].includes(',')) return undefined;
    const found = publicOriginOf(`${proto[0].trim().toLowerCase()}://${host[0].trim()}`);
    return 'origin' in found ? found.origin : undefined;
  };
}

/**
 * The request's URI as `htu` is compared with: origin + path, normalised
 * (see {@link normaliseHtu}).
 *
 * @example
 * ```ts
 * requestHtu('https://api.example.com', createRequestView({ url: '/reports?page=2' })) // 'https://api.example.com/reports'
 * ```
 */
export function requestHtu(origin: string, request: RequestView): string | undefined {
  const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
  return normaliseHtu(origin + path);
}
