/**
 * Route path templates: declared as `/items/{id}` (OpenAPI style) or
 * `/items/:id` (framework style); each interpreter gets its own form.
 */

const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)\}|:([A-Za-z_][A-Za-z0-9_]*)/g;

/** A wildcard as the last segment (`/files/*splat`, Express 4's `/files/*`). */
const LAST_WILDCARD = /\/\*(?:[A-Za-z_$][\w$]*)?$/;

/**
 * A framework's route path as the document can show it, written as it is:
 * a plain path (parameters as `:name`), ending in a wildcard segment or not
 * (a request for `/files/*splat` itself reaches the route, as on Fastify
 * and Hono); `undefined` for an optional group, a pattern, or a wildcard
 * before the last segment. With `wildcard: false` a last wildcard is not
 * showable either (a mount path, which prefixes others).
 *
 * @example
 * ```ts
 * showablePath('/files/*splat') // '/files/*splat'
 * showablePath('/files/*splat', { wildcard: false }) // undefined
 * showablePath('/notes{/:id}') // undefined
 * ```
 */
export function showablePath(path: string, { wildcard = true }: { wildcard?: boolean } = {}): string | undefined {
  return /[{}*()?+]/.test(wildcard ? path.replace(LAST_WILDCARD, '') : path) ? undefined : path;
}

/**
 * The OpenAPI form of a path (`/items/{id}`).
 *
 * @example
 * ```ts
 * toOpenApiPath('/items/:id') // '/items/{id}'
 * ```
 */
export function toOpenApiPath(path: string): string {
  return path.replace(PARAM, (_, a: string | undefined, b: string | undefined) => `{${a ?? b}}`);
}

/**
 * The colon form of a path (`/items/:id`), as Express, Koa and Hono match it.
 *
 * @example
 * ```ts
 * toColonPath('/items/{id}') // '/items/:id'
 * ```
 */
export function toColonPath(path: string): string {
  return path.replace(PARAM, (_, a: string | undefined, b: string | undefined) => `:${a ?? b}`);
}

/**
 * The names of a path's parameters, in order.
 *
 * @example
 * ```ts
 * pathParams('/users/{user}/items/:id') // ['user', 'id']
 * ```
 */
export function pathParams(path: string): string[] {
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
export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path || '/';
  const a = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (!path || path === '/') return a || '/';
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
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const t = toOpenApiPath(template).split('/');
  const p = path.split('/');
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i];
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (!p[i]) return undefined;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(p[i]);
      } catch {
        return undefined;
      }
    } else if (seg !== p[i]) return undefined;
  }
  return params;
}
