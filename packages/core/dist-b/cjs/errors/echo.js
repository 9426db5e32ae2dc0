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
var echo_exports = {};
__export(echo_exports, {
  MAX_ECHO_ITEMS: () => MAX_ECHO_ITEMS,
  MAX_ECHO_LENGTH: () => MAX_ECHO_LENGTH,
  echoInput: () => echoInput,
  echoIssue: () => echoIssue,
  validationBody: () => validationBody
});
module.exports = __toCommonJS(echo_exports);
const MAX_ECHO_LENGTH = 256;
const MAX_ECHO_ITEMS = 32;
function echoScalar(value) {
  switch (typeof value) {
    case "string":
      return value.length > MAX_ECHO_LENGTH ? `${value.slice(0, MAX_ECHO_LENGTH)}\u2026` : value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "bigint":
      return echoScalar(value.toString());
    default:
      return value === null ? null : void 0;
  }
}
function echoInput(value) {
  if (value === null || typeof value !== "object")
    return echoScalar(value) ?? null;
  try {
    if (Array.isArray(value)) {
      const out2 = [];
      for (let i = 0; i < value.length && i < MAX_ECHO_ITEMS; i++)
        out2.push(echoScalar(value[i]) ?? null);
      return out2;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      return null;
    const out = {};
    let n = 0;
    for (const key in value) {
      if (n++ === MAX_ECHO_ITEMS)
        break;
      const v = echoScalar(value[key]);
      if (v !== void 0)
        out[echoScalar(key)] = v;
    }
    return out;
  } catch {
    return null;
  }
}
function echoIssue(issue) {
  const loc = Array.isArray(issue.loc) ? issue.loc.slice(0, MAX_ECHO_ITEMS).map((p) => typeof p === "number" ? p : String(echoScalar(String(p)))) : [];
  const out = { type: String(issue.type), loc, msg: String(issue.msg), input: echoInput(issue.input) };
  if (issue.ctx !== void 0) {
    const ctx = {};
    let n = 0;
    for (const key in issue.ctx) {
      if (n++ === MAX_ECHO_ITEMS)
        break;
      ctx[key] = echoInput(issue.ctx[key]);
    }
    out.ctx = ctx;
  }
  return out;
}
const quoted = /* @__PURE__ */ new Map();
const MAX_QUOTED = 512;
function quote(value) {
  let text = quoted.get(value);
  if (text === void 0) {
    text = JSON.stringify(value);
    if (quoted.size < MAX_QUOTED)
      quoted.set(value, text);
  }
  return text;
}
function validationBody(issues) {
  let out = '{"detail":[';
  for (let i = 0; i < issues.length; i++) {
    const issue = echoIssue(issues[i]);
    let loc = "";
    for (let j = 0; j < issue.loc.length; j++) {
      const part = issue.loc[j];
      loc += (j === 0 ? "" : ",") + (typeof part === "string" ? quote(part) : JSON.stringify(part));
    }
    out += `${i === 0 ? "" : ","}{"type":${quote(issue.type)},"loc":[${loc}],"msg":${quote(issue.msg)}`;
    if (issue.input !== void 0)
      out += `,"input":${JSON.stringify(issue.input)}`;
    if (issue.ctx !== void 0)
      out += `,"ctx":${JSON.stringify(issue.ctx)}`;
    out += "}";
  }
  return `${out}]}`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MAX_ECHO_ITEMS,
  MAX_ECHO_LENGTH,
  echoInput,
  echoIssue,
  validationBody
});
//# sourceMappingURL=echo.js.map
