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
var analyse_exports = {};
__export(analyse_exports, {
  analyse: () => analyse,
  analyses: () => analyses,
  fastApiOrder: () => fastApiOrder,
  sourceRank: () => sourceRank
});
module.exports = __toCommonJS(analyse_exports);
var import_builtins = require("../dependency/builtins.js");
var import_use = require("../dependency/use.js");
var import_catalogue = require("../errors/catalogue.js");
const SOURCE_RANK = { path: 1, query: 2, header: 3, cookie: 4, body: 5, form: 5 };
function sourceRank(dependency) {
  const src = dependency.meta.source;
  return src ? SOURCE_RANK[src.in] : 0;
}
function fastApiOrder(entries, dependencyOf) {
  return entries.map((e, i) => [e, sourceRank(dependencyOf(e)), i]).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([e]) => e);
}
function usesScopes(dep, overrides, memo) {
  const hit = memo.get(dep);
  if (hit !== void 0)
    return hit;
  memo.set(dep, false);
  const impl = overrides?.get(dep) ?? dep;
  let result = dep.meta.security !== void 0 || dep.meta.builtin === "securityScopes" || dep.meta.enforcesScopes === true;
  if (!result) {
    for (const input of Object.values(impl.inputs)) {
      const use = (0, import_use.toUse)(input);
      if (use.scopes.length > 0 || usesScopes(use.dependency, overrides, memo)) {
        result = true;
        break;
      }
    }
  }
  memo.set(dep, result);
  return result;
}
const NO_EDGES = Object.freeze([]);
const analyses = { count: 0 };
function analyse(route, overrides) {
  analyses.count++;
  const { label } = route;
  const keyed = /* @__PURE__ */ new Map();
  const memo = /* @__PURE__ */ new Map();
  const stack = [];
  const edges = (inputs2, scopes, check) => {
    const names = Object.keys(inputs2);
    if (names.length === 0)
      return NO_EDGES;
    const uses = names.map((name) => ({ name, use: (0, import_use.toUse)(inputs2[name], `Route ${label}, input "${name}"`) }));
    const out = /* @__PURE__ */ new Map();
    for (const { name, use } of fastApiOrder(uses, (u) => u.use.dependency)) {
      if (check) {
        const childScope = use.scope ?? use.dependency.scope;
        if (childScope === "function")
          throw new import_catalogue.DependencyScopeError(label, check.name);
      }
      out.set(name, { name, node: visit(use, scopes) });
    }
    return names.map((name) => out.get(name));
  };
  const visit = (use, parentScopes) => {
    const original = use.dependency;
    if (original.meta.builtin === "securityScopes") {
      return {
        dependency: original,
        impl: original,
        scopes: parentScopes,
        useCache: false,
        cacheKey: "",
        teardown: "request",
        source: void 0,
        security: void 0,
        alternatives: void 0,
        children: NO_EDGES,
        constant: new import_builtins.SecurityScopes(parentScopes)
      };
    }
    const impl = overrides?.get(original) ?? original;
    const scopes = (0, import_use.accumulateScopes)(parentScopes, use.scopes);
    const useCache = use.useCache ?? original.useCache;
    const explicitScope = use.scope ?? original.scope;
    const isGenerator = original.callKind !== "plain";
    const computedScope = explicitScope ?? (isGenerator ? "request" : void 0);
    const scoped = use.scopes.length > 0 || usesScopes(original, overrides, memo);
    const cacheKey = `${scoped ? [...new Set(scopes)].sort().join(" ") : ""}|${computedScope ?? ""}`;
    let byKey = keyed.get(original);
    const cached = byKey?.get(cacheKey);
    if (useCache && cached !== void 0)
      return cached;
    if (stack.includes(original)) {
      const from = stack.indexOf(original);
      throw new import_catalogue.DependencyCycleError(label, [...stack.slice(from), original].map((d) => d.name));
    }
    stack.push(original);
    const children = edges(impl.inputs, scopes, isGenerator && computedScope === "request" ? original : void 0);
    const security = original.meta.security;
    const alternatives = security?.kind === "anyOf" ? security.alternatives.map((alt) => visit((0, import_use.toUse)(alt), scopes)) : void 0;
    stack.pop();
    const node = {
      dependency: original,
      impl,
      scopes,
      useCache,
      cacheKey,
      teardown: computedScope ?? "request",
      source: original.meta.source ?? impl.meta.source,
      security,
      alternatives,
      children
    };
    if (!byKey)
      keyed.set(original, byKey = /* @__PURE__ */ new Map());
    if (!byKey.has(cacheKey))
      byKey.set(cacheKey, node);
    return node;
  };
  const dependencies = route.dependencies.map((dep, i) => visit((0, import_use.toUse)(dep, `Route ${label}, dependencies[${i}]`), []));
  const inputs = edges(route.inputs, []);
  return { label, dependencies, inputs };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  analyse,
  analyses,
  fastApiOrder,
  sourceRank
});
//# sourceMappingURL=analyse.js.map
