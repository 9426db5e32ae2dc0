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
var guards_exports = {};
__export(guards_exports, {
  Guards: () => Guards,
  guardKey: () => guardKey
});
module.exports = __toCommonJS(guards_exports);
var import_depends = require("../dependency/depends.js");
var import_declarations = require("../checks/declarations.js");
var import_catalogue = require("../errors/catalogue.js");
var import_paths = require("../router/paths.js");
var import_router = require("../router/router.js");
var import_body = require("../sources/body.js");
const ROUTE_KEY = /^([A-Za-z]+)\s+(\/\S*)$/;
function guardKey(method, path) {
  const m = method.toUpperCase();
  return `${m === "HEAD" ? "GET" : m} ${(0, import_paths.toOpenApiPath)(path)}`;
}
function normaliseKeys(name, routes) {
  const out = /* @__PURE__ */ new Map();
  for (const [key, options] of Object.entries(routes ?? {})) {
    const m = ROUTE_KEY.exec(key.trim());
    if (!m)
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `Guard "${name}": routes key "${key}" is not "METHOD /path" (e.g. "GET /v1/notes/{id}")`);
    out.set(guardKey(m[1], m[2]), options);
  }
  return out;
}
function dependencyOf(input) {
  return (0, import_depends.isUse)(input) ? input.dependency : (0, import_depends.isDependency)(input) ? input : void 0;
}
function inputReachesScheme(input) {
  const dep = dependencyOf(input);
  return dep !== void 0 && (0, import_declarations.reachesScheme)(dep);
}
function checkScopesChecked(label, what, inputs) {
  const checked = Object.values(inputs).some((i) => {
    const dep = dependencyOf(i);
    return dep !== void 0 && (0, import_declarations.checksScopes)(dep);
  });
  if (!checked)
    throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `Guard "${label}" ${what}, but none of its inputs (${Object.keys(inputs).join(", ")}) checks scopes, so every caller would be let through: wrap the dependency that knows the caller's scopes with withScopes(dependency, (caller) => caller.scopes), or use a scheme that checks them (jwtBearer())`);
}
function checkRouteKeys(guard, keys) {
  for (const key of guard.routes.keys())
    if (!keys.has(key))
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `Guard "${guard.name}": routes["${key}"] names no route behind this guard (it guards ${[...keys].join(", ")})`);
}
const passValues = (values) => values;
function documentOnly(handler) {
  const fn = () => void 0;
  const name = typeof handler === "function" ? handler.name.replace(/^bound /, "") : "";
  Object.defineProperty(fn, "name", { value: name === "anonymous" ? "" : name });
  return fn;
}
class Guards {
  #app;
  #guards = /* @__PURE__ */ new Map();
  #markers = /* @__PURE__ */ new Map();
  #exempt = /* @__PURE__ */ new Set();
  constructor(app) {
    this.#app = app;
  }
  /** Whether any guard has been declared. */
  get size() {
    return this.#guards.size;
  }
  /**
   * Registers a guard: `fn` is the framework middleware the adapter made for
   * it. Fails at once when `scopes` are asked of inputs that reach no
   * security scheme, a `routes` key is not `METHOD /path`, or an input fails
   * a startup check (`header('authorization')`, an undeclared OAuth2
   * scope...: see ERRORS.md).
   *
   * @example
   * ```ts
   * guards.add(mw, { user: currentUser }, { scopes: ['notes:read'] })
   * ```
   */
  add(fn, inputs, options = {}) {
    const { name, routes, ...defaults } = options;
    const label = name ?? `guard(${Object.keys(inputs).join(", ") || "no inputs"})`;
    const keyed = normaliseKeys(label, routes);
    const allScopes = [...new Set([defaults.scopes ?? [], ...[...keyed.values()].map((o) => o.scopes ?? [])].flat())];
    const guard = { name: label, inputs, defaults, routes: keyed, compiled: /* @__PURE__ */ new Map(), allScopes, byEntry: /* @__PURE__ */ new WeakMap(), scoped: /* @__PURE__ */ new Map() };
    const scoped = [defaults.scopes, ...[...guard.routes.values()].map((o) => o.scopes)].some((s) => s && s.length > 0);
    if (scoped && !Object.values(inputs).some((i) => inputReachesScheme(i)))
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `Guard "${label}" asks for scopes, but none of its inputs (${Object.keys(inputs).join(", ")}) reaches a security scheme: add the scheme or the dependency that uses it`);
    if (scoped)
      checkScopesChecked(label, "asks for scopes", inputs);
    for (const [key, own] of [["", {}], ...guard.routes]) {
      const options2 = { ...defaults, ...own };
      if (options2.public)
        continue;
      this.#app.prepare((0, import_router.routeDef)("GET", "/", this.#inputs(guard, options2), passValues, this.#routeOptions(options2)), `behind ${label}${key ? ` at ${key}` : ""}`);
    }
    this.#guards.set(fn, guard);
  }
  /**
   * Registers a route marker: a pass-through middleware whose options apply
   * to the route it is placed on (summary, response, `public`...).
   *
   * @example
   * ```ts
   * guards.mark(marker, { public: true })
   * ```
   */
  mark(fn, options) {
    this.#markers.set(fn, options);
  }
  /**
   * A handler no guard ever applies to and that is never documented as a
   * guarded route (the docs routes).
   *
   * @example
   * ```ts
   * guards.exempt(openapiJsonHandler)
   * ```
   */
  exempt(fn) {
    this.#exempt.add(fn);
  }
  /** Whether `fn` is a guard's middleware. */
  isGuard(fn) {
    return this.#guards.has(fn);
  }
  /** Whether `fn` is one of depends' own pass-through functions: a guard, a route marker or a docs route. */
  isOwn(fn) {
    return this.#guards.has(fn) || this.#markers.has(fn) || this.#exempt.has(fn);
  }
  /** Whether `handler` is a docs route (never guarded). */
  isExempt(handler) {
    return this.#exempt.has(handler);
  }
  /**
   * The guard's strictest requirement, compiled once: its inputs with every
   * scope it asks anywhere (defaults and `routes`), never public. What a
   * request gets where the framework does not say which route it is for
   * (a middleware that may answer by itself, a route the guard cannot
   * see): refused unless it would pass in front of any route.
   *
   * @example
   * ```ts
   * const route = guards.strictest(authMiddleware) // 401 without a credential, 403 without every scope
   * ```
   */
  strictest(fn) {
    const guard = this.#guards.get(fn);
    if (!guard)
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, "not a guard of this adapter");
    if (guard.strictest)
      return guard.strictest;
    const options = { ...guard.defaults, public: false, scopes: guard.allScopes };
    guard.strictest = this.#app.prepare((0, import_router.routeDef)("GET", "/", this.#inputs(guard, options), passValues, this.#routeOptions(options)), `a request no route is known for (${guard.name})`);
    return guard.strictest;
  }
  /**
   * Checks the order of middleware on frameworks where a guard placed with
   * `use()` decides at the route Express or Koa dispatches to, and checks
   * its strictest requirement before any other middleware placed after it
   * (which may answer by itself). A route behind such a middleware that the
   * guard lets through with less (public, or fewer scopes) would be refused:
   * a {@link ConfigurationError} naming the guard, the middleware, the route
   * and the fix. `isMiddleware` tells the app's own middleware from route
   * handlers in `entry.before`.
   *
   * @example
   * ```ts
   * guards.checkOrder(expressTable(app)) // throws when app.use(auth); app.use(express.json()); app.get('/status', public)
   * ```
   */
  checkOrder(entries, isMiddleware) {
    entries = this.#learnScopes(entries);
    for (const entry of entries) {
      if (this.#exempt.has(entry.handler))
        continue;
      entry.before.forEach((fn, i) => {
        const guard = this.#guards.get(fn);
        if (!guard)
          return;
        const after = entry.before.slice(i + 1).find((m) => !this.isOwn(m) && isMiddleware(m, entry));
        if (after === void 0)
          return;
        const options = this.#options(guard, entry);
        const scopes = options.scopes ?? [];
        if (!options.public && guard.allScopes.every((s) => scopes.includes(s)))
          return;
        const name = typeof after === "function" && after.name ? `middleware "${after.name}"` : "an anonymous middleware";
        const where = entry.path === void 0 ? `${entry.method} ${entry.where ?? "a route"}` : guardKey(entry.method, entry.path);
        throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOrder, `Guard "${guard.name}": ${name} runs after it and before ${where}, which the guard lets through ${options.public ? "without a credential" : `with fewer scopes (${scopes.join(" ") || "none"})`}. The guard cannot tell whether that middleware answers requests by itself, so it checks its strictest requirement there and would refuse what ${where} allows: register the middleware before the guard (app.use(bodyParser) before app.use(auth)), or place the guard on the routers or routes it protects`);
      });
    }
  }
  /**
   * The compiled route a guard checks for a request on `entry` (the route
   * the framework dispatches it to), or `undefined` when the guard does not
   * apply: not in front of that route (unless `placed`: the adapter saw it
   * run there), the route is public, or it is a docs route. Compiled once per route (configuration mistakes throw here,
   * naming the route and the dependency).
   *
   * @example
   * ```ts
   * const route = guards.routeFor(mw, { method: req.method, path: '/v1/notes/:id', handler, before })
   * if (route) runGuard(app, route, view)
   * ```
   */
  routeFor(fn, entry, placed = false) {
    const guard = this.#guards.get(fn);
    if (!guard || this.#exempt.has(entry.handler) || !placed && !entry.before.includes(fn))
      return void 0;
    const seen = guard.byEntry.get(entry);
    if (seen !== void 0)
      return seen ?? void 0;
    const route = this.#compiledFor(guard, entry);
    guard.byEntry.set(entry, route ?? null);
    return route;
  }
  #compiledFor(guard, entry) {
    const key = entry.path === void 0 ? entry.handler : guardKey(entry.method, entry.path);
    const hit = guard.compiled.get(key);
    if (hit !== void 0)
      return hit ?? void 0;
    const options = this.#options(guard, entry);
    let route = null;
    if (!options.public) {
      const method = guardKey(entry.method, "/").split(" ")[0];
      const def = (0, import_router.routeDef)(method, entry.path ?? "/", this.#inputs(guard, options), passValues, this.#routeOptions(options));
      const label = entry.path === void 0 ? `${method} ${entry.where ?? "route"}` : guardKey(method, entry.path);
      route = this.#app.prepare(def, `${label} (${guard.name})`);
    }
    guard.compiled.set(key, route);
    return route ?? void 0;
  }
  /**
   * The dependencies the guards in front of a route add to it (for routes
   * that are depends routes already, e.g. wrapped handlers), or `[]`.
   *
   * @example
   * ```ts
   * guards.dependenciesFor(entry) // [currentUser]
   * ```
   */
  dependenciesFor(entry) {
    const out = [];
    for (const fn of entry.before) {
      const guard = this.#guards.get(fn);
      if (!guard)
        continue;
      const options = this.#options(guard, entry);
      if (!options.public)
        out.push(...Object.values(this.#inputs(guard, options)), ...options.dependencies ?? []);
    }
    return out;
  }
  /**
   * Documents every guarded route of a framework's route table at its real
   * path, once per `METHOD /path` (`documented` holds those already added).
   * Throws a {@link ConfigurationError} when a guard stands in front of a
   * route whose path cannot be known, when a `routes` key names no route
   * behind its guard, or when a guard is in front of no route at all.
   *
   * @example
   * ```ts
   * guards.document(expressTable(app), documented)
   * ```
   */
  document(entries, documented) {
    entries = this.#learnScopes(entries);
    const used = /* @__PURE__ */ new Map();
    for (const entry of entries) {
      if (this.#exempt.has(entry.handler))
        continue;
      this.#checkMarkers(entry);
      const guards = entry.before.map((fn) => this.#guards.get(fn)).filter((g) => g !== void 0);
      if (guards.length === 0)
        continue;
      if (entry.path === void 0)
        throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.UnknownRoutePath, `Guard "${guards[0].name}" stands in front of ${entry.method} ${entry.where ?? "a route"}, whose path cannot be known, so it cannot be documented: register it with a string path, or mount its router with a string prefix`);
      const key = guardKey(entry.method, entry.path);
      for (const g of guards)
        (used.get(g) ?? used.set(g, /* @__PURE__ */ new Set()).get(g)).add(key);
      if (documented.has(key))
        continue;
      documented.add(key);
      const options = guards.map((g) => this.#options(g, entry));
      const merged = Object.assign({}, ...options);
      if (merged.hidden)
        continue;
      const isPublic = options.every((o) => o.public);
      const [method] = key.split(" ");
      const routeOptions = merged.requestBody ? { ...this.#routeOptions(merged), [import_router.DOCUMENTED_BODY]: sourceOf((0, import_body.body)(merged.requestBody)) } : this.#routeOptions(merged);
      if (guards.length === 1 && !isPublic) {
        this.#app.add((0, import_router.routeDef)(method, entry.path, this.#inputs(guards[0], options[0]), documentOnly(entry.handler), routeOptions));
        continue;
      }
      const dependencies = isPublic ? [] : this.dependenciesFor(entry);
      this.#app.add((0, import_router.routeDef)(method, entry.path, {}, documentOnly(entry.handler), { ...routeOptions, public: isPublic, dependencies }));
    }
    for (const guard of this.#guards.values()) {
      const keys = used.get(guard);
      if (!keys)
        throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `Guard "${guard.name}" stands in front of no route of the apps and routers passed to d.docs()/d.mount(): put it in front of routes, or pass the app or router that uses it to d.docs()`);
      checkRouteKeys(guard, keys);
    }
  }
  /**
   * Checks the `routes` keys of the guards found in a route table: each
   * must name a route behind its guard there. Guards that stand in front of
   * no route of this table are left to {@link Guards.document}. Throws a
   * {@link ConfigurationError} naming the key and the routes the guard
   * does guard.
   *
   * @example
   * ```ts
   * guards.checkKeys(expressTable(app)) // routes: { 'GET /v1/note': … } → names no route behind this guard
   * ```
   */
  checkKeys(entries) {
    entries = this.#learnScopes(entries);
    const used = /* @__PURE__ */ new Map();
    for (const entry of entries) {
      this.#checkMarkers(entry);
      if (this.#exempt.has(entry.handler) || entry.path === void 0)
        continue;
      for (const fn of entry.before) {
        const g = this.#guards.get(fn);
        if (g)
          (used.get(g) ?? used.set(g, /* @__PURE__ */ new Set()).get(g)).add(guardKey(entry.method, entry.path));
      }
    }
    for (const [guard, keys] of used)
      checkRouteKeys(guard, keys);
  }
  /** A route marker (`d.route()`) on a route no guard stands in front of does nothing: a mistake, refused. */
  #checkMarkers(entry) {
    if (!this.#markers.has(entry.handler) && !entry.before.some((fn) => this.#markers.has(fn)))
      return;
    const where = entry.path === void 0 ? `${entry.method} ${entry.where ?? "a route"}` : guardKey(entry.method, entry.path);
    const guards = entry.before.map((fn) => this.#guards.get(fn)).filter((g) => g !== void 0);
    if (guards.length > 0) {
      const scoped = [...entry.before, entry.handler].some((fn) => (this.#markers.get(fn)?.scopes ?? []).length > 0);
      if (scoped)
        for (const g of guards)
          checkScopesChecked(g.name, `is given scopes by d.route() on ${where}`, g.inputs);
      return;
    }
    throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.GuardOptions, `d.route() options on ${where} do nothing: no guard stands in front of that route. Place the guard before it (app.use(auth) earlier, or on its router), or remove d.route()`);
  }
  /**
   * The scopes `d.route({ scopes })` asks on the routes of a table join
   * the strictest requirement of the guards in front of them (what a
   * request no route is known for must pass). Returns the table as a list.
   */
  #learnScopes(entries) {
    const list = [...entries];
    for (const entry of list)
      for (const fn of [...entry.before, entry.handler]) {
        const scopes = this.#markers.get(fn)?.scopes;
        if (!scopes?.length)
          continue;
        for (const g of entry.before) {
          const guard = this.#guards.get(g);
          if (!guard || scopes.every((x) => guard.allScopes.includes(x)))
            continue;
          guard.allScopes = [.../* @__PURE__ */ new Set([...guard.allScopes, ...scopes])];
          guard.strictest = void 0;
        }
      }
    return list;
  }
  /** Defaults, then markers on the route, then the guard's options for this route. */
  #options(guard, entry) {
    let options = guard.defaults;
    for (const fn of [...entry.before, entry.handler]) {
      const marker = this.#markers.get(fn);
      if (marker)
        options = { ...options, ...marker };
    }
    if (entry.path !== void 0) {
      const own = guard.routes.get(guardKey(entry.method, entry.path));
      if (own)
        options = { ...options, ...own };
    }
    return options;
  }
  /** The guard's inputs, each one reaching a scheme used with the route's scopes. */
  #inputs(guard, options) {
    const scopes = options.scopes ?? [];
    if (scopes.length === 0)
      return guard.inputs;
    const key = [...new Set(scopes)].sort().join(" ");
    const made = guard.scoped.get(key);
    if (made)
      return made;
    const out = {};
    for (const [name, input] of Object.entries(guard.inputs))
      out[name] = inputReachesScheme(input) && ((0, import_depends.isDependency)(input) || (0, import_depends.isUse)(input)) ? (0, import_depends.security)(input, { scopes }) : input;
    guard.scoped.set(key, out);
    return out;
  }
  #routeOptions(options) {
    const { scopes: _scopes, requestBody: _body, ...rest } = options;
    return rest;
  }
}
function sourceOf(input) {
  return input.meta.source;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  Guards,
  guardKey
});
//# sourceMappingURL=guards.js.map
