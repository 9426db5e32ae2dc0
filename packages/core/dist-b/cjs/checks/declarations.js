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
var declarations_exports = {};
__export(declarations_exports, {
  checkDeclarations: () => checkDeclarations,
  checksScopes: () => checksScopes,
  outerKey: () => outerKey,
  reachesScheme: () => reachesScheme
});
module.exports = __toCommonJS(declarations_exports);
var import_depends = require("../dependency/depends.js");
var import_catalogue = require("../errors/catalogue.js");
function outerKey(dependency, index) {
  const name = dependency?.name;
  return name === void 0 || name === "anonymous" ? `dependencies[${index}]` : `dependencies.${name}`;
}
function checkDeclarations(route) {
  const seen = /* @__PURE__ */ new Set();
  const visit = (input, key) => {
    if (typeof input === "function" && !(0, import_depends.isDependency)(input))
      return;
    const use = (0, import_depends.isUse)(input) ? input : void 0;
    const dependency = use ? use.dependency : input;
    if (!(0, import_depends.isDependency)(dependency))
      throw new import_catalogue.RouteInputError(import_catalogue.ErrorCode.NotADependency, route.label, key, `it ${(0, import_depends.notADependency)(input)}`);
    if (use?.security && !reachesScheme(dependency))
      throw securityWithoutScheme(route.label, key, dependency);
    if (seen.has(dependency))
      return;
    seen.add(dependency);
    const security = dependency.meta.security;
    if (security?.kind === "anyOf")
      security.alternatives.forEach((alt, i) => visit(alt, `${key}.anyOf[${i}]`));
    for (const name in dependency.inputs)
      visit(dependency.inputs[name], `${key}.${name}`);
  };
  route.dependencies.forEach((input, i) => visit(input, outerKey((0, import_depends.isUse)(input) ? input.dependency : (0, import_depends.isDependency)(input) ? input : void 0, i)));
  for (const name in route.inputs)
    visit(route.inputs[name], name);
}
function securityWithoutScheme(label, key, dependency) {
  return new import_catalogue.RouteInputError(import_catalogue.ErrorCode.SecurityWithoutScheme, label, key, `security(${dependency.name === "anonymous" ? "..." : dependency.name}) is declared over a dependency that reaches no security scheme and never reads its scopes, so it does nothing: the docs would show no security and no Authorize button, and no scope would be checked. Read the credential with a scheme below it (for example depends({ token: httpBearer() }, ...) or apiKeyHeader({ name: ... })), or use the dependency without security() if it is not authentication.`);
}
const reaches = /* @__PURE__ */ new WeakMap();
function reachesScheme(dependency) {
  let result = reaches.get(dependency);
  if (result === void 0)
    reaches.set(dependency, result = search(dependency, /* @__PURE__ */ new Map()));
  return result;
}
function search(dependency, local) {
  const known = local.get(dependency) ?? reaches.get(dependency);
  if (known !== void 0)
    return known;
  local.set(dependency, false);
  const meta = dependency.meta;
  let found = meta.security?.kind === "scheme" || meta.security?.kind === "anyOf" || meta.builtin === "securityScopes" || meta.enforcesScopes === true;
  for (const name in dependency.inputs) {
    if (found)
      break;
    const input = dependency.inputs[name];
    const inner = (0, import_depends.isUse)(input) ? input.dependency : input;
    if ((0, import_depends.isDependency)(inner))
      found = search(inner, local);
  }
  local.set(dependency, found);
  return found;
}
const checks = /* @__PURE__ */ new WeakMap();
function checksScopes(dependency) {
  let result = checks.get(dependency);
  if (result === void 0)
    checks.set(dependency, result = searchChecks(dependency, /* @__PURE__ */ new Set()));
  return result;
}
function searchChecks(dependency, path) {
  const meta = dependency.meta;
  if (meta.builtin === "securityScopes" || meta.enforcesScopes === true)
    return true;
  if (path.has(dependency))
    return false;
  path.add(dependency);
  for (const name in dependency.inputs) {
    const input = dependency.inputs[name];
    const inner = (0, import_depends.isUse)(input) ? input.dependency : input;
    if ((0, import_depends.isDependency)(inner) && (checks.get(inner) ?? searchChecks(inner, path)))
      return true;
  }
  path.delete(dependency);
  return false;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkDeclarations,
  checksScopes,
  outerKey,
  reachesScheme
});
//# sourceMappingURL=declarations.js.map
