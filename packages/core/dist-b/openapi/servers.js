/**
 * The document's `servers`: where a client sends its requests. Absolute, so
 * that a client generated from the document (orval, openapi-fetch…) runs as
 * generated: the `servers` given as they are; else the app's public origin
 * (`publicOrigin`); else, when the document is served, the origin the
 * request for it was sent to, as the framework sees it (the `Host` header,
 * and `X-Forwarded-Proto`/`X-Forwarded-Host` only where the framework's
 * trust-proxy setting trusts them), plus the path the documented routes are
 * mounted under. Without a request and without either option: `/`.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
const invalid = (message) => {
    throw new ConfigurationError(ErrorCode.InvalidDocumentOption, message);
};
/**
 * Checks a `publicOrigin` option and returns it without a trailing slash:
 * an absolute `http:` or `https:` URL, with no credentials, query or
 * fragment; a path prefix is allowed (`https://example.com/api`).
 * Throws a `ConfigurationError` (`DEPENDS_INVALID_DOCUMENT_OPTION`) otherwise.
 *
 * @example
 * ```ts
 * checkPublicOrigin('https://API.example.com/') // 'https://api.example.com'
 * checkPublicOrigin('https://example.com/api/') // 'https://example.com/api'
 * checkPublicOrigin('/api')                     // throws: not an absolute URL
 * ```
 */
export function checkPublicOrigin(value) {
    const example = 'give the absolute http(s) URL clients reach the app at, e.g. "https://api.example.com" (a path prefix is allowed: "https://example.com/api")';
    const mistake = (why) => invalid(`publicOrigin ${JSON.stringify(value)} ${why}: ${example}`);
    if (typeof value !== 'string' || !URL.canParse(value))
        return mistake('is not an absolute URL');
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return mistake('is not an http or https URL');
    if (url.username !== '' || url.password !== '')
        return mistake('holds credentials');
    if (value.includes('?') || value.includes('#'))
        return mistake('has a query or a fragment');
    return url.origin + url.pathname.replace(/\/+$/, '');
}
/**
 * Checks the server options of a document (at startup: `DependsApp`'s
 * constructor and `buildDocument` call it): a valid `publicOrigin`, and not
 * both `publicOrigin` and `servers`.
 *
 * @example
 * ```ts
 * checkServerOptions({ publicOrigin: 'https://api.example.com' })
 * checkServerOptions({ publicOrigin: 'https://a.example', servers: [{ url: 'https://b.example' }] }) // throws
 * ```
 */
export function checkServerOptions(options) {
    if (options.publicOrigin === undefined)
        return;
    checkPublicOrigin(options.publicOrigin);
    if (options.servers?.length)
        invalid('give publicOrigin or servers, not both: publicOrigin is the one server of the document');
}
/**
 * Whether the document's server is taken from the request it is served to:
 * neither `servers` nor `publicOrigin` is given.
 *
 * @example
 * ```ts
 * serversFromRequest({})                                           // true
 * serversFromRequest({ publicOrigin: 'https://api.example.com' })   // false
 * ```
 */
export function serversFromRequest(options) {
    return !options.servers?.length && options.publicOrigin === undefined;
}
/** `http(s)://` and a host (a name, IPv4 or a bracketed IPv6 address) with an optional port: nothing else from a request is put in a document. */
const ORIGIN = /^https?:\/\/(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** Path segments of unreserved, sub-delimiter, `:`, `@` and percent-encoded characters. */
const PREFIX = /^(?:\/[\w.~!$&'()*+,;=:@%-]+)*\/?$/;
/** A request's origin fit for the document (lower-cased host, default port dropped), or `undefined`. */
function requestOrigin(origin) {
    if (origin === undefined || !ORIGIN.test(origin) || !URL.canParse(origin))
        return undefined;
    return new URL(origin).origin;
}
/**
 * The document's `servers` for these options, served at `at` (see the
 * module comment for the order). A new list each time.
 *
 * @example
 * ```ts
 * documentServers({})                                                    // [{ url: '/' }]
 * documentServers({}, { origin: 'http://127.0.0.1:3000' })               // [{ url: 'http://127.0.0.1:3000' }]
 * documentServers({ publicOrigin: 'https://api.example.com' }, { prefix: '/v1' }) // [{ url: 'https://api.example.com/v1' }]
 * documentServers({ servers: [{ url: '/api' }] }, { origin: 'http://h' }) // [{ url: '/api' }]: as given
 * ```
 */
export function documentServers(options, at = {}) {
    if (options.servers?.length)
        return options.servers.map((s) => ({ ...s }));
    const base = options.publicOrigin !== undefined ? checkPublicOrigin(options.publicOrigin) : requestOrigin(at.origin);
    const prefix = at.prefix !== undefined && PREFIX.test(at.prefix) ? at.prefix.replace(/\/+$/, '') : '';
    if (base === undefined)
        return [{ url: prefix || '/' }];
    return [{ url: base + prefix }];
}
/**
 * The path a route is mounted under: what comes before `routePath` (the
 * route's path in the router it was registered on) in the path the request
 * was sent to (its query left out); `''` when that path does not end with
 * `routePath`. Adapters give it as {@link ServedAt.prefix}.
 *
 * @example
 * ```ts
 * mountPrefix('/api/openapi.json?pretty', '/openapi.json') // '/api'
 * mountPrefix('/openapi.json', '/openapi.json')            // ''
 * ```
 */
export function mountPrefix(requestPath, routePath) {
    const end = requestPath.search(/[?#]/);
    const path = end === -1 ? requestPath : requestPath.slice(0, end);
    return routePath !== '' && path.endsWith(routePath) ? path.slice(0, path.length - routePath.length) : '';
}
//# sourceMappingURL=servers.js.map