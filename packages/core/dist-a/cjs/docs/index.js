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
var docs_exports = {};
__export(docs_exports, {
  SWAGGER_UI_INIT_SCRIPT: () => import_assets.SWAGGER_UI_INIT_SCRIPT,
  checkWellKnown: () => import_well_known.checkWellKnown,
  docsAsset: () => import_assets.docsAsset,
  docsAssetNames: () => import_assets.docsAssetNames,
  docsRoutes: () => import_routes.docsRoutes,
  installedDocsFiles: () => import_assets.installedDocsFiles,
  swaggerUiConfig: () => import_swagger_ui.swaggerUiConfig,
  swaggerUiDistPath: () => import_assets.swaggerUiDistPath,
  swaggerUiHtml: () => import_swagger_ui.swaggerUiHtml,
  swaggerUiOAuth2RedirectHtml: () => import_swagger_ui.swaggerUiOAuth2RedirectHtml,
  wellKnownRoutes: () => import_well_known.wellKnownRoutes
});
module.exports = __toCommonJS(docs_exports);
var import_swagger_ui = require("./swagger-ui.js");
var import_assets = require("./assets.js");
var import_routes = require("./routes.js");
var import_well_known = require("./well-known.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SWAGGER_UI_INIT_SCRIPT,
  checkWellKnown,
  docsAsset,
  docsAssetNames,
  docsRoutes,
  installedDocsFiles,
  swaggerUiConfig,
  swaggerUiDistPath,
  swaggerUiHtml,
  swaggerUiOAuth2RedirectHtml,
  wellKnownRoutes
});
//# sourceMappingURL=index.js.map
