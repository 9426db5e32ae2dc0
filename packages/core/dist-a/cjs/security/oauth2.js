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
var oauth2_exports = {};
__export(oauth2_exports, {
  normaliseFlows: () => normaliseFlows,
  oauth2: () => oauth2,
  oauth2AuthorizationCodeBearer: () => oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer: () => oauth2ClientCredentialsBearer,
  oauth2PasswordBearer: () => oauth2PasswordBearer
});
module.exports = __toCommonJS(oauth2_exports);
var import_authorization = require("./authorization.js");
var import_scheme = require("./scheme.js");
const FLOW_URLS = {
  implicit: ["authorizationUrl"],
  password: ["tokenUrl"],
  clientCredentials: ["tokenUrl"],
  authorizationCode: ["authorizationUrl", "tokenUrl"]
};
function normaliseFlow(kind, flow) {
  const urls = FLOW_URLS[kind] ?? [];
  for (const url of urls)
    if (typeof flow[url] !== "string")
      (0, import_scheme.invalidOption)("OAuth2", `flow "${kind}" needs a string ${url}`);
  const out = {};
  if (flow.refreshUrl !== void 0 && flow.refreshUrl !== null)
    out.refreshUrl = flow.refreshUrl;
  out.scopes = { ...flow.scopes ?? {} };
  for (const url of urls)
    out[url] = flow[url];
  for (const [key, value] of Object.entries(flow)) {
    if (key in out || key === "refreshUrl" || value === void 0 || value === null)
      continue;
    out[key] = value;
  }
  return out;
}
function normaliseFlows(flows) {
  const out = {};
  for (const [kind, flow] of Object.entries(flows)) {
    if (flow === void 0 || flow === null)
      continue;
    out[kind] = kind in FLOW_URLS ? normaliseFlow(kind, flow) : flow;
  }
  return out;
}
function oauth2Scheme(defaultName, options, flows, rawHeader) {
  return (0, import_scheme.defineScheme)({
    defaultName,
    options,
    openapi: { type: "oauth2", flows: normaliseFlows(flows) },
    challenge: "Bearer",
    consumes: [{ in: "header", name: "authorization" }],
    bearerChallenges: true,
    read: rawHeader ? (request) => {
      const value = request.header("authorization");
      return value ? (0, import_scheme.found)(value) : import_scheme.MISSING;
    } : (0, import_scheme.readsAuthorizationOnce)((request) => {
      const parts = (0, import_authorization.readAuthorization)(request, "bearer");
      return parts ? (0, import_scheme.found)(parts.credentials) : import_scheme.MISSING;
    }, true)
  });
}
function oauth2(options = {}) {
  return oauth2Scheme("OAuth2", options, options.flows ?? {}, true);
}
function oauth2PasswordBearer(options) {
  const { tokenUrl, scopes, refreshUrl } = options ?? {};
  const flows = { password: { tokenUrl, scopes, refreshUrl } };
  return oauth2Scheme("OAuth2PasswordBearer", options ?? {}, flows, false);
}
function oauth2AuthorizationCodeBearer(options) {
  const { authorizationUrl, tokenUrl, refreshUrl, scopes } = options ?? {};
  const flows = { authorizationCode: { authorizationUrl, tokenUrl, refreshUrl, scopes } };
  return oauth2Scheme("OAuth2AuthorizationCodeBearer", options ?? {}, flows, false);
}
function oauth2ClientCredentialsBearer(options) {
  const { tokenUrl, scopes, refreshUrl } = options ?? {};
  const flows = { clientCredentials: { tokenUrl, scopes, refreshUrl } };
  return oauth2Scheme("OAuth2ClientCredentialsBearer", options ?? {}, flows, false);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  normaliseFlows,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer,
  oauth2PasswordBearer
});
//# sourceMappingURL=oauth2.js.map
