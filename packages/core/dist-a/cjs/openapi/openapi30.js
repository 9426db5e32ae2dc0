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
var openapi30_exports = {};
__export(openapi30_exports, {
  to30: () => to30
});
module.exports = __toCommonJS(openapi30_exports);
const ALLOWED = /* @__PURE__ */ new Set([
  "title",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxProperties",
  "minProperties",
  "required",
  "enum",
  "type",
  "not",
  "allOf",
  "oneOf",
  "anyOf",
  "items",
  "properties",
  "additionalProperties",
  "description",
  "format",
  "default",
  "nullable",
  "discriminator",
  "readOnly",
  "writeOnly",
  "xml",
  "externalDocs",
  "example",
  "deprecated"
]);
const DROPPED = /* @__PURE__ */ new Set(["$schema", "$id", "$anchor", "$comment", "$defs", "contentMediaType", "contentEncoding", "contentSchema"]);
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isNull = (value) => isObject(value) && value.type === "null" && Object.keys(value).every((k) => k === "type" || k === "title" || k === "description");
function to30(schema, at, fail) {
  if (schema === true)
    return {};
  if (schema === false)
    return { not: {} };
  if (!isObject(schema))
    return fail(at, `a schema that is not an object (${JSON.stringify(schema)})`);
  const out = {};
  let nullable = false;
  for (const [key, value] of Object.entries(schema)) {
    const here = `${at}/${key}`;
    switch (key) {
      case "$ref":
        break;
      case "const":
        out.enum = [value];
        break;
      case "type":
        if (Array.isArray(value)) {
          const types = value.filter((t) => t !== "null");
          if (types.length < value.length)
            nullable = true;
          if (types.length === 1)
            out.type = types[0];
          else if (types.length > 1)
            out.anyOf = types.map((t) => ({ type: t }));
          else
            out.enum = [null];
        } else if (value === "null") {
          nullable = true;
          out.enum = [null];
        } else
          out.type = value;
        break;
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        if (typeof value === "number") {
          const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
          out[bound] = value;
          out[key] = true;
        } else
          out[key] = value;
        break;
      case "examples":
        if (Array.isArray(value) && value.length > 0)
          out.example = value[0];
        break;
      case "properties":
        out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, to30(s, `${here}/${name}`, fail)]));
        break;
      case "items":
        if (Array.isArray(value))
          return fail(here, "a tuple (items as a list)");
        out.items = to30(value, here, fail);
        break;
      case "additionalProperties":
        out.additionalProperties = typeof value === "boolean" ? value : to30(value, here, fail);
        break;
      case "not":
        out.not = to30(value, here, fail);
        break;
      case "allOf":
      case "anyOf":
      case "oneOf": {
        const members = value;
        const rest = members.filter((m) => !isNull(m));
        if (rest.length < members.length)
          nullable = true;
        const converted = rest.map((m, i) => to30(m, `${here}/${i}`, fail));
        if (converted.length === 1 && key !== "allOf") {
          const only = converted[0];
          if (only.$ref === void 0 && Object.keys(only).every((k) => !(k in out)))
            Object.assign(out, only);
          else
            out.allOf = [...out.allOf ?? [], only];
        } else if (converted.length > 0)
          out[key] = converted;
        break;
      }
      case "propertyNames":
        if (isObject(value) && Object.keys(value).length === 1 && value.type === "string")
          break;
        return fail(here, "propertyNames");
      default:
        if (DROPPED.has(key))
          break;
        if (ALLOWED.has(key) || key.startsWith("x-"))
          out[key] = value;
        else
          return fail(here, `"${key}"`);
    }
  }
  if (typeof schema.$ref === "string") {
    if (Object.keys(out).length === 0 && !nullable)
      return { $ref: schema.$ref };
    out.allOf = [{ $ref: schema.$ref }, ...out.allOf ?? []];
  }
  if (nullable)
    out.nullable = true;
  return out;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  to30
});
//# sourceMappingURL=openapi30.js.map
