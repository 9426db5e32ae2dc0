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
var any_of_exports = {};
__export(any_of_exports, {
  anyOf: () => anyOf
});
module.exports = __toCommonJS(any_of_exports);
var import_depends = require("../dependency/depends.js");
var import_refusal = require("../dependency/refusal.js");
var import_errors = require("./errors.js");
var import_scheme = require("./scheme.js");
function flatten(input, out) {
  const dependency = (0, import_depends.isUse)(input) ? input.dependency : input;
  const meta = dependency.meta.security;
  if (meta?.kind === "anyOf") {
    const scopes = (0, import_depends.isUse)(input) ? input.scopes : [];
    for (const alt of meta.alternatives)
      out.push(scopes.length ? (0, import_depends.security)(alt, { scopes }) : alt);
    return;
  }
  out.push(input);
}
function schemeInfos(alternatives) {
  const infos = [];
  for (const alt of alternatives) {
    const dep = (0, import_depends.isUse)(alt) ? alt.dependency : alt;
    if (dep.meta.security?.kind === "scheme")
      infos.push(dep.meta.security.scheme);
  }
  return infos;
}
function anyOf(...args) {
  const arrayForm = Array.isArray(args[0]);
  const list = arrayForm ? args[0] : args;
  const options = arrayForm ? args[1] ?? {} : {};
  if (list.length === 0)
    (0, import_scheme.invalidOption)("anyOf", "needs at least one security scheme");
  const alternatives = [];
  for (const input of list) {
    if (!(0, import_depends.isDependency)(input) && !(0, import_depends.isUse)(input))
      (0, import_scheme.invalidOption)("anyOf", "every alternative must be a security scheme");
    flatten(input, alternatives);
  }
  const readers = alternatives.map((alt) => {
    const dep = (0, import_depends.isUse)(alt) ? alt.dependency : alt;
    const reader = (0, import_scheme.credentialReader)(dep);
    if (!reader)
      (0, import_scheme.invalidOption)("anyOf", `"${dep.name}" is not a security scheme (build it with httpBearer(), apiKeyHeader(), ... or defineScheme())`);
    return reader;
  });
  const infos = schemeInfos(alternatives);
  const names = infos.map((s) => s.name);
  const name = options.name ?? `anyOf(${names.join(", ")})`;
  const nestedOptional = list.some((input) => (0, import_scheme.credentialReader)((0, import_depends.isUse)(input) ? input.dependency : input)?.optional);
  const optional = options.autoError === false || nestedOptional || readers.some((r) => r.optional);
  const challenges = [...new Set(readers.flatMap((r) => r.challenges))];
  const custom = options.notAuthenticated;
  const missing = (0, import_errors.preparedNotAuthenticated)(challenges);
  const fail = () => custom ? custom(infos) : missing();
  const read = (request) => {
    let malformed = false;
    for (const reader of readers) {
      const result = reader.read(request);
      if (result.ok)
        return result;
      if (result.malformed)
        malformed = true;
    }
    return { ok: false, malformed };
  };
  const fn = () => new import_refusal.Refusal(fail());
  const dependency = (0, import_depends.createDependency)({}, fn, {
    name,
    meta: { security: { kind: "anyOf", alternatives: Object.freeze(alternatives), optional } }
  });
  (0, import_scheme.registerReader)(dependency, { read, challenges, optional, notAuthenticated: fail });
  return dependency;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  anyOf
});
//# sourceMappingURL=any-of.js.map
