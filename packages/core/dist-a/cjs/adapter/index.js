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
var adapter_exports = {};
__export(adapter_exports, {
  AdapterKit: () => import_kit.AdapterKit,
  GuardGate: () => import_guard.GuardGate,
  GuardNotRunError: () => import_catalogue.GuardNotRunError,
  Guards: () => import_guard.Guards,
  acceptsMediaType: () => import_body.acceptsMediaType,
  createRequestView: () => import_view.createRequestView,
  errorAnswer: () => import_handle.errorAnswer,
  frameworkHttpError: () => import_framework.frameworkHttpError,
  groupHeaders: () => import_headers.groupHeaders,
  guardValues: () => import_guard.guardValues,
  joinPath: () => import_paths.joinPath,
  jsonAnswer: () => import_reply.jsonAnswer,
  matchPath: () => import_paths.matchPath,
  mountPrefix: () => import_servers.mountPrefix,
  nativeWasRead: () => import_view.nativeWasRead,
  parseBody: () => import_body.parseBody,
  parseCookies: () => import_view.parseCookies,
  pathParams: () => import_paths.pathParams,
  readParsedBody: () => import_body.readParsedBody,
  routeDef: () => import_router.routeDef,
  runGuard: () => import_guard.runGuard,
  setHeaders: () => import_headers.setHeaders,
  toAnswer: () => import_reply.toAnswer,
  toColonPath: () => import_paths.toColonPath,
  toOpenApiPath: () => import_paths.toOpenApiPath,
  unsupportedMediaType: () => import_body.unsupportedMediaType
});
module.exports = __toCommonJS(adapter_exports);
var import_kit = require("./kit.js");
var import_headers = require("../response/headers.js");
var import_view = require("../request/view.js");
var import_body = require("../request/body.js");
var import_reply = require("../response/reply.js");
var import_handle = require("../app/handle.js");
var import_guard = require("../guard/index.js");
var import_framework = require("../errors/framework.js");
var import_catalogue = require("../errors/catalogue.js");
var import_router = require("../router/router.js");
var import_paths = require("../router/paths.js");
var import_servers = require("../openapi/servers.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  AdapterKit,
  GuardGate,
  GuardNotRunError,
  Guards,
  acceptsMediaType,
  createRequestView,
  errorAnswer,
  frameworkHttpError,
  groupHeaders,
  guardValues,
  joinPath,
  jsonAnswer,
  matchPath,
  mountPrefix,
  nativeWasRead,
  parseBody,
  parseCookies,
  pathParams,
  readParsedBody,
  routeDef,
  runGuard,
  setHeaders,
  toAnswer,
  toColonPath,
  toOpenApiPath,
  unsupportedMediaType
});
//# sourceMappingURL=index.js.map
