/**
 * `@depends/hono`: serves `@depends/core` routes on Hono 4. Routes declared
 * once on a core `Router` are mounted with `d.mount()`; single handlers are
 * wrapped with `d.handler()` inside an existing app; `d.docs()` serves the
 * OpenAPI document and Swagger UI.
 *
 * On `@hono/node-server` request-scope teardowns run once the Node response
 * has been sent (`c.env.outgoing`); on other runtimes, see {@link DependsHono}.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono'
 * import { serve } from '@hono/node-server'
 * import { createDepends } from '@depends/hono'
 *
 * const app = new Hono()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(app, api)                                                  // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(app)                                                        // /openapi.json + /docs
 * serve({ fetch: app.fetch, port: 3000 })
 * ```
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Handler as HonoHandler, Hono } from 'hono';
import {
  DependsApp,
  HTTPException,
  compile,
  createRequestView,
  errorAnswer,
  toColonPath,
  toOpenApiPath,
  type Answer,
  type AppOptions,
  type AppRoute,
  type Handler,
  type Inputs,
  type OpenAPIDocument,
  type Outcome,
  type RawBody,
  type RequestView,
  type RouteDef,
  type RouteOptions,
  type Router,
} from '@depends/core';
import { afterSent, fixHead, nodeBindings, rawHeaders, report, type NodeBindings } from './node.js';
import { honoRoutes } from './routes.js';
import { docsRoutes, type DocsOptions } from './docs.js';

export type { DocsOptions } from './docs.js';

/**
 * Adapter options (the second argument of {@link createDepends}).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Uploads' }, { bodyLimit: 10 * 1024 * 1024 })
 * ```
 */
export interface AdapterOptions {
  /** Largest request body read by the adapter, in bytes (default 1 MiB); more is a 413. */
  bodyLimit?: number;
}

/**
 * Options of a single wrapped handler: the route options, plus where the
 * route lives when it should be documented at once. Without `path`, the
 * route is found in the app's route table when the document is built.
 *
 * @example
 * ```ts
 * d.handler({ user }, ({ user }) => user, { summary: 'Who am I', tags: ['users'] }) // placed from the route table
 * d.handler({ user }, ({ user }) => user, { method: 'GET', path: '/me' })           // placed at once
 * ```
 */
export interface HandlerOptions extends RouteOptions {
  /** Method for the document (default `GET`); only read with `path`. */
  method?: string;
  /** Path for the document (`/items/{id}` or `/items/:id`): registers the route at once. */
  path?: string;
}

interface Wrapped {
  readonly def: RouteDef;
  readonly route: AppRoute;
  readonly found: Set<string>;
}

const DONE = () => Promise.resolve();

/**
 * Serves a {@link DependsApp} on Hono. Create it with {@link createDepends};
 * `d.app` is the core app (routes, overrides, hooks).
 *
 * Teardown timing: on `@hono/node-server`, request-scope teardowns run
 * after the Node response has been sent (or the client has gone). On other
 * runtimes (Bun, Deno, workers) there is no such signal: they run on the
 * next macrotask after the `Response` has been handed back to Hono, inside
 * `c.executionCtx.waitUntil()` where the runtime has one.
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsHono {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #bodyLimit: number;
  readonly #targets = new Set<Hono<any, any, any>>();
  readonly #wrapped = new Map<unknown, Wrapped>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#bodyLimit = options.bodyLimit ?? 1024 * 1024;
  }

  /**
   * Registers every route of a core `Router` on a Hono app (paths as
   * declared, with the router's prefix), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Hono
   * ```
   */
  mount(target: Hono<any, any, any>, router: Router): AppRoute[] {
    this.#targets.add(target);
    return router.routes().map((def) => {
      const route = this.app.add(def);
      target.on(def.method, toColonPath(def.path), this.#serve(route));
      return route;
    });
  }

  /**
   * Wraps one handler for an existing Hono app: it gets its declared inputs,
   * and answers like a mounted route. It joins the document under the
   * method and path Hono routes it on (found in `app.routes` of the apps
   * passed to `mount()`/`docs()` when the document is built), or under
   * `options.path` at once.
   *
   * @example
   * ```ts
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): HonoHandler {
    const w = wrap(this.app, inputs, fn, options);
    const h = this.#serve(w.route);
    this.#wrapped.set(h, w);
    return h;
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: Hono<any, any, any>, options: DocsOptions = {}): void {
    this.#targets.add(target);
    for (const r of docsRoutes(() => this.openapi(), options)) target.get(r.path, (c) => toResponse(c, r.answer(c.req.param())));
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the apps passed to `mount()`/`docs()` (searched again
   * while some are missing).
   *
   * @example
   * ```ts
   * const doc = d.openapi()
   * doc.paths['/me'].get // documented from app.get('/me', d.handler(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    if ([...this.#wrapped.values()].some((w) => w.found.size === 0))
      for (const target of this.#targets)
        for (const [fn, method, path] of honoRoutes(target)) {
          const w = this.#wrapped.get(fn);
          if (w) found(this.app, w, method, path);
        }
    return this.app.openapi();
  }

  #serve(route: AppRoute): HonoHandler {
    const app = this.app;
    const limit = this.#bodyLimit;
    return (c) => {
      const node = nodeBindings(c);
      const view = requestView(c, node?.incoming, limit);
      let outcome: Outcome | Promise<Outcome>;
      try {
        outcome = app.handle(route, view);
      } catch (error) {
        outcome = failed(app, view, error);
      }
      if (outcome instanceof Promise) return outcome.then((o) => send(app, c, node, view, o), (error) => send(app, c, node, view, failed(app, view, error)));
      return send(app, c, node, view, outcome);
    };
  }
}

const failed = (app: DependsApp, view: RequestView, error: unknown): Outcome => ({ answer: errorAnswer(error, view, app.onError), finish: DONE });

function send(app: DependsApp, c: Context, node: NodeBindings | undefined, view: RequestView, outcome: Outcome): Response {
  let response: Response;
  try {
    response = toResponse(c, outcome.answer);
  } catch (error) {
    response = toResponse(c, errorAnswer(error, view, app.onError));
  }
  if (node) afterSent(node.outgoing, outcome.finish, app, view);
  else later(c, outcome.finish, app, view);
  return response;
}

function requestView(c: Context, incoming: IncomingMessage | undefined, limit: number): RequestView {
  const url = c.req.url;
  const q = url.indexOf('?');
  // node-server: every line of a repeated header; elsewhere Fetch `Headers` (repeats joined).
  const headers = incoming ? rawHeaders(incoming.rawHeaders) : undefined;
  const view = createRequestView({
    method: c.req.method,
    path: c.req.path,
    headers: headers ?? c.req.raw.headers,
    query: q === -1 ? '' : url.slice(q + 1),
    params: c.req.param() as Record<string, string>,
    readBody: () => readBody(c, limit),
    native: c,
  });
  if (headers) view.headerAll = headers.all; // every line of a repeated header
  return view;
}

/** The body, reusing what Hono (or a validator) has already read: text, form data or bytes. */
async function readBody(c: Context, limit: number): Promise<RawBody> {
  const cache = c.req.bodyCache;
  if (cache.text !== undefined) return { kind: 'text', text: await cache.text };
  if (cache.formData !== undefined) return { kind: 'parsed', value: await cache.formData };
  if (Number(c.req.header('content-length')) > limit) throw new HTTPException(413, 'Request body too large');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } catch {
    // The client's doing (disconnect, broken chunking): a 400, not a server error.
    throw new HTTPException(400, 'There was an error reading the body');
  }
  if (bytes.byteLength > limit) throw new HTTPException(413, 'Request body too large');
  return { kind: 'bytes', bytes };
}

