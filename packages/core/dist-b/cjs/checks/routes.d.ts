/**
 * The key two routes share when a framework would match them alike: the
 * method (GET also answering HEAD is not a clash) and the path with its
 * parameter names erased (`/items/{id}` and `/items/:key` clash).
 *
 * @example
 * ```ts
 * routeKey('get', '/items/:id') // 'GET /items/{}'
 * ```
 */
export declare function routeKey(method: string, path: string): string;
/**
 * Records a route in an app's registry of method + path; throws
 * {@link DuplicateRouteError} when another route already holds them.
 *
 * @example
 * ```ts
 * const registry = new Map<string, string>()
 * checkDuplicateRoute(registry, 'GET', '/items/{id}', 'GET /items/{id}')
 * checkDuplicateRoute(registry, 'GET', '/items/:key', 'GET /items/{key}') // throws
 * ```
 */
export declare function checkDuplicateRoute(registry: Map<string, string>, method: string, path: string, label: string): void;
