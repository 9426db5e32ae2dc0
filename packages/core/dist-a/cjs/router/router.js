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
var router_exports = {};
__export(router_exports, {
  DOCUMENTED_BODY: () => DOCUMENTED_BODY,
  Router: () => Router,
  routeDef: () => routeDef
});
module.exports = __toCommonJS(router_exports);
var import_paths = require("./paths.js");
const DOCUMENTED_BODY = /* @__PURE__ */ Symbol("depends.documentedBody");
function routeDef(method, path, inputs, handler, options = {}) {
  return {
    method: method.toUpperCase(),
    path,
    inputs,
    handler,
    dependencies: options.dependencies ?? [],
    options,
    tags: options.tags ?? []
  };
}
class Router {
  prefix;
  dependencies;
  tags;
  #own = [];
  #children = [];
  constructor(options = {}) {
    this.prefix = options.prefix ?? "";
    this.dependencies = options.dependencies ?? [];
    this.tags = options.tags ?? [];
  }
  /**
   * Declares a route for any method.
   *
   * @example
   * ```ts
   * router.route('GET', '/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * ```
   */
  route(method, path, inputs, handler, options = {}) {
    const def = routeDef(method, path, inputs, handler, options);
    this.#own.push(def);
    return def;
  }
  /**
   * Declares a GET route.
   *
   * @example
   * ```ts
   * router.get('/status', {}, () => ({ status: 'ok' }), { public: true })
   * ```
   */
  get(path, inputs, handler, options) {
    return this.route("GET", path, inputs, handler, options);
  }
  /**
   * Declares a POST route.
   *
   * @example
   * ```ts
   * router.post('/items', { item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 })
   * ```
   */
  post(path, inputs, handler, options) {
    return this.route("POST", path, inputs, handler, options);
  }
  /**
   * Declares a PUT route.
   *
   * @example
   * ```ts
   * router.put('/items/{id}', { id: path('id'), item: body(Item) }, ({ id, item }) => store.put(id, item))
   * ```
   */
  put(path, inputs, handler, options) {
    return this.route("PUT", path, inputs, handler, options);
  }
  /**
   * Declares a PATCH route.
   *
   * @example
   * ```ts
   * router.patch('/items/{id}', { id: path('id'), patch: body(ItemPatch) }, ({ id, patch }) => store.patch(id, patch))
   * ```
   */
  patch(path, inputs, handler, options) {
    return this.route("PATCH", path, inputs, handler, options);
  }
  /**
   * Declares a DELETE route.
   *
   * @example
   * ```ts
   * router.delete('/items/{id}', { id: path('id') }, ({ id }) => { store.remove(id); return reply.empty() })
   * ```
   */
  delete(path, inputs, handler, options) {
    return this.route("DELETE", path, inputs, handler, options);
  }
  /**
   * Nests another router, with an extra prefix, dependencies and tags
   * (FastAPI's `include_router`).
   *
   * @example
   * ```ts
   * api.include(adminRouter, { prefix: '/admin', dependencies: [adminOnly] })
   * ```
   */
  include(router, options = {}) {
    this.#children.push({
      router,
      prefix: options.prefix ?? "",
      dependencies: options.dependencies ?? [],
      tags: options.tags ?? []
    });
    return this;
  }
  /**
   * Every route below this router, flattened: prefixes joined, router
   * dependencies and tags prepended outermost first.
   *
   * @example
   * ```ts
   * api.routes().map((r) => `${r.method} ${r.path}`) // ['GET /users/me', 'GET /v1/health']
   * ```
   */
  routes() {
    const out = [];
    for (const def of this.#own) {
      out.push({
        ...def,
        path: (0, import_paths.joinPath)(this.prefix, def.path),
        dependencies: [...this.dependencies, ...def.dependencies],
        tags: [...this.tags, ...def.tags.filter((t) => !this.tags.includes(t))]
      });
    }
    for (const child of this.#children) {
      for (const def of child.router.routes()) {
        const tags = [...this.tags, ...child.tags];
        out.push({
          ...def,
          path: (0, import_paths.joinPath)(this.prefix, (0, import_paths.joinPath)(child.prefix, def.path)),
          dependencies: [...this.dependencies, ...child.dependencies, ...def.dependencies],
          tags: [...tags, ...def.tags.filter((t) => !tags.includes(t))]
        });
      }
    }
    return out;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DOCUMENTED_BODY,
  Router,
  routeDef
});
//# sourceMappingURL=router.js.map
