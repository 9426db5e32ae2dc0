/**
 * A route's analysed tree as the startup checks read it: every node
 * reached (outer dependencies first, then the handler's inputs), with the
 * key path that leads to it, where each of its accumulated scopes was first
 * required, and whether it is a security scheme's own reading.
 */
import type { DependencyNode, RouteTree } from '../model/tree.js';
import { outerKey } from './declarations.js';

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
export function placedNodes(tree: RouteTree): PlacedNode[] {
  const out: PlacedNode[] = [];
  const seen = new Set<DependencyNode>();
  const seenInScheme = new Set<DependencyNode>();
  const visit = (node: DependencyNode, key: string, parent: PlacedNode['scopes'], withinScheme: boolean): void => {
    const marks = withinScheme ? seenInScheme : seen;
    if (marks.has(node)) return;
    marks.add(node);
    let scopes = parent;
    for (const s of node.scopes) if (!scopes.some(([have]) => have === s)) scopes = [...scopes, [s, key]];
    out.push({ key, node, scopes, withinScheme });
    node.alternatives?.forEach((alt, i) => visit(alt, `${key}.anyOf[${i}]`, scopes, withinScheme));
    const below = withinScheme || node.security?.kind === 'scheme';
    for (const edge of node.children) visit(edge.node, `${key}.${edge.name}`, scopes, below);
  };
  tree.dependencies.forEach((node, i) => visit(node, outerKey(node.dependency, i), [], false));
  for (const edge of tree.inputs) visit(edge.node, edge.name, [], false);
  return out;
}
