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
var security_exports = {};
__export(security_exports, {
  checkDeclaredScopes: () => checkDeclaredScopes
});
module.exports = __toCommonJS(security_exports);
var import_catalogue = require("../errors/catalogue.js");
function declaredScopes(openapi) {
  if (openapi.type !== "oauth2")
    return void 0;
  const flows = Object.values(openapi.flows ?? {});
  if (flows.length === 0)
    return void 0;
  const declared = /* @__PURE__ */ new Set();
  for (const flow of flows)
    for (const scope of Object.keys(flow?.scopes ?? {}))
      declared.add(scope);
  return declared;
}
function checkDeclaredScopes(route, placed) {
  const security = placed.node.security;
  if (security?.kind !== "scheme" || placed.scopes.length === 0)
    return;
  const declared = declaredScopes(security.scheme.openapi);
  if (!declared)
    return;
  for (const [scope, key] of placed.scopes) {
    if (declared.has(scope))
      continue;
    const offered = declared.size ? `it declares: ${[...declared].join(", ")}` : "it declares none";
    throw new import_catalogue.RouteInputError(import_catalogue.ErrorCode.UndeclaredScope, route.label, key, `scope "${scope}" is not declared by the OAuth2 scheme "${security.scheme.name}" (${offered}): Swagger UI's Authorize dialog only offers declared scopes, so no token from it could pass. Add it to the scheme's scopes (e.g. scopes: { '${scope}': 'What it allows' }) or fix its spelling.`);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkDeclaredScopes
});
//# sourceMappingURL=security.js.map
