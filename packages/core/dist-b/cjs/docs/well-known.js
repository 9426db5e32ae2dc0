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
var well_known_exports = {};
__export(well_known_exports, {
  checkWellKnown: () => checkWellKnown,
  wellKnownRoutes: () => wellKnownRoutes
});
module.exports = __toCommonJS(well_known_exports);
var import_reply = require("../response/reply.js");
function wellKnownRoutes(document, entries, context) {
  const list = entries === void 0 ? [] : Array.isArray(entries) ? entries : [entries];
  return list.map((entry) => {
    const built = /* @__PURE__ */ new WeakMap();
    return {
      path: entry.path,
      answer: () => {
        const doc = document();
        let answer = built.get(doc);
        if (answer === void 0)
          built.set(doc, answer = (0, import_reply.jsonAnswer)(200, entry.build(doc, context), { "x-content-type-options": "nosniff" }));
        return answer;
      }
    };
  });
}
function checkWellKnown(document, entries, context) {
  for (const entry of entries)
    entry.build(document, context);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkWellKnown,
  wellKnownRoutes
});
//# sourceMappingURL=well-known.js.map
