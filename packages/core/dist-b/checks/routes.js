/**
 * The same method and path declared twice on one app.
 */
import { DuplicateRouteError } from '../errors/catalogue.js';
import { toOpenApiPath } from '../router/paths.js';
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
export function routeKey(method, path) {
    return `${method.toUpperCase()} ${toOpenApiPath(path).replace(/\{[^}]*\}/g, '{}')}`;
}
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
export function checkDuplicateRoute(registry, method, path, label) {
    const key = routeKey(method, path);
    const first = registry.get(key);
    if (first !== undefined)
        throw new DuplicateRouteError(first, label);
    registry.set(key, label);
}
//# sourceMappingURL=routes.js.map