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
var depends_exports = {};
__export(depends_exports, {
  createDependency: () => createDependency,
  depends: () => depends,
  isDependency: () => isDependency,
  isInput: () => isInput,
  isUse: () => isUse,
  notADependency: () => notADependency,
  security: () => security,
  use: () => use
});
module.exports = __toCommonJS(depends_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_types = require("./types.js");
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {
}).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {
}).constructor;
function callKindOf(fn) {
  if (fn instanceof AsyncGeneratorFunction)
    return "asyncGenerator";
  if (fn instanceof GeneratorFunction)
    return "generator";
  return "plain";
}
function depends(a, b, c) {
  if (typeof a === "function")
    return createDependency({}, a, b ?? {});
  if (typeof b !== "function") {
    throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidDependency, "depends(inputs, fn): fn must be a function");
  }
  return createDependency(a, b, c ?? {});
}
function createDependency(inputs, fn, options = {}) {
  for (const [key, input] of Object.entries(inputs)) {
    if (!isInput(input)) {
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.NotADependency, `Input "${key}" of dependency "${options.name ?? (fn.name || "anonymous")}" ${notADependency(input)}`);
    }
  }
  return Object.freeze({
    [import_types.kDependency]: true,
    name: options.name ?? (fn.name || "anonymous"),
    inputs: Object.freeze({ ...inputs }),
    fn,
    callKind: callKindOf(fn),
    scope: options.scope,
    useCache: options.useCache ?? true,
    meta: Object.freeze({ ...options.meta ?? {} })
  });
}
function notADependency(value) {
  if (value === void 0)
    return "is undefined, not a dependency: usually an import cycle (the module that declares it has not run yet when this one reads it) or a missing export. Import it from the module that declares it, or move the declaration out of the cycle.";
  if (isUse(value))
    return `is a use() of ${String(value.dependency)}, not of a dependency`;
  const shown = typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
  return `is ${shown}, not a dependency, a use() or an injectable class`;
}
function use(dependency, options = {}) {
  const base = isUse(dependency) ? dependency : void 0;
  return Object.freeze({
    [import_types.kUse]: true,
    dependency: base ? base.dependency : dependency,
    useCache: options.useCache ?? base?.useCache,
    scope: options.scope ?? base?.scope,
    scopes: base?.scopes ?? [],
    ...base?.security ? { security: true } : {}
  });
}
function security(dependency, options = {}) {
  const base = use(dependency, options);
  const scopes = [...base.scopes];
  for (const s of options.scopes ?? [])
    if (!scopes.includes(s))
      scopes.push(s);
  return Object.freeze({ ...base, scopes: Object.freeze(scopes), security: true });
}
function isDependency(value) {
  return typeof value === "object" && value !== null && value[import_types.kDependency] === true;
}
function isUse(value) {
  return typeof value === "object" && value !== null && value[import_types.kUse] === true;
}
function isInput(value) {
  return isDependency(value) || isUse(value) && isDependency(value.dependency) || typeof value === "function";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createDependency,
  depends,
  isDependency,
  isInput,
  isUse,
  notADependency,
  security,
  use
});
//# sourceMappingURL=depends.js.map
