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
var use_exports = {};
__export(use_exports, {
  accumulateScopes: () => accumulateScopes,
  provideClassInputs: () => provideClassInputs,
  toUse: () => toUse
});
module.exports = __toCommonJS(use_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_depends = require("./depends.js");
var import_types = require("./types.js");
const NO_SCOPES = Object.freeze([]);
const plainUses = /* @__PURE__ */ new WeakMap();
let classInputs;
function provideClassInputs(resolveClass) {
  classInputs = resolveClass;
}
function toUse(input, where) {
  if ((0, import_depends.isUse)(input))
    return input;
  if ((0, import_depends.isDependency)(input)) {
    let use = plainUses.get(input);
    if (!use) {
      use = Object.freeze({ [import_types.kUse]: true, dependency: input, useCache: void 0, scope: void 0, scopes: NO_SCOPES });
      plainUses.set(input, use);
    }
    return use;
  }
  if (typeof input === "function") {
    if (classInputs)
      return toUse(classInputs(input));
    throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.ServicesNotLoaded, `${where ? `${where}: the` : "The"} input class ${input.name || "(anonymous)"} needs the services plugin: import { inject } from '@depends/core/services' (it resolves classes from a tsyringe container)`);
  }
  throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.NotADependency, `${where ? `${where}: ` : ""}${String(input)} is not a dependency, a use or an injectable class`);
}
function accumulateScopes(parent, own) {
  if (own.length === 0)
    return parent;
  const out = [...parent];
  for (const s of own)
    if (!parent.includes(s))
      out.push(s);
  return out;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  accumulateScopes,
  provideClassInputs,
  toUse
});
//# sourceMappingURL=use.js.map
