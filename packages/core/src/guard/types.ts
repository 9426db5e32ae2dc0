/**
 * The shapes a guard is declared with, and the framework-neutral form of a
 * framework route that adapters hand to the guard core.
 */
import type { RouteOptions } from '../router/router.js';
import type { Schema } from '../sources/validate.js';

/**
 * Options for the routes a guard stands in front of: the route options of a
 * declared route (summary, response schema, tags, `public`, `hidden`,
 * extra `dependencies`, the documented success `status`), plus OAuth2
 * `scopes` required from the guard's security inputs.
 *
 * @example
 * ```ts
 * const read: GuardRouteOptions = { scopes: ['notes:read'], summary: 'Your notes', response: z.array(Note) }
 * ```
 */
export interface GuardRouteOptions extends RouteOptions {
  /**
   * zod schema of the JSON request body, for the document only: the
   * framework's own handler reads the body, the guard does not (to check
   * it too, add `body(schema)` to `dependencies`).
   */
  requestBody?: Schema;
  /**
   * OAuth2 scopes the route requires: every input of the guard that reaches
   * a security scheme is used with `security(input, { scopes })` (403
   * `insufficient_scope` when missing).
   */
  scopes?: readonly string[];
}

/**
 * Options of a guard: defaults for every route it guards, and per-route
 * options keyed by `METHOD /full/path` as the document shows it (`{id}` or
 * `:id`). A key that names no route behind the guard fails at startup.
 *
 * @example
 * ```ts
 * d.guard({ user: currentUser }, {
 *   scopes: ['notes:read'],
 *   routes: {
 *     'GET /status': { public: true },
 *     'POST /v1/notes': { scopes: ['notes:write'], status: 201, summary: 'Add a note' },
 *   },
 * })
 * ```
 */
export interface GuardOptions extends GuardRouteOptions {
  /** Name used in messages (default: the names of its inputs). */
  name?: string;
  /** Options of single routes, by `METHOD /path` (full path, prefixes included); they replace the defaults' `scopes`. */
  routes?: Readonly<Record<string, GuardRouteOptions>>;
}

/**
 * A framework route as the guard core sees it: its method, its full path
 * (every prefix included, colon or OpenAPI form, `undefined` when the
 * framework does not let it be known), its final handler, and every
 * middleware that runs in front of that handler, in order (app, routers,
 * the route's own).
 *
 * @example
 * ```ts
 * const entry: TableRoute = { method: 'GET', path: '/v1/notes/:id', handler: getNote, before: [json, auth] }
 * ```
 */
export interface TableRoute {
  readonly method: string;
  readonly path: string | undefined;
  readonly handler: unknown;
  readonly before: readonly unknown[];
  /**
   * How many of `before` run before the framework has read the request's
   * body (Fastify's `onRequest` hooks): a guard among them whose
   * dependencies read the body is a configuration mistake. Without it,
   * every function of `before` may read the body.
   */
  readonly beforeBody?: number;
  /** How the route is registered, for messages when its path cannot be known. */
  readonly where?: string;
  /** What to do when a guard stands in front of it and its path cannot be known (the adapter knows its framework's fix); a general one otherwise. */
  readonly fix?: string;
}
