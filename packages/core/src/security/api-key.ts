/**
 * API keys in a header, a query parameter or a cookie (FastAPI's
 * `APIKeyHeader`, `APIKeyQuery`, `APIKeyCookie`). The value is the raw
 * string; an empty value counts as missing. Compare it with `safeEqual`.
 */
import type { RequestView } from '../request/view.js';
import { defineScheme, found, invalidOption, MISSING, type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';

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

type Where = 'header' | 'query' | 'cookie';

const CLASS_NAMES: Readonly<Record<Where, string>> = { header: 'APIKeyHeader', query: 'APIKeyQuery', cookie: 'APIKeyCookie' };

function apiKey(where: Where, options: ApiKeyOptions): SecurityScheme<string> {
  const className = CLASS_NAMES[where];
  const name = options?.name;
  if (typeof name !== 'string' || name === '') invalidOption(className, 'name must be a non-empty string');
  const get: (request: RequestView) => string | undefined =
    where === 'header' ? (r) => r.header(name) : where === 'query' ? (r) => r.query(name) : (r) => r.cookie(name);
  return defineScheme<string>({
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
export function apiKeyHeader<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>> {
  return apiKey('header', options) as SecurityScheme<SchemeValue<string, A>>;
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
export function apiKeyQuery<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>> {
  return apiKey('query', options) as SecurityScheme<SchemeValue<string, A>>;
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
export function apiKeyCookie<A extends boolean = true>(options: ApiKeyOptions<A>): SecurityScheme<SchemeValue<string, A>> {
  return apiKey('cookie', options) as SecurityScheme<SchemeValue<string, A>>;
}
