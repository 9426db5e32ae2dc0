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
var servers_exports = {};
__export(servers_exports, {
  checkPublicOrigin: () => checkPublicOrigin,
  checkServerOptions: () => checkServerOptions,
  documentServers: () => documentServers,
  mountPrefix: () => mountPrefix,
  serversFromRequest: () => serversFromRequest
});
module.exports = __toCommonJS(servers_exports);
var import_catalogue = require("../errors/catalogue.js");
const invalid = (message) => {
  throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidDocumentOption, message);
};
function checkPublicOrigin(value) {
  const example = 'give the absolute http(s) URL clients reach the app at, e.g. "https://api.example.com" (a path prefix is allowed: "https://example.com/api")';
  const mistake = (why) => invalid(`publicOrigin ${JSON.stringify(value)} ${why}: ${example}`);
  if (typeof value !== "string" || !URL.canParse(value))
    return mistake("is not an absolute URL");
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return mistake("is not an http or https URL");
  if (url.username !== "" || url.password !== "")
    return mistake("holds credentials");
  if (value.includes("?") || value.includes("#"))
    return mistake("has a query or a fragment");
  return url.origin + url.pathname.replace(/\/+$/, "");
}
function checkServerOptions(options) {
  if (options.publicOrigin === void 0)
    return;
  checkPublicOrigin(options.publicOrigin);
  if (options.servers?.length)
    invalid("give publicOrigin or servers, not both: publicOrigin is the one server of the document");
}
function serversFromRequest(options) {
  return !options.servers?.length && options.publicOrigin === void 0;
}
const ORIGIN = /^https?:\/\/(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const PREFIX = /^(?:\/[\w.~!$&'()*+,;=:@%-]+)*\/?$/;
function requestOrigin(origin) {
  if (origin === void 0 || !ORIGIN.test(origin) || !URL.canParse(origin))
    return void 0;
  return new URL(origin).origin;
}
function documentServers(options, at = {}) {
  if (options.servers?.length)
    return options.servers.map((s) => ({ ...s }));
  const base = options.publicOrigin !== void 0 ? checkPublicOrigin(options.publicOrigin) : requestOrigin(at.origin);
  const prefix = at.prefix !== void 0 && PREFIX.test(at.prefix) ? at.prefix.replace(/\/+$/, "") : "";
  if (base === void 0)
    return [{ url: prefix || "/" }];
  return [{ url: base + prefix }];
}
function mountPrefix(requestPath, routePath) {
  const end = requestPath.search(/[?#]/);
  const path = end === -1 ? requestPath : requestPath.slice(0, end);
  return routePath !== "" && path.endsWith(routePath) ? path.slice(0, path.length - routePath.length) : "";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkPublicOrigin,
  checkServerOptions,
  documentServers,
  mountPrefix,
  serversFromRequest
});
//# sourceMappingURL=servers.js.map
