import { defineScheme, found, invalidOption, MISSING } from './scheme.js';
const CLASS_NAMES = { header: 'APIKeyHeader', query: 'APIKeyQuery', cookie: 'APIKeyCookie' };
function apiKey(where, options) {
    const className = CLASS_NAMES[where];
    const name = options?.name;
    if (typeof name !== 'string' || name === '')
        invalidOption(className, 'name must be a non-empty string');
    const get = where === 'header' ? (r) => r.header(name) : where === 'query' ? (r) => r.query(name) : (r) => r.cookie(name);
    return defineScheme({
        defaultName: className,
        options,
        openapi: { type: 'apiKey', in: where, name },
        challenge: 'APIKey',
        // Header names are matched case-insensitively: consumed in lowercase, as header() sources declare them.
        consumes: [{ in: where, name: where === 'header' ? name.toLowerCase() : name }],
        bearerChallenges: false,
        read: (request) => {
            const value = get(request);
            return value ? found(value) : MISSING;
        },
    });
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
export function apiKeyHeader(options) {
    return apiKey('header', options);
}
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
export function apiKeyQuery(options) {
    return apiKey('query', options);
}
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
export function apiKeyCookie(options) {
    return apiKey('cookie', options);
}
//# sourceMappingURL=api-key.js.map