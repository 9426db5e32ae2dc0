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
var operation_exports = {};
__export(operation_exports, {
  buildOperation: () => buildOperation,
  deriveOperationId: () => deriveOperationId,
  handlerName: () => handlerName,
  isGuessedSuccess: () => isGuessedSuccess,
  operationSecurity: () => operationSecurity,
  summaryFromName: () => summaryFromName
});
module.exports = __toCommonJS(operation_exports);
var import_router = require("../router/router.js");
var import_paths = require("../router/paths.js");
var import_requirements = require("./requirements.js");
var import_responses = require("./responses.js");
const IGNORED_HEADERS = /* @__PURE__ */ new Set(["authorization", "content-type", "accept"]);
function handlerName(handler) {
  const name = (handler.name ?? "").replace(/^bound /, "");
  return name === "anonymous" ? "" : name;
}
function deriveOperationId(name, method, path) {
  const m = method.toLowerCase();
  return name ? `${name}${path}`.replace(/\W/g, "_") + `_${m}` : `${m}${path}`.replace(/\W/g, "_");
}
function summaryFromName(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[_\s]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
}
function parameters(facts, ctx) {
  const template = (0, import_paths.pathParams)(ctx.path);
  if (facts.params.length === 0 && template.length === 0)
    return void 0;
  const chosen = /* @__PURE__ */ new Map();
  for (const spec of facts.params) {
    const name = spec.in === "header" ? spec.name.toLowerCase() : spec.name;
    if (spec.in === "header" && IGNORED_HEADERS.has(name))
      continue;
    if (spec.in === "path" && !template.includes(name))
      continue;
    const key = `${spec.in}:${name}`;
    if (facts.consumed?.has(key))
      continue;
    const prior = chosen.get(key);
    if (!prior || !prior.required && spec.required)
      chosen.set(key, spec);
  }
  const out = [];
  for (const name of template) {
    const spec = chosen.get(`path:${name}`);
    out.push(spec ? param(spec, ctx) : { name, in: "path", required: true, schema: { type: "string" } });
  }
  let rest;
  for (const spec of chosen.values()) {
    if (spec.in === "path")
      continue;
    rest ??= [[], [], []];
    rest[spec.in === "query" ? 0 : spec.in === "header" ? 1 : 2].push(param(spec, ctx));
  }
  if (rest)
    out.push(...rest[0], ...rest[1], ...rest[2]);
  return out.length > 0 ? out : void 0;
}
function param(spec, ctx) {
  const schema = ctx.components.schema(spec.schema);
  const description = spec.description ?? (typeof schema.description === "string" ? schema.description : void 0);
  const p = { name: spec.name, in: spec.in, required: spec.in === "path" ? true : spec.required, schema };
  if (description === void 0)
    return p;
  return { name: p.name, in: p.in, required: p.required, description, schema };
}
const schemaNameOf = (spec) => spec.schemaName;
function requestBody(facts, ctx) {
  if (facts.bodies.length === 0)
    return void 0;
  const { components } = ctx;
  const content = {};
  const json = facts.bodies.filter((s) => s.in === "body");
  if (json.length > 0) {
    const whole = json.filter((s) => !s.embed).map((s) => components.schema(s.schema, { name: schemaNameOf(s) }));
    const embedded = json.filter((s) => s.embed);
    if (embedded.length > 0) {
      const properties = {};
      const required = [];
      for (const s of embedded) {
        properties[s.name] = components.schema(s.schema, { name: schemaNameOf(s) });
        if (s.required)
          required.push(s.name);
      }
      const name = `Body_${ctx.operationId}`;
      whole.push(components.add(name, { title: name, type: "object", properties, ...required.length ? { required } : {} }));
    }
    content["application/json"] = { schema: whole.length === 1 ? whole[0] : { allOf: whole } };
  }
  const byType = /* @__PURE__ */ new Map();
  for (const s of facts.bodies) {
    if (s.in !== "form")
      continue;
    const schema = components.schema(s.schema, { name: schemaNameOf(s) });
    for (const type of s.mediaTypes ?? [s.mediaType ?? "application/x-www-form-urlencoded"]) {
      if (!byType.has(type))
        byType.set(type, []);
      byType.get(type).push(schema);
    }
  }
  for (const [type, schemas] of byType)
    content[type] = { schema: schemas.length === 1 ? schemas[0] : { allOf: schemas } };
  const description = facts.bodies.find((s) => s.description !== void 0)?.description;
  return {
    ...description !== void 0 ? { description } : {},
    required: facts.bodies.some((s) => s.required),
    content
  };
}
const NO_BODY = /* @__PURE__ */ new Set([204, 205, 304]);
const BODY_ERRORS = [400, 413, 415];
const guessed = /* @__PURE__ */ new WeakSet();
function isGuessedSuccess(response) {
  return typeof response === "object" && response !== null && guessed.has(response);
}
function responses(def, facts, ctx, auth) {
  const { components } = ctx;
  const options = def.options;
  const status = options.status ?? 200;
  const out = {};
  const success = { description: options.responseDescription ?? "Successful Response" };
  if (options.response !== void 0) {
    success.content = { "application/json": { schema: components.schema(options.response, { side: "output" }) } };
  } else if (status >= 200 && !NO_BODY.has(status)) {
    success.content = { "application/json": { schema: {} } };
  }
  out[String(status)] = success;
  if (options.status === void 0 && options.response === void 0)
    guessed.add(success);
  const { standard } = ctx;
  if (facts.statuses)
    for (const code of facts.statuses)
      out[String(code)] = standard.httpError(code);
  const token = facts.bodies.some((b) => b.tokenEndpoint);
  if (token) {
    success.headers = { ...success.headers, ...import_responses.NO_STORE_DOC };
    out["400"] = standard.oauth2Error();
    out["413"] = standard.noStore(413);
  } else if (facts.bodies.length > 0) {
    for (const code of BODY_ERRORS)
      out[String(code)] ??= standard.httpError(code);
  }
  const challenged = challengesOf(auth.security, ctx);
  const unauthorized = facts.challenges ? [...challenged?.unauthorized ?? [], ...facts.challenges.filter((c) => !challenged?.unauthorized.includes(c))] : challenged?.unauthorized;
  if (auth.required)
    out["401"] = unauthorized ? standard.unauthorizedWith(unauthorized) : standard.unauthorized();
  if (auth.scopes)
    out["403"] = challenged?.forbidden ? standard.forbiddenWith(challenged.forbidden) : standard.forbidden();
  const validated = token ? facts.params.length > 0 || facts.bodies.some((b) => !b.tokenEndpoint) : facts.validated;
  if (validated)
    out["422"] = standard.validationFailed();
  for (const [code, doc] of Object.entries(options.responses ?? {})) {
    const response = { description: doc.description };
    if (doc.schema !== void 0)
      response.content = { "application/json": { schema: components.schema(doc.schema, { side: "output" }) } };
    else if (Number(code) >= 400)
      response.content = standard.httpError(Number(code)).content;
    out[code] = response;
  }
  return out;
}
function challengesOf(security, ctx) {
  if (!security || !ctx.schemes)
    return void 0;
  const unauthorized = [];
  const forbidden = [];
  let bearerOnly = true;
  for (const requirement of security) {
    for (const [name, scopes] of Object.entries(requirement)) {
      const info = ctx.schemes.get(name)?.info;
      if (!info)
        continue;
      if (info.challenge !== void 0 && !unauthorized.includes(info.challenge))
        unauthorized.push(info.challenge);
      if (info.bearerChallenges) {
        const rejected = 'Bearer error="invalid_token"';
        if (!unauthorized.includes(rejected))
          unauthorized.push(rejected);
        const scope = `Bearer error="insufficient_scope", scope="${scopes.join(" ")}"`;
        if (scopes.length > 0 && !forbidden.includes(scope))
          forbidden.push(scope);
      } else
        bearerOnly = false;
    }
  }
  if (unauthorized.length === 0)
    return void 0;
  return { unauthorized, forbidden: bearerOnly && forbidden.length > 0 ? forbidden : void 0 };
}
function operationSecurity(facts) {
  if (facts.factors.length === 0)
    return { security: void 0, required: false, scopes: facts.enforcesScopes };
  const alternatives = (0, import_requirements.product)(facts.factors);
  if (alternatives.every((a) => a.length === 0))
    return { security: void 0, required: false, scopes: facts.enforcesScopes };
  const security = (0, import_requirements.materialize)(alternatives, facts.scopes ?? /* @__PURE__ */ new Map());
  return {
    security,
    required: alternatives.every((a) => a.length > 0),
    scopes: facts.enforcesScopes || security.some((req) => Object.values(req).some((s) => s.length > 0))
  };
}
function buildOperation(def, facts, ctx) {
  const options = def.options;
  const name = handlerName(def.handler);
  const summary = options.summary ?? (name ? summaryFromName(name) : void 0);
  const { security, required, scopes } = operationSecurity(facts);
  const op = {};
  if (def.tags.length > 0)
    op.tags = [...def.tags];
  if (summary)
    op.summary = summary;
  if (options.description !== void 0)
    op.description = options.description;
  op.operationId = ctx.operationId;
  if (options.deprecated)
    op.deprecated = true;
  const params = parameters(facts, ctx);
  if (params)
    op.parameters = params;
  const documented = options[import_router.DOCUMENTED_BODY];
  const body = requestBody(documented ? { ...facts, bodies: [...facts.bodies, documented] } : facts, ctx);
  if (body)
    op.requestBody = body;
  op.responses = responses(def, facts, ctx, { required, scopes, security });
  if (security)
    op.security = security;
  else
    op.security = [];
  if (facts.extensions)
    Object.assign(op, facts.extensions);
  return op;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  buildOperation,
  deriveOperationId,
  handlerName,
  isGuessedSuccess,
  operationSecurity,
  summaryFromName
});
//# sourceMappingURL=operation.js.map
