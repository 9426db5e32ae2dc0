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
var index_exports = {};
__export(index_exports, {
  ConfigurationError: () => import_catalogue.ConfigurationError,
  DependsApp: () => import_app.DependsApp,
  DependsError: () => import_catalogue.DependsError,
  DuplicateRouteError: () => import_catalogue.DuplicateRouteError,
  ErrorCode: () => import_catalogue.ErrorCode,
  HTTPException: () => import_catalogue.HTTPException,
  OAuth2Error: () => import_catalogue.OAuth2Error,
  RequestValidationError: () => import_catalogue.RequestValidationError,
  RouteInputError: () => import_catalogue.RouteInputError,
  Router: () => import_router.Router,
  STORE_UNAVAILABLE: () => import_outage.STORE_UNAVAILABLE,
  SecurityScopes: () => import_builtins.SecurityScopes,
  StoreOutage: () => import_outage.StoreOutage,
  StoreStatus: () => import_status.StoreStatus,
  StoreUnavailableError: () => import_outage.StoreUnavailableError,
  anyOf: () => import_any_of.anyOf,
  apiKeyCookie: () => import_api_key.apiKeyCookie,
  apiKeyHeader: () => import_api_key.apiKeyHeader,
  apiKeyQuery: () => import_api_key.apiKeyQuery,
  assertScopes: () => import_scopes.assertScopes,
  body: () => import_body.body,
  cookie: () => import_params.cookie,
  defineScheme: () => import_scheme.defineScheme,
  depends: () => import_depends.depends,
  describeStoreError: () => import_outage.describeStoreError,
  errorBody: () => import_format.errorBody,
  form: () => import_body.form,
  header: () => import_params.header,
  httpBasic: () => import_http_basic.httpBasic,
  httpBearer: () => import_http.httpBearer,
  httpDigest: () => import_http.httpDigest,
  httpScheme: () => import_http.httpScheme,
  insufficientScope: () => import_errors.insufficientScope,
  invalidToken: () => import_errors.invalidToken,
  isNodeRedis: () => import_redis_events.isNodeRedis,
  missingScopes: () => import_scopes.missingScopes,
  notAuthenticated: () => import_errors.notAuthenticated,
  oauth2: () => import_oauth2.oauth2,
  oauth2AuthorizationCodeBearer: () => import_oauth2.oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer: () => import_oauth2.oauth2ClientCredentialsBearer,
  oauth2PasswordBearer: () => import_oauth2.oauth2PasswordBearer,
  oauth2PasswordForm: () => import_password_form.oauth2PasswordForm,
  oauth2PasswordFormStrict: () => import_password_form.oauth2PasswordFormStrict,
  oauth2PasswordRequestForm: () => import_password_form.oauth2PasswordRequestForm,
  openIdConnect: () => import_open_id_connect.openIdConnect,
  outageMistake: () => import_outage.outageMistake,
  path: () => import_params.path,
  problemDetails: () => import_format.problemDetails,
  query: () => import_params.query,
  redisClientReady: () => import_redis_events.redisClientReady,
  refuse: () => import_refusal.refuse,
  reply: () => import_reply.reply,
  requestView: () => import_builtins.requestView,
  resolve: () => import_app.resolve,
  safeEqual: () => import_compare.safeEqual,
  security: () => import_depends.security,
  securityScopes: () => import_builtins.securityScopes,
  use: () => import_depends.use,
  watchRedisClient: () => import_redis_events.watchRedisClient,
  withScopes: () => import_scopes.withScopes
});
module.exports = __toCommonJS(index_exports);
var import_depends = require("./dependency/depends.js");
var import_refusal = require("./dependency/refusal.js");
var import_builtins = require("./dependency/builtins.js");
var import_params = require("./sources/params.js");
var import_body = require("./sources/body.js");
var import_router = require("./router/router.js");
var import_app = require("./app/app.js");
var import_reply = require("./response/reply.js");
var import_catalogue = require("./errors/catalogue.js");
var import_format = require("./errors/format.js");
var import_http = require("./security/http.js");
var import_http_basic = require("./security/http-basic.js");
var import_api_key = require("./security/api-key.js");
var import_oauth2 = require("./security/oauth2.js");
var import_open_id_connect = require("./security/open-id-connect.js");
var import_any_of = require("./security/any-of.js");
var import_scopes = require("./security/scopes.js");
var import_errors = require("./security/errors.js");
var import_password_form = require("./security/password-form.js");
var import_scheme = require("./security/scheme.js");
var import_compare = require("./security/compare.js");
var import_status = require("./stores/status.js");
var import_outage = require("./stores/outage.js");
var import_redis_events = require("./stores/redis-events.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ConfigurationError,
  DependsApp,
  DependsError,
  DuplicateRouteError,
  ErrorCode,
  HTTPException,
  OAuth2Error,
  RequestValidationError,
  RouteInputError,
  Router,
  STORE_UNAVAILABLE,
  SecurityScopes,
  StoreOutage,
  StoreStatus,
  StoreUnavailableError,
  anyOf,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  assertScopes,
  body,
  cookie,
  defineScheme,
  depends,
  describeStoreError,
  errorBody,
  form,
  header,
  httpBasic,
  httpBearer,
  httpDigest,
  httpScheme,
  insufficientScope,
  invalidToken,
  isNodeRedis,
  missingScopes,
  notAuthenticated,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer,
  oauth2PasswordBearer,
  oauth2PasswordForm,
  oauth2PasswordFormStrict,
  oauth2PasswordRequestForm,
  openIdConnect,
  outageMistake,
  path,
  problemDetails,
  query,
  redisClientReady,
  refuse,
  reply,
  requestView,
  resolve,
  safeEqual,
  security,
  securityScopes,
  use,
  watchRedisClient,
  withScopes
});
//# sourceMappingURL=index.js.map
