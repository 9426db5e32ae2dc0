/**
 * Walks one route's analysed tree (see `model/`) the way FastAPI's OpenAPI
 * code does (pre-order, declaration order, app → router → route
 * dependencies, then the handler's inputs; a subtree seen with the same
 * scopes is skipped) and collects what the document needs: request sources, security schemes with their scopes and their
 * AND/OR/optional structure, and which error answers the route can give.
 */
import type { SchemeInfo, SourceSpec } from '../dependency/types.js';
import type { RouteTree } from '../model/tree.js';
import { type Factor } from './requirements.js';
/** A scheme reached by some route, with the label of the first route. */
export interface SchemeUse {
    readonly info: SchemeInfo;
    readonly entry: string;
    readonly label: string;
}
/** What a walk found in one route (or in the global security). */
export interface RouteFacts {
    /** Parameter sources, first seen first (not yet filtered). */
    readonly params: SourceSpec[];
    /** JSON body and form sources, first seen first. */
    readonly bodies: SourceSpec[];
    /** `in:name` of every header (lower-case), query key and cookie a scheme consumes. */
    consumed: Set<string> | undefined;
    /** Scheme name → accumulated scopes (union, first-seen order); key order = first seen. */
    scopes: Map<string, string[]> | undefined;
    /** The AND of the route's security factors. */
    readonly factors: Factor[];
    /** A request source is read (and validated) outside security schemes. */
    validated: boolean;
    /** A dependency that enforces scopes is reached with scopes. */
    enforcesScopes: boolean;
    /** A `{ kind: 'public' }` marker is reached. */
    publicMarker: boolean;
    /** Extra statuses declared by dependencies (`meta.responses`). */
    statuses: Set<number> | undefined;
    /** More 401 challenges declared by dependencies (`meta.operation.challenges`), first seen first. */
    challenges?: string[];
    /** `x-` extensions of the operation declared by dependencies (`meta.operation.extensions`). */
    extensions?: Record<string, unknown>;
}
/**
 * The canonical JSON text of a scheme's `securitySchemes` entry (keys
 * sorted; memoised per scheme): two schemes with one name clash when it
 * differs.
 *
 * @example
 * ```ts
 * schemeEntry(info) // '{"scheme":"bearer","type":"http"}'
 * ```
 */
export declare function schemeEntry(info: SchemeInfo): string;
/**
 * Records a scheme under its name; throws {@link DuplicateSchemeError}
 * (naming both routes) when another scheme shape already holds the name.
 *
 * @example
 * ```ts
 * registerScheme(registry, info, 'GET /me')
 * ```
 */
export declare function registerScheme(registry: Map<string, SchemeUse>, info: SchemeInfo, label: string): void;
/**
 * Walks a route's tree: its outer dependencies first (app, global
 * security, router, route — outermost first), then the handler's inputs.
 *
 * @example
 * ```ts
 * const facts = walkRoute(route.tree, registry)
 * facts.scopes // Map { 'OAuth2PasswordBearer' => ['items', 'me'] }
 * ```
 */
export declare function walkRoute(tree: RouteTree, registry: Map<string, SchemeUse>): RouteFacts;
