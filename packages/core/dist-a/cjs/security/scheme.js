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
var scheme_exports = {};
__export(scheme_exports, {
  MALFORMED: () => MALFORMED,
  MISSING: () => MISSING,
  credentialReader: () => credentialReader,
  defineScheme: () => defineScheme,
  found: () => found,
  invalidOption: () => invalidOption,
  readsAuthorizationOnce: () => readsAuthorizationOnce,
  registerReader: () => registerReader
});
module.exports = __toCommonJS(scheme_exports);
var import_builtins = require("../dependency/builtins.js");
var import_depends = require("../dependency/depends.js");
var import_catalogue = require("../errors/catalogue.js");
var import_refusal = require("../dependency/refusal.js");
var import_errors = require("./errors.js");
const readers = /* @__PURE__ */ new WeakMap();
function credentialReader(dependency) {
  return readers.get(dependency);
}
function registerReader(dependency, reader) {
  readers.set(dependency, reader);
}
const found = (value) => ({ ok: true, value });
const MISSING = Object.freeze({ ok: false, malformed: false });
const MALFORMED = Object.freeze({ ok: false, malformed: true });
function invalidOption(scheme, message) {
  throw new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.InvalidSchemeOption, `Security scheme ${scheme}: ${message}`);
}
const checksAuthorization = /* @__PURE__ */ new WeakMap();
function readsAuthorizationOnce(read, bearer) {
  checksAuthorization.set(read, bearer);
  return read;
}
function refuseRepeated(read, scheme) {
  const own = checksAuthorization.get(read);
  const headers = scheme.consumes.filter((c) => c.in === "header").map((c) => c.name.toLowerCase()).filter((name) => !(name === "authorization" && own === scheme.bearerChallenges));
  if (headers.length === 0)
    return read;
  return (request) => {
    for (let i = 0; i < headers.length; i++)
      if (request.headerAll(headers[i]).length > 1)
        throw (0, import_errors.repeatedCredential)(headers[i], scheme.bearerChallenges);
    return read(request);
  };
}
function defineScheme(definition) {
  const { options, verify } = definition;
  const name = options.schemeName ?? definition.defaultName;
  if (typeof name !== "string" || name === "")
    invalidOption(definition.defaultName, "schemeName must be a non-empty string");
  if (verify !== void 0 && typeof verify !== "function")
    invalidOption(definition.defaultName, "verify must be a function");
  const requires = definition.requires ?? [];
  if (!Array.isArray(requires) || requires.some((s) => s?.meta?.security?.kind !== "scheme")) {
    invalidOption(definition.defaultName, "requires must be a list of security schemes");
  }
  const { type, ...rest } = definition.openapi;
  const openapi = Object.freeze({
    type,
    ...options.description !== void 0 ? { description: options.description } : {},
    ...rest
  });
  const optional = options.autoError === false;
  const scheme = Object.freeze({
    name,
    openapi,
    challenge: definition.challenge,
    consumes: Object.freeze(definition.consumes.map((c) => Object.freeze({ ...c }))),
    optional,
    bearerChallenges: definition.bearerChallenges
  });
  const read = refuseRepeated(definition.read, scheme);
  const custom = options.notAuthenticated;
  const missing = (0, import_errors.preparedNotAuthenticated)(scheme.challenge === void 0 ? [] : scheme.challenge);
  const fail = () => custom ? custom(scheme) : missing();
  let fn;
  if (verify === void 0) {
    fn = (_values, context) => {
      const result = read(context.request);
      if (result.ok)
        return result.value;
      if (optional && !result.malformed)
        return void 0;
      return new import_refusal.Refusal(fail());
    };
  } else {
    fn = ({ required }, context) => {
      const result = read(context.request);
      if (result.ok)
        return verify(result.value, { required, request: context.request });
      if (optional && !result.malformed)
        return void 0;
      return new import_refusal.Refusal(fail());
    };
  }
  Object.defineProperty(fn, "name", { value: name });
  const meta = {
    security: { kind: "scheme", scheme },
    ...definition.enforcesScopes ? { enforcesScopes: true } : {},
    ...definition.responses?.length ? { responses: Object.freeze([...definition.responses]) } : {},
    ...definition.answerHeaders !== void 0 ? { answerHeaders: Object.freeze({ ...definition.answerHeaders }) } : {}
  };
  const inputs = verify === void 0 ? {} : { required: import_builtins.securityScopes };
  requires.forEach((required, i) => inputs[`requires.${i}`] = required);
  const dependency = (0, import_depends.createDependency)(inputs, fn, { name, meta });
  registerReader(dependency, { read, challenges: scheme.challenge === void 0 ? [] : [scheme.challenge], optional, notAuthenticated: fail });
  return dependency;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MALFORMED,
  MISSING,
  credentialReader,
  defineScheme,
  found,
  invalidOption,
  readsAuthorizationOnce,
  registerReader
});
//# sourceMappingURL=scheme.js.map
