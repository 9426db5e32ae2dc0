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
var framework_exports = {};
__export(framework_exports, {
  frameworkHttpError: () => frameworkHttpError
});
module.exports = __toCommonJS(framework_exports);
var import_catalogue = require("./catalogue.js");
const OWN_HEADERS = /* @__PURE__ */ new Set(["content-type", "content-length", "transfer-encoding"]);
function statusOf(error) {
  const status = error.status ?? error.statusCode;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599 ? status : void 0;
}
function plainHeaders(value) {
  if (value === null || typeof value !== "object")
    return void 0;
  const out = {};
  const add = (name, v) => {
    const n = name.toLowerCase();
    if (OWN_HEADERS.has(n))
      return;
    if (typeof v === "string" || typeof v === "number")
      out[n] = String(v);
    else if (Array.isArray(v))
      out[n] = v.filter((x) => typeof x === "string" || typeof x === "number").map(String);
  };
  const fetchHeaders = value;
  if (typeof fetchHeaders.forEach === "function" && !Array.isArray(value)) {
    value.forEach((v, name) => add(name, v));
  } else
    for (const [name, v] of Object.entries(value))
      add(name, v);
  return Object.keys(out).length ? out : void 0;
}
function frameworkHttpError(error) {
  if (error === null || typeof error !== "object")
    return void 0;
  const e = error;
  const status = statusOf(e);
  if (status === void 0)
    return void 0;
  const hono = typeof e.getResponse === "function";
  if (typeof e.expose !== "boolean" && !hono)
    return void 0;
  const exposed = typeof e.expose === "boolean" ? e.expose : status < 500;
  const message = typeof e.message === "string" && e.message ? e.message : void 0;
  const res = e.res;
  const headers = plainHeaders(e.headers) ?? (res && typeof res === "object" ? plainHeaders(res.headers) : void 0);
  return { status, detail: exposed && message ? message : (0, import_catalogue.defaultReason)(status), headers };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  frameworkHttpError
});
//# sourceMappingURL=framework.js.map
