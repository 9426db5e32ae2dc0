/**
 * A route's analysed tree as the startup checks read it: every node
 * reached (outer dependencies first, then the handler's inputs), with the
 * key path that leads to it, where each of its accumulated scopes was first
 * required, and whether it is a security scheme's own reading.
 */
import type { DependencyNode, RouteTree } from '../model/tree.js';
/** One node of a route's tree, placed. */
export interface PlacedNode {
    /** The key path from the route: `user.token`, `dependencies.verifyKey.key` (`dependencies[0].key` for an anonymous one). */
    readonly key: string;
    readonly node: DependencyNode;
    /** The node's accumulated scopes, each with the key path where it was first required. */
    readonly scopes: readonly (readonly [scope: string, key: string])[];
    /** Read by a security scheme for itself (not a documented parameter). */
    readonly withinScheme: boolean;
}
/** What a check knows of the route besides its tree. */
export interface RoutePlace {
    /** `GET /items/{id}`. */
    readonly label: string;
    /** The path template, when known (a wrapped handler's is not, until it is placed). */
    readonly path: string | undefined;
}
/**
 * Every node of an analysed route tree, pre-order, each node once (per
 * reading by a scheme or not), with its key path.
 *
 * @example
 * ```ts
 * placedNodes(analyse({ label: 'GET /me', dependencies: [], inputs: { user } })).map((n) => n.key) // ['user', 'user.token']
 * ```
 */
export declare function placedNodes(tree: RouteTree): PlacedNode[];
