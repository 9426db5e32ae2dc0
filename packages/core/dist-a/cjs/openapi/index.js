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
var openapi_exports = {};
__export(openapi_exports, {
  analyse: () => import_analyse.analyse,
  buildDocument: () => import_document.buildDocument,
  checkPublicOrigin: () => import_servers.checkPublicOrigin,
  checkSchemes: () => import_document.checkSchemes,
  checkServerOptions: () => import_servers.checkServerOptions,
  documentServers: () => import_servers.documentServers,
  mergeDocument: () => import_merge.mergeDocument,
  mountPrefix: () => import_servers.mountPrefix,
  serversFromRequest: () => import_servers.serversFromRequest
});
module.exports = __toCommonJS(openapi_exports);
var import_document = require("./document.js");
var import_merge = require("./merge.js");
var import_servers = require("./servers.js");
var import_analyse = require("../model/analyse.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  analyse,
  buildDocument,
  checkPublicOrigin,
  checkSchemes,
  checkServerOptions,
  documentServers,
  mergeDocument,
  mountPrefix,
  serversFromRequest
});
//# sourceMappingURL=index.js.map
