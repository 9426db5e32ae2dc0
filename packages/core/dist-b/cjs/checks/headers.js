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
var headers_exports = {};
__export(headers_exports, {
  checkIgnoredHeader: () => checkIgnoredHeader
});
module.exports = __toCommonJS(headers_exports);
var import_catalogue = require("../errors/catalogue.js");
const FIXES = {
  authorization: [
    "Authorization",
    `the docs would show no parameter and no Authorize button, Swagger UI would never send it, and a missing header would answer 422 instead of 401 with a WWW-Authenticate challenge. Read it with a security scheme instead: httpBearer() for "Authorization: Bearer <token>" (httpBasic() for Basic, oauth2PasswordBearer({ tokenUrl }) for OAuth2), or apiKeyHeader({ name: 'Authorization' }) for a raw key.`
  ],
  accept: [
    "Accept",
    "the docs would not show it and Swagger UI would not send it. Document the media types the route answers with in its responses, and read the header from the request view (requestView) when the handler chooses a format."
  ],
  "content-type": [
    "Content-Type",
    "the docs would not show it and Swagger UI would not send it. Declare the body with body() or form(): they document the media type and refuse others; read the header from the request view (requestView) when the handler needs it."
  ]
};
function checkIgnoredHeader(route, placed) {
  const source = placed.node.source;
  if (source?.in !== "header" || placed.withinScheme)
    return;
  const fix = FIXES[source.name.toLowerCase()];
  if (!fix)
    return;
  throw new import_catalogue.RouteInputError(import_catalogue.ErrorCode.IgnoredHeader, route.label, placed.key, `header('${source.name}') declares "${fix[0]}" as a header parameter, which OpenAPI ignores: ${fix[1]}`);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkIgnoredHeader
});
//# sourceMappingURL=headers.js.map
