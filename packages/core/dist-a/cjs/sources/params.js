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
var params_exports = {};
__export(params_exports, {
  cookie: () => cookie,
  header: () => header,
  path: () => path,
  query: () => query
});
module.exports = __toCommonJS(params_exports);
var import_v4 = require("zod/v4");
var import_depends = require("../dependency/depends.js");
var import_validate = require("./validate.js");
const defaultSchema = import_v4.z.string();
function paramSource(where, name, schema, options) {
  const s = schema ?? defaultSchema;
  const element = (0, import_validate.arrayElement)(s);
  const multiple = element !== void 0;
  const loc = [where, name];
  const spec = {
    in: where,
    name,
    schema: s,
    required: where === "path" || !(0, import_validate.acceptsUndefined)(s),
    multiple,
    ...options.description ? { description: options.description } : {}
  };
  const read = readerFor(where, name, multiple);
  let fn;
  if (schema === void 0) {
    fn = (_, { request }) => {
      const raw = read(request);
      if (typeof raw === "string")
        return raw;
      return (0, import_validate.validateOrRefuse)(s, raw, loc);
    };
  } else if (multiple) {
    const coerce = (0, import_validate.scalarCoercer)(element);
    fn = (_, { request }) => (0, import_validate.validateOrRefuse)(s, read(request)?.map(coerce), loc);
  } else {
    const coerce = (0, import_validate.scalarCoercer)(s);
    fn = (_, { request }) => {
      const raw = read(request);
      return (0, import_validate.validateOrRefuse)(s, typeof raw === "string" ? coerce(raw) : raw, loc);
    };
  }
  return (0, import_depends.createDependency)({}, fn, { name: `${where}:${name}`, meta: { source: spec } });
}
function readerFor(where, name, multiple) {
  switch (where) {
    case "header":
      return multiple ? (r) => {
        const all = r.headerAll(name);
        return all.length ? all : void 0;
      } : (r) => r.header(name);
    case "query":
      return multiple ? (r) => {
        const all = r.queryAll(name);
        return all.length ? all : void 0;
      } : (r) => r.query(name);
    case "cookie":
      return (r) => r.cookie(name);
    case "path":
      return (r) => r.params[name];
  }
}
function header(name, schema, options = {}) {
  const wire = options.alias ?? (options.convertUnderscores === false ? name : name.replace(/_/g, "-"));
  return paramSource("header", wire.toLowerCase(), schema, options);
}
function query(name, schema, options = {}) {
  return paramSource("query", name, schema, options);
}
function cookie(name, schema, options = {}) {
  return paramSource("cookie", name, schema, options);
}
function path(name, schema, options = {}) {
  return paramSource("path", name, schema, options);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  cookie,
  header,
  path,
  query
});
//# sourceMappingURL=params.js.map
