import { type Dependency, type Injectable, type Input, type Use } from './types.js';
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
export declare function provideClassInputs(resolveClass: (cls: Injectable<any>) => Dependency<any>): void;
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
export declare function toUse(input: Input, where?: string): Use<any>;
/**
 * Appends to `parent` the scopes of `own` it does not hold yet (FastAPI's
 * `_get_oauth_scopes`).
 *
 * @example
 * ```ts
 * accumulateScopes(['items'], ['me', 'items']) // ['items', 'me']
 * ```
 */
export declare function accumulateScopes(parent: readonly string[], own: readonly string[]): readonly string[];
