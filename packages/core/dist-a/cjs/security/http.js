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
var http_exports = {};
__export(http_exports, {
  httpBearer: () => httpBearer,
  httpDigest: () => httpDigest,
  httpScheme: () => httpScheme
});
module.exports = __toCommonJS(http_exports);
var import_authorization = require("./authorization.js");
var import_case = require("../util/case.js");
var import_challenges = require("./challenges.js");
var import_scheme = require("./scheme.js");
const AUTHORIZATION = [{ in: "header", name: "authorization" }];
function authorizationScheme(defaultName, expected, options, openapi, challenge, bearerChallenges) {
  return (0, import_scheme.defineScheme)({
    defaultName,
    options,
    openapi,
    challenge,
    consumes: AUTHORIZATION,
    bearerChallenges,
    // the parts are a fresh object per request: the credentials as they are
    read: (0, import_scheme.readsAuthorizationOnce)((request) => {
      const parts = (0, import_authorization.readAuthorization)(request, expected);
      return parts ? (0, import_scheme.found)(parts) : import_scheme.MISSING;
    }, (0, import_case.equalsIgnoringCase)(expected, "bearer"))
  });
}
function httpBearer(options = {}) {
  return authorizationScheme("HTTPBearer", "bearer", options, { type: "http", scheme: "bearer", ...options.bearerFormat !== void 0 ? { bearerFormat: options.bearerFormat } : {} }, "Bearer", true);
}
function httpDigest(options = {}) {
  return authorizationScheme("HTTPDigest", "digest", options, { type: "http", scheme: "digest" }, "Digest", false);
}
function httpScheme(options) {
  const scheme = options?.scheme;
  if (typeof scheme !== "string" || !(0, import_challenges.isToken)(scheme))
    (0, import_scheme.invalidOption)("HTTPBase", `scheme must be an HTTP token, got ${JSON.stringify(scheme)}`);
  return authorizationScheme("HTTPBase", scheme, options, { type: "http", scheme }, (0, import_challenges.schemeChallenge)(scheme), false);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  httpBearer,
  httpDigest,
  httpScheme
});
//# sourceMappingURL=http.js.map
