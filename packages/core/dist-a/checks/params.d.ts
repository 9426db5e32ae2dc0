import type { PlacedNode, RoutePlace } from './tree.js';
/**
 * Fails for a header, query, cookie or path source whose schema cannot be
 * read from the string the request carries.
 *
 * @example
 * ```ts
 * checkReadableParameter(route, placed)
 * // Route GET /items, input "filter": query('filter') is read from a string, but its schema is an object ...
 * ```
 */
export declare function checkReadableParameter(route: RoutePlace, placed: PlacedNode): void;
/**
 * Fails for `path(name)` on a route whose path has no `{name}` (or
 * `:name`); a route whose path is not known yet is not checked.
 *
 * @example
 * ```ts
 * checkPathParameter({ label: 'GET /items/{item_id}', path: '/items/{item_id}' }, placed)
 * // Route GET /items/{item_id}, input "id": path('id') reads the path parameter "id", but /items/{item_id} has no {id}. Use path('item_id') ...
 * ```
 */
export declare function checkPathParameter(route: RoutePlace, placed: PlacedNode): void;
