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
var challenges_exports = {};
__export(challenges_exports, {
  basicChallenge: () => basicChallenge,
  bearerChallenge: () => bearerChallenge,
  formatChallenge: () => formatChallenge,
  isToken: () => isToken,
  quoteString: () => quoteString,
  sanitizeBearerParam: () => sanitizeBearerParam,
  schemeChallenge: () => schemeChallenge
});
module.exports = __toCommonJS(challenges_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_python_strings = require("./python-strings.js");
const QUOTABLE = /^[\t\x20-\x7e\x80-\xff]*$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isToken(value) {
  return TOKEN.test(value);
}
function quoteString(value) {
  if (!QUOTABLE.test(value))
    throw new import_catalogue.InvalidArgumentError("The value cannot be sent in an HTTP header (control or non-Latin-1 character)");
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}
function formatChallenge(scheme, params = {}) {
  const parts = [];
  for (const [name, value] of Object.entries(params))
    if (value !== void 0)
      parts.push(`${name}=${quoteString(value)}`);
  return parts.length ? `${scheme} ${parts.join(", ")}` : scheme;
}
function basicChallenge(realm) {
  return realm ? formatChallenge("Basic", { realm }) : "Basic";
}
function schemeChallenge(scheme) {
  return (0, import_python_strings.pythonTitle)(scheme);
}
function sanitizeBearerParam(value) {
  return value.replace(/[^\x20-\x7e]/g, "?");
}
function bearerChallenge(params) {
  return formatChallenge("Bearer", {
    realm: params.realm,
    error: params.error,
    error_description: params.errorDescription === void 0 ? void 0 : sanitizeBearerParam(params.errorDescription),
    scope: params.scope === void 0 ? void 0 : sanitizeBearerParam(params.scope),
    resource_metadata: params.resourceMetadata
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  basicChallenge,
  bearerChallenge,
  formatChallenge,
  isToken,
  quoteString,
  sanitizeBearerParam,
  schemeChallenge
});
//# sourceMappingURL=challenges.js.map
