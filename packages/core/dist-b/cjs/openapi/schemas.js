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
var schemas_exports = {};
__export(schemas_exports, {
  SchemaComponents: () => SchemaComponents,
  isZodSchema: () => isZodSchema
});
module.exports = __toCommonJS(schemas_exports);
var import_v4 = require("zod/v4");
var import_catalogue = require("../errors/catalogue.js");
var import_structural_key = require("./structural-key.js");
const caches = { input: /* @__PURE__ */ new WeakMap(), output: /* @__PURE__ */ new WeakMap() };
let anonymous = 0;
const COMPONENT = "#/components/schemas/";
const MIN = Number.MIN_SAFE_INTEGER;
const MAX = Number.MAX_SAFE_INTEGER;
function isZodSchema(value) {
  return typeof value === "object" && value !== null && "_zod" in value;
}
function override(ctx, side) {
  const def = ctx.zodSchema._zod.def;
  const js = ctx.jsonSchema;
  if (side === "output" && def.type === "object" && def.catchall === void 0 && js.additionalProperties === false) {
    delete js.additionalProperties;
  } else if (def.type === "date" && js.type === void 0) {
    js.type = "string";
    js.format = "date-time";
  } else if (def.type === "bigint" && js.type === void 0) {
    js.type = "integer";
    js.format = "int64";
  } else if (side === "input" && def.type === "string" && (js.minLength !== void 0 || js.maxLength !== void 0) && rewritesBeforeLength(def)) {
    lengthAfterRewrite(js, def);
  } else if (js.type === "integer") {
    if (js.minimum === MIN)
      delete js.minimum;
    if (js.maximum === MAX)
      delete js.maximum;
  }
}
function rewritesBeforeLength(def) {
  const checks = def.checks ?? [];
  const rewrite = checks.findIndex((c) => c._zod.def.check === "overwrite");
  return rewrite !== -1 && checks.slice(rewrite + 1).some((c) => /_length$/.test(c._zod.def.check ?? ""));
}
function lengthAfterRewrite(js, def) {
  const min = typeof js.minLength === "number" ? js.minLength : 0;
  const max = typeof js.maxLength === "number" ? js.maxLength : void 0;
  delete js.minLength;
  delete js.maxLength;
  const trims = (def.checks ?? []).some((c) => c._zod.def.check === "overwrite" && /\.trim\(\)/.test(String(c._zod.def.tx)));
  if (!trims || js.pattern !== void 0 || max !== void 0 && max < Math.max(min, 1))
    return;
  const any = "[\\s\\S]";
  const inner = (lo, hi) => `${any}{${Math.max(lo, 0)},${hi === void 0 ? "" : Math.max(hi, 0)}}`;
  let core;
  if (min <= 0)
    core = max === void 0 ? "" : max === 0 ? "" : max === 1 ? "\\S?" : `(?:\\S(?:${inner(0, max - 2)}\\S)?)?`;
  else if (min === 1)
    core = max === 1 ? "\\S" : `\\S(?:${inner(0, max === void 0 ? void 0 : max - 2)}\\S)?`;
  else
    core = `\\S${inner(min - 2, max === void 0 ? void 0 : max - 2)}\\S`;
  if (core === "" && max === void 0)
    return;
  js.pattern = core === "" ? "^\\s*$" : `^\\s*${core}\\s*$`;
}
function rewriteRefs(node, rename, self) {
  if (Array.isArray(node)) {
    for (const item of node)
      rewriteRefs(item, rename, self);
    return;
  }
  if (typeof node !== "object" || node === null)
    return;
  const obj = node;
  for (const [key, value] of Object.entries(obj)) {
    if (key === "$ref" && typeof value === "string") {
      if (value === "#")
        obj.$ref = self;
      else if (value.startsWith("#/$defs/")) {
        const name = value.slice("#/$defs/".length);
        obj.$ref = COMPONENT + (rename.get(name) ?? name);
      }
    } else if (typeof value === "object" && value !== null)
      rewriteRefs(value, rename, self);
  }
}
function hasSelfRef(node) {
  if (Array.isArray(node))
    return node.some(hasSelfRef);
  if (typeof node !== "object" || node === null)
    return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && value === "#")
      return true;
    if (typeof value === "object" && value !== null && hasSelfRef(value))
      return true;
  }
  return false;
}
const SELF = "#/depends:self";
const byStructure = { input: /* @__PURE__ */ new Map(), output: /* @__PURE__ */ new Map() };
function convert(schema, side) {
  const cache = caches[side];
  const hit = cache.get(schema);
  if (hit)
    return hit;
  const key = (0, import_structural_key.structuralKey)(schema);
  const twin = key === void 0 ? void 0 : byStructure[side].get(key);
  if (twin) {
    cache.set(schema, twin);
    return twin;
  }
  const converted = convertOnce(schema, side);
  cache.set(schema, converted);
  if (key !== void 0 && !converted.recursive && converted.defs.length === 0)
    byStructure[side].set(key, converted);
  return converted;
}
function convertOnce(schema, side) {
  const out = import_v4.z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: side,
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
    override: (ctx) => override(ctx, side)
  });
  delete out.$schema;
  const rawDefs = out.$defs ?? {};
  delete out.$defs;
  const rename = /* @__PURE__ */ new Map();
  for (const key of Object.keys(rawDefs))
    if (/^__schema\d+$/.test(key))
      rename.set(key, `Recursive${++anonymous}`);
  const recursive = hasSelfRef(out);
  const defs = [];
  if (Object.keys(rawDefs).length > 0 || recursive) {
    rewriteRefs(out, rename, SELF);
    for (const [key, def] of Object.entries(rawDefs)) {
      rewriteRefs(def, rename, SELF);
      defs.push([rename.get(key) ?? key, JSON.stringify(def)]);
    }
  }
  return { root: JSON.stringify(out), defs, recursive, selfName: recursive ? `Recursive${++anonymous}` : "" };
}
function bindSelf(text, name) {
  return text.includes(JSON.stringify(SELF)) ? text.split(JSON.stringify(SELF)).join(JSON.stringify(COMPONENT + name)) : text;
}
function applyRenames(text, renames) {
  let out = text;
  for (const [from, to] of renames) {
    if (from !== to)
      out = out.split(JSON.stringify(COMPONENT + from)).join(JSON.stringify(COMPONENT + to));
  }
  return out;
}
const SIDE_SUFFIX = { input: "-Input", output: "-Output" };
class SchemaComponents {
  /** The named schemas registered so far. */
  schemas = {};
  #text = /* @__PURE__ */ new Map();
  /** `side:name` → the component name that name got on that side. */
  #sideNames = /* @__PURE__ */ new Map();
  #perDocument = { input: /* @__PURE__ */ new Map(), output: /* @__PURE__ */ new Map() };
  /**
   * The JSON Schema of a zod schema: a `$ref` when it is named (`name`, its
   * zod `id`, or because it is recursive), else the schema inline. Anything
   * that is not a zod schema documents as `{}`.
   *
   * @example
   * ```ts
   * components.schema(z.number().int().min(1)) // { type: 'integer', minimum: 1 }
   * components.schema(Item, { side: 'output' }) // { $ref: '#/components/schemas/Item' }
   * ```
   */
  schema(schema, options = {}) {
    if (!isZodSchema(schema))
      return {};
    const side = options.side ?? "input";
    const key = options.name === void 0 ? schema : void 0;
    const memo = key ? this.#perDocument[side].get(key) : void 0;
    if (memo)
      return memo;
    const converted = convert(schema, side);
    const rootName = options.name ?? (converted.recursive ? converted.selfName : void 0);
    const named = [...converted.defs];
    let rootText = converted.root;
    if (rootName !== void 0) {
      rootText = bindSelf(converted.root, rootName);
      const parsed = JSON.parse(rootText);
      if (!(Object.keys(parsed).length === 1 && parsed.$ref === COMPONENT + rootName)) {
        named.push([rootName, rootText]);
        rootText = JSON.stringify({ $ref: COMPONENT + rootName });
      }
    }
    let result;
    if (named.length === 0)
      result = JSON.parse(rootText);
    else {
      const renames = this.#resolve(named, side);
      for (const [name, text] of named)
        this.#register(renames.get(name) ?? name, applyRenames(text, renames), side, name);
      result = JSON.parse(applyRenames(rootText, renames));
    }
    if (key)
      this.#perDocument[side].set(key, result);
    return result;
  }
  /**
   * Registers a ready JSON Schema under a name (used for the built-in error
   * bodies and `Body_…` schemas); returns its `$ref`.
   *
   * @example
   * ```ts
   * components.add('HTTPError', HTTP_ERROR) // { $ref: '#/components/schemas/HTTPError' }
   * ```
   */
  add(name, schema) {
    if (this.#text.get(name) === void 0)
      this.#register(name, JSON.stringify(schema), "input", name);
    return { $ref: COMPONENT + name };
  }
  /** Chooses each name's component name on this side (a fixed point: renaming one changes the text of those referring to it). */
  #resolve(named, side) {
    const renames = /* @__PURE__ */ new Map();
    for (let changed = true, rounds = 0; changed && rounds <= named.length; rounds++) {
      changed = false;
      for (const [name, text] of named) {
        const current = renames.get(name) ?? name;
        let chosen = this.#sideNames.get(`${side}:${name}`);
        if (chosen === void 0) {
          const prior = this.#text.get(name);
          chosen = prior === void 0 || prior === applyRenames(text, renames) ? name : name + SIDE_SUFFIX[side];
        }
        if (chosen !== current) {
          renames.set(name, chosen);
          changed = true;
        }
      }
    }
    return renames;
  }
  #register(name, text, side, declared) {
    const prior = this.#text.get(name);
    if (prior === void 0) {
      this.#text.set(name, text);
      this.schemas[name] = JSON.parse(text);
    } else if (prior !== text) {
      throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.DuplicateSchemaName, `Two different schemas are named "${declared}" in the OpenAPI document: give one of them another id (zod .meta({ id })) or schemaName.`);
    }
    this.#sideNames.set(`${side}:${declared}`, name);
  }
  /**
   * The registered schemas sorted by name (FastAPI's order).
   *
   * @example
   * ```ts
   * Object.keys(components.sorted()) // ['HTTPValidationError', 'Item', 'ValidationError']
   * ```
   */
  sorted() {
    const out = {};
    for (const name of Object.keys(this.schemas).sort())
      out[name] = this.schemas[name];
    return out;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SchemaComponents,
  isZodSchema
});
//# sourceMappingURL=schemas.js.map
