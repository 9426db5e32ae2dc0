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
  MALFORMED: () => import_scheme.MALFORMED,
  MAX_SCOPE_LENGTH: () => import_password_form.MAX_SCOPE_LENGTH,
  MISSING: () => import_scheme.MISSING,
  NOT_AUTHENTICATED: () => import_errors.NOT_AUTHENTICATED,
  anyOf: () => import_any_of.anyOf,
  apiKeyCookie: () => import_api_key.apiKeyCookie,
  apiKeyHeader: () => import_api_key.apiKeyHeader,
  apiKeyQuery: () => import_api_key.apiKeyQuery,
  assertScopes: () => import_scopes.assertScopes,
  basicChallenge: () => import_challenges.basicChallenge,
  bearerChallenge: () => import_challenges.bearerChallenge,
  credentialReader: () => import_scheme.credentialReader,
  decodeBase64Strict: () => import_basic.decodeBase64Strict,
  decodeBasicCredentials: () => import_basic.decodeBasicCredentials,
  defineScheme: () => import_scheme.defineScheme,
  encodeBase64: () => import_basic.encodeBase64,
  encodeBasicCredentials: () => import_basic.encodeBasicCredentials,
  formatChallenge: () => import_challenges.formatChallenge,
  found: () => import_scheme.found,
  httpBasic: () => import_http_basic.httpBasic,
  httpBearer: () => import_http.httpBearer,
  httpDigest: () => import_http.httpDigest,
  httpScheme: () => import_http.httpScheme,
  insufficientScope: () => import_errors.insufficientScope,
  invalidToken: () => import_errors.invalidToken,
  isToken: () => import_challenges.isToken,
  missingScopes: () => import_scopes.missingScopes,
  normaliseFlows: () => import_oauth2.normaliseFlows,
  notAuthenticated: () => import_errors.notAuthenticated,
  oauth2: () => import_oauth2.oauth2,
  oauth2AuthorizationCodeBearer: () => import_oauth2.oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer: () => import_oauth2.oauth2ClientCredentialsBearer,
  oauth2PasswordBearer: () => import_oauth2.oauth2PasswordBearer,
  oauth2PasswordForm: () => import_password_form.oauth2PasswordForm,
  oauth2PasswordFormStrict: () => import_password_form.oauth2PasswordFormStrict,
  oauth2PasswordRequestForm: () => import_password_form.oauth2PasswordRequestForm,
  openIdConnect: () => import_open_id_connect.openIdConnect,
  parseAuthorization: () => import_authorization.parseAuthorization,
  pythonSplit: () => import_python_strings.pythonSplit,
  pythonStrip: () => import_python_strings.pythonStrip,
  pythonTitle: () => import_python_strings.pythonTitle,
  quoteString: () => import_challenges.quoteString,
  readAuthorization: () => import_authorization.readAuthorization,
  safeEqual: () => import_compare.safeEqual,
  schemeChallenge: () => import_challenges.schemeChallenge,
  withScopes: () => import_scopes.withScopes
});
module.exports = __toCommonJS(security_exports);
var import_authorization = require("./authorization.js");
var import_basic = require("./basic.js");
var import_challenges = require("./challenges.js");
var import_errors = require("./errors.js");
var import_compare = require("./compare.js");
var import_python_strings = require("./python-strings.js");
var import_scheme = require("./scheme.js");
var import_http = require("./http.js");
var import_http_basic = require("./http-basic.js");
var import_api_key = require("./api-key.js");
var import_oauth2 = require("./oauth2.js");
var import_open_id_connect = require("./open-id-connect.js");
var import_scopes = require("./scopes.js");
var import_any_of = require("./any-of.js");
var import_password_form = require("./password-form.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MALFORMED,
  MAX_SCOPE_LENGTH,
  MISSING,
  NOT_AUTHENTICATED,
  anyOf,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  assertScopes,
  basicChallenge,
  bearerChallenge,
  credentialReader,
  decodeBase64Strict,
  decodeBasicCredentials,
  defineScheme,
  encodeBase64,
  encodeBasicCredentials,
  formatChallenge,
  found,
  httpBasic,
  httpBearer,
  httpDigest,
  httpScheme,
  insufficientScope,
  invalidToken,
  isToken,
  missingScopes,
  normaliseFlows,
  notAuthenticated,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer,
  oauth2PasswordBearer,
  oauth2PasswordForm,
  oauth2PasswordFormStrict,
  oauth2PasswordRequestForm,
  openIdConnect,
  parseAuthorization,
  pythonSplit,
  pythonStrip,
  pythonTitle,
  quoteString,
  readAuthorization,
  safeEqual,
  schemeChallenge,
  withScopes
});
//# sourceMappingURL=index.js.map
