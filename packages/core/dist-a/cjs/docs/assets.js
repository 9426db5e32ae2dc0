"use strict";
var __dependsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
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
var assets_exports = {};
__export(assets_exports, {
  SWAGGER_UI_INIT_SCRIPT: () => SWAGGER_UI_INIT_SCRIPT,
  docsAsset: () => docsAsset,
  docsAssetNames: () => docsAssetNames,
  installedDocsFiles: () => installedDocsFiles,
  swaggerUiDistPath: () => swaggerUiDistPath
});
module.exports = __toCommonJS(assets_exports);
var import_catalogue = require("../errors/catalogue.js");
const SWAGGER_UI_INIT_SCRIPT = "depends-swagger-ui-init.js";
const INIT_SOURCE = `/* @depends/core: starts Swagger UI with the configuration the page carries (no inline script needed). */
(function () {
  'use strict';
  var node = document.getElementById('depends-swagger-ui-config');
  var config = JSON.parse((node && node.textContent) || '{}');
  var initOAuth = config.initOAuth;
  delete config.initOAuth;
  var docsPath = config.serverFromPage;
  delete config.serverFromPage;
  if (config.oauth2RedirectUrl) config.oauth2RedirectUrl = new URL(config.oauth2RedirectUrl, window.location.href).href;
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  if (typeof docsPath === 'string') {
    // The document's server is where the API saw the request for it come; this page knows where it really is
    // (a proxy on the way may have changed the host or the scheme): the same server, from the page's origin and mount prefix.
    var path = window.location.pathname.replace(/\\/+$/, '');
    var prefix = docsPath === '' ? path : path.slice(-docsPath.length) === docsPath ? path.slice(0, path.length - docsPath.length) : '';
    var base = window.location.origin + prefix;
    config.plugins = (config.plugins || []).concat([function () {
      return { statePlugins: { spec: { wrapActions: { updateSpec: function (update) {
        return function (text) {
          try {
            var spec = JSON.parse(text);
            if (spec && Array.isArray(spec.servers) && spec.servers.length === 1) {
              spec.servers = [{ url: base }];
              text = JSON.stringify(spec);
            }
          } catch (error) { /* not JSON: left as it is */ }
          return update(text);
        };
      } } } } };
    }]);
  }
  window.ui = SwaggerUIBundle(config);
  if (initOAuth) window.ui.initOAuth(initOAuth);
})();
`;
const JS = "text/javascript; charset=utf-8";
const FILES = Object.freeze({
  "swagger-ui-bundle.js": { contentType: JS },
  "swagger-ui-standalone-preset.js": { contentType: JS },
  "swagger-ui.css": { contentType: "text/css; charset=utf-8" },
  "favicon-32x32.png": { contentType: "image/png" },
  "favicon-16x16.png": { contentType: "image/png" },
  "oauth2-redirect.html": { contentType: "text/html; charset=utf-8" },
  "oauth2-redirect.js": { contentType: JS },
  [SWAGGER_UI_INIT_SCRIPT]: { contentType: JS, source: INIT_SOURCE }
});
const docsAssetNames = Object.freeze(Object.keys(FILES));
let fileSystem;
function builtins() {
  if (fileSystem === void 0) {
    const get = globalThis.process?.getBuiltinModule;
    const fs = typeof get === "function" ? get("node:fs") : void 0;
    const module2 = typeof get === "function" ? get("node:module") : void 0;
    fileSystem = fs?.readFileSync && module2?.createRequire ? { readFileSync: fs.readFileSync, createRequire: module2.createRequire } : null;
  }
  return fileSystem;
}
let distDir;
function swaggerUiDistPath() {
  if (distDir === void 0) {
    const fs = builtins();
    if (!fs)
      throw unavailable();
    const packageJson = fs.createRequire(__dependsImportMetaUrl).resolve("swagger-ui-dist/package.json");
    distDir = packageJson.slice(0, -"/package.json".length);
  }
  return distDir;
}
function unavailable() {
  return new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.DocsFilesUnavailable, "The docs page cannot read swagger-ui-dist: this runtime has no file system. Pass the files bundled with the app: import { bundledDocsFiles } from '@depends/core/docs-files' and call d.docs(app, { files: bundledDocsFiles }).");
}
function installedDocsFiles() {
  const fs = builtins();
  if (!fs)
    throw unavailable();
  const dir = swaggerUiDistPath();
  return (name) => fs.readFileSync(`${dir}/${name}`);
}
const caches = /* @__PURE__ */ new WeakMap();
const encoder = new TextEncoder();
function docsAsset(fileName, files) {
  if (typeof fileName !== "string" || !Object.hasOwn(FILES, fileName))
    return void 0;
  const source = files ?? (defaultFiles ??= installedDocsFiles());
  let cache = caches.get(source);
  if (!cache)
    caches.set(source, cache = /* @__PURE__ */ new Map());
  const hit = cache.get(fileName);
  if (hit)
    return hit;
  const file = FILES[fileName];
  const content = file.source ?? source(fileName);
  if (content === void 0)
    return void 0;
  const body = typeof content === "string" ? encoder.encode(content) : content;
  const asset = Object.freeze({ body, contentType: file.contentType });
  cache.set(fileName, asset);
  return asset;
}
let defaultFiles;
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SWAGGER_UI_INIT_SCRIPT,
  docsAsset,
  docsAssetNames,
  installedDocsFiles,
  swaggerUiDistPath
});
//# sourceMappingURL=assets.js.map
