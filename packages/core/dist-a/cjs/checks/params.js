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
  checkPathParameter: () => checkPathParameter,
  checkReadableParameter: () => checkReadableParameter
});
module.exports = __toCommonJS(params_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_paths = require("../router/paths.js");
var import_readable = require("./readable.js");
const HINTS = {
  header: "Declare one header() per value, or send structured data in the body with body().",
  query: "Declare one query() per field, or send structured data in the body with body().",
  cookie: "A cookie holds one string: use a scalar schema (z.string(), z.number(), z.enum([...])), or parse it yourself with z.string().transform(...).pipe(schema).",
  path: "A path parameter is one URL segment: use a scalar schema (z.string(), z.number(), z.enum([...]))."
};
function checkReadableParameter(route, placed) {
  const source = placed.node.source;
  if (!source || source.in === "body" || source.in === "form" || !source.schema)
    return;
  const problem = (0, import_readable.unreadableFromString)(source.schema, source.in === "header" || source.in === "query");
  if (problem === void 0)
    return;
  throw new import_catalogue.RouteInputError(import_catalogue.ErrorCode.UnreadableParameter, route.label, placed.key, `${source.in}('${source.name}') is read from a string, but its schema is ${problem}, which no ${source.in} value can satisfy. ${HINTS[source.in]}`);
}
function checkPathParameter(route, placed) {
  const source = placed.node.source;
  if (source?.in !== "path" || route.path === void 0)
    return;
  const names = (0, import_paths.pathParams)(route.path);
  if (names.includes(source.name))
    return;
  const path = (0, import_paths.toOpenApiPath)(route.path);
  const fix = names.length ? `Use ${names.map((n) => `path('${n}')`).join(" or ")}, or add {${source.name}} to the path.` : `The path has no parameters: add {${source.name}} to it, or read the value from the query with query('${source.name}').`;
  throw new import_catalogue.RouteInputError(import_catalogue.ErrorCode.UnknownPathParameter, route.label, placed.key, `path('${source.name}') reads the path parameter "${source.name}", but ${path} has no {${source.name}}: it would be missing on every request. ${fix}`);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkPathParameter,
  checkReadableParameter
});
//# sourceMappingURL=params.js.map
