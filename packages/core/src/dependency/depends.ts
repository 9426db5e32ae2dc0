/**
 * `depends()`, `use()` and `security()`: how an application declares what a
 * handler needs.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import {
  kDependency,
  kUse,
  type CallContext,
  type CallKind,
  type Dependency,
  type DependencyMeta,
  type Input,
  type Inputs,
  type Produced,
  type TeardownScope,
  type Use,
  type Values,
} from './types.js';

/** Options of `depends()`. */
export interface DependsOptions {
  /** Name for error messages (default: the function's name). */
  name?: string;
  /** When a teardown dependency closes (default `request`). */
  scope?: TeardownScope;
  /** Default for every use: reuse the value within one request (default `true`). */
  useCache?: boolean;
}

const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

function callKindOf(fn: Function): CallKind {
  if (fn instanceof AsyncGeneratorFunction) return 'asyncGenerator';
  if (fn instanceof GeneratorFunction) return 'generator';
  return 'plain';
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
export function depends<R>(fn: (values: {}, context: CallContext) => R, options?: DependsOptions): Dependency<Produced<R>>;
export function depends<const I extends Inputs, R>(
  inputs: I,
  fn: (values: Values<I>, context: CallContext) => R,
  options?: DependsOptions,
): Dependency<Produced<R>>;
export function depends(a: unknown, b?: unknown, c?: unknown): Dependency<any> {
  if (typeof a === 'function') return createDependency({}, a as never, (b ?? {}) as DependsOptions);
  if (typeof b !== 'function') {
    throw new ConfigurationError(ErrorCode.InvalidDependency, 'depends(inputs, fn): fn must be a function');
  }
  return createDependency(a as Inputs, b as never, (c ?? {}) as DependsOptions);
}

/**
 * Low-level constructor used by `depends()`, request sources and security
 * schemes: it also takes the metadata interpreters read.
 *
 * @example
 * ```ts
 * const dep = createDependency({}, () => 42, { name: 'answer' })
 * ```
 */
export function createDependency<T>(
  inputs: Inputs,
  fn: (values: any, context: CallContext) => unknown,
  options: DependsOptions & { meta?: DependencyMeta } = {},
): Dependency<T> {
  for (const [key, input] of Object.entries(inputs)) {
    if (!isInput(input)) {
      throw new ConfigurationError(
        ErrorCode.NotADependency,
        `Input "${key}" of dependency "${options.name ?? (fn.name || 'anonymous')}" ${notADependency(input)}`,
      );
    }
  }
  return Object.freeze({
    [kDependency]: true as const,
    name: options.name ?? (fn.name || 'anonymous'),
    inputs: Object.freeze({ ...inputs }),
    fn,
    callKind: callKindOf(fn),
    scope: options.scope,
    useCache: options.useCache ?? true,
    meta: Object.freeze({ ...(options.meta ?? {}) }),
  });
}

/**
 * The end of a "not a dependency" message: what the value is, and the
 * usual cause when it is `undefined` (an import cycle).
 *
 * @example
 * ```ts
 * notADependency(undefined) // 'is undefined, not a dependency: ...'
 * ```
 */
export function notADependency(value: unknown): string {
  if (value === undefined)
    return 'is undefined, not a dependency: usually an import cycle (the module that declares it has not run yet when this one reads it) or a missing export. Import it from the module that declares it, or move the declaration out of the cycle.';
  if (isUse(value)) return `is a use() of ${String((value as { dependency: unknown }).dependency)}, not of a dependency`;
  const shown = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
  return `is ${shown}, not a dependency, a use() or an injectable class`;
}

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
export function use<T>(dependency: Dependency<T> | Use<T>, options: UseOptions = {}): Use<T> {
  const base = isUse(dependency) ? dependency : undefined;
  return Object.freeze({
    [kUse]: true as const,
    dependency: base ? base.dependency : (dependency as Dependency<T>),
    useCache: options.useCache ?? base?.useCache,
    scope: options.scope ?? base?.scope,
    scopes: base?.scopes ?? [],
    ...(base?.security ? { security: true as const } : {}),
  });
}

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
export function security<T>(dependency: Dependency<T> | Use<T>, options: SecurityOptions = {}): Use<T> {
  const base = use(dependency, options);
  const scopes = [...base.scopes];
  for (const s of options.scopes ?? []) if (!scopes.includes(s)) scopes.push(s);
  return Object.freeze({ ...base, scopes: Object.freeze(scopes), security: true as const });
}

/**
 * Whether a value is a dependency.
 *
 * @example
 * ```ts
 * isDependency(depends(() => 1)) // true
 * ```
 */
export function isDependency(value: unknown): value is Dependency<unknown> {
  return typeof value === 'object' && value !== null && (value as { [kDependency]?: true })[kDependency] === true;
}

/**
 * Whether a value is one use of a dependency (from `use()` or `security()`).
 *
 * @example
 * ```ts
 * isUse(use(dep)) // true
 * ```
 */
export function isUse(value: unknown): value is Use<unknown> {
  return typeof value === 'object' && value !== null && (value as { [kUse]?: true })[kUse] === true;
}

/**
 * Whether a value can stand as a named input.
 *
 * @example
 * ```ts
 * isInput(UserService) // true for a class
 * ```
 */
export function isInput(value: unknown): value is Input {
  return isDependency(value) || (isUse(value) && isDependency(value.dependency)) || typeof value === 'function';
}
