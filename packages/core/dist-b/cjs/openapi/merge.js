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
var merge_exports = {};
__export(merge_exports, {
  mergeDocument: () => mergeDocument
});
module.exports = __toCommonJS(merge_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_operation = require("./operation.js");
var import_openapi30 = require("./openapi30.js");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SCHEMAS = "#/components/schemas/";
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function refuse(message) {
  throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.BaseDocument, `The app's OpenAPI document (base) cannot take depends' entries: ${message}`);
}
function canonical(value) {
  return JSON.stringify(value, (_key, v) => isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v);
}
function copy(value) {
  return JSON.parse(JSON.stringify(value));
}
const templateKey = (path) => path.replace(/\{[^}]*\}/g, "{}");
const templateNames = (path) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
function deref(doc, value) {
  for (let i = 0; i < 8 && isObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/"); i++) {
    let at = doc;
    for (const part of value.$ref.slice(2).split("/"))
      at = isObject(at) ? at[part.replace(/~1/g, "/").replace(/~0/g, "~")] : void 0;
    if (at === void 0)
      return value;
    value = at;
  }
  return value;
}
function paramKey(doc, parameter) {
  const p = deref(doc, parameter);
  if (!isObject(p) || typeof p.name !== "string" || typeof p.in !== "string")
    return void 0;
  return `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;
}
function renameRefs(value, renames) {
  if (Array.isArray(value))
    for (const v of value)
      renameRefs(v, renames);
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith(SCHEMAS)) {
        const renamed = renames.get(v.slice(SCHEMAS.length));
        if (renamed !== void 0)
          value.$ref = SCHEMAS + renamed;
      } else
        renameRefs(v, renames);
    }
  }
}
function versionOf(base) {
  if (!isObject(base))
    return refuse(`it is ${base === null ? "null" : typeof base}, not an OpenAPI document object`);
  if (typeof base.swagger === "string")
    return refuse(`it is Swagger ${base.swagger}; depends merges into OpenAPI 3.0 and 3.1 documents (@fastify/swagger: give it openapi: { openapi: '3.1.0' })`);
  const version = typeof base.openapi === "string" ? /^3\.([01])\.\d+/.exec(base.openapi) : null;
  if (!version)
    return refuse(`its "openapi" field is ${JSON.stringify(base.openapi)}; depends merges into OpenAPI 3.0.x and 3.1.x documents`);
  if (base.paths !== void 0 && !isObject(base.paths))
    return refuse('its "paths" is not an object');
  return version[1] === "0" ? "3.0" : "3.1";
}
function mergeDocument(base, ours) {
  const version = versionOf(base);
  const guessed = /* @__PURE__ */ new Set();
  for (const [path, item] of Object.entries(ours.paths ?? {}))
    for (const method of METHODS)
      for (const [code, r] of Object.entries(item[method]?.responses ?? {}))
        if ((0, import_operation.isGuessedSuccess)(r))
          guessed.add(`${path} ${method} ${code}`);
  const doc = copy(base);
  const mine = copy(ours);
  if (version === "3.0")
    to30Document(mine, String(doc.openapi));
  const components = doc.components = isObject(doc.components) ? doc.components : {};
  mergeSchemes(components, mine);
  const renames = mergeSchemas(components, mine);
  if (renames.size > 0)
    renameRefs(mine.paths, renames);
  if (Object.keys(components).length === 0)
    delete doc.components;
  const paths = doc.paths = isObject(doc.paths) ? doc.paths : {};
  const byTemplate = /* @__PURE__ */ new Map();
  for (const path of Object.keys(paths))
    if (!byTemplate.has(templateKey(path)))
      byTemplate.set(templateKey(path), path);
  const ids = operationIds(paths);
  const schemes = mine.components?.securitySchemes ?? {};
  for (const [path, item] of Object.entries(mine.paths)) {
    const at = byTemplate.get(templateKey(path)) ?? path;
    if (!byTemplate.has(templateKey(path)))
      byTemplate.set(templateKey(path), path);
    const names = new Map(templateNames(path).map((name, i) => [name, templateNames(at)[i]]));
    const target = paths[at] = isObject(paths[at]) ? paths[at] : {};
    const shared = Array.isArray(target.parameters) ? target.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (op === void 0)
        continue;
      renamePathParams(op, names);
      const theirs = target[method];
      const merged = isObject(theirs) ? mergeOperation(doc, theirs, op, shared, schemes, (code) => guessed.has(`${path} ${method} ${code}`)) : withoutShadowed(doc, op, shared);
      if (typeof merged.operationId === "string" && !(isObject(theirs) && theirs.operationId !== void 0))
        merged.operationId = unique(merged.operationId, ids);
      target[method] = merged;
    }
  }
  if ((!Array.isArray(doc.servers) || doc.servers.length === 0) && mine.servers?.length)
    doc.servers = mine.servers;
  if (mine.tags?.length) {
    const tags = Array.isArray(doc.tags) ? doc.tags : [];
    for (const tag of mine.tags)
      if (!tags.some((t) => t.name === tag.name))
        tags.push(tag);
    doc.tags = tags;
  }
  return doc;
}
function mergeSchemes(components, mine) {
  const ours = mine.components?.securitySchemes;
  if (!ours)
    return;
  const theirs = components.securitySchemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, entry] of Object.entries(ours)) {
    const prior = theirs[name];
    if (prior === void 0)
      theirs[name] = entry;
    else if (canonical(essential(prior)) !== canonical(essential(entry)))
      refuse(`it defines the security scheme "${name}" as ${JSON.stringify(prior)}, and depends uses that name for ${JSON.stringify(entry)}. Give depends' scheme the app's definition, or another name (schemeName: '...')`);
  }
}
function essential(entry) {
  if (!isObject(entry))
    return entry;
  const out = {};
  for (const [key, value] of Object.entries(entry))
    if (key !== "description" && key !== "bearerFormat" && !key.startsWith("x-"))
      out[key] = value;
  return out;
}
function mergeSchemas(components, mine) {
  const renames = /* @__PURE__ */ new Map();
  const ours = mine.components?.schemas;
  if (!ours)
    return renames;
  const theirs = components.schemas = isObject(components.schemas) ? components.schemas : {};
  const clashes = (name) => theirs[name] !== void 0 && canonical(theirs[name]) !== canonical(ours[name]);
  for (const name of Object.keys(ours)) {
    if (!clashes(name))
      continue;
    let renamed = `depends.${name}`;
    for (let n = 2; theirs[renamed] !== void 0 || ours[renamed] !== void 0; n++)
      renamed = `depends.${name}${n}`;
    renames.set(name, renamed);
  }
  if (renames.size > 0)
    renameRefs(ours, renames);
  for (const [name, schema] of Object.entries(ours)) {
    const to = renames.get(name) ?? name;
    if (theirs[to] === void 0)
      theirs[to] = schema;
  }
  return renames;
}
function renamePathParams(op, names) {
  for (const p of op.parameters ?? []) {
    const to = p.in === "path" ? names.get(p.name) : void 0;
    if (to !== void 0)
      p.name = to;
  }
}
function withoutShadowed(doc, op, shared) {
  if (!op.parameters || shared.length === 0)
    return op;
  const keys = new Set(shared.map((p) => paramKey(doc, p)));
  const parameters = op.parameters.filter((p) => !keys.has(paramKey(doc, p)));
  const out = { ...op };
  if (parameters.length > 0)
    out.parameters = parameters;
  else
    delete out.parameters;
  return out;
}
function credentialKeys(op, schemes) {
  const keys = /* @__PURE__ */ new Set();
  for (const requirement of op.security ?? [])
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      if (!scheme)
        continue;
      if (scheme.type === "apiKey" && typeof scheme.name === "string" && typeof scheme.in === "string")
        keys.add(`${scheme.in}:${scheme.in === "header" ? scheme.name.toLowerCase() : scheme.name}`);
      else
        keys.add("header:authorization");
    }
  return keys;
}
function mergeOperation(doc, theirs, ours, shared, schemes, guessed) {
  const out = { ...theirs };
  for (const [key, value] of Object.entries(ours))
    if (out[key] === void 0 && key !== "parameters" && key !== "requestBody" && key !== "responses")
      out[key] = value;
  const credentials = credentialKeys(ours, schemes);
  const own = (Array.isArray(theirs.parameters) ? theirs.parameters : []).filter((p) => !credentials.has(paramKey(doc, p) ?? ""));
  const known = new Set([...shared, ...own].map((p) => paramKey(doc, p)));
  const parameters = [...own, ...(ours.parameters ?? []).filter((p) => !known.has(paramKey(doc, p)))];
  if (parameters.length > 0)
    out.parameters = parameters;
  else
    delete out.parameters;
  if (theirs.requestBody === void 0 && ours.requestBody !== void 0)
    out.requestBody = ours.requestBody;
  out.responses = mergeResponses(isObject(theirs.responses) ? theirs.responses : {}, ours.responses, guessed);
  if (ours.security !== void 0)
    out.security = ours.security;
  return out;
}
const isSuccess = (code) => /^[23]/.test(code);
function mergeResponses(theirs, ours, guessed) {
  const out = { ...theirs };
  const theyAnswer = Object.keys(theirs).some(isSuccess);
  for (const [code, response] of Object.entries(ours)) {
    if (guessed(code) && theyAnswer)
      continue;
    const prior = theirs[code];
    if (!isObject(prior))
      out[code] = response;
    else if (typeof prior.$ref === "string")
      continue;
    else {
      const merged = { ...response, ...prior };
      if (isObject(response.content))
        merged.content = { ...response.content, ...isObject(prior.content) ? prior.content : {} };
      if (isObject(response.headers)) {
        const headers = { ...isObject(prior.headers) ? prior.headers : {} };
        for (const [name, header] of Object.entries(response.headers)) {
          const same = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
          if (same !== void 0 && name.toLowerCase() === "www-authenticate")
            delete headers[same];
          if (same === void 0 || name.toLowerCase() === "www-authenticate")
            headers[name] = header;
        }
        merged.headers = headers;
      }
      out[code] = merged;
    }
  }
  return out;
}
function operationIds(paths) {
  const ids = /* @__PURE__ */ new Set();
  for (const item of Object.values(paths))
    for (const method of METHODS)
      if (isObject(item?.[method]) && typeof item[method].operationId === "string")
        ids.add(item[method].operationId);
  return ids;
}
function unique(id, ids) {
  let chosen = id;
  for (let n = 2; ids.has(chosen); n++)
    chosen = `${id}_${n}`;
  ids.add(chosen);
  return chosen;
}
function to30Document(mine, version) {
  const fail = (at, what) => refuse(`it is OpenAPI ${version}, and depends' ${at} uses ${what}, which OpenAPI 3.0 cannot say. Produce the app's document as OpenAPI 3.1 (@hono/zod-openapi: app.getOpenAPI31Document(); @fastify/swagger: openapi: { openapi: '3.1.0' }), or change that schema`);
  const convert = (schema, at) => (0, import_openapi30.to30)(schema, at, fail);
  for (const [name, scheme] of Object.entries(mine.components?.securitySchemes ?? {}))
    if (scheme.type === "mutualTLS")
      fail(`security scheme "${name}"`, "the mutualTLS type");
  const schemas = mine.components?.schemas;
  if (schemas)
    for (const name of Object.keys(schemas))
      schemas[name] = convert(schemas[name], `#/components/schemas/${name}`);
  for (const [path, item] of Object.entries(mine.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op === void 0)
        continue;
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? [])
        p.schema = convert(p.schema, `${where} parameter "${p.name}"`);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        media.schema = convert(media.schema, `${where} request body (${type})`);
      for (const [code, r] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(r.content ?? {}))
          media.schema = convert(media.schema, `${where} ${code} answer (${type})`);
        for (const [name, h] of Object.entries(r.headers ?? {}))
          h.schema = convert(h.schema, `${where} ${code} header ${name}`);
      }
    }
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  mergeDocument
});
//# sourceMappingURL=merge.js.map
