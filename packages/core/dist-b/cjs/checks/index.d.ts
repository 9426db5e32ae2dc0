/**
 * Startup checks: a mistake in a route's declarations fails when the route
 * is registered, with a message naming the route, the input's key path and
 * the fix. The raw declarations are checked first (what the analysis needs
 * to be possible), then each node of the analysed tree by small functions
 * of the route and one placed node.
 */
import type { RouteTree } from '../model/tree.js';
import { type PlacedNode, type RoutePlace } from './tree.js';
export { checkDeclarations, reachesScheme } from './declarations.js';
export type { RouteDeclarations } from './declarations.js';
export { placedNodes } from './tree.js';
export type { PlacedNode, RoutePlace } from './tree.js';
export { checkDuplicateRoute, routeKey } from './routes.js';
export { unreadableFromString } from './readable.js';
/** One startup check over one node of a route's tree: throws a `RouteInputError` for a mistake. */
export type NodeCheck = (route: RoutePlace, placed: PlacedNode) => void;
/** Every check run on each node, in this order. */
export declare const nodeChecks: readonly NodeCheck[];
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
export declare function checkTree(tree: RouteTree, path: string | undefined): void;
