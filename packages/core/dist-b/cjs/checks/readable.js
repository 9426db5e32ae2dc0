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
var readable_exports = {};
__export(readable_exports, {
  unreadableFromString: () => unreadableFromString
});
module.exports = __toCommonJS(readable_exports);
const defOf = (schema) => schema._zod.def;
const WRAPPERS = /* @__PURE__ */ new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional", "success"]);
const NEVER_FROM_A_STRING = {
  object: "an object",
  record: "a record",
  tuple: "a tuple",
  map: "a Map",
  set: "a Set",
  file: "a file",
  symbol: "a symbol",
  function: "a function",
  promise: "a promise",
  undefined: "undefined",
  void: "void",
  never: "never",
  nan: "NaN"
};
function unreadableFromString(schema, repeatable) {
  return check(schema, repeatable, 0);
}
function check(schema, repeatable, depth) {
  if (depth > 32)
    return void 0;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType)
    return check(def.innerType, repeatable, depth + 1);
  if (def.type === "pipe" && def.in)
    return check(def.in, repeatable, depth + 1);
  const never = NEVER_FROM_A_STRING[def.type];
  if (never)
    return never;
  switch (def.type) {
    case "date":
      return def.coerce ? void 0 : "a Date (a string is not a Date: use z.coerce.date() or z.iso.datetime())";
    case "array": {
      if (!repeatable)
        return "an array (only header and query parameters can repeat)";
      const inner = def.element && check(def.element, false, depth + 1);
      if (inner === void 0)
        return void 0;
      return inner.startsWith("an array") ? "an array of arrays" : `an array whose items are ${inner}`;
    }
    case "union": {
      const problems = (def.options ?? []).map((o) => check(o, repeatable, depth + 1));
      return problems.some((p) => p === void 0) ? void 0 : problems[0];
    }
    case "intersection":
      return (def.left && check(def.left, repeatable, depth + 1)) ?? (def.right && check(def.right, repeatable, depth + 1));
    default:
      return void 0;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  unreadableFromString
});
//# sourceMappingURL=readable.js.map
