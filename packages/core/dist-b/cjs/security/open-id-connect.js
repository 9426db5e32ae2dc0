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
var open_id_connect_exports = {};
__export(open_id_connect_exports, {
  openIdConnect: () => openIdConnect
});
module.exports = __toCommonJS(open_id_connect_exports);
var import_scheme = require("./scheme.js");
function openIdConnect(options) {
  const url = options?.openIdConnectUrl;
  if (typeof url !== "string" || url === "")
    (0, import_scheme.invalidOption)("OpenIdConnect", "openIdConnectUrl must be a non-empty string");
  return (0, import_scheme.defineScheme)({
    defaultName: "OpenIdConnect",
    options,
    openapi: { type: "openIdConnect", openIdConnectUrl: url },
    challenge: "Bearer",
    consumes: [{ in: "header", name: "authorization" }],
    bearerChallenges: true,
    read: (request) => {
      const value = request.header("authorization");
      return value ? (0, import_scheme.found)(value) : import_scheme.MISSING;
    }
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  openIdConnect
});
//# sourceMappingURL=open-id-connect.js.map
