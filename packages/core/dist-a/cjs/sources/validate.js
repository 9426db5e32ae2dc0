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
var validate_exports = {};
__export(validate_exports, {
  IntParsing: () => IntParsing,
  acceptsUndefined: () => acceptsUndefined,
  arrayElement: () => arrayElement,
  baseType: () => baseType,
  coerceScalar: () => coerceScalar,
  isIntegerSchema: () => isIntegerSchema,
  objectShape: () => objectShape,
  scalarCoercer: () => scalarCoercer,
  toValidationIssues: () => toValidationIssues,
  unwrapSchema: () => unwrapSchema,
  validate: () => validate,
  validateOrRefuse: () => validateOrRefuse
});
module.exports = __toCommonJS(validate_exports);
var import_v4 = require("zod/v4");
var import_refusal = require("../dependency/refusal.js");
var import_catalogue = require("../errors/catalogue.js");
const defOf = (schema) => schema._zod.def;
const WRAPPERS = /* @__PURE__ */ new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"]);
function unwrapSchema(schema) {
  let current = schema;
  for (let i = 0; i < 16; i++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType)
      current = def.innerType;
    else if (def.type === "pipe" && def.in)
      current = def.in;
    else if (def.type === "lazy")
      return current;
    else
      return current;
  }
  return current;
}
function baseType(schema) {
  return defOf(unwrapSchema(schema)).type;
}
function arrayElement(schema) {
  const def = defOf(unwrapSchema(schema));
  return def.type === "array" ? def.element : void 0;
}
function objectShape(schema) {
  const def = defOf(unwrapSchema(schema));
  return def.type === "object" ? def.shape : void 0;
}
function acceptsUndefined(schema) {
  return schema.safeParse(void 0).success;
}
const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const TRUE = /* @__PURE__ */ new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE = /* @__PURE__ */ new Set(["false", "0", "no", "off", "f", "n"]);
function coerceScalar(schema, raw) {
  return scalarCoercer(schema)(raw);
}
const identity = (raw) => raw;
const toNumber = (raw) => NUMBER.test(raw) ? Number(raw) : raw;
const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;
class IntParsing {
  input;
  constructor(input) {
    this.input = input;
  }
}
const toInteger = (raw) => INTEGER.test(raw) ? Number(raw) : new IntParsing(raw);
const INT_FORMATS = /* @__PURE__ */ new Set(["safeint", "int32", "uint32"]);
function isIntegerSchema(schema) {
  const def = defOf(unwrapSchema(schema));
  if (def.type !== "number")
    return false;
  if (def.format !== void 0 && INT_FORMATS.has(def.format))
    return true;
  return (def.checks ?? []).some((c) => INT_FORMATS.has(c._zod.def.format ?? ""));
}
const toBigInt = (raw) => /^\s*[+-]?\d+\s*$/.test(raw) ? BigInt(raw.trim()) : raw;
const toBoolean = (raw) => {
  const v = raw.toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : raw;
};
const toNull = (raw) => raw === "" || raw === "null" ? null : raw;
function scalarCoercer(schema) {
  switch (baseType(schema)) {
    case "number":
    case "int":
      return isIntegerSchema(schema) ? toInteger : toNumber;
    case "bigint":
      return toBigInt;
    case "boolean":
      return toBoolean;
    case "null":
      return toNull;
    default:
      return identity;
  }
}
const CTX_KEYS = ["expected", "minimum", "maximum", "inclusive", "format", "pattern", "values", "keys", "origin", "divisor"];
function toValidationIssues(issues, loc) {
  return issues.map((issue) => {
    const raw = issue;
    const input = raw.input;
    const path = [...loc, ...issue.path.map((p) => typeof p === "symbol" ? String(p) : p)];
    if (input === void 0 && (issue.code === "invalid_type" || issue.code === "invalid_union" || issue.code === "invalid_value")) {
      return { type: "missing", loc: path, msg: "Field required", input: null };
    }
    const item = { type: issue.code, loc: path, msg: issue.message, input: input ?? null };
    const ctx = {};
    for (const key of CTX_KEYS)
      if (raw[key] !== void 0)
        ctx[key] = jsonSafe(raw[key]);
    if (Object.keys(ctx).length)
      item.ctx = ctx;
    return item;
  });
}
function jsonSafe(v) {
  if (typeof v === "bigint")
    return v.toString();
  if (v instanceof RegExp)
    return v.source;
  return v;
}
const parseReportingInput = import_v4.core._safeParse(import_v4.core.$ZodError);
const REPORT_INPUT = Object.freeze({ reportInput: true });
function validate(schema, value, loc) {
  const result = validateOrRefuse(schema, value, loc);
  if (result instanceof import_refusal.Refusal)
    throw result.error;
  return result;
}
function validateOrRefuse(schema, value, loc) {
  const unparsable = intParsingIn(value);
  if (unparsable !== void 0)
    return new import_refusal.Refusal(rejectIntParsing(schema, value, unparsable, loc));
  const result = parseReportingInput(schema, value, REPORT_INPUT);
  if (result.success)
    return result.data;
  const issues = result.error.issues;
  if (value === void 0)
    return new import_refusal.Refusal(missingOr(issues, loc));
  return new import_refusal.Refusal(new import_catalogue.RequestValidationError(toValidationIssues(issues, loc)));
}
function intParsingIn(value) {
  if (value instanceof IntParsing)
    return [[[], value]];
  if (typeof value !== "object" || value === null)
    return void 0;
  let found;
  const scan = (v, path) => {
    if (v instanceof IntParsing)
      (found ??= []).push([path, v]);
    else if (Array.isArray(v) && path.length < 2)
      v.forEach((item, i) => scan(item, [...path, i]));
  };
  if (Array.isArray(value))
    value.forEach((item, i) => scan(item, [i]));
  else if (Object.getPrototypeOf(value) === Object.prototype)
    for (const [k, v] of Object.entries(value))
      scan(v, [k]);
  return found;
}
const samePath = (a, b) => a.length === b.length && a.every((p, i) => p === b[i]);
function rejectIntParsing(schema, value, unparsable, loc) {
  if (value instanceof IntParsing)
    return new import_catalogue.RequestValidationError([intParsingItem(loc, value)]);
  const restore = (v) => v instanceof IntParsing ? v.input : Array.isArray(v) ? v.map(restore) : v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)])) : v;
  const result = parseReportingInput(schema, restore(value), REPORT_INPUT);
  const zodIssues = result.success ? [] : result.error.issues;
  const ours = unparsable.map(([path, p]) => intParsingItem([...loc, ...path], p));
  const used = /* @__PURE__ */ new Set();
  const items = [];
  for (const issue of zodIssues) {
    const path = issue.path;
    const i = unparsable.findIndex(([p]) => samePath(p, path));
    if (i === -1)
      items.push(...toValidationIssues([issue], loc));
    else if (!used.has(i)) {
      used.add(i);
      items.push(ours[i]);
    }
  }
  ours.forEach((item, i) => used.has(i) || items.push(item));
  return new import_catalogue.RequestValidationError(items);
}
function intParsingItem(loc, p) {
  return { type: "int_parsing", loc: [...loc], msg: "Input should be a valid integer, unable to parse string as an integer", input: p.input };
}
function missingOr(issues, loc) {
  const items = toValidationIssues(issues, loc).map((item, i) => issues[i].path.length === 0 ? { type: "missing", loc: item.loc, msg: "Field required", input: null } : item);
  return new import_catalogue.RequestValidationError(items);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  IntParsing,
  acceptsUndefined,
  arrayElement,
  baseType,
  coerceScalar,
  isIntegerSchema,
  objectShape,
  scalarCoercer,
  toValidationIssues,
  unwrapSchema,
  validate,
  validateOrRefuse
});
//# sourceMappingURL=validate.js.map
