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
var requirements_exports = {};
__export(requirements_exports, {
  dedupe: () => dedupe,
  materialize: () => materialize,
  product: () => product
});
module.exports = __toCommonJS(requirements_exports);
const keyOf = (alt) => [...alt].sort().join("\0");
function dedupe(alternatives) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const alt of alternatives) {
    const key = keyOf(alt);
    if (seen.has(key))
      continue;
    seen.add(key);
    out.push(alt);
  }
  return out;
}
function product(factors) {
  let acc = [[]];
  for (const factor of factors) {
    if (factor.length === 0)
      continue;
    const next = [];
    for (const left of acc) {
      for (const right of factor) {
        const merged = [...left];
        for (const name of right)
          if (!merged.includes(name))
            merged.push(name);
        next.push(merged);
      }
    }
    acc = dedupe(next);
  }
  return acc;
}
function materialize(alternatives, scopes) {
  const order = [...scopes.keys()];
  const rank = new Map(order.map((name, i) => [name, i]));
  return alternatives.map((alt) => {
    const req = {};
    for (const name of [...alt].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)))
      req[name] = [...scopes.get(name) ?? []];
    return req;
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  dedupe,
  materialize,
  product
});
//# sourceMappingURL=requirements.js.map
