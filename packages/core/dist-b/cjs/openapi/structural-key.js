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
var structural_key_exports = {};
__export(structural_key_exports, {
  structuralKey: () => structuralKey
});
module.exports = __toCommonJS(structural_key_exports);
var import_v4 = require("zod/v4");
const LEAVES = /* @__PURE__ */ new Set(["string", "number", "boolean", "bigint", "null", "date", "any", "unknown"]);
const WRAPPERS = /* @__PURE__ */ new Set(["optional", "nullable", "readonly", "nonoptional"]);
const NO_KEY = /* @__PURE__ */ Symbol("no key");
function plain(value) {
  if (value instanceof RegExp)
    return `/${value.source}/${value.flags}`;
  if (typeof value === "function" || typeof value === "symbol")
    throw NO_KEY;
  if (typeof value === "bigint")
    return `${value}n`;
  if (Array.isArray(value))
    return value.map(plain);
  if (value && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value).sort())
      out[k] = plain(value[k]);
    return out;
  }
  return value;
}
function walk(schema, depth) {
  if (depth > 32 || typeof schema !== "object" || schema === null || !("_zod" in schema))
    throw NO_KEY;
  const def = schema._zod.def;
  const meta = import_v4.z.globalRegistry.get(schema);
  const checks = (def.checks ?? []).map((c) => {
    const d = c._zod.def;
    if (d.check === "custom" || d.check === "overwrite")
      throw NO_KEY;
    const { when: _when, ...data } = d;
    return plain(data);
  });
  const node = [def.type, checks, meta === void 0 ? null : plain(meta)];
  if (LEAVES.has(def.type))
    return node;
  if (WRAPPERS.has(def.type))
    return [...node, walk(def.innerType, depth + 1)];
  switch (def.type) {
    case "default":
    case "prefault":
      return [...node, plain(def.defaultValue), walk(def.innerType, depth + 1)];
    case "array":
      return [...node, walk(def.element, depth + 1)];
    case "enum":
      return [...node, plain(def.entries)];
    case "literal":
      return [...node, plain(def.values)];
    case "object": {
      const shape = def.shape ?? {};
      const fields = Object.keys(shape).map((k) => [k, walk(shape[k], depth + 1)]);
      return [...node, fields, def.catchall === void 0 ? null : walk(def.catchall, depth + 1)];
    }
    default:
      throw NO_KEY;
  }
}
function structuralKey(schema) {
  try {
    return JSON.stringify(walk(schema, 0));
  } catch (e) {
    if (e === NO_KEY)
      return void 0;
    throw e;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  structuralKey
});
//# sourceMappingURL=structural-key.js.map
