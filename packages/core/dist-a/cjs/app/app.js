"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var app_exports = {};
__export(app_exports, {
  DependsApp: () => DependsApp,
  resolve: () => resolve
});
module.exports = __toCommonJS(app_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_document = require("../openapi/document.js");
var import_servers = require("../openapi/servers.js");
var import_checks = require("../checks/index.js");
var import_analyse = require("../model/analyse.js");
var import_compile = require("../resolver/compile.js");
var import_exit_stack = require("../resolver/exit-stack.js");
var import_execute = require("../resolver/execute.js");
var import_overrides = require("../overrides/overrides.js");
var import_view = require("../request/view.js");
var import_paths = require("../router/paths.js");
var import_router = require("../router/router.js");
var import_handle = require("./handle.js");
const defaultOnError = (error, request) => {
  console.error(`[depends] unexpected error in ${request.method} ${request.path}:`, error);
};
class DependsApp {
  options;
  /** Overrides for tests; the document never changes with them. */
  overrides = new import_overrides.Overrides();
  #routes = [];
  #schemes = /* @__PURE__ */ new Map();
  /** Method + path (parameter names erased) → label of the route holding them. */
  #paths = /* @__PURE__ */ new Map();
  #plans = /* @__PURE__ */ new WeakMap();
  /**
   * Declarations already analysed, by their inputs object: the same inputs
   * and dependencies placed again (a mounted route documented at its full
   * path, a guard's decision and its document) are not analysed again; a
   * plan is compiled once per handler.
   */
  #analysed = /* @__PURE__ */ new WeakMap();
  #document;
  /** The document as served, by server URL (a few at most), for {@link DependsApp.#document}. */
  #served;
  /** Called once for each unexpected error. */
  onError;
  /** @throws ConfigurationError for a document option it cannot use (`publicOrigin`). */
  constructor(options = {}) {
    (0, import_servers.checkServerOptions)(options);
    this.options = options;
    this.onError = options.onError ?? defaultOnError;
  }
  /** Every registered route, in registration order. */
  get routes() {
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
  add(def) {
    const route = this.prepare(def);
    (0, import_document.checkSchemes)(route, this.#schemes);
    (0, import_checks.checkDuplicateRoute)(this.#paths, def.method, def.path, route.label);
    this.#routes.push(route);
    this.#document = void 0;
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
  prepare(def, label) {
    const dependencies = [
      ...this.options.dependencies ?? [],
      ...def.options.public ? [] : this.options.security ?? [],
      ...def.dependencies
    ];
    const path = label === void 0 ? def.path : void 0;
    label ??= `${def.method} ${(0, import_paths.toOpenApiPath)(def.path)}`;
    const seen = this.#analysed.get(def.inputs) ?? [];
    const hit = seen.find((a) => sameList(a.dependencies, dependencies));
    if (hit) {
      const tree2 = { ...hit.tree, label };
      (0, import_checks.checkTree)(tree2, path);
      let plan2 = hit.plans.get(def.handler);
      if (!plan2)
        hit.plans.set(def.handler, plan2 = (0, import_compile.compileTree)(tree2, def.handler));
      return { def, label, dependencies, tree: tree2, plan: plan2 };
    }
    (0, import_checks.checkDeclarations)({ label, dependencies, inputs: def.inputs });
    const tree = (0, import_analyse.analyse)({ label, dependencies, inputs: def.inputs });
    (0, import_checks.checkTree)(tree, path);
    const plan = (0, import_compile.compileTree)(tree, def.handler);
    seen.push({ dependencies, tree, plans: /* @__PURE__ */ new Map([[def.handler, plan]]) });
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
  include(router) {
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
  route(method, path, inputs, handler, options = {}) {
    return this.add((0, import_router.routeDef)(method, path, inputs, handler, options));
  }
  /** The route's plan with the current overrides applied (recompiled when they change). */
  planFor(route) {
    if (this.overrides.size === 0)
      return route.plan;
    const hit = this.#plans.get(route);
    if (hit && hit.version === this.overrides.version)
      return hit.plan;
    const plan = (0, import_compile.compileTree)((0, import_analyse.analyse)({ label: route.label, dependencies: route.dependencies, inputs: route.def.inputs }, this.overrides), route.def.handler);
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
  handle(route, request, isNative) {
    let plan;
    try {
      plan = this.planFor(route);
    } catch (error) {
      return { answer: (0, import_handle.errorAnswer)(error, request, this.onError, this.options.errorBody), finish: () => Promise.resolve(), hasTeardown: false };
    }
    let serving = servingOf(route);
    if (serving === void 0 || serving.plan !== plan || serving.options.native !== isNative) {
      serving = new import_handle.Serving(plan, routeOptions(this, route, isNative));
      keepServing(route, serving);
    }
    return (0, import_handle.serve)(serving, request);
  }
  /**
   * Finds the route for a method and path (`undefined` when none matches).
   *
   * @example
   * ```ts
   * app.match('GET', '/items/42') // { route, params: { id: '42' } }
   * ```
   */
  match(method, path) {
    const m = method.toUpperCase();
    for (const route of this.#routes) {
      if (route.def.method !== m && !(m === "HEAD" && route.def.method === "GET"))
        continue;
      const params = (0, import_paths.matchPath)(route.def.path, path);
      if (params)
        return { route, params };
    }
    return void 0;
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
  async request(init) {
    const view0 = (0, import_view.createRequestView)(init);
    const found = this.match(view0.method, view0.path);
    let answer;
    if (!found) {
      const other = this.#routes.some((r) => (0, import_paths.matchPath)(r.def.path, view0.path));
      answer = (0, import_handle.errorAnswer)(new import_catalogue.HTTPException(other ? 405 : 404), view0, this.onError, this.options.errorBody);
    } else {
      const view = (0, import_view.createRequestView)({ ...init, params: found.params });
      const outcome = await this.handle(found.route, view);
      answer = outcome.answer;
      await outcome.finish();
    }
    return {
      ...answer,
      header: (name) => answer.headers.find(([n]) => n === name.toLowerCase())?.[1],
      json: () => typeof answer.body === "string" ? JSON.parse(answer.body) : void 0
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
  openapi(at) {
    const doc = this.#document ??= (0, import_document.buildDocument)(this.#routes, this.options);
    if (at === void 0 || this.options.servers?.length)
      return doc;
    const servers = (0, import_servers.documentServers)(this.options, at);
    const url = servers[0].url;
    if (url === doc.servers?.[0]?.url)
      return doc;
    if (this.#served?.of !== doc)
      this.#served = { of: doc, byUrl: /* @__PURE__ */ new Map() };
    const byUrl = this.#served.byUrl;
    let served = byUrl.get(url);
    if (served === void 0) {
      if (byUrl.size >= 8)
        byUrl.clear();
      byUrl.set(url, served = { ...doc, servers });
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
  get serversFromRequest() {
    return (0, import_servers.serversFromRequest)(this.options);
  }
}
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
async function resolve(dependency, request = {}, options = {}) {
  const view = "header" in request && typeof request.header === "function" ? request : (0, import_view.createRequestView)(request);
  const plan = (0, import_compile.compile)({
    label: `resolve(${dependency.name ?? "dependency"})`,
    inputs: { value: dependency },
    dependencies: [],
    handler: (values) => values.value,
    overrides: options.overrides
  });
  const ex = new import_execute.Execution(view, plan.slotCount, options.container);
  let value;
  try {
    value = await (0, import_execute.execute)(plan, ex);
  } catch (error) {
    const remaining2 = await (0, import_exit_stack.closeBoth)(ex, { error });
    throw (0, import_exit_stack.isClean)(remaining2) ? error : remaining2.error;
  }
  const remaining = await (0, import_exit_stack.closeBoth)(ex);
  if (!(0, import_exit_stack.isClean)(remaining))
    throw remaining.error;
  return value;
}
const SERVING = /* @__PURE__ */ Symbol("serving");
function servingOf(route) {
  return route[SERVING];
}
function keepServing(route, serving) {
  Object.defineProperty(route, SERVING, { value: serving, writable: true, configurable: true, enumerable: false });
}
function routeOptions(app, route, native) {
  return {
    status: route.def.options.status ?? 200,
    get container() {
      return app.options.container;
    },
    get onError() {
      return app.onError;
    },
    native,
    get errorBody() {
      return app.options.errorBody;
    },
    label: route.label
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DependsApp,
  resolve
});
//# sourceMappingURL=app.js.map
