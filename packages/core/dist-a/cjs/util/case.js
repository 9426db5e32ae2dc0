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
var case_exports = {};
__export(case_exports, {
  equalsIgnoringCase: () => equalsIgnoringCase
});
module.exports = __toCommonJS(case_exports);
function equalsIgnoringCase(a, b) {
  if (a === b)
    return true;
  if (a.length === b.length) {
    let i = 0;
    for (; i < a.length; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x > 127 || y > 127)
        break;
      if (x !== y && ((x | 32) !== (y | 32) || (x | 32) < 97 || (x | 32) > 122))
        return false;
    }
    if (i === a.length)
      return true;
  } else if (isAscii(a) && isAscii(b))
    return false;
  return a.toLowerCase() === b.toLowerCase();
}
function isAscii(s) {
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 127)
      return false;
  return true;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  equalsIgnoringCase
});
//# sourceMappingURL=case.js.map
