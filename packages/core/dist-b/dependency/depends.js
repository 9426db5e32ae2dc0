/**
 * `depends()`, `use()` and `security()`: how an application declares what a
 * handler needs.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { kDependency, kUse, } from './types.js';
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () { }).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () { }).constructor;
function callKindOf(fn) {
    if (fn instanceof AsyncGeneratorFunction)
        return 'asyncGenerator';
    if (fn instanceof GeneratorFunction)
        return 'generator';
    return 'plain';
}
export function depends(a, b, c) {
    if (typeof a === 'function')
        return createDependency({}, a, (b ?? {}));
    if (typeof b !== 'function') {
        throw new ConfigurationError(ErrorCode.InvalidDependency, 'depends(inputs, fn): fn must be a function');
    }
    return createDependency(a, b, (c ?? {}));
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
export function createDependency(inputs, fn, options = {}) {
    for (const [key, input] of Object.entries(inputs)) {
        if (!isInput(input)) {
            throw new ConfigurationError(ErrorCode.NotADependency, `Input "${key}" of dependency "${options.name ?? (fn.name || 'anonymous')}" ${notADependency(input)}`);
        }
    }
    return Object.freeze({
        [kDependency]: true,
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
export function notADependency(value) {
    if (value === undefined)
        return 'is undefined, not a dependency: usually an import cycle (the module that declares it has not run yet when this one reads it) or a missing export. Import it from the module that declares it, or move the declaration out of the cycle.';
    if (isUse(value))
        return `is a use() of ${String(value.dependency)}, not of a dependency`;
    const shown = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
    return `is ${shown}, not a dependency, a use() or an injectable class`;
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
export function use(dependency, options = {}) {
    const base = isUse(dependency) ? dependency : undefined;
    return Object.freeze({
        [kUse]: true,
        dependency: base ? base.dependency : dependency,
        useCache: options.useCache ?? base?.useCache,
        scope: options.scope ?? base?.scope,
        scopes: base?.scopes ?? [],
        ...(base?.security ? { security: true } : {}),
    });
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
export function security(dependency, options = {}) {
    const base = use(dependency, options);
    const scopes = [...base.scopes];
    for (const s of options.scopes ?? [])
        if (!scopes.includes(s))
            scopes.push(s);
    return Object.freeze({ ...base, scopes: Object.freeze(scopes), security: true });
}
/**
 * Whether a value is a dependency.
 *
 * @example
 * ```ts
 * isDependency(depends(() => 1)) // true
 * ```
 */
export function isDependency(value) {
    return typeof value === 'object' && value !== null && value[kDependency] === true;
}
/**
 * Whether a value is one use of a dependency (from `use()` or `security()`).
 *
 * @example
 * ```ts
 * isUse(use(dep)) // true
 * ```
 */
export function isUse(value) {
    return typeof value === 'object' && value !== null && value[kUse] === true;
}
/**
 * Whether a value can stand as a named input.
 *
 * @example
 * ```ts
 * isInput(UserService) // true for a class
 * ```
 */
export function isInput(value) {
    return isDependency(value) || (isUse(value) && isDependency(value.dependency)) || typeof value === 'function';
}
//# sourceMappingURL=depends.js.map