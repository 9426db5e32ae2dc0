import { SecurityScopes } from '../dependency/builtins.js';
import type { Dependency, Use } from '../dependency/types.js';
import { type InsufficientScopeOptions } from './errors.js';
/**
 * Scopes a credential grants: a space-separated string (an OAuth2 `scope`
 * claim), any iterable of scope names, or nothing.
 *
 * @example
 * ```ts
 * const claims = depends(() => ({ sub: 'alice', scope: 'me items' }))
 * withScopes(claims, (c): GrantedScopes => c.scope) // 'me items' or ['me', 'items']
 * ```
 */
export type GrantedScopes = string | Iterable<string> | null | undefined;
/**
 * The required scopes a credential does not grant, in the required order.
 *
 * @example
 * ```ts
 * missingScopes(['items', 'me'], 'me openid') // ['items']
 * missingScopes(new SecurityScopes(['me']), ['me']) // []
 * ```
 */
export declare function missingScopes(required: SecurityScopes | readonly string[], granted: GrantedScopes): string[];
/**
 * Throws the 403 `insufficient_scope` answer (listing every required scope)
 * when any required scope is not granted.
 *
 * @example
 * ```ts
 * const user = depends({ token: oauth2Scheme, required: securityScopes }, ({ token, required }) => {
 *   const claims = decode(token)
 *   assertScopes(required, claims.scope)
 *   return claims
 * })
 * ```
 */
export declare function assertScopes(required: SecurityScopes | readonly string[], granted: GrantedScopes, options?: InsufficientScopeOptions): void;
/**
 * Options of {@link withScopes}.
 *
 * @example
 * ```ts
 * const claims = depends(() => ({ sub: 'alice', scope: 'me items' }))
 * withScopes(claims, (c) => c.scope, { name: 'currentUser', detail: 'Missing permission' })
 * ```
 */
export interface WithScopesOptions extends InsufficientScopeOptions {
    /** Name for messages (default `withScopes(<dependency>)`). */
    name?: string;
}
/**
 * Wraps a dependency that produces an authenticated principal (a user, a
 * token's claims) so that it enforces the scopes required where it is used:
 * `granted(value)` says which scopes the principal holds, and when any scope
 * accumulated by `security(…, { scopes })` down to this use is missing the
 * request answers **403** with `WWW-Authenticate: Bearer
 * error="insufficient_scope", scope="…"`. The value is passed through
 * unchanged. The dependency is cached per required-scope set, and the
 * OpenAPI document lists a 403 for routes that use it. `granted` is not
 * called when no scope is required; over an optional credential it receives
 * `undefined` (return no scopes to answer 403 when scopes are required).
 *
 * @example
 * ```ts
 * const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself', items: 'Read items' } })
 * const claims = depends({ token: oauth2Scheme }, ({ token }) => verifyJwt(token)) // throws invalidToken() when bad
 * const currentUser = withScopes(claims, (c) => c.scope)
 *
 * router.get('/users/me/items', { user: security(currentUser, { scopes: ['items'] }) }, ({ user }) => itemsOf(user))
 * ```
 */
export declare function withScopes<T>(dependency: Dependency<T> | Use<T>, granted: (value: T) => GrantedScopes | Promise<GrantedScopes>, options?: WithScopesOptions): Dependency<T>;
