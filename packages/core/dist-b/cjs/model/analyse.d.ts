import type { Dependency, Input, Inputs } from '../dependency/types.js';
import type { Overrides } from '../overrides/overrides.js';
import type { RouteTree } from './tree.js';
/** What to analyse: a label, the outer dependencies and the handler's inputs. */
export interface RouteDeclaration {
    /** Label for messages, e.g. `GET /items`. */
    readonly label: string;
    /** App, router and route dependencies, outermost first; values discarded. */
    readonly dependencies: readonly Input[];
    /** The handler's named inputs. */
    readonly inputs: Inputs;
}
/**
 * FastAPI's rank of an input among its siblings: sub-dependencies first
 * (0), then request sources (path, query, header, cookie, body). It decides
 * what runs first and how 422 problems are listed.
 *
 * @example
 * ```ts
 * sourceRank(query('q')) // 2
 * ```
 */
export declare function sourceRank(dependency: Dependency<any>): number;
/**
 * Sorts edges (stable) into FastAPI's order (see {@link sourceRank}).
 *
 * @example
 * ```ts
 * fastApiOrder<Edge>(node.children, (e) => e.node.dependency).map((e) => e.name) // ['user', 'id', 'q']
 * ```
 */
export declare function fastApiOrder<E extends {
    readonly name: string;
}>(entries: readonly E[], dependencyOf: (e: E) => Dependency<any>): E[];
/** How many route analyses this process has run (internal: what the tests count). */
export declare const analyses: {
    count: number;
};
/**
 * Analyses one route into its {@link RouteTree}. Throws a
 * `DependencyCycleError` or `DependencyScopeError` naming the route.
 *
 * @example
 * ```ts
 * const tree = analyse({ label: 'GET /me', dependencies: [], inputs: { user } })
 * tree.inputs[0].node.scopes // []
 * ```
 */
export declare function analyse(route: RouteDeclaration, overrides?: Overrides): RouteTree;
