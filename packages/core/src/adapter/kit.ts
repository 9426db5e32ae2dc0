/**
 * The framework-neutral half of every adapter: options, the registry of
 * wrapped single handlers and their discovery in a framework's route table,
 * the docs routes, and serving one request (`app.handle` with every failure
 * turned into an error answer). An adapter binds it to its framework: route
 * registration, the handler signature, the request view, writing the answer,
 * and listing a route table.
 */
import type { DependsApp, AppRoute } from '../app/app.js';
import { errorAnswer, type Outcome } from '../app/handle.js';
import type { Inputs } from '../dependency/types.js';
import { docsRoutes, type DocsOptions, type DocsRoute } from '../docs/routes.js';
import type { OpenAPIDocument } from '../openapi/document.js';
import type { RequestView } from '../request/view.js';
import { routeDef } from '../router/router.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
import { toColonPath, toOpenApiPath } from '../router/paths.js';
import type { Handler, RouteDef, RouteOptions, Router } from '../router/router.js';
import { isThenable } from '../util/thenable.js';

/**
 * Adapter options (the second argument of an adapter's `createDepends`).
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
 * Options of a single wrapped handler (`d.handler()`): the route options,
 * plus where the route lives when it should be documented at once. Without
 * `path`, the route is found in the framework's route table when the
 * document is built.
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
 * A `[handler, METHOD, path]` entry of a framework's route table (a colon or
 * OpenAPI path), as {@link AdapterBinding.routes} lists them.
 *
 * @example
 * ```ts
 * const entries: RouteEntry[] = app.routes.map((r) => [r.handler, r.method, r.path]) // ['GET', '/items/:id', …]
 * ```
 */
export type RouteEntry = readonly [handler: unknown, method: string, path: string];

/**
 * What an adapter tells its {@link AdapterKit} about the framework: how a
 * route is served (`H` is the framework's handler or middleware type) and
 * how a target's route table (`T`: an app or router) is listed.
 *
 * @example
 * ```ts
 * const binding: AdapterBinding<Hono, HonoHandler> = {
 *   serve: (route) => (c) => kit.respond(route, viewOf(c), (o) => toResponse(c, o.answer)),
 *   routes: (app) => app.routes.map((r) => [r.handler, r.method, r.path] as const),
 * }
 * ```
 */
export interface AdapterBinding<T, H> {
  /** The framework handler that serves a route (made once per route). */
  serve(route: AppRoute): H;
  /** Every `[handler, METHOD, path]` in a target's route table, for placing wrapped handlers in the document. */
  routes(target: T): Iterable<RouteEntry>;
}

/** A wrapped single handler: its declaration, its route, and where it has been documented. */
interface Wrapped {
  readonly def: RouteDef;
  readonly route: AppRoute;
  /** `METHOD /path` labels under which the handler is already documented. */
  readonly found: Set<string>;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DONE = (): Promise<void> => Promise.resolve();
const same = <T>(value: T): T => value;

/**
 * The shared, framework-neutral part of an adapter. `T` is what routes are
 * registered on (an app or router), `H` the framework's handler type.
 *
 * @example
 * ```ts
 * class DependsMyFramework {
 *   readonly #kit: AdapterKit<MyApp, MyHandler>
 *   constructor(app: DependsApp, options: AdapterOptions = {}) {
 *     this.#kit = new AdapterKit(app, options, {
 *       serve: (route) => (req, res) => this.#kit.respond(route, viewOf(req), (o) => write(res, o)),
 *       routes: (target) => target.routeTable(),
 *     })
 *   }
 *   mount(target: MyApp, router: Router) {
 *     return this.#kit.mount(target, router, (method, path, handler) => target.on(method, path, handler))
 *   }
 *   handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options?: HandlerOptions) {
 *     return this.#kit.wrap(inputs, fn, options)
 *   }
 *   openapi() { return this.#kit.openapi() }
 * }
 * ```
 */
export class AdapterKit<T, H> {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  /** Largest request body to read, in bytes. */
  readonly bodyLimit: number;
  readonly #binding: AdapterBinding<T, H>;
  /** The apps and routers passed to `mount()`/`docs()`: where wrapped handlers are looked for. */
  readonly #targets = new Set<T>();
  readonly #wrapped = new Map<unknown, Wrapped>();

  constructor(app: DependsApp, options: AdapterOptions, binding: AdapterBinding<T, H>) {
    this.app = app;
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.#binding = binding;
  }

