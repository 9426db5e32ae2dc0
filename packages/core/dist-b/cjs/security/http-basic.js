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
var http_basic_exports = {};
__export(http_basic_exports, {
  httpBasic: () => httpBasic
});
module.exports = __toCommonJS(http_basic_exports);
var import_authorization = require("./authorization.js");
var import_basic = require("./basic.js");
var import_challenges = require("./challenges.js");
var import_scheme = require("./scheme.js");
var import_errors = require("./errors.js");
var import_case = require("../util/case.js");
function httpBasic(options = {}) {
  const realm = options.realm;
  if (realm !== void 0) {
    if (typeof realm !== "string")
      (0, import_scheme.invalidOption)("HTTPBasic", "realm must be a string");
    try {
      (0, import_challenges.quoteString)(realm);
    } catch {
      (0, import_scheme.invalidOption)("HTTPBasic", "realm cannot hold control characters or characters above U+00FF");
    }
  }
  return (0, import_scheme.defineScheme)({
    defaultName: "HTTPBasic",
    options,
    openapi: { type: "http", scheme: "basic" },
    challenge: (0, import_challenges.basicChallenge)(realm),
    consumes: [{ in: "header", name: "authorization" }],
    bearerChallenges: false,
    // a `Basic` header with undecodable credentials is malformed (not another scheme's): read here, not through readAuthorization()
    read: (0, import_scheme.readsAuthorizationOnce)((request) => {
      const lines = request.headerAll("authorization");
      if (lines.length > 1)
        throw (0, import_errors.repeatedCredential)("authorization", false);
      const value = lines[0];
      const parts = (0, import_authorization.parseAuthorization)(value);
      if (!value || !(0, import_case.equalsIgnoringCase)(parts.scheme, "basic"))
        return import_scheme.MISSING;
      const credentials = (0, import_basic.decodeBasicCredentials)(parts.credentials);
      return credentials ? (0, import_scheme.found)(credentials) : import_scheme.MALFORMED;
    }, false)
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  httpBasic
});
//# sourceMappingURL=http-basic.js.map
