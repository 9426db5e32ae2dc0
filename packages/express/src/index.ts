/**
 * `@depends/express`: serves `@depends/core` routes on Express 5 (and 4).
 * Routes declared once on a core `Router` are mounted with `d.mount()`;
 * single handlers are wrapped with `d.handler()` inside an existing app;
 * `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import express from 'express'
 * import { createDepends } from '@depends/express'
 *
 * const app = express()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(app, api)                                                  // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(app)                                                        // /openapi.json + /docs
 * app.listen(3000)
 * ```
 */
import type { IRouter, Request, RequestHandler, Response } from 'express';
import {
  ConfigurationError,
  DependsApp,
  ErrorCode,
  compile,
  createRequestView,
  errorAnswer,
  toColonPath,
  toOpenApiPath,
  type AppOptions,
  type AppRoute,
  type Handler,
  type Inputs,
  type OpenAPIDocument,
  type Outcome,
  type RequestView,
  type RouteDef,
  type RouteOptions,
  type Router,
} from '@depends/core';
import { afterSent, rawHeaders, readNodeBody, report, writeAnswer } from './node.js';
import { expressRoutes, stackOf } from './routes.js';
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
 * route is found in Express's route table when the document is built.
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
  /** `METHOD /path` labels under which the handler is already documented. */
  readonly found: Set<string>;
}

/**
 * Serves a {@link DependsApp} on Express. Create it with
 * {@link createDepends}; `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsExpress {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #bodyLimit: number;
  readonly #targets = new Set<unknown>();
  readonly #wrapped = new Map<unknown, Wrapped>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#bodyLimit = options.bodyLimit ?? 1024 * 1024;
  }

  /**
   * Registers every route of a core `Router` on an Express app or router
   * (paths as declared, with the router's prefix), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Express
   * ```
   */
  mount(target: IRouter, router: Router): AppRoute[] {
    this.#targets.add(target);
    return router.routes().map((def) => {
      const route = this.app.add(def);
      const r = target.route(toColonPath(def.path)) as unknown as Record<string, unknown>;
      const method = def.method.toLowerCase();
      if (typeof r[method] !== 'function') throw new ConfigurationError(ErrorCode.InvalidDeclaration, `Express has no method ${def.method} (route ${route.label})`);
      (r[method] as (h: RequestHandler) => unknown).call(r, this.#serve(route));
      return route;
    });
  }

  /**
   * Wraps one handler for an existing Express app: it gets its declared
   * inputs, and answers like a mounted route. It joins the document under
   * the method and path Express routes it on (found in the app's route
   * table when the document is built), or under `options.path` at once.
   *
   * @example
   * ```ts
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', express.json(), d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * app.use('/legacy', d.handler({ user }, ({ user }) => user, { method: 'GET', path: '/legacy' }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): RequestHandler {
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
  docs(target: IRouter, options: DocsOptions = {}): void {
    this.#targets.add(target);
    for (const r of docsRoutes(() => this.openapi(), options))
      target.get(r.path, (req, res) => writeAnswer(res, r.answer(req.params as Record<string, string>)));
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the route tables of the apps and routers passed to
   * `mount()` or `docs()` (searched again while some are missing).
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
        for (const [fn, method, path] of expressRoutes(stackOf(target))) {
          const w = this.#wrapped.get(fn);
          if (w) found(this.app, w, method, path);
        }
    return this.app.openapi();
  }

  #serve(route: AppRoute): RequestHandler {
    const app = this.app;
    const limit = this.#bodyLimit;
    return (req, res) => {
      const view = requestView(req, limit);
      let outcome: Outcome | Promise<Outcome>;
      try {
        outcome = app.handle(route, view);
      } catch (error) {
        outcome = failed(app, view, error);
      }
      if (outcome instanceof Promise) outcome.then((o) => send(app, res, view, o), (error) => send(app, res, view, failed(app, view, error)));
      else send(app, res, view, outcome);
    };
  }
}

const DONE = () => Promise.resolve();
const failed = (app: DependsApp, view: RequestView, error: unknown): Outcome => ({ answer: errorAnswer(error, view, app.onError), finish: DONE });

function send(app: DependsApp, res: Response, view: RequestView, outcome: Outcome): void {
  try {
    if (!res.headersSent && !res.destroyed) writeAnswer(res, outcome.answer);
  } catch (error) {
    if (!res.headersSent) writeAnswer(res, errorAnswer(error, view, app.onError));
    else report(app, view, error);
  }
  afterSent(res, outcome.finish, app, view);
}

function requestView(req: Request, limit: number): RequestView {
  const url = req.originalUrl ?? req.url;
  const q = url.indexOf('?');
  const headers = rawHeaders(req.rawHeaders);
  const view = createRequestView({
    method: req.method,
    path: q === -1 ? url : url.slice(0, q),
    headers,
    query: q === -1 ? '' : url.slice(q + 1),
    params: req.params as Record<string, string>,
    readBody: () => readNodeBody(req, (req as { body?: unknown }).body, limit),
    native: req,
  });
  view.headerAll = headers.all; // every line of a repeated header
  return view;
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
 * Creates the Express adapter, on an existing {@link DependsApp} or on a
 * new one made from `AppOptions` (title, version, app-level dependencies
 * and security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.mount(app, api)
 * d.docs(app)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsExpress {
  return new DependsExpress(appOrOptions instanceof DependsApp ? appOrOptions : new DependsApp(appOrOptions), options);
}
