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
  body: () => body,
  form: () => form
});
module.exports = __toCommonJS(body_exports);
var import_depends = require("../dependency/depends.js");
var import_catalogue = require("../errors/catalogue.js");
var import_body = require("../request/body.js");
var import_validate = require("./validate.js");
function body(schema, options = {}) {
  const spec = {
    in: "body",
    name: options.embed ?? "body",
    schema,
    required: !(0, import_validate.acceptsUndefined)(schema),
    multiple: false,
    embed: options.embed !== void 0,
    mediaType: "application/json",
    mediaTypes: ["application/json"],
    ...options.description ? { description: options.description } : {},
    ...options.schemaName ? { schemaName: options.schemaName } : {}
  };
  const embed = options.embed;
  const loc = embed === void 0 ? ["body"] : ["body", embed];
  const fn = (_, ctx) => {
    const parsed = ctx.body ?? import_body.NONE;
    let value;
    if (parsed.kind === "json")
      value = parsed.value;
    else if (parsed.kind === "text")
      value = parsed.text;
    else if (parsed.kind === "form")
      value = Object.fromEntries(parsed.fields.entries?.() ?? []);
    if (embed !== void 0)
      value = value && typeof value === "object" ? value[embed] : void 0;
    return (0, import_validate.validate)(schema, value, loc);
  };
  return (0, import_depends.createDependency)({}, fn, { name: `body:${spec.name}`, meta: { source: spec } });
}
function form(schema, options = {}) {
  const shape = (0, import_validate.objectShape)(schema);
  if (!shape)
    throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidDependency, "form() needs a zod object schema");
  const mediaTypes = options.mediaType === void 0 ? ["application/x-www-form-urlencoded"] : typeof options.mediaType === "string" ? [options.mediaType] : [...options.mediaType];
  const spec = {
    in: "form",
    name: "body",
    schema,
    required: Object.values(shape).some((s) => !(0, import_validate.acceptsUndefined)(s)),
    multiple: false,
    mediaType: mediaTypes[0],
    mediaTypes,
    ...options.description ? { description: options.description } : {},
    ...options.schemaName ? { schemaName: options.schemaName } : {}
  };
  const fields = Object.entries(shape).map(([name, s]) => ({ name, schema: s, element: (0, import_validate.arrayElement)(s) }));
  const fn = (_, ctx) => {
    const parsed = ctx.body ?? import_body.NONE;
    const source = parsed.kind === "form" ? parsed.fields : void 0;
    const value = {};
    if (source) {
      for (const f of fields) {
        if (f.element) {
          const all = source.getAll(f.name).filter((v) => v !== "");
          if (all.length)
            value[f.name] = all.map((v) => typeof v === "string" ? (0, import_validate.coerceScalar)(f.element, v) : v);
        } else {
          const all = source.getAll(f.name);
          const v = all[all.length - 1];
          if (v === null || v === void 0 || v === "")
            continue;
          value[f.name] = typeof v === "string" ? (0, import_validate.coerceScalar)(f.schema, v) : v;
        }
      }
    }
    return (0, import_validate.validate)(schema, value, ["body"]);
  };
  return (0, import_depends.createDependency)({}, fn, { name: "form", meta: { source: spec } });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  body,
  form
});
//# sourceMappingURL=body.js.map
