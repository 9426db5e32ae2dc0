/**
 * One operation object from a route and what the walk found in its tree:
 * parameters, request body, responses and security.
 */
import type { SchemeInfo } from '../dependency/types.js';
import { type RouteDef } from '../router/router.js';
import { type StandardResponses } from './responses.js';
import type { SchemaComponents } from './schemas.js';
import type { OperationObject, SecurityRequirement } from './types.js';
import type { RouteFacts } from './walk.js';
/** What {@link buildOperation} needs besides the route. */
export interface OperationContext {
    readonly components: SchemaComponents;
    /** The document's shared 401 / 403 / 422 / other error responses. */
    readonly standard: StandardResponses;
    /** The unique operation id chosen for the route. */
    readonly operationId: string;
    /** The OpenAPI path (`/items/{id}`). */
    readonly path: string;
    /** Whether the document has a top-level `security`. */
    readonly globalSecurity: boolean;
    /** The schemes seen so far, by name (their challenges document the 401 and 403). */
    readonly schemes?: ReadonlyMap<string, {
        readonly info: SchemeInfo;
    }>;
}
/**
 * The name of a handler, if it has a useful one.
 *
 * @example
 * ```ts
 * handlerName(function readItems() {}) // 'readItems'
 * ```
 */
export declare function handlerName(handler: Function): string;
/**
 * FastAPI's operation id: `{name}{path}` with non-word characters as `_`,
 * then `_{method}`; without a handler name, `{method}{path}` the same way.
 *
 * @example
 * ```ts
 * deriveOperationId('read_items', 'GET', '/items/') // 'read_items_items__get'
 * deriveOperationId('', 'GET', '/items/{id}')      // 'get_items__id_'
 * ```
 */
export declare function deriveOperationId(name: string, method: string, path: string): string;
/**
 * FastAPI's summary from a handler name: words title-cased (`read_items`
 * and `readItems` both give `Read Items`).
 *
 * @example
 * ```ts
 * summaryFromName('readUserItems') // 'Read User Items'
 * ```
 */
export declare function summaryFromName(name: string): string;
/**
 * Whether a response object of a built document is a success answer the
 * route did not declare (no `status`, no `response`: `200`, any JSON), as
 * for a guarded route, whose framework handler answers what it answers.
 * The app's own document knows better: `mergeDocument()` leaves such a
 * response out where the app's operation lists a success answer.
 *
 * @example
 * ```ts
 * isGuessedSuccess(doc.paths['/v1/notes'].get.responses['200']) // true for a guarded route without d.route({ response })
 * ```
 */
export declare function isGuessedSuccess(response: unknown): boolean;
/**
 * The operation's `security` and what it implies: `undefined` when the
 * route names no scheme, the requirement alternatives otherwise.
 *
 * @example
 * ```ts
 * operationSecurity(facts) // { security: [{ HTTPBearer: [] }], required: true, scopes: false }
 * ```
 */
export declare function operationSecurity(facts: RouteFacts): {
    security: SecurityRequirement[] | undefined;
    required: boolean;
    scopes: boolean;
};
/**
 * Builds the operation object of one route.
 *
 * @example
 * ```ts
 * const op = buildOperation(route.def, facts, { components, standard: new StandardResponses(components), operationId: 'read_me_users_me_get', path: '/users/me', globalSecurity: false })
 * ```
 */
export declare function buildOperation(def: RouteDef, facts: RouteFacts, ctx: OperationContext): OperationObject;
