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
var body_exports = {};
__export(body_exports, {
  NONE: () => NONE,
  acceptsMediaType: () => acceptsMediaType,
  formFromObject: () => formFromObject,
  parseBody: () => parseBody,
  readParsedBody: () => readParsedBody,
  unsupportedMediaType: () => unsupportedMediaType
});
module.exports = __toCommonJS(body_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_json_depth = require("./json-depth.js");
const NONE = { kind: "none" };
function jsonError(text, error) {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  return new import_catalogue.RequestValidationError([
    {
      type: "json_invalid",
      loc: ["body", pos ? Number(pos[1]) : text.length],
      msg: "JSON decode error",
      input: {},
      ctx: { error: message }
    }
  ]);
}
function formFromObject(obj) {
  return {
    kind: "form",
    fields: {
      get: (n) => {
        const v = obj[n];
        return Array.isArray(v) ? v[v.length - 1] : v;
      },
      getAll: (n) => {
        const v = obj[n];
        return v === void 0 ? [] : Array.isArray(v) ? v : [v];
      }
    }
  };
}
const JSON_TYPE = "application/json";
const isJsonType = (type) => type === JSON_TYPE || type.startsWith("application/") && type.endsWith("+json");
function isEmpty(raw) {
  if (raw.kind === "none")
    return true;
  if (raw.kind === "text")
    return raw.text === "";
  if (raw.kind === "bytes")
    return raw.bytes.byteLength === 0;
  return raw.value === void 0;
}
function unsupportedMediaType(accepts) {
  return new import_catalogue.HTTPException(415, `Unsupported Media Type: expected ${accepts.join(" or ")}`);
}
function acceptsMediaType(accepts, contentType) {
  const type = mediaTypeOf(contentType);
  if (type === "" || isJsonType(type))
    return accepts.includes(JSON_TYPE);
  return accepts.includes(type);
}
function mediaTypeOf(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}
async function parseBody(raw, contentType, accepts) {
  const ct = mediaTypeOf(contentType);
  if (raw.kind === "none")
    return NONE;
  if (accepts !== void 0 && !acceptsMediaType(accepts, ct) && !isEmpty(raw))
    throw unsupportedMediaType(accepts);
  if (raw.kind === "parsed") {
    const v = raw.value;
    if (v instanceof URLSearchParams)
      return { kind: "form", fields: v };
    if (typeof FormData !== "undefined" && v instanceof FormData)
      return { kind: "form", fields: v };
    if (ct === "application/x-www-form-urlencoded" || ct === "multipart/form-data") {
      if (v && typeof v === "object")
        return formFromObject(v);
    }
    if (typeof v === "string")
      return parseText(v, ct);
    if (v instanceof Uint8Array)
      return parseBody({ kind: "bytes", bytes: v }, contentType);
    return { kind: "json", value: v };
  }
  if (raw.kind === "bytes") {
    if (ct === "multipart/form-data") {
      if (raw.bytes.byteLength === 0)
        return NONE;
      try {
        const form = await new Response(raw.bytes, { headers: { "content-type": contentType } }).formData();
        return { kind: "form", fields: form };
      } catch {
        throw new import_catalogue.HTTPException(400, "There was an error parsing the body");
      }
    }
    return parseText(new TextDecoder().decode(raw.bytes), ct);
  }
  return parseText(raw.text, ct);
}
function parseText(text, ct) {
  if (ct === "application/x-www-form-urlencoded")
    return { kind: "form", fields: new URLSearchParams(text) };
  if (ct === "" || isJsonType(ct)) {
    if (text === "")
      return NONE;
    const deep = (0, import_json_depth.jsonTooDeep)(text);
    if (deep !== -1)
      throw jsonError(text, `Nesting deeper than ${import_json_depth.MAX_JSON_DEPTH} levels at position ${deep}`);
    try {
      return { kind: "json", value: JSON.parse(text) };
    } catch (e) {
      throw jsonError(text, e);
    }
  }
  return text === "" ? NONE : { kind: "text", text };
}
async function readParsedBody(request, accepts) {
  return parseBody(await request.readBody(), request.header("content-type"), accepts);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  NONE,
  acceptsMediaType,
  formFromObject,
  parseBody,
  readParsedBody,
  unsupportedMediaType
});
//# sourceMappingURL=body.js.map
