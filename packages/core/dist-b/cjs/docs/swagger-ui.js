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
var swagger_ui_exports = {};
__export(swagger_ui_exports, {
  swaggerUiConfig: () => swaggerUiConfig,
  swaggerUiHtml: () => swaggerUiHtml,
  swaggerUiOAuth2RedirectHtml: () => swaggerUiOAuth2RedirectHtml
});
module.exports = __toCommonJS(swagger_ui_exports);
var import_assets = require("./assets.js");
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const scriptJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
function swaggerUiConfig(options) {
  const assets = assetsBase(options);
  return {
    url: options.openapiUrl,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // No request to swagger.io's online validator.
    validatorUrl: null,
    ...options.parameters ?? {},
    persistAuthorization: options.persistAuthorization ?? false,
    oauth2RedirectUrl: options.oauth2RedirectUrl ?? `${assets}/oauth2-redirect.html`,
    ...options.initOAuth ? { initOAuth: options.initOAuth } : {},
    // read by the initialiser: the page's own path below the mount prefix
    ...options.serverFromPage ? { serverFromPage: assets } : {}
  };
}
function assetsBase(options) {
  return (options.assetsPath ?? options.assetsUrl ?? "/docs").replace(/\/+$/, "");
}
function swaggerUiHtml(options) {
  const assets = escapeHtml(assetsBase(options));
  const title = escapeHtml(options.title ?? "API docs");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="${assets}/swagger-ui.css">
<link rel="icon" type="image/png" sizes="32x32" href="${assets}/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="${assets}/favicon-16x16.png">
</head>
<body>
<div id="swagger-ui"></div>
<script id="depends-swagger-ui-config" type="application/json">${scriptJson(swaggerUiConfig(options))}</script>
<script src="${assets}/swagger-ui-bundle.js" charset="utf-8"></script>
<script src="${assets}/${import_assets.SWAGGER_UI_INIT_SCRIPT}" charset="utf-8"></script>
</body>
</html>
`;
}
function swaggerUiOAuth2RedirectHtml(options = {}) {
  const assets = escapeHtml(assetsBase({ openapiUrl: "", ...options }));
  return `<!doctype html>
<html lang="en-US">
<head><meta charset="utf-8"><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
<script src="${assets}/oauth2-redirect.js"></script>
</body>
</html>
`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  swaggerUiConfig,
  swaggerUiHtml,
  swaggerUiOAuth2RedirectHtml
});
//# sourceMappingURL=swagger-ui.js.map
