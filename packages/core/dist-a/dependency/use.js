/**
 * Every input normalised to one {@link Use}: a bare dependency is a use
 * with default options, a class is resolved through the services plugin
 * (`@depends/core/services`) when it is loaded. Plus the OAuth2 scope
 * accumulation rule both interpreters apply down the tree.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { isDependency, isUse } from './depends.js';
import { kUse } from './types.js';
const NO_SCOPES = Object.freeze([]);
const plainUses = new WeakMap();
let classInputs;
/**
 * Lets classes stand as inputs: the services plugin registers how a class
 * becomes a dependency (resolved from the request's container). Without it a
 * class input is a configuration error.
 *
 * @example
 * ```ts
 * provideClassInputs((cls) => inject(cls as InjectionToken<unknown>))
 * ```
 */
export function provideClassInputs(resolveClass) {
    classInputs = resolveClass;
}
/**
 * Normalises an input (dependency, use, or injectable class) to a use.
 * `where` (e.g. `Route GET /me, input "user"`) starts the message of the
 * error thrown for something that is not an input.
 *
 * @example
 * ```ts
 * toUse(security(user, { scopes: ['me'] })).scopes // ['me']
 * toUse(user).useCache                              // undefined: the dependency's own default applies
 * ```
 */
export function toUse(input, where) {
    if (isUse(input))
        return input;
    if (isDependency(input)) {
        let use = plainUses.get(input);
        if (!use) {
            use = Object.freeze({ [kUse]: true, dependency: input, useCache: undefined, scope: undefined, scopes: NO_SCOPES });
            plainUses.set(input, use);
        }
        return use;
    }
    if (typeof input === 'function') {
        if (classInputs)
            return toUse(classInputs(input));
        throw new ConfigurationError(ErrorCode.ServicesNotLoaded, `${where ? `${where}: the` : 'The'} input class ${input.name || '(anonymous)'} needs the services plugin: import { inject } from '@depends/core/services' (it resolves classes from a tsyringe container)`);
    }
    throw new ConfigurationError(ErrorCode.NotADependency, `${where ? `${where}: ` : ''}${String(input)} is not a dependency, a use or an injectable class`);
}
/**
 * Appends to `parent` the scopes of `own` it does not hold yet (FastAPI's
 * `_get_oauth_scopes`).
 *
 * @example
 * ```ts
 * accumulateScopes(['items'], ['me', 'items']) // ['items', 'me']
 * ```
 */
export function accumulateScopes(parent, own) {
    if (own.length === 0)
        return parent;
    const out = [...parent];
    for (const s of own)
        if (!parent.includes(s))
            out.push(s);
    return out;
}
//# sourceMappingURL=use.js.map