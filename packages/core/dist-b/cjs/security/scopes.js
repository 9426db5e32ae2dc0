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
var scopes_exports = {};
__export(scopes_exports, {
  assertScopes: () => assertScopes,
  missingScopes: () => missingScopes,
  withScopes: () => withScopes
});
module.exports = __toCommonJS(scopes_exports);
var import_depends = require("../dependency/depends.js");
var import_builtins = require("../dependency/builtins.js");
var import_refusal = require("../dependency/refusal.js");
var import_errors = require("./errors.js");
var import_thenable = require("../util/thenable.js");
var import_python_strings = require("./python-strings.js");
function grantedSet(granted) {
  if (granted === null || granted === void 0)
    return /* @__PURE__ */ new Set();
  if (typeof granted === "string")
    return new Set((0, import_python_strings.pythonSplit)(granted));
  return new Set(granted);
}
function requiredList(required) {
  return required instanceof import_builtins.SecurityScopes ? required.scopes : required;
}
function missingScopes(required, granted) {
  const have = grantedSet(granted);
  return requiredList(required).filter((s) => !have.has(s));
}
function assertScopes(required, granted, options) {
  if (lacksScope(required, granted))
    throw (0, import_errors.insufficientScope)(required, options);
}
function lacksScope(required, granted) {
  const list = requiredList(required);
  if (list.length === 0)
    return false;
  if (granted === null || granted === void 0)
    return true;
  const few = typeof granted === "string" ? (0, import_python_strings.pythonSplit)(granted) : Array.isArray(granted) ? granted : void 0;
  if (few !== void 0 && few.length * list.length <= 64) {
    for (const scope of list)
      if (!few.includes(scope))
        return true;
    return false;
  }
  const have = grantedSet(few ?? granted);
  for (const scope of list)
    if (!have.has(scope))
      return true;
  return false;
}
function withScopes(dependency, granted, options = {}) {
  const inner = (0, import_depends.isUse)(dependency) ? dependency.dependency : dependency;
  const name = options.name ?? `withScopes(${inner.name})`;
  const fn = ({ value, required }) => {
    if (required.scopes.length === 0)
      return value;
    const have = granted(value);
    if (!(0, import_thenable.isThenable)(have))
      return lacksScope(required, have) ? new import_refusal.Refusal((0, import_errors.insufficientScope)(required, options)) : value;
    return Promise.resolve(have).then((scopes) => {
      assertScopes(required, scopes, options);
      return value;
    });
  };
  return (0, import_depends.createDependency)({ value: dependency, required: import_builtins.securityScopes }, fn, {
    name,
    meta: { enforcesScopes: true }
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  assertScopes,
  missingScopes,
  withScopes
});
//# sourceMappingURL=scopes.js.map
