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
var document_exports = {};
__export(document_exports, {
  buildDocument: () => buildDocument,
  checkSchemes: () => checkSchemes
});
module.exports = __toCommonJS(document_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_analyse = require("../model/analyse.js");
var import_paths = require("../router/paths.js");
var import_operation = require("./operation.js");
var import_requirements = require("./requirements.js");
var import_responses = require("./responses.js");
var import_schemas = require("./schemas.js");
var import_servers = require("./servers.js");
var import_walk = require("./walk.js");
function checkSchemes(route, registry) {
  const seen = /* @__PURE__ */ new Set();
  const walk = (node) => {
    if (seen.has(node.dependency))
      return;
    seen.add(node.dependency);
    const sec = node.security;
    if (sec?.kind === "scheme") {
      const entry = (0, import_walk.schemeEntry)(sec.scheme);
      const prior = registry.get(sec.scheme.name);
      if (prior && prior.entry !== entry)
        throw new import_catalogue.DuplicateSchemeError(sec.scheme.name, prior.label, route.label);
      if (!prior)
        registry.set(sec.scheme.name, { entry, label: route.label });
    }
    node.alternatives?.forEach(walk);
    for (const edge of node.children)
      walk(edge.node);
  };
  route.tree.dependencies.forEach(walk);
  for (const edge of route.tree.inputs)
    walk(edge.node);
}
const METHODS = /* @__PURE__ */ new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
function buildDocument(routes, options) {
  (0, import_servers.checkServerOptions)(options);
  const components = new import_schemas.SchemaComponents();
  const standard = new import_responses.StandardResponses(components, options.errorBody);
  const registry = /* @__PURE__ */ new Map();
  const globalSecurity = (options.security?.length ?? 0) > 0;
  const visible = routes.filter((r) => !r.def.options.hidden && METHODS.has(r.def.method.toLowerCase()));
  const taken = /* @__PURE__ */ new Set();
  for (const route of visible) {
    const id = route.def.options.operationId;
    if (id === void 0)
      continue;
    if (taken.has(id)) {
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.DuplicateOperationId, `operationId "${id}" is given to two routes (the second is ${route.label})`);
    }
    taken.add(id);
  }
  const paths = {};
  for (const route of visible) {
    const { def } = route;
    const method = def.method.toLowerCase();
    const path = (0, import_paths.toOpenApiPath)(def.path);
    const item = paths[path] ??= {};
    if (item[method])
      continue;
    let operationId = def.options.operationId;
    if (operationId === void 0) {
      const base = (0, import_operation.deriveOperationId)((0, import_operation.handlerName)(def.handler), method, path);
      operationId = base;
      for (let n = 2; taken.has(operationId); n++)
        operationId = `${base}_${n}`;
      taken.add(operationId);
    }
    const facts = (0, import_walk.walkRoute)(route.tree, registry);
    item[method] = (0, import_operation.buildOperation)(def, facts, { components, standard, operationId, path, globalSecurity, schemes: registry });
  }
  let security;
  if (globalSecurity) {
    const facts = (0, import_walk.walkRoute)((0, import_analyse.analyse)({ label: "the global security", dependencies: options.security, inputs: {} }), registry);
    const alternatives = (0, import_requirements.product)(facts.factors);
    if (alternatives.some((a) => a.length > 0))
      security = (0, import_requirements.materialize)(alternatives, facts.scopes ?? /* @__PURE__ */ new Map());
  }
  const doc = {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "API",
      version: options.version ?? "0.1.0",
      ...options.description !== void 0 ? { description: options.description } : {},
      ...options.contact !== void 0 ? { contact: { ...options.contact } } : {},
      ...options.license !== void 0 ? { license: { ...options.license } } : {}
    }
  };
  doc.servers = (0, import_servers.documentServers)(options);
  doc.paths = paths;
  const schemas = components.sorted();
  const securitySchemes = {};
  for (const [name, use] of registry)
    securitySchemes[name] = structuredClone(use.info.openapi);
  if (Object.keys(schemas).length > 0 || registry.size > 0) {
    doc.components = {
      ...Object.keys(schemas).length > 0 ? { schemas } : {},
      ...registry.size > 0 ? { securitySchemes } : {}
    };
  }
  if (security)
    doc.security = security;
  if (options.tags?.length)
    doc.tags = options.tags.map((t) => ({ ...t }));
  return doc;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  buildDocument,
  checkSchemes
});
//# sourceMappingURL=document.js.map
