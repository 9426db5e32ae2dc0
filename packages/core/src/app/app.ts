/**
 * `DependsApp`: the route table shared by the resolver and the OpenAPI
 * builder, the app-level dependencies, the overrides, the container and the
 * error hook. Adapters create one and hand it each request.
 */
import type { Dependency, Input, Inputs, ServiceContainer, Values } from '../dependency/types.js';
import { ConfigurationError, ErrorCode, HTTPException } from '../errors/catalogue.js';
import { buildDocument, checkSchemes, type SchemeRegistry } from '../openapi/document.js';
import { checkServerOptions, documentServers, serversFromRequest, type ServedAt } from '../openapi/servers.js';
import type { DocumentOptions, OpenAPIDocument } from '../openapi/types.js';
import { checkDeclarations, checkDuplicateRoute, checkTree } from '../checks/index.js';
import { analyse } from '../model/analyse.js';
import type { RouteTree } from '../model/tree.js';
import { compile, compileTree } from '../resolver/compile.js';
import { closeBoth, isClean } from '../resolver/exit-stack.js';
import { Execution, execute } from '../resolver/execute.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import { Overrides } from '../overrides/overrides.js';
import { createRequestView, type RequestInit, type RequestView } from '../request/view.js';
import type { Answer } from '../response/reply.js';
import { sendableStatus } from '../response/sendable.js';
import { brand } from '../util/shared.js';
import { matchPath, toOpenApiPath } from '../router/paths.js';
import { Router, routeDef, type Handler, type RouteDef, type RouteOptions } from '../router/router.js';
import { errorAnswer, Serving, type ErrorHook, type NativeCheck, type Outcome, type RunOptions } from './handle.js';
import type { ErrorBody } from '../errors/format.js';
import { sameList } from '../util/lists.js';

/** Options of a {@link DependsApp}. */
export interface AppOptions extends DocumentOptions {
  /** Dependencies that run for every route (values discarded), outermost first. */
  dependencies?: readonly Input[];
  /**
   * Security that applies to every route except those marked `public`;
   * documented as the document's top-level `security`.
   */
  security?: readonly Input[];
  /**
   * Root service container for `inject()` (`@depends/core/services`; default:
   * tsyringe's global container).
   */
  container?: ServiceContainer;
  /** Called once for each unexpected error (default: `console.error` of the error). */
  onError?: ErrorHook;
}

/** A route registered on an app: its declaration and its compiled plan. */
export interface AppRoute {
  readonly def: RouteDef;
  /** `GET /items/{id}`: used in messages. */
  readonly label: string;
  /** App, global-security, router and route dependencies, outermost first. */
  readonly dependencies: readonly Input[];
  /** The analysed tree without overrides (what the document and the startup checks read). */
  readonly tree: RouteTree;
  /** The plan compiled from that tree. */
  readonly plan: Plan;
}

const defaultOnError: ErrorHook = (error, request) => {
  // Only the error: never headers, cookies or bodies (they may hold credentials).
  console.error(`[depends] unexpected error in ${request.method} ${request.path}:`, error);
};

/**
 * One application's dependency world: routes, app-level dependencies,
 * overrides for tests, the container and the OpenAPI document, shared by
 * every adapter.
 *
 * @example
 * ```ts
 * const app = new DependsApp({ title: 'Todo API', version: '1.0.0' })
 * app.include(api)                             // a Router
 * app.overrides.set(currentUser, () => fakeUser) // in a test
 * const answer = await app.request({ method: 'GET', url: '/users/me' })
 * ```
 */
export class DependsApp {
  readonly options: AppOptions;
  /** Overrides for tests; the document never changes with them. */
  readonly overrides = new Overrides();
  readonly #routes: AppRoute[] = [];
  readonly #schemes: SchemeRegistry = new Map();
  /** Method + path (parameter names erased) → label of the route holding them. */
  readonly #paths = new Map<string, string>();
  #plans = new WeakMap<AppRoute, { version: number; plan: Plan }>();
  /**
   * Declarations already analysed, by their inputs object: the same inputs
   * and dependencies placed again (a mounted route documented at its full
   * path, a guard's decision and its document) are not analysed again; a
   * plan is compiled once per handler.
   */
  readonly #analysed = new WeakMap<Inputs, { dependencies: readonly Input[]; tree: RouteTree; plans: Map<unknown, Plan> }[]>();
  #document: OpenAPIDocument | undefined;
  /** The document as served, by server URL (a few at most), for {@link DependsApp.#document}. */
  #served: { readonly of: OpenAPIDocument; readonly byUrl: Map<string, OpenAPIDocument> } | undefined;
  /** Called once for each unexpected error. */
  onError: ErrorHook;

