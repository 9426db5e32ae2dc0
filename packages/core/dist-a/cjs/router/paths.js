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
var paths_exports = {};
__export(paths_exports, {
  joinPath: () => joinPath,
  matchPath: () => matchPath,
  pathParams: () => pathParams,
  toColonPath: () => toColonPath,
  toOpenApiPath: () => toOpenApiPath
});
module.exports = __toCommonJS(paths_exports);
const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)\}|:([A-Za-z_][A-Za-z0-9_]*)/g;
function toOpenApiPath(path) {
  return path.replace(PARAM, (_, a, b) => `{${a ?? b}}`);
}
function toColonPath(path) {
  return path.replace(PARAM, (_, a, b) => `:${a ?? b}`);
}
function pathParams(path) {
  return [...path.matchAll(PARAM)].map((m) => m[1] ?? m[2]);
}
function joinPath(prefix, path) {
  if (!prefix)
    return path || "/";
  const a = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (!path || path === "/")
    return a || "/";
  return `${a}${path.startsWith("/") ? path : `/${path}`}`;
}
function matchPath(template, path) {
  const t = toOpenApiPath(template).split("/");
  const p = path.split("/");
  if (t.length !== p.length)
    return void 0;
  const params = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i];
    if (seg.startsWith("{") && seg.endsWith("}")) {
      if (!p[i])
        return void 0;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(p[i]);
      } catch {
        return void 0;
      }
    } else if (seg !== p[i])
      return void 0;
  }
  return params;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  joinPath,
  matchPath,
  pathParams,
  toColonPath,
  toOpenApiPath
});
//# sourceMappingURL=paths.js.map
