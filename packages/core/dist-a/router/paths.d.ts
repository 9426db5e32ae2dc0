/**
 * Route path templates: declared as `/items/{id}` (OpenAPI style) or
 * `/items/:id` (framework style); each interpreter gets its own form.
 */
/**
 * The OpenAPI form of a path (`/items/{id}`).
 *
 * @example
 * ```ts
 * toOpenApiPath('/items/:id') // '/items/{id}'
 * ```
 */
export declare function toOpenApiPath(path: string): string;
/**
 * The colon form of a path (`/items/:id`), as Express, Koa and Hono match it.
 *
 * @example
 * ```ts
 * toColonPath('/items/{id}') // '/items/:id'
 * ```
 */
export declare function toColonPath(path: string): string;
/**
 * The names of a path's parameters, in order.
 *
 * @example
 * ```ts
 * pathParams('/users/{user}/items/:id') // ['user', 'id']
 * ```
 */
export declare function pathParams(path: string): string[];
/**
 * Joins a prefix and a path (`/v1` + `/health` = `/v1/health`).
 *
 * @example
 * ```ts
 * joinPath('/v1/', '/health') // '/v1/health'
 * ```
 */
export declare function joinPath(prefix: string, path: string): string;
/**
 * Matches a concrete path against a template; returns the parameters or
 * `undefined`.
 *
 * @example
 * ```ts
 * matchPath('/items/{id}', '/items/42') // { id: '42' }
 * ```
 */
export declare function matchPath(template: string, path: string): Record<string, string> | undefined;
