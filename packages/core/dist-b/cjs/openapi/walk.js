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
var walk_exports = {};
__export(walk_exports, {
  registerScheme: () => registerScheme,
  schemeEntry: () => schemeEntry,
  walkRoute: () => walkRoute
});
module.exports = __toCommonJS(walk_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_requirements = require("./requirements.js");
const branchOf = (factors = []) => ({ factors, plain: /* @__PURE__ */ new Set(), scoped: /* @__PURE__ */ new Map() });
const consumedKeys = /* @__PURE__ */ new WeakMap();
function consumedBy(info) {
  let keys = consumedKeys.get(info);
  if (!keys)
    consumedKeys.set(info, keys = info.consumes.map((c) => `${c.in}:${c.in === "header" ? c.name.toLowerCase() : c.name}`));
  return keys;
}
const schemeEntries = /* @__PURE__ */ new WeakMap();
function canonicalJson(value) {
  return JSON.stringify(value, (_key, v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v);
}
function schemeEntry(info) {
  let entry = schemeEntries.get(info);
  if (entry === void 0)
    schemeEntries.set(info, entry = canonicalJson(info.openapi));
  return entry;
}
function registerScheme(registry, info, label) {
  const entry = schemeEntry(info);
  const prior = registry.get(info.name);
  if (!prior)
    registry.set(info.name, { info, entry, label });
  else if (prior.entry !== entry)
    throw new import_catalogue.DuplicateSchemeError(info.name, prior.label, label);
}
function visit(walk, node, branch, documented) {
  const dep = node.dependency;
  const meta = dep.meta;
  if (meta.builtin !== void 0)
    return;
  const scopes = node.scopes;
  if (scopes.length === 0) {
    if (branch.plain.has(dep))
      return;
    branch.plain.add(dep);
  } else {
    const key = scopes.join(" ");
    let seen = branch.scoped.get(dep);
    if (seen?.has(key))
      return;
    if (!seen)
      branch.scoped.set(dep, seen = /* @__PURE__ */ new Set());
    seen.add(key);
  }
  const { facts } = walk;
  const children = node.children;
  if (meta.responses)
    for (const status of meta.responses)
      (facts.statuses ??= /* @__PURE__ */ new Set()).add(status);
  if (meta.operation) {
    for (const challenge of meta.operation.challenges ?? [])
      if (!(facts.challenges ??= []).includes(challenge))
        facts.challenges.push(challenge);
    for (const [key, value] of Object.entries(meta.operation.extensions ?? {}))
      if (key.startsWith("x-"))
        (facts.extensions ??= {})[key] = value;
  }
  if (meta.enforcesScopes && scopes.length > 0)
    facts.enforcesScopes = true;
  const security = node.security;
  if (security !== void 0) {
    if (security.kind === "scheme") {
      const info = security.scheme;
      registerScheme(walk.registry, info, walk.label);
      const all = facts.scopes ??= /* @__PURE__ */ new Map();
      const listed = info.openapi.type === "mutualTLS" ? [] : scopes;
      const known = all.get(info.name);
      if (!known)
        all.set(info.name, [...listed]);
      else
        for (const s of listed)
          if (!known.includes(s))
            known.push(s);
      for (const key of consumedBy(info))
        (facts.consumed ??= /* @__PURE__ */ new Set()).add(key);
      branch.factors.push(info.optional ? [[], [info.name]] : [[info.name]]);
      for (const edge of children)
        visit(walk, edge.node, branch, false);
      return;
    }
    if (security.kind === "anyOf") {
      const alternatives = security.optional ? [[]] : [];
      for (const alt of node.alternatives ?? []) {
        const sub = branchOf();
        visit(walk, alt, sub, documented);
        alternatives.push(...(0, import_requirements.product)(sub.factors));
      }
      branch.factors.push((0, import_requirements.product)([alternatives]));
      const discard = branchOf();
      for (const edge of children)
        visit(walk, edge.node, discard, documented);
      return;
    }
    if (security.kind === "public")
      facts.publicMarker = true;
  }
  const source = meta.source;
  if (source !== void 0 && documented) {
    facts.validated = true;
    const list = source.in === "body" || source.in === "form" ? facts.bodies : facts.params;
    if (!list.includes(source))
      list.push(source);
  }
  for (const edge of children)
    visit(walk, edge.node, branch, documented);
}
function walkRoute(tree, registry) {
  const facts = {
    params: [],
    bodies: [],
    consumed: void 0,
    scopes: void 0,
    factors: [],
    validated: false,
    enforcesScopes: false,
    publicMarker: false,
    statuses: void 0
  };
  const walk = { facts, registry, label: tree.label };
  const root = branchOf(facts.factors);
  for (const node of tree.dependencies)
    visit(walk, node, root, true);
  for (const edge of tree.inputs)
    visit(walk, edge.node, root, true);
  return facts;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  registerScheme,
  schemeEntry,
  walkRoute
});
//# sourceMappingURL=walk.js.map