  /**
   * Adds every route of a core router to the app (compiled, documented),
   * and hands each to `register` with its colon path (`/items/:id`) and
   * the framework handler that serves it. The target is remembered for
   * {@link AdapterKit.openapi}.
   *
   * @example
   * ```ts
   * kit.mount(app, api, (method, path, handler) => app.on(method, path, handler))
   * ```
   */
  mount(target: T, router: Router, register: (method: string, path: string, handler: H, route: AppRoute) => void): AppRoute[] {
    this.#targets.add(target);
    return router.routes().map((def) => {
      const route = this.app.add(def);
      register(def.method, toColonPath(def.path), this.#binding.serve(route), route);
      return route;
    });
  }

  /**
   * Wraps one handler: the framework handler that gives `fn` its declared
   * inputs. With `options.path` the route joins the document at once;
   * otherwise it is compiled now (with the app's dependencies and security)
   * and documented where {@link AdapterKit.openapi} finds it.
   *
   * @example
   * ```ts
   * app.get('/me', kit.wrap({ user: currentUser }, ({ user }) => user))
   * ```
   */
  wrap(inputs: Inputs, fn: Handler<any, unknown>, options: HandlerOptions = {}): H {
    const app = this.app;
    const { method, path, ...rest } = options;
    const def = routeDef(method ?? 'GET', path ?? '/', inputs, fn, rest);
    let w: Wrapped;
    if (path !== undefined) {
      const route = app.add(def);
      w = { def, route, found: new Set([route.label]) };
    } else {
      w = { def, route: app.prepare(def, `handler ${fn.name || '(anonymous)'}`), found: new Set() };
    }
    const h = this.#binding.serve(w.route);
    this.#wrapped.set(h, w);
    return h;
  }

  /**
   * Records that the framework routes `handler` at `METHOD path`: when it is
   * a wrapped handler not yet documented there, the route joins the
   * document. Returns whether `handler` is a wrapped handler.
   *
   * @example
   * ```ts
   * const me = kit.wrap({ user }, ({ user }) => user)
   * kit.found(me, 'GET', '/me/:id') // documented as GET /me/{id}
   * ```
   */
  found(handler: unknown, method: string, path: string): boolean {
    const w = this.#wrapped.get(handler);
    if (!w) return false;
    const label = `${method} ${toOpenApiPath(path)}`;
    if (!w.found.has(label)) {
      w.found.add(label);
      this.app.add({ ...w.def, method, path });
    }
    return true;
  }

  /**
   * The docs routes (see `docsRoutes`) serving this kit's document; the
   * target is remembered for {@link AdapterKit.openapi}.
   *
   * @example
   * ```ts
   * for (const r of kit.docs(app, { docsPath: '/api-docs' })) app.get(r.path, (c) => toResponse(c, r.answer(c.req.param())))
   * ```
   */
  docs(target: T, options: DocsOptions = {}): DocsRoute[] {
    this.#targets.add(target);
    return docsRoutes(() => this.openapi(), options);
  }

  /**
   * The OpenAPI document: every route of the app, after looking for the
   * wrapped handlers in the route tables of the targets passed to `mount()`
   * and `docs()` — searched again on each call while some wrapped handler
   * has not been found anywhere yet.
   *
   * @example
   * ```ts
   * kit.openapi().paths['/me'].get // documented from app.get('/me', kit.wrap(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    if ([...this.#wrapped.values()].some((w) => w.found.size === 0))
      for (const target of this.#targets) for (const [handler, method, path] of this.#binding.routes(target)) this.found(handler, method, path);
    return this.app.openapi();
  }

  /**
   * Serves one request on a route: `app.handle()`, with an error it throws
   * or rejects with turned into the error answer. Never throws or rejects;
   * synchronous when the route is.
   *
   * @example
   * ```ts
   * const { answer, finish } = await kit.serve(route, view)
   * ```
   */
  serve(route: AppRoute, view: RequestView): MaybePromise<Outcome> {
    return this.respond(route, view, same);
  }

  /**
   * {@link AdapterKit.serve}, then `send` with the outcome, at once when the
   * route is synchronous (no promise, no microtask), or once it settles.
   *
   * @example
   * ```ts
   * return (c) => kit.respond(route, viewOf(c), (outcome) => toResponse(c, outcome.answer)) // Response | Promise<Response>
   * ```
   */
  respond<R>(route: AppRoute, view: RequestView, send: (outcome: Outcome) => R): R | Promise<R> {
    let outcome: MaybePromise<Outcome>;
    try {
      outcome = this.app.handle(route, view);
    } catch (error) {
      return send(this.#failed(view, error));
    }
    if (isThenable(outcome)) return (outcome as Promise<Outcome>).then(send, (error: unknown) => send(this.#failed(view, error)));
    return send(outcome);
  }

  /**
   * Writes an answer with `write`; when writing it throws, writes the error
   * answer for that error instead (a 500, given to `onError`, unless it is an
   * `HTTPException`).
   *
   * @example
   * ```ts
   * kit.write(view, outcome.answer, (answer) => writeKoaAnswer(ctx, answer))
   * ```
   */
  write<R>(view: RequestView, answer: Answer, write: (answer: Answer) => R): R {
    try {
      return write(answer);
    } catch (error) {
      return write(this.errorAnswer(view, error));
    }
  }

  /**
   * The answer for an error during a request (see `errorAnswer`): its own for
   * an `HTTPException`, otherwise a 500 that leaks nothing, the error going
   * to the app's `onError`.
   *
   * @example
   * ```ts
   * kit.errorAnswer(view, new Error('boom')).status // 500
   * ```
   */
  errorAnswer(view: RequestView, error: unknown): Answer {
    return errorAnswer(error, view, this.app.onError);
  }

  /**
   * Gives an error to the app's `onError` hook; a hook that throws is
   * ignored (it must not break anything else).
   *
   * @example
   * ```ts
   * kit.report(view, error) // e.g. writing failed after the headers were sent
   * ```
   */
  report(view: RequestView, error: unknown): void {
    try {
      this.app.onError(error, view);
    } catch {
      // a failing hook must not break anything else
    }
  }

  /**
   * Runs an outcome's `finish()` (the request-scope teardowns, once the
   * answer has been sent); a failure goes to {@link AdapterKit.report}.
   * Never rejects.
   *
   * @example
   * ```ts
   * afterSent(res, () => kit.finish(view, outcome))
   * ```
   */
  finish(view: RequestView, outcome: Outcome): Promise<void> {
    return outcome.finish().catch((error: unknown) => this.report(view, error));
  }

  #failed(view: RequestView, error: unknown): Outcome {
    return { answer: this.errorAnswer(view, error), finish: DONE, hasTeardown: false };
  }
}
