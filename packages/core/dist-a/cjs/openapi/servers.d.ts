import type { DocumentOptions, ServerObject } from './types.js';
/**
 * Where a document is being served: the origin the request was sent to and
 * the path above the routes the document lists. Adapters fill it from the
 * framework's request (its protocol and host follow the framework's
 * trust-proxy setting); a value that is not a plain `http(s)://host[:port]`
 * origin or a plain path is ignored.
 *
 * @example
 * ```ts
 * const at: ServedAt = { origin: 'https://api.example.com', prefix: '/v1' } // an Express router used at /v1
 * app.openapi(at).servers // [{ url: 'https://api.example.com/v1' }]
 * ```
 */
export interface ServedAt {
    /** `scheme://host[:port]` of the request, as the framework sees it. */
    readonly origin?: string;
    /** The path the documented routes are mounted under in the app the request reached (`''` at the root). */
    readonly prefix?: string;
}
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
export declare function checkPublicOrigin(value: unknown): string;
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
export declare function checkServerOptions(options: Pick<DocumentOptions, 'publicOrigin' | 'servers'>): void;
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
export declare function serversFromRequest(options: Pick<DocumentOptions, 'publicOrigin' | 'servers'>): boolean;
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
export declare function documentServers(options: Pick<DocumentOptions, 'publicOrigin' | 'servers'>, at?: ServedAt): ServerObject[];
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
export declare function mountPrefix(requestPath: string, routePath: string): string;
