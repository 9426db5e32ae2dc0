import { type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';
/**
 * Options of the API-key schemes.
 *
 * @example
 * ```ts
 * apiKeyHeader({ name: 'X-API-Key', description: 'Issued in the dashboard', autoError: false })
 * ```
 */
export interface ApiKeyOptions<A extends boolean = boolean> extends SchemeOptions<A> {
    /** The header name, query key or cookie name. */
    name: string;
}
/**
 * An API key in a request header (looked up case-insensitively, first
 * occurrence). Missing or empty answers 401 with `WWW-Authenticate: APIKey`.
 *
 * @example
 * ```ts
 * const apiKey = apiKeyHeader({ name: 'X-API-Key' })
 * const client = depends({ key: apiKey }, ({ key }) => clients.find((c) => safeEqual(c.key, key)) ?? reject())
 * ```
 */
export declare function apiKeyHeader<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>>;
/**
 * An API key in a query parameter (the last occurrence wins). Missing or
 * empty answers 401 with `WWW-Authenticate: APIKey`.
 *
 * @example
 * ```ts
 * const apiKey = apiKeyQuery({ name: 'api_key' })
 * router.get('/feed', { key: apiKey }, ({ key }) => feedFor(key))
 * ```
 */
export declare function apiKeyQuery<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>>;
/**
 * An API key in a cookie (the last duplicate wins). Missing or empty
 * answers 401 with `WWW-Authenticate: APIKey`.
 *
 * @example
 * ```ts
 * const session = apiKeyCookie({ name: 'session', autoError: false }) // string | undefined
 * router.get('/', { session }, ({ session }) => (session ? home(session) : welcome()))
 * ```
 */
export declare function apiKeyCookie<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>>;
