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
var overrides_exports = {};
__export(overrides_exports, {
  Overrides: () => Overrides
});
module.exports = __toCommonJS(overrides_exports);
var import_depends = require("../dependency/depends.js");
var import_catalogue = require("../errors/catalogue.js");
class Overrides {
  #map = /* @__PURE__ */ new Map();
  #version = 0;
  /** Increases on every change; compiled plans compare it. */
  get version() {
    return this.#version;
  }
  /** Number of overrides set. */
  get size() {
    return this.#map.size;
  }
  /**
   * Replaces `dependency` with `replacement` from the next request on.
   *
   * @example
   * ```ts
   * app.overrides.set(bearer, () => ({ scheme: 'Bearer', credentials: 'test-token' }))
   * ```
   */
  set(dependency, replacement) {
    if (!(0, import_depends.isDependency)(dependency))
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidDependency, "overrides.set(): the first argument must be a dependency");
    const dep = (0, import_depends.isDependency)(replacement) ? replacement : (0, import_depends.createDependency)({}, replacement, { name: `override:${dependency.name}` });
    this.#map.set(dependency, dep);
    this.#version++;
    return this;
  }
  /**
   * Sets an override for the life of the returned handle (`using`, or call
   * `dispose()`), restoring what was there before.
   *
   * @example
   * ```ts
   * test('me', async () => {
   *   using _ = app.overrides.use(currentUser, () => fakeUser)
   *   expect((await get('/users/me')).status).toBe(200)
   * })
   * ```
   */
  use(dependency, replacement) {
    const previous = this.#map.get(dependency);
    this.set(dependency, replacement);
    const restore = () => {
      if (previous)
        this.#map.set(dependency, previous);
      else
        this.#map.delete(dependency);
      this.#version++;
    };
    return { dispose: restore, [Symbol.dispose]: restore };
  }
  /**
   * Removes the override of one dependency.
   *
   * @example
   * ```ts
   * app.overrides.delete(currentUser)
   * ```
   */
  delete(dependency) {
    const had = this.#map.delete(dependency);
    if (had)
      this.#version++;
    return had;
  }
  /**
   * Removes every override.
   *
   * @example
   * ```ts
   * afterEach(() => app.overrides.clear())
   * ```
   */
  clear() {
    if (this.#map.size)
      this.#version++;
    this.#map.clear();
  }
  /**
   * The replacement for a dependency, if any.
   *
   * @example
   * ```ts
   * app.overrides.get(currentUser) // Dependency | undefined
   * ```
   */
  get(dependency) {
    return this.#map.get(dependency);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  Overrides
});
//# sourceMappingURL=overrides.js.map
