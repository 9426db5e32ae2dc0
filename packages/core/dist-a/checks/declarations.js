/**
 * The checks that read the raw declarations, before the analysis: an input
 * that is not a dependency (the analysis cannot build a tree from it), and
 * `security()` over a dependency that does nothing with it (which use was
 * declared with `security()` is not kept in the analysed tree).
 */
import { isDependency, isUse, notADependency } from '../dependency/depends.js';
import { ErrorCode, RouteInputError } from '../errors/catalogue.js';
/**
 * The key of an outer dependency in messages: `dependencies.<name>`, or
 * `dependencies[i]` when it has no name of its own.
 *
 * @example
 * ```ts
 * outerKey(verifyToken, 0) // 'dependencies.verifyToken'
 * ```
 */
export function outerKey(dependency, index) {
    const name = dependency?.name;
    return name === undefined || name === 'anonymous' ? `dependencies[${index}]` : `dependencies.${name}`;
}
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
export function checkDeclarations(route) {
    const seen = new Set();
    const visit = (input, key) => {
        if (typeof input === 'function' && !isDependency(input))
            return; // an injectable class
        const use = isUse(input) ? input : undefined;
        const dependency = use ? use.dependency : input;
        if (!isDependency(dependency))
            throw new RouteInputError(ErrorCode.NotADependency, route.label, key, `it ${notADependency(input)}`);
        if (use?.security && !reachesScheme(dependency))
            throw securityWithoutScheme(route.label, key, dependency);
        if (seen.has(dependency))
            return;
        seen.add(dependency);
        const security = dependency.meta.security;
        if (security?.kind === 'anyOf')
            security.alternatives.forEach((alt, i) => visit(alt, `${key}.anyOf[${i}]`));
        for (const name in dependency.inputs)
            visit(dependency.inputs[name], `${key}.${name}`);
    };
    route.dependencies.forEach((input, i) => visit(input, outerKey(isUse(input) ? input.dependency : isDependency(input) ? input : undefined, i)));
    for (const name in route.inputs)
        visit(route.inputs[name], name);
}
function securityWithoutScheme(label, key, dependency) {
    return new RouteInputError(ErrorCode.SecurityWithoutScheme, label, key, `security(${dependency.name === 'anonymous' ? '...' : dependency.name}) is declared over a dependency that reaches no security scheme and never reads its scopes, so it does nothing: the docs would show no security and no Authorize button, and no scope would be checked. ` +
        'Read the credential with a scheme below it (for example depends({ token: httpBearer() }, ...) or apiKeyHeader({ name: ... })), or use the dependency without security() if it is not authentication.');
}
const reaches = new WeakMap();
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
export function reachesScheme(dependency) {
    let result = reaches.get(dependency);
    if (result === undefined)
        reaches.set(dependency, (result = search(dependency, new Map())));
    return result;
}
/** Depth-first search; a dependency met again while on the path counts as `false` there (the path's other branches still count). */
function search(dependency, local) {
    const known = local.get(dependency) ?? reaches.get(dependency);
    if (known !== undefined)
        return known;
    local.set(dependency, false);
    const meta = dependency.meta;
    let found = meta.security?.kind === 'scheme' || meta.security?.kind === 'anyOf' || meta.builtin === 'securityScopes' || meta.enforcesScopes === true;
    for (const name in dependency.inputs) {
        if (found)
            break;
        const input = dependency.inputs[name];
        const inner = isUse(input) ? input.dependency : input;
        if (isDependency(inner))
            found = search(inner, local);
    }
    local.set(dependency, found);
    return found;
}
const checks = new WeakMap();
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
export function checksScopes(dependency) {
    let result = checks.get(dependency);
    if (result === undefined)
        checks.set(dependency, (result = searchChecks(dependency, new Set())));
    return result;
}
function searchChecks(dependency, path) {
    const meta = dependency.meta;
    if (meta.builtin === 'securityScopes' || meta.enforcesScopes === true)
        return true;
    if (path.has(dependency))
        return false;
    path.add(dependency);
    for (const name in dependency.inputs) {
        const input = dependency.inputs[name];
        const inner = isUse(input) ? input.dependency : input;
        if (isDependency(inner) && (checks.get(inner) ?? searchChecks(inner, path)))
            return true;
    }
    path.delete(dependency);
    return false;
}
//# sourceMappingURL=declarations.js.map