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
  checkDuplicateRoute: () => checkDuplicateRoute,
  routeKey: () => routeKey
});
module.exports = __toCommonJS(routes_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_paths = require("../router/paths.js");
function routeKey(method, path) {
  return `${method.toUpperCase()} ${(0, import_paths.toOpenApiPath)(path).replace(/\{[^}]*\}/g, "{}")}`;
}
function checkDuplicateRoute(registry, method, path, label) {
  const key = routeKey(method, path);
  const first = registry.get(key);
  if (first !== void 0)
    throw new import_catalogue.DuplicateRouteError(first, label);
  registry.set(key, label);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkDuplicateRoute,
  routeKey
});
//# sourceMappingURL=routes.js.map
