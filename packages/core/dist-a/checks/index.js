import { checkIgnoredHeader } from './headers.js';
import { checkPathParameter, checkReadableParameter } from './params.js';
import { checkDeclaredScopes } from './security.js';
import { placedNodes } from './tree.js';
export { checkDeclarations, reachesScheme } from './declarations.js';
export { placedNodes } from './tree.js';
export { checkDuplicateRoute, routeKey } from './routes.js';
export { unreadableFromString } from './readable.js';
/** Every check run on each node, in this order. */
export const nodeChecks = [checkIgnoredHeader, checkReadableParameter, checkPathParameter, checkDeclaredScopes];
/**
 * Runs every node check on a route's analysed tree; throws the first
 * `RouteInputError` found. `path` is the route's path template (`undefined`
 * when not known yet: path parameters are then not checked). `DependsApp`
 * calls it for each route it prepares.
 *
 * @example
 * ```ts
 * checkTree(analyse({ label: 'GET /me', dependencies: [], inputs: { auth: header('authorization') } }), '/me')
 * // throws: Route GET /me, input "auth": header('authorization') declares "Authorization" as a header parameter, which OpenAPI ignores: ...
 * ```
 */
export function checkTree(tree, path) {
    const route = { label: tree.label, path };
    for (const placed of placedNodes(tree))
        for (const check of nodeChecks)
            check(route, placed);
}
//# sourceMappingURL=index.js.map