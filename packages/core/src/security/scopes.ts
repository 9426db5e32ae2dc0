/**
 * Scope enforcement beyond FastAPI: compare the scopes a route requires
 * (accumulated by `security(…, { scopes })`) with the scopes a credential
 * grants, and answer 403 `insufficient_scope` without user code.
 */
import { createDependency, isUse } from '../dependency/depends.js';
import { securityScopes, SecurityScopes } from '../dependency/builtins.js';
import { Refusal } from '../dependency/refusal.js';
import type { Dependency, Use } from '../dependency/types.js';
import { insufficientScope, type InsufficientScopeOptions } from './errors.js';
import { isThenable } from '../util/thenable.js';
import { pythonSplit } from './python-strings.js';

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

function grantedSet(granted: GrantedScopes): Set<string> {
  if (granted === null || granted === undefined) return new Set();
  if (typeof granted === 'string') return new Set(pythonSplit(granted));
  return new Set(granted);
}

/** The required scopes as a list: told apart from `SecurityScopes` by shape, which holds for one made by another copy of the core too. */
function requiredList(required: SecurityScopes | readonly string[]): readonly string[] {
  return Array.isArray(required) ? required : (required as SecurityScopes).scopes;
}

/**
 * The required scopes a credential does not grant, in the required order.
 *
 * @example
 * ```ts
 * missingScopes(['items', 'me'], 'me openid') // ['items']
 * missingScopes(new SecurityScopes(['me']), ['me']) // []
 * ```
 */
export function missingScopes(required: SecurityScopes | readonly string[], granted: GrantedScopes): string[] {
  const have = grantedSet(granted);
  return requiredList(required).filter((s) => !have.has(s));
}

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
export function assertScopes(required: SecurityScopes | readonly string[], granted: GrantedScopes, options?: InsufficientScopeOptions): void {
  if (lacksScope(required, granted)) throw insufficientScope(required, options);
}

/** Whether some required scope is not granted. */
function lacksScope(required: SecurityScopes | readonly string[], granted: GrantedScopes): boolean {
  const list = requiredList(required);
  if (list.length === 0) return false;
  if (granted === null || granted === undefined) return true;
  // the usual few scopes: looked up in the list itself, without building a set per request
  const few = typeof granted === 'string' ? pythonSplit(granted) : Array.isArray(granted) ? (granted as readonly string[]) : undefined;
  if (few !== undefined && few.length * list.length <= 64) {
    for (const scope of list) if (!few.includes(scope)) return true;
    return false;
  }
  const have = grantedSet(few ?? granted);
  for (const scope of list) if (!have.has(scope)) return true;
  return false;
}


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
export function withScopes<T>(
  dependency: Dependency<T> | Use<T>,
  granted: (value: T) => GrantedScopes | Promise<GrantedScopes>,
  options: WithScopesOptions = {},
): Dependency<T> {
  const inner = isUse(dependency) ? dependency.dependency : dependency;
  const name = options.name ?? `withScopes(${inner.name})`;
  const fn = ({ value, required }: { value: T; required: SecurityScopes }): T | Promise<T> => {
    if (required.scopes.length === 0) return value;
    const have = granted(value);
    if (!isThenable(have)) return lacksScope(required, have) ? (new Refusal(insufficientScope(required, options)) as never) : value;
    return Promise.resolve(have).then((scopes) => {
      assertScopes(required, scopes, options);
      return value;
    });
  };
  return createDependency<T>({ value: dependency, required: securityScopes }, fn, {
    name,
    meta: { enforcesScopes: true },
  });
}
