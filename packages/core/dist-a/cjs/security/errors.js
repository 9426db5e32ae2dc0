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
var errors_exports = {};
__export(errors_exports, {
  NOT_AUTHENTICATED: () => NOT_AUTHENTICATED,
  insufficientScope: () => insufficientScope,
  invalidToken: () => invalidToken,
  notAuthenticated: () => notAuthenticated,
  preparedNotAuthenticated: () => preparedNotAuthenticated,
  repeatedCredential: () => repeatedCredential
});
module.exports = __toCommonJS(errors_exports);
var import_builtins = require("../dependency/builtins.js");
var import_catalogue = require("../errors/catalogue.js");
var import_prepared = require("../errors/prepared.js");
var import_challenges = require("./challenges.js");
const NOT_AUTHENTICATED = "Not authenticated";
function notAuthenticated(challenges) {
  return new import_catalogue.HTTPException(401, NOT_AUTHENTICATED, challengeHeaders(challenges));
}
function preparedNotAuthenticated(challenges) {
  return (0, import_prepared.preparedException)(401, NOT_AUTHENTICATED, challengeHeaders(challenges));
}
function challengeHeaders(challenges) {
  const list = typeof challenges === "string" ? [challenges] : [...new Set(challenges ?? [])];
  if (list.length === 0)
    return void 0;
  return { "www-authenticate": list.length === 1 ? list[0] : list };
}
function invalidToken(description, options) {
  if (description === void 0 && options === void 0)
    return INVALID_TOKEN();
  options ??= {};
  return new import_catalogue.HTTPException(401, options.detail ?? "Could not validate credentials", {
    "www-authenticate": (0, import_challenges.bearerChallenge)({ realm: options.realm, error: "invalid_token", errorDescription: description, resourceMetadata: options.resourceMetadata })
  });
}
const INVALID_TOKEN = (0, import_prepared.preparedException)(401, "Could not validate credentials", {
  "www-authenticate": (0, import_challenges.bearerChallenge)({ error: "invalid_token" })
});
function insufficientScope(scopes, options = {}) {
  const scope = typeof scopes === "string" ? scopes : scopes instanceof import_builtins.SecurityScopes ? scopes.scopeStr : scopes.join(" ");
  if (options.detail === void 0 && options.description === void 0 && options.realm === void 0 && options.resourceMetadata === void 0) {
    return insufficientScopeFor(scope)();
  }
  return new import_catalogue.HTTPException(403, options.detail ?? "Not enough permissions", {
    "www-authenticate": (0, import_challenges.bearerChallenge)({
      realm: options.realm,
      error: "insufficient_scope",
      errorDescription: options.description,
      scope,
      resourceMetadata: options.resourceMetadata
    })
  });
}
function repeatedCredential(header, bearer) {
  const detail = `The ${header} header was sent more than once`;
  if (!bearer)
    return new import_catalogue.HTTPException(400, detail);
  return new import_catalogue.HTTPException(400, detail, { "www-authenticate": (0, import_challenges.bearerChallenge)({ error: "invalid_request", errorDescription: detail }) });
}
const scopeFailures = /* @__PURE__ */ new Map();
const MAX_PREPARED_SCOPES = 1e3;
function insufficientScopeFor(scope) {
  let make = scopeFailures.get(scope);
  if (make === void 0) {
    make = (0, import_prepared.preparedException)(403, "Not enough permissions", { "www-authenticate": (0, import_challenges.bearerChallenge)({ error: "insufficient_scope", scope }) });
    if (scopeFailures.size < MAX_PREPARED_SCOPES)
      scopeFailures.set(scope, make);
  }
  return make;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  NOT_AUTHENTICATED,
  insufficientScope,
  invalidToken,
  notAuthenticated,
  preparedNotAuthenticated,
  repeatedCredential
});
//# sourceMappingURL=errors.js.map
