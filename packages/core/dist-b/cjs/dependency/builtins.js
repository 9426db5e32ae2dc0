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
var builtins_exports = {};
__export(builtins_exports, {
  SecurityScopes: () => SecurityScopes,
  requestView: () => requestView,
  securityScopes: () => securityScopes
});
module.exports = __toCommonJS(builtins_exports);
var import_depends = require("./depends.js");
class SecurityScopes {
  /** The scopes, outermost first. */
  scopes;
  /** The scopes joined with spaces (for `WWW-Authenticate: … scope="…"`). */
  scopeStr;
  constructor(scopes = []) {
    this.scopes = Object.freeze([...scopes]);
    this.scopeStr = this.scopes.join(" ");
  }
}
const securityScopes = (0, import_depends.createDependency)({}, () => new SecurityScopes(), {
  name: "securityScopes",
  meta: { builtin: "securityScopes" }
});
const requestView = (0, import_depends.createDependency)({}, (_, ctx) => ctx.request, {
  name: "request",
  meta: { builtin: "request" }
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SecurityScopes,
  requestView,
  securityScopes
});
//# sourceMappingURL=builtins.js.map
