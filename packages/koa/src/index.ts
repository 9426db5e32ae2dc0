/**
 * `@depends/koa`: serves `@depends/core` routes on Koa 3 (and 2) with
 * `@koa/router`. Routes declared once on a core `Router` are mounted with
 * `d.mount()`; single handlers are wrapped with `d.handler()` inside an
 * existing router; `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import Koa from 'koa'
 * import KoaRouter from '@koa/router'
 * import { createDepends } from '@depends/koa'
 *
 * const app = new Koa()
 * const router = new KoaRouter()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(router, api)                                                    // a core Router
 * router.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(router)                                                          // /openapi.json + /docs
 * app.use(router.routes())
 * app.listen(3000)
 * ```
 */
import type Koa from 'koa';
import type { Context, Middleware } from 'koa';
import { Router as KoaRouter } from '@koa/router';
import {
  DependsApp,
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
  type RequestView,
  type RouteDef,
  type RouteOptions,
  type Router,
} from '@depends/core';
import { afterSent, rawHeaders, readNodeBody } from './node.js';
import { isKoaRouter, koaRoutes, routersOf } from './routes.js';
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
 * route is found in the routers' tables when the document is built.
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

/**
 * Where routes go: a `@koa/router` router, or a Koa app (a router is
 * created and `use()`d).
 *
 * @example
 * ```ts
 * d.mount(new KoaRouter({ prefix: '/v1' }), api) // or d.mount(app, api)
 * ```
 */
export type KoaTarget = KoaRouter<any, any> | Koa<any, any>;

interface Wrapped {
  readonly def: RouteDef;
  readonly route: AppRoute;
  readonly found: Set<string>;
}

const EMPTY = new Set([204, 205, 304]);

/**
 * Serves a {@link DependsApp} on Koa. Create it with {@link createDepends};
 * `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsKoa {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #bodyLimit: number;
  readonly #targets = new Set<KoaTarget>();
  readonly #wrapped = new Map<unknown, Wrapped>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#bodyLimit = options.bodyLimit ?? 1024 * 1024;
  }

  /**
   * Registers every route of a core `Router` on a `@koa/router` router, or
   * on a Koa app (through a new router it `use()`s), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id
   * ```
   */
  mount(target: KoaTarget, router: Router): AppRoute[] {
    const kr = this.#router(target);
    return router.routes().map((def) => {
      const route = this.app.add(def);
      kr.register(toColonPath(def.path), [def.method], this.#serve(route));
      return route;
    });
  }

  /**
   * Wraps one handler as Koa middleware for an existing router: it gets its
   * declared inputs, and answers like a mounted route. It joins the
   * document under the method and path the router has it on (found when the
   * document is built, in the routers passed to `mount()`/`docs()` or used
   * by an app passed to them), or under `options.path` at once.
   *
   * @example
   * ```ts
   * router.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * router.post('/items', bodyParser(), d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): Middleware<any, any> {
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
  docs(target: KoaTarget, options: DocsOptions = {}): void {
    const kr = this.#router(target);
    for (const r of docsRoutes(() => this.openapi(), options))
      kr.get(r.path, (ctx) => {
        writeAnswer(ctx, r.answer(ctx.params));
      });
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the routers passed to `mount()`/`docs()` (searched
   * again while some are missing).
   *
   * @example
   * ```ts
   * const doc = d.openapi()
   * doc.paths['/me'].get // documented from router.get('/me', d.handler(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    if ([...this.#wrapped.values()].some((w) => w.found.size === 0))
      for (const target of this.#targets)
        for (const router of routersOf(target))
          for (const [fn, method, path] of koaRoutes(router)) {
            const w = this.#wrapped.get(fn);
            if (w) found(this.app, w, method, path);
          }
    return this.app.openapi();
  }

  #router(target: KoaTarget): KoaRouter<any, any> {
    this.#targets.add(target);
    if (isKoaRouter(target)) return target;
    const kr = new KoaRouter();
    target.use(kr.routes());
    return kr;
  }

  #serve(route: AppRoute): Middleware<any, any> {
    const app = this.app;
    const limit = this.#bodyLimit;
    return (ctx: Context) => {
      const view = requestView(ctx, limit);
      let outcome: Outcome | Promise<Outcome>;
      try {
        outcome = app.handle(route, view);
      } catch (error) {
        outcome = failed(app, view, error);
      }
      if (outcome instanceof Promise) return outcome.then((o) => send(app, ctx, view, o), (error) => send(app, ctx, view, failed(app, view, error)));
      send(app, ctx, view, outcome);
    };
  }
}

const DONE = () => Promise.resolve();
const failed = (app: DependsApp, view: RequestView, error: unknown): Outcome => ({ answer: errorAnswer(error, view, app.onError), finish: DONE });

function send(app: DependsApp, ctx: Context, view: RequestView, outcome: Outcome): void {
  try {
    writeAnswer(ctx, outcome.answer);
  } catch (error) {
    writeAnswer(ctx, errorAnswer(error, view, app.onError));
  }
  afterSent(ctx.res, outcome.finish, app, view);
}

function requestView(ctx: Context, limit: number): RequestView {
  const req = ctx.req;
  const url = ctx.originalUrl;
  const q = url.indexOf('?');
  const headers = rawHeaders(req.rawHeaders);
  const view = createRequestView({
    method: req.method,
    path: q === -1 ? url : url.slice(0, q),
    headers,
    query: q === -1 ? '' : url.slice(q + 1),
    params: (ctx as { params?: Record<string, string> }).params ?? {},
    readBody: () => readNodeBody(req, (ctx.request as { body?: unknown }).body, limit),
    native: ctx,
  });
  view.headerAll = headers.all; // every line of a repeated header
  return view;
}

/**
 * Writes an answer through Koa (so upstream middleware still sees
 * `ctx.status`, `ctx.body` and the headers): the status, each header line
 * (a repeated name becomes several lines), then the body. Headers go first
 * so Koa does not infer a content type of its own.
 */
function writeAnswer(ctx: Context, answer: Answer): void {
  ctx.status = answer.status;
  const lines = answer.headers;
  if (lines.length === 1) ctx.set(lines[0][0], lines[0][1]);
  else if (lines.length > 1) {
    const grouped: Record<string, string | string[]> = Object.create(null);
    for (const [name, value] of lines) {
      const prior = grouped[name];
      grouped[name] = prior === undefined ? value : typeof prior === 'string' ? [prior, value] : [...prior, value];
    }
    for (const name in grouped) ctx.set(name, grouped[name]);
  }
  const body = answer.body;
  if (body === undefined) {
    // Koa turns a null body into a 204 unless the status is already an empty one.
    ctx.body = EMPTY.has(answer.status) ? null : '';
    if (!lines.some(([n]) => n === 'content-type')) ctx.remove('Content-Type');
  } else ctx.body = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
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
 * Creates the Koa adapter, on an existing {@link DependsApp} or on a new
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
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsKoa {
  return new DependsKoa(appOrOptions instanceof DependsApp ? appOrOptions : new DependsApp(appOrOptions), options);
}