/**
 * The answer as a Hono response (`c.newResponse`, so headers other
 * middleware set with `c.header()` are kept). On node-server a repeated
 * header name is sent as several lines and a body-less answer gets no
 * default `content-type`; elsewhere Fetch `Headers` join repeated names.
 */
function toResponse(c: Context, answer: Answer): Response {
  const headers: Record<string, string | string[]> = {};
  let repeated: Record<string, string[]> | undefined;
  for (const [name, value] of answer.headers) {
    const prior = headers[name];
    if (prior === undefined) headers[name] = value;
    else {
      const lines = (headers[name] = typeof prior === 'string' ? [prior, value] : [...prior, value]);
      if (name !== 'set-cookie') (repeated ??= {})[name] = lines;
    }
  }
  const untyped = !('content-type' in headers);
  if (repeated || untyped) {
    const node = nodeBindings(c);
    if (node) fixHead(node.outgoing, repeated, untyped);
  }
  return c.newResponse((answer.body ?? null) as string | null, answer.status as 200, headers);
}

function later(c: Context, finish: () => Promise<void>, app: DependsApp, view: RequestView): void {
  const done = new Promise((resolve) => setTimeout(resolve, 0)).then(finish).catch((error: unknown) => report(app, view, error));
  try {
    c.executionCtx.waitUntil(done);
  } catch {
    // no execution context on this runtime
  }
}

function wrap(app: DependsApp, inputs: Inputs, fn: Handler<any, unknown>, options: HandlerOptions): Wrapped {
  const { method, path, ...rest } = options;
  const def: RouteDef = { method: (method ?? 'GET').toUpperCase(), path: path ?? '/', inputs, handler: fn, dependencies: rest.dependencies ?? [], options: rest, tags: rest.tags ?? [] };
  if (path !== undefined) {
    const route = app.add(def);
    return { def, route, found: new Set([route.label]) };
  }
  const label = `handler ${fn.name || '(anonymous)'}`;
  const dependencies = [...(app.options.dependencies ?? []), ...(rest.public ? [] : (app.options.security ?? [])), ...def.dependencies];
  const plan = compile({ label, inputs, dependencies, handler: fn });
  return { def, route: { def, label, dependencies, plan }, found: new Set() };
}

function found(app: DependsApp, w: Wrapped, method: string, path: string): void {
  const label = `${method} ${toOpenApiPath(path)}`;
  if (w.found.has(label)) return;
  w.found.add(label);
  app.add({ ...w.def, method, path });
}

/**
 * Creates the Hono adapter, on an existing {@link DependsApp} or on a new
 * one made from `AppOptions` (title, version, app-level dependencies and
 * security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.mount(app, api)
 * d.docs(app)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsHono {
  return new DependsHono(appOrOptions instanceof DependsApp ? appOrOptions : new DependsApp(appOrOptions), options);
}
