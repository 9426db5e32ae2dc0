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
var authoring_exports = {};
__export(authoring_exports, {
  MALFORMED: () => import_scheme.MALFORMED,
  MISSING: () => import_scheme.MISSING,
  NOT_AUTHENTICATED: () => import_errors.NOT_AUTHENTICATED,
  basicChallenge: () => import_challenges.basicChallenge,
  bearerChallenge: () => import_challenges.bearerChallenge,
  createDependency: () => import_depends.createDependency,
  credentialReader: () => import_scheme.credentialReader,
  decodeBase64Strict: () => import_basic.decodeBase64Strict,
  decodeBasicCredentials: () => import_basic.decodeBasicCredentials,
  encodeBase64: () => import_basic.encodeBase64,
  encodeBasicCredentials: () => import_basic.encodeBasicCredentials,
  formatChallenge: () => import_challenges.formatChallenge,
  found: () => import_scheme.found,
  isDependency: () => import_depends.isDependency,
  isInput: () => import_depends.isInput,
  isToken: () => import_challenges.isToken,
  isUse: () => import_depends.isUse,
  normaliseFlows: () => import_oauth2.normaliseFlows,
  parseAuthorization: () => import_authorization.parseAuthorization,
  quoteString: () => import_challenges.quoteString,
  readAuthorization: () => import_authorization.readAuthorization,
  readsAuthorizationOnce: () => import_scheme.readsAuthorizationOnce,
  schemeChallenge: () => import_challenges.schemeChallenge
});
module.exports = __toCommonJS(authoring_exports);
var import_depends = require("../dependency/depends.js");
var import_scheme = require("./scheme.js");
var import_authorization = require("./authorization.js");
var import_basic = require("./basic.js");
var import_challenges = require("./challenges.js");
var import_errors = require("./errors.js");
var import_oauth2 = require("./oauth2.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MALFORMED,
  MISSING,
  NOT_AUTHENTICATED,
  basicChallenge,
  bearerChallenge,
  createDependency,
  credentialReader,
  decodeBase64Strict,
  decodeBasicCredentials,
  encodeBase64,
  encodeBasicCredentials,
  formatChallenge,
  found,
  isDependency,
  isInput,
  isToken,
  isUse,
  normaliseFlows,
  parseAuthorization,
  quoteString,
  readAuthorization,
  readsAuthorizationOnce,
  schemeChallenge
});
//# sourceMappingURL=authoring.js.map