  /** @throws ConfigurationError for a document option it cannot use (`publicOrigin`). */
  constructor(options: AppOptions = {}) {
    checkServerOptions(options);
    this.options = options;
    this.onError = options.onError ?? defaultOnError;
  }

  /** Every registered route, in registration order. */
  get routes(): readonly AppRoute[] {
    return this.#routes;
  }

  /**
   * Registers a route: compiles its tree (cycles, scope rule and scheme
   * name clashes fail here, naming the route and the dependency).
   *
   * @example
   * ```ts
   * const route = app.add(router.get('/me', { user }, ({ user }) => user))
   * ```
   */
  add(def: RouteDef): AppRoute {
    const route = this.prepare(def);
    checkSchemes(route, this.#schemes);
    checkDuplicateRoute(this.#paths, def.method, def.path, route.label);
    this.#routes.push(route);
    this.#document = undefined;
    return route;
  }

  /**
   * Compiles a route with the app's dependencies and global security
   * without registering it (for handlers whose path is not known yet: give
   * a `label`, and the path is not checked). The startup checks (see
   * `checkDeclarations` and `checkTree`), cycles and the scope rule fail here.
   *
   * @example
   * ```ts
   * const route = app.prepare(routeDef('GET', '/', { user }, ({ user }) => user), 'handler me')
   * ```
   */
  prepare(def: RouteDef, label?: string): AppRoute {
    const dependencies = [
      ...(this.options.dependencies ?? []),
      ...(def.options.public ? [] : (this.options.security ?? [])),
      ...def.dependencies,
    ];
    const path = label === undefined ? def.path : undefined;
    label ??= `${def.method} ${toOpenApiPath(def.path)}`;
    const status = def.options.status;
    if (status !== undefined && !sendableStatus(status)) throw new ConfigurationError(ErrorCode.InvalidDeclaration, `Route ${label}: status ${String(status)} cannot be sent; give an integer from 200 to 599`);
    const seen = this.#analysed.get(def.inputs) ?? [];
    const hit = seen.find((a) => sameList(a.dependencies, dependencies));
    if (hit) {
      // the same declaration: its analysis is reused, under this label (the path checks still run for this path)
      const tree: RouteTree = { ...hit.tree, label };
      checkTree(tree, path);
      let plan = hit.plans.get(def.handler);
      if (!plan) hit.plans.set(def.handler, (plan = compileTree(tree, def.handler)));
      return { def, label, dependencies, tree, plan };
    }
    checkDeclarations({ label, dependencies, inputs: def.inputs });
    const tree = analyse({ label, dependencies, inputs: def.inputs });
    checkTree(tree, path);
    const plan = compileTree(tree, def.handler);
    seen.push({ dependencies, tree, plans: new Map([[def.handler, plan]]) });
    this.#analysed.set(def.inputs, seen);
    return { def, label, dependencies, tree, plan };
  }

  /**
   * Registers every route of a router.
   *
   * @example
   * ```ts
   * app.include(api)
   * ```
   */
  include(router: Router): AppRoute[] {
    return router.routes().map((def) => this.add(def));
  }

  /**
   * Declares and registers one route without a router (what the adapters'
   * single-handler wrappers use).
   *
   * @example
   * ```ts
   * app.route('GET', '/me', { user: currentUser }, ({ user }) => user)
   * ```
   */
  route<const I extends Inputs, R>(method: string, path: string, inputs: I, handler: Handler<I, R>, options: RouteOptions = {}): AppRoute {
    return this.add(routeDef(method, path, inputs, handler, options));
  }

  /** The route's plan with the current overrides applied (recompiled when they change). */
  planFor(route: AppRoute): Plan {
    if (this.overrides.size === 0) return route.plan;
    const hit = this.#plans.get(route);
    if (hit && hit.version === this.overrides.version) return hit.plan;
    const plan = compileTree(analyse({ label: route.label, dependencies: route.dependencies, inputs: route.def.inputs }, this.overrides), route.def.handler);
    this.#plans.set(route, { version: this.overrides.version, plan });
    return plan;
  }

  /**
   * Serves one request on a route: what adapters call. Send `answer` (or
   * the framework-native result in `native`, when `isNative` recognised
   * the handler's result), then call `finish()` once it has been sent.
   *
   * @example
   * ```ts
   * const { answer, finish } = await app.handle(route, view)
   * ```
   */
  handle(route: AppRoute, request: RequestView, isNative?: NativeCheck): MaybePromise<Outcome> {
    let plan = route.plan;
    // recompiled with the overrides (a compile error answers this request): outside the usual case, so that it pays for no try
    if (this.overrides.size > 0) {
      try {
        plan = this.planFor(route);
      } catch (error) {
        return { answer: errorAnswer(error, request, this.onError, this.options.errorBody), finish: () => Promise.resolve(), hasTeardown: false };
      }
    }
    let serving = keptWith<Serving>(route, SERVING);
    if (serving === undefined || serving.plan !== plan || serving.options.native !== isNative) {
      serving = new Serving(plan, routeOptions(this, route, isNative));
      keepWith(route, SERVING, serving);
    }
    return serving.run(request);
  }

  /**
   * Finds the route for a method and path (`undefined` when none matches).
   *
   * @example
   * ```ts
   * app.match('GET', '/items/42') // { route, params: { id: '42' } }
   * ```
   */
  match(method: string, path: string): { route: AppRoute; params: Record<string, string> } | undefined {
    const m = method.toUpperCase();
    for (const route of this.#routes) {
      if (route.def.method !== m && !(m === 'HEAD' && route.def.method === 'GET')) continue;
      const params = matchPath(route.def.path, path);
      if (params) return { route, params };
    }
    return undefined;
  }

  /**
   * Serves a request described by plain data, without any server: the
   * core's own test client. Runs teardown before returning.
   *
   * @example
   * ```ts
   * const res = await app.request({ method: 'GET', url: '/users/me', headers: { authorization: 'Bearer t' } })
   * expect(res.status).toBe(200)
   * expect(JSON.parse(res.body as string)).toEqual({ username: 'johndoe' })
   * ```
   */
  async request(init: RequestInit): Promise<Answer & { header(name: string): string | undefined; json<T = any>(): T }> {
    const view0 = createRequestView(init);
    const found = this.match(view0.method, view0.path);
    let answer: Answer;
    if (!found) {
      const other = this.#routes.some((r) => matchPath(r.def.path, view0.path));
      answer = errorAnswer(new HTTPException(other ? 405 : 404), view0, this.onError, this.options.errorBody);
    } else {
      const view = createRequestView({ ...init, params: found.params });
      const outcome = await this.handle(found.route, view);
      answer = outcome.answer;
      await outcome.finish();
    }
    return {
      ...answer,
      header: (name) => answer.headers.find(([n]) => n === name.toLowerCase())?.[1],
      json: <T,>() => (typeof answer.body === 'string' ? JSON.parse(answer.body) : undefined) as T,
    };
  }

  /**
   * The OpenAPI 3.1 document of every registered route (built once, rebuilt
   * after a route is added). Overrides never change it. Its server is the
   * `servers` given, or `publicOrigin`, or `/`; served `at` a request (what
   * the docs routes pass), the path the routes are mounted under is added
   * to `publicOrigin`, and without either option the server is the origin
   * the request was sent to, so a client generated from the served document
   * runs as generated.
   *
   * @example
   * ```ts
   * const doc = app.openapi()
   * doc.paths['/users/me'].get.security // [{ OAuth2PasswordBearer: ['me'] }]
   * app.openapi({ origin: 'http://127.0.0.1:3000' }).servers // [{ url: 'http://127.0.0.1:3000' }]
   * ```
   */
  openapi(at?: ServedAt): OpenAPIDocument {
    const doc = (this.#document ??= buildDocument(this.#routes, this.options));
    if (at === undefined || this.options.servers?.length) return doc;
    const servers = documentServers(this.options, at);
    const url = servers[0].url;
    if (url === doc.servers?.[0]?.url) return doc;
    if (this.#served?.of !== doc) this.#served = { of: doc, byUrl: new Map() };
    const byUrl = this.#served.byUrl;
    let served = byUrl.get(url);
    if (served === undefined) {
      // a few entries at most: the Host header is the client's to choose
      if (byUrl.size >= 8) byUrl.clear();
      byUrl.set(url, (served = { ...doc, servers }));
    }
    return served;
  }

  /**
   * Whether the served document's server is the origin of the request for
   * it: neither `servers` nor `publicOrigin` is given.
   *
   * @example
   * ```ts
   * new DependsApp({ publicOrigin: 'https://api.example.com' }).serversFromRequest // false
   * ```
   */
  get serversFromRequest(): boolean {
    return serversFromRequest(this.options);
  }
}

// an app made by another copy of the core in the process is still an app to this copy's adapters (see `appFrom`)
brand(DependsApp, 'DependsApp');

/**
 * Resolves one dependency alone from a hand-built request: the one-liner to
 * unit-test a dependency. Teardowns run before it returns; validation
 * problems throw a `RequestValidationError`, other HTTP errors their
 * `HTTPException`.
 *
 * @example
 * ```ts
 * const user = await resolve(currentUser, { headers: { authorization: 'Bearer abc' } })
 * await expect(resolve(currentUser, {})).rejects.toMatchObject({ status: 401 })
 * ```
 */
export async function resolve<T>(
  dependency: Dependency<T> | Input,
  request: RequestInit | RequestView = {},
  options: { overrides?: Overrides; container?: ServiceContainer } = {},
): Promise<T> {
  const view = 'header' in request && typeof request.header === 'function' ? (request as RequestView) : createRequestView(request as RequestInit);
  const plan = compile({
    label: `resolve(${(dependency as Dependency<T>).name ?? 'dependency'})`,
    inputs: { value: dependency as Input },
    dependencies: [],
    handler: (values: { value: T }) => values.value,
    overrides: options.overrides,
  });
  const ex = new Execution(view, plan.slotCount, options.container);
  let value: T;
  try {
    value = (await execute(plan, ex)) as T;
  } catch (error) {
    const remaining = await closeBoth(ex, { error });
    throw isClean(remaining) ? error : remaining.error;
  }
  const remaining = await closeBoth(ex);
  if (!isClean(remaining)) throw remaining.error;
  return value;
}

export type { Values };

/** Where a route keeps its {@link Serving} (made on its first request, again when its plan changes). */
const SERVING = Symbol('serving');

/**
 * What is kept with a route under `slot` (a `Serving`, a guard's
 * continuation): a property of the route object's own, not enumerable,
 * read on every request of the route.
 *
 * @example
 * ```ts
 * const serving = keptWith<Serving>(route, SERVING)
 * ```
 */
export function keptWith<T>(route: AppRoute, slot: symbol): T | undefined {
  return (route as unknown as Record<symbol, T | undefined>)[slot];
}

/**
 * Keeps `value` with a route under `slot` (see {@link keptWith}), in place
 * of what was kept there.
 *
 * @example
 * ```ts
 * keepWith(route, SERVING, new Serving(plan, options))
 * ```
 */
export function keepWith<T>(route: AppRoute, slot: symbol, value: T): void {
  Object.defineProperty(route, slot, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * A route's serving options; the app's hook, body shape and container read
 * when used (tests swap `app.onError`). What a served route and a guard's
 * checks answer with.
 *
 * @example
 * ```ts
 * const options = routeOptions(app, route, undefined)
 * options.label // 'GET /me'
 * ```
 */
export function routeOptions(app: DependsApp, route: AppRoute, native: NativeCheck | undefined): RunOptions {
  return new RouteRunOptions(app, route.def.options.status ?? 200, native, route.label);
}

/** {@link routeOptions}' object: a class, so that its getters sit on one prototype (every route's options share one shape). */
class RouteRunOptions implements RunOptions {
  readonly #app: DependsApp;
  readonly status: number;
  readonly native: NativeCheck | undefined;
  readonly label: string;

  constructor(app: DependsApp, status: number, native: NativeCheck | undefined, label: string) {
    this.#app = app;
    this.status = status;
    this.native = native;
    this.label = label;
  }

  get container(): ServiceContainer | undefined {
    return this.#app.options.container;
  }

  get onError(): ErrorHook {
    return this.#app.onError;
  }

  get errorBody(): ErrorBody | undefined {
    return this.#app.options.errorBody;
  }
}
