/**
 * Route path templates: declared as `/items/{id}` (OpenAPI style) or
 * `/items/:id` (framework style); each interpreter gets its own form.
 */
const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)\}|:([A-Za-z_][A-Za-z0-9_]*)/g;
/**
 * The OpenAPI form of a path (`/items/{id}`).
 *
 * @example
 * ```ts
 * toOpenApiPath('/items/:id') // '/items/{id}'
 * ```
 */
export function toOpenApiPath(path) {
    return path.replace(PARAM, (_, a, b) => `{${a ?? b}}`);
}
/**
 * The colon form of a path (`/items/:id`), as Express, Koa and Hono match it.
 *
 * @example
 * ```ts
 * toColonPath('/items/{id}') // '/items/:id'
 * ```
 */
export function toColonPath(path) {
    return path.replace(PARAM, (_, a, b) => `:${a ?? b}`);
}
/**
 * The names of a path's parameters, in order.
 *
 * @example
 * ```ts
 * pathParams('/users/{user}/items/:id') // ['user', 'id']
 * ```
 */
export function pathParams(path) {
    return [...path.matchAll(PARAM)].map((m) => m[1] ?? m[2]);
}
/**
 * Joins a prefix and a path (`/v1` + `/health` = `/v1/health`).
 *
 * @example
 * ```ts
 * joinPath('/v1/', '/health') // '/v1/health'
 * ```
 */
export function joinPath(prefix, path) {
    if (!prefix)
        return path || '/';
    const a = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    if (!path || path === '/')
        return a || '/';
    return `${a}${path.startsWith('/') ? path : `/${path}`}`;
}
/**
 * Matches a concrete path against a template; returns the parameters or
 * `undefined`.
 *
 * @example
 * ```ts
 * matchPath('/items/{id}', '/items/42') // { id: '42' }
 * ```
 */
export function matchPath(template, path) {
    const t = toOpenApiPath(template).split('/');
    const p = path.split('/');
    if (t.length !== p.length)
        return undefined;
    const params = {};
    for (let i = 0; i < t.length; i++) {
        const seg = t[i];
        if (seg.startsWith('{') && seg.endsWith('}')) {
            if (!p[i])
                return undefined;
            try {
                params[seg.slice(1, -1)] = decodeURIComponent(p[i]);
            }
            catch {
                return undefined;
            }
        }
        else if (seg !== p[i])
            return undefined;
    }
    return params;
}
//# sourceMappingURL=paths.js.map