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
var headers_exports = {};
__export(headers_exports, {
  groupHeaders: () => groupHeaders,
  setHeaders: () => setHeaders
});
module.exports = __toCommonJS(headers_exports);
function groupHeaders(lines) {
  const grouped = {};
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i][0];
    const value = lines[i][1];
    const prior = hasOwn.call(grouped, name) ? grouped[name] : void 0;
    const next = prior === void 0 ? value : typeof prior === "string" ? [prior, value] : [...prior, value];
    if (name === "__proto__")
      Object.defineProperty(grouped, name, { value: next, enumerable: true, writable: true, configurable: true });
    else
      grouped[name] = next;
  }
  return grouped;
}
const hasOwn = Object.prototype.hasOwnProperty;
function setHeaders(lines, set) {
  if (lines.length === 1)
    set(lines[0][0], lines[0][1]);
  else if (lines.length > 1) {
    const grouped = groupHeaders(lines);
    for (const name in grouped)
      set(name, grouped[name]);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  groupHeaders,
  setHeaders
});
//# sourceMappingURL=headers.js.map
