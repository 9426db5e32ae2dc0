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
var tree_exports = {};
__export(tree_exports, {
  placedNodes: () => placedNodes
});
module.exports = __toCommonJS(tree_exports);
var import_declarations = require("./declarations.js");
function placedNodes(tree) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const seenInScheme = /* @__PURE__ */ new Set();
  const visit = (node, key, parent, withinScheme) => {
    const marks = withinScheme ? seenInScheme : seen;
    if (marks.has(node))
      return;
    marks.add(node);
    let scopes = parent;
    for (const s of node.scopes)
      if (!scopes.some(([have]) => have === s))
        scopes = [...scopes, [s, key]];
    out.push({ key, node, scopes, withinScheme });
    node.alternatives?.forEach((alt, i) => visit(alt, `${key}.anyOf[${i}]`, scopes, withinScheme));
    const below = withinScheme || node.security?.kind === "scheme";
    for (const edge of node.children)
      visit(edge.node, `${key}.${edge.name}`, scopes, below);
  };
  tree.dependencies.forEach((node, i) => visit(node, (0, import_declarations.outerKey)(node.dependency, i), [], false));
  for (const edge of tree.inputs)
    visit(edge.node, edge.name, [], false);
  return out;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  placedNodes
});
//# sourceMappingURL=tree.js.map
