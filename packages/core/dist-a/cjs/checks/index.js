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
var checks_exports = {};
__export(checks_exports, {
  checkDeclarations: () => import_declarations.checkDeclarations,
  checkDuplicateRoute: () => import_routes.checkDuplicateRoute,
  checkTree: () => checkTree,
  nodeChecks: () => nodeChecks,
  placedNodes: () => import_tree2.placedNodes,
  reachesScheme: () => import_declarations.reachesScheme,
  routeKey: () => import_routes.routeKey,
  unreadableFromString: () => import_readable.unreadableFromString
});
module.exports = __toCommonJS(checks_exports);
var import_headers = require("./headers.js");
var import_params = require("./params.js");
var import_security = require("./security.js");
var import_tree = require("./tree.js");
var import_declarations = require("./declarations.js");
var import_tree2 = require("./tree.js");
var import_routes = require("./routes.js");
var import_readable = require("./readable.js");
const nodeChecks = [import_headers.checkIgnoredHeader, import_params.checkReadableParameter, import_params.checkPathParameter, import_security.checkDeclaredScopes];
function checkTree(tree, path) {
  const route = { label: tree.label, path };
  for (const placed of (0, import_tree.placedNodes)(tree))
    for (const check of nodeChecks)
      check(route, placed);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkDeclarations,
  checkDuplicateRoute,
  checkTree,
  nodeChecks,
  placedNodes,
  reachesScheme,
  routeKey,
  unreadableFromString
});
//# sourceMappingURL=index.js.map
