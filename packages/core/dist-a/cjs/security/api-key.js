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
var api_key_exports = {};
__export(api_key_exports, {
  apiKeyCookie: () => apiKeyCookie,
  apiKeyHeader: () => apiKeyHeader,
  apiKeyQuery: () => apiKeyQuery
});
module.exports = __toCommonJS(api_key_exports);
var import_scheme = require("./scheme.js");
const CLASS_NAMES = { header: "APIKeyHeader", query: "APIKeyQuery", cookie: "APIKeyCookie" };
function apiKey(where, options) {
  const className = CLASS_NAMES[where];
  const name = options?.name;
  if (typeof name !== "string" || name === "")
    (0, import_scheme.invalidOption)(className, "name must be a non-empty string");
  const get = where === "header" ? (r) => r.header(name) : where === "query" ? (r) => r.query(name) : (r) => r.cookie(name);
  return (0, import_scheme.defineScheme)({
    defaultName: className,
    options,
    openapi: { type: "apiKey", in: where, name },
    challenge: "APIKey",
    // Header names are matched case-insensitively: consumed in lowercase, as header() sources declare them.
    consumes: [{ in: where, name: where === "header" ? name.toLowerCase() : name }],
    bearerChallenges: false,
    read: (request) => {
      const value = get(request);
      return value ? (0, import_scheme.found)(value) : import_scheme.MISSING;
    }
  });
}
function apiKeyHeader(options) {
  return apiKey("header", options);
}
function apiKeyQuery(options) {
  return apiKey("query", options);
}
function apiKeyCookie(options) {
  return apiKey("cookie", options);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery
});
//# sourceMappingURL=api-key.js.map
