import { type CallContext, type Dependency, type DependencyMeta, type Input, type Inputs, type Produced, type TeardownScope, type Use, type Values } from './types.js';
/** Options of `depends()`. */
export interface DependsOptions {
    /** Name for error messages (default: the function's name). */
    name?: string;
    /** When a teardown dependency closes (default `request`). */
    scope?: TeardownScope;
    /** Default for every use: reuse the value within one request (default `true`). */
    useCache?: boolean;
}
/**
 * Declares a dependency: a function and the named inputs it needs (other
 * dependencies, request sources, security schemes, injectable classes). The
 * function's argument type is inferred from the inputs and its value type
 * from what it returns, resolves to, or yields.
 *
 * - a plain or async function produces its (awaited) result;
 * - an async generator (or generator) yields the value, and the code after
 *   `yield` is its teardown; an error in the request is thrown in at `yield`;
 * - a returned value with `Symbol.asyncDispose` / `Symbol.dispose` is disposed
 *   at teardown.
 *
 * @example
 * ```ts
 * const db = depends(async function* () {
 *   const conn = await pool.connect()
 *   try { yield conn } finally { conn.release() }
 * })
 * const bearer = httpBearer()
 * const currentUser = depends({ token: bearer, db }, async ({ token, db }) => {
 *   return db.findUserByToken(token.credentials)
 * })
 * ```
 */
export declare function depends<R>(fn: (values: {}, context: CallContext) => R, options?: DependsOptions): Dependency<Produced<R>>;
export declare function depends<const I extends Inputs, R>(inputs: I, fn: (values: Values<I>, context: CallContext) => R, options?: DependsOptions): Dependency<Produced<R>>;
/**
 * Low-level constructor used by `depends()`, request sources and security
 * schemes: it also takes the metadata interpreters read.
 *
 * @example
 * ```ts
 * const dep = createDependency({}, () => 42, { name: 'answer' })
 * ```
 */
export declare function createDependency<T>(inputs: Inputs, fn: (values: any, context: CallContext) => unknown, options?: DependsOptions & {
    meta?: DependencyMeta;
}): Dependency<T>;
/**
 * The end of a "not a dependency" message: what the value is, and the
 * usual cause when it is `undefined` (an import cycle).
 *
 * @example
 * ```ts
 * notADependency(undefined) // 'is undefined, not a dependency: ...'
 * ```
 */
export declare function notADependency(value: unknown): string;
/** Options of one use of a dependency. */
export interface UseOptions {
    /** `false`: compute a fresh value for this use instead of the per-request one. */
    useCache?: boolean;
    /** Teardown scope for this use. */
    scope?: TeardownScope;
}
/**
 * One use of a dependency with its own options (FastAPI's
 * `Depends(dep, use_cache=False)`).
 *
 * @example
 * ```ts
 * const route = { fresh: use(counter, { useCache: false }), shared: counter }
 * ```
 */
export declare function use<T>(dependency: Dependency<T> | Use<T>, options?: UseOptions): Use<T>;
/** Options of `security()`. */
export interface SecurityOptions extends UseOptions {
    /** OAuth2 scopes this use requires; they accumulate down the tree. */
    scopes?: readonly string[];
}
/**
 * One use of a dependency that requires OAuth2 scopes (FastAPI's
 * `Security(dep, scopes=[...])`). Scopes accumulate from the route down to
 * every scheme below, show in the operation's `security`, and reach any
 * dependency that takes `securityScopes`.
 *
 * @example
 * ```ts
 * router.get('/users/me/items', { user: security(currentUser, { scopes: ['items'] }) }, ({ user }) => user.items)
 * ```
 */
export declare function security<T>(dependency: Dependency<T> | Use<T>, options?: SecurityOptions): Use<T>;
/**
 * Whether a value is a dependency.
 *
 * @example
 * ```ts
 * isDependency(depends(() => 1)) // true
 * ```
 */
export declare function isDependency(value: unknown): value is Dependency<unknown>;
/**
 * Whether a value is one use of a dependency (from `use()` or `security()`).
 *
 * @example
 * ```ts
 * isUse(use(dep)) // true
 * ```
 */
export declare function isUse(value: unknown): value is Use<unknown>;
/**
 * Whether a value can stand as a named input.
 *
 * @example
 * ```ts
 * isInput(UserService) // true for a class
 * ```
 */
export declare function isInput(value: unknown): value is Input;
