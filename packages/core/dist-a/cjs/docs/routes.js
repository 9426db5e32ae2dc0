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
var routes_exports = {};
__export(routes_exports, {
  docsRoutes: () => docsRoutes
});
module.exports = __toCommonJS(routes_exports);
var import_reply = require("../response/reply.js");
var import_assets = require("./assets.js");
var import_swagger_ui = require("./swagger-ui.js");
var import_well_known = require("./well-known.js");
const DOCS_HEADERS = Object.freeze([
  [
    "content-security-policy",
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src *; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
  ],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"]
]);
const VARY = "Host, X-Forwarded-Host, X-Forwarded-Proto";
function docsRoutes(source, options = {}) {
  const { document, serversFromRequest = false } = typeof source === "function" ? { document: source } : source;
  const openapiPath = options.openapiPath ?? "/openapi.json";
  const docsPath = (options.docsPath ?? "/docs").replace(/\/$/, "");
  const files = options.files ?? (0, import_assets.installedDocsFiles)();
  const jsonHeaders = { "x-content-type-options": "nosniff", ...serversFromRequest ? { vary: VARY } : {} };
  const json = /* @__PURE__ */ new WeakMap();
  let page;
  const derived = (0, import_well_known.wellKnownRoutes)(() => document(), options.resourceMetadata, { docsPath: docsPath || "/" });
  return [
    ...derived.map((r) => ({ path: r.path, answer: () => r.answer() })),
    {
      path: openapiPath,
      answer: (_params, at) => {
        const doc = document(at);
        let answer = json.get(doc);
        if (answer === void 0)
          json.set(doc, answer = (0, import_reply.jsonAnswer)(200, doc, jsonHeaders));
        return answer;
      }
    },
    {
      path: docsPath || "/",
      answer: () => page ??= {
        status: 200,
        headers: [["content-type", "text/html; charset=utf-8"], ...DOCS_HEADERS],
        body: (0, import_swagger_ui.swaggerUiHtml)({
          openapiUrl: openapiPath,
          title: options.title ?? document().info.title,
          assetsPath: docsPath,
          persistAuthorization: options.persistAuthorization ?? false,
          serverFromPage: serversFromRequest,
          ...options.initOAuth ? { initOAuth: options.initOAuth } : {}
        })
      }
    },
    {
      path: `${docsPath}/:file`,
      answer: ({ file }) => {
        const asset = (0, import_assets.docsAsset)(file, files);
        if (!asset)
          return { ...(0, import_reply.jsonAnswer)(404, { detail: "Not Found" }), headers: [["content-type", "application/json"], ...DOCS_HEADERS] };
        return { status: 200, headers: [["content-type", asset.contentType], ["cache-control", "public, max-age=86400"], ...DOCS_HEADERS], body: asset.body };
      }
    }
  ];
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  docsRoutes
});
//# sourceMappingURL=routes.js.map
