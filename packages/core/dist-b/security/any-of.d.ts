import type { Dependency, Input, SchemeInfo, Use, ValueOf } from '../dependency/types.js';
import { type SecurityScheme } from './scheme.js';
/**
 * An alternative of {@link anyOf}: a scheme, or a `security(scheme, { scopes })` use of one.
 *
 * @example
 * ```ts
 * anyOf(httpBearer(), security(oauth2Scheme, { scopes: ['read'] }))
 * ```
 */
export type SchemeInput = SecurityScheme<unknown> | Use<unknown> | AlternativeSchemes<unknown>;
/**
 * The meta of an `anyOf` dependency.
 *
 * @example
 * ```ts
 * if (dep.meta.security?.kind === 'anyOf') dep.meta.security.alternatives.length // 2
 * ```
 */
export interface AnyOfMeta {
    readonly security: {
        readonly kind: 'anyOf';
        readonly alternatives: readonly Input[];
        readonly optional?: boolean;
    };
}
/**
 * The dependency `anyOf()` returns: its value is the union of the alternatives' values.
 *
 * @example
 * ```ts
 * const caller: AlternativeSchemes<HTTPAuthorizationCredentials | string> = anyOf(httpBearer(), apiKeyHeader({ name: 'x-api-key' }))
 * ```
 */
export type AlternativeSchemes<T> = Dependency<T> & {
    readonly meta: AnyOfMeta;
};
/**
 * Options of {@link anyOf} (array form).
 *
 * @example
 * ```ts
 * anyOf([httpBearer(), apiKeyCookie({ name: 'session' })], { autoError: false, name: 'optionalCaller' })
 * ```
 */
export interface AnyOfOptions<A extends boolean = boolean> {
    /** Name for messages (default `anyOf(A, B)`). */
    name?: string;
    /** `false`: no credential gives `undefined` instead of a 401 (malformed Basic credentials still 401). */
    autoError?: A;
    /** Builds the error when no alternative finds a credential (default: 401 with every challenge). */
    notAuthenticated?: (schemes: readonly SchemeInfo[]) => Error;
}
type Alternatives = readonly [SchemeInput, ...SchemeInput[]];
/**
 * Accepts any one of several security schemes (OR): they are tried in
 * order and the first that finds a credential gives the value, so the
 * value's type is the union of theirs. When none finds one, the answer is
 * one 401 with a `WWW-Authenticate` line per scheme. When an alternative has
 * `autoError: false`, or `autoError: false` is given here, no credential
 * gives `undefined` instead. Malformed Basic credentials still answer 401.
 * In OpenAPI each alternative is its own requirement: `[{A:[]},{B:[]}]`.
 *
 * Any scheme built with `defineScheme()` is an alternative, whatever its
 * package: `anyOf(jwtBearer({ issuer, audience }), apiKeyHeader({ name:
 * 'x-api-key' }))` takes a provider token or an API key. A credential found
 * is checked by its own scheme, and a refusal there (401 `invalid_token`,
 * 403 `insufficient_scope`) is the answer: the next alternative is not
 * tried for a credential the client did send.
 *
 * Overrides apply inside it: an overridden alternative is run in its turn
 * and counts as found when its override gives a value (`undefined` counts
 * as missing: the next alternative is tried). Overriding the `anyOf` itself
 * replaces it whole. The document never changes.
 *
 * @example
 * ```ts
 * const bearer = httpBearer()
 * const apiKey = apiKeyHeader({ name: 'x-api-key' })
 * const caller = anyOf(bearer, apiKey) // HTTPAuthorizationCredentials | string
 * router.get('/reports', { caller }, ({ caller }) => (typeof caller === 'string' ? byKey(caller) : byToken(caller.credentials)))
 *
 * const optionalCaller = anyOf([bearer, apiKey], { autoError: false }) // ... | undefined
 * ```
 */
export declare function anyOf<const S extends Alternatives>(...alternatives: S): AlternativeSchemes<ValueOf<S[number]>>;
export declare function anyOf<const S extends Alternatives, A extends boolean = true>(alternatives: S, options: AnyOfOptions<A>): AlternativeSchemes<[A] extends [true] ? ValueOf<S[number]> : ValueOf<S[number]> | undefined>;
export {};
