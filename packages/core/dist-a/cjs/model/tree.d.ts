/**
 * The declaration model both interpreters read: one route's dependency
 * tree, analysed once (overrides applied, scopes accumulated, cache keys and
 * teardown scopes decided, sources and security requirements picked out).
 * The resolver compiles it into a plan; the OpenAPI builder and the startup
 * checks walk it. Neither interpreter looks at raw declarations.
 */
import type { Dependency, SecurityMeta, SourceSpec, TeardownScope } from '../dependency/types.js';
/** One named input of a node: the name the function receives, and the node behind it. */
export interface Edge {
    readonly name: string;
    readonly node: DependencyNode;
}
/**
 * One dependency at one place of a route's tree. Places that share a
 * per-request value (same dependency, same cache key, cached) share one
 * node, so the tree is a DAG; a `useCache: false` use gets a node of its own.
 */
export interface DependencyNode {
    /** The dependency as declared: its identity keys the cache and the overrides. */
    readonly dependency: Dependency<any>;
    /** What runs: the override when one is set, otherwise the dependency. */
    readonly impl: Dependency<any>;
    /** OAuth2 scopes accumulated from the route down to here, outermost first. */
    readonly scopes: readonly string[];
    /** Whether this use shares the per-request value. */
    readonly useCache: boolean;
    /** Per-request cache key within the dependency (scope set when it uses scopes, and teardown scope). */
    readonly cacheKey: string;
    /** When its teardown (generator or disposable) runs. */
    readonly teardown: TeardownScope;
    /** The request input it reads, for request sources. */
    readonly source: SourceSpec | undefined;
    /** The security requirement it states (a scheme, alternatives, or public). */
    readonly security: SecurityMeta | undefined;
    /** For `anyOf`: the alternatives, analysed at this place. */
    readonly alternatives: readonly DependencyNode[] | undefined;
    /** Its inputs, in declaration order (of the implementation). */
    readonly children: readonly Edge[];
    /** A value fixed by the analysis (`securityScopes`: the scopes required here). */
    readonly constant?: unknown;
}
/** A route's analysed tree: outer dependencies (values discarded), then the handler's inputs. */
export interface RouteTree {
    /** `GET /items/{id}`: used in messages. */
    readonly label: string;
    /** App, global-security, router and route dependencies, outermost first. */
    readonly dependencies: readonly DependencyNode[];
    /** The handler's inputs, in declaration order. */
    readonly inputs: readonly Edge[];
}
