import type { Dependency, Input, Inputs } from '../dependency/types.js';
/** A route's declarations, as `DependsApp` hands them to the analysis. */
export interface RouteDeclarations {
    /** `GET /items/{id}`: used in messages. */
    readonly label: string;
    /** App, global-security, router and route dependencies, outermost first. */
    readonly dependencies: readonly Input[];
    /** The handler's named inputs. */
    readonly inputs: Inputs;
}
/**
 * The key of an outer dependency in messages: `dependencies.<name>`, or
 * `dependencies[i]` when it has no name of its own.
 *
 * @example
 * ```ts
 * outerKey(verifyToken, 0) // 'dependencies.verifyToken'
 * ```
 */
export declare function outerKey(dependency: Dependency<any> | undefined, index: number): string;
/**
 * Checks every input reached from a route's declarations: each must be a
 * dependency, a use of one or an injectable class (`DEPENDS_NOT_A_DEPENDENCY`
 * otherwise, e.g. `undefined` from an import cycle), and a `security()` use
 * must reach a security scheme or a reader of its scopes
 * (`DEPENDS_SECURITY_WITHOUT_SCHEME`). Messages name the route and the key
 * path (`user.token`).
 *
 * @example
 * ```ts
 * checkDeclarations({ label: 'GET /me', dependencies: [], inputs: { user: undefined as never } })
 * // throws: Route GET /me, input "user": it is undefined, not a dependency: usually an import cycle ...
 * ```
 */
export declare function checkDeclarations(route: RouteDeclarations): void;
/**
 * Whether `security()` over a dependency does something: a security scheme
 * (or an `anyOf` of schemes) is reached from it, itself included, or a
 * dependency that reads the required scopes (`securityScopes`,
 * `withScopes`). Memoised per dependency; safe on cycles.
 *
 * @example
 * ```ts
 * reachesScheme(depends({ token: httpBearer() }, ({ token }) => token)) // true
 * reachesScheme(depends({ token: header('x-token') }, ({ token }) => token)) // false
 * reachesScheme(depends({ s: securityScopes }, ({ s }) => s.scopes)) // true: it checks the scopes itself
 * ```
 */
export declare function reachesScheme(dependency: Dependency<any>): boolean;
/**
 * Whether a dependency, or one it depends on, checks the scopes a route
 * asks (`withScopes()`, a scheme that enforces them such as `jwtBearer()`,
 * or a dependency reading `securityScopes` to check them itself). Scopes
 * asked where nothing checks them are only documented: a guard refuses
 * that at startup.
 *
 * @example
 * ```ts
 * checksScopes(depends({ token: httpBearer() }, ({ token }) => token)) // false: the scopes would be documented, never checked
 * checksScopes(withScopes(claims, (c) => c.scopes)) // true
 * ```
 */
export declare function checksScopes(dependency: Dependency<any>): boolean;
