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
var inject_exports = {};
__export(inject_exports, {
  REQUEST: () => REQUEST,
  createRequestContainer: () => createRequestContainer,
  inject: () => inject
});
module.exports = __toCommonJS(inject_exports);
var import_reflect_metadata = require("reflect-metadata");
var import_tsyringe = require("tsyringe");
var import_depends = require("../dependency/depends.js");
var import_use = require("../dependency/use.js");
var import_catalogue = require("../errors/catalogue.js");
const REQUEST = /* @__PURE__ */ Symbol.for("depends.request");
const requestContainer = (0, import_depends.createDependency)({}, (_, ctx) => {
  const container = createRequestContainer(ctx.container, ctx.request);
  return { container, [Symbol.asyncDispose]: () => container.dispose() };
}, { name: "container" });
const byToken = /* @__PURE__ */ new WeakMap();
const byPrimitive = /* @__PURE__ */ new Map();
function inject(token, options = {}) {
  const provide = options.provide ?? [];
  const cacheable = provide.length === 0 && options.name === void 0;
  if (cacheable) {
    const hit = typeof token === "object" || typeof token === "function" ? byToken.get(token) : byPrimitive.get(token);
    if (hit)
      return hit;
  }
  const inputs = { container: requestContainer };
  provide.forEach(([, input], i) => {
    if (!(0, import_depends.isDependency)(input) && !(0, import_depends.isUse)(input) && typeof input !== "function")
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidDependency, `inject(${tokenName(token)}): provide needs dependencies`);
    inputs[`p${i}`] = input;
  });
  const name = options.name ?? `inject:${tokenName(token)}`;
  const dep = (0, import_depends.createDependency)(inputs, (values) => {
    const c = values.container.container;
    provide.forEach(([t], i) => c.register(t, { useValue: values[`p${i}`] }));
    return c.resolve(token);
  }, { name, meta: { owns: false } });
  if (cacheable) {
    if (typeof token === "object" || typeof token === "function")
      byToken.set(token, dep);
    else
      byPrimitive.set(token, dep);
  }
  return dep;
}
(0, import_use.provideClassInputs)((cls) => inject(cls));
function tokenName(token) {
  if (typeof token === "function")
    return token.name || "anonymous";
  if (typeof token === "symbol")
    return token.description ?? "symbol";
  if (typeof token === "string")
    return token;
  return "token";
}
function createRequestContainer(root, request) {
  const child = (root ?? import_tsyringe.container).createChildContainer();
  child.register(REQUEST, { useValue: request });
  return child;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  REQUEST,
  createRequestContainer,
  inject
});
//# sourceMappingURL=inject.js.map
