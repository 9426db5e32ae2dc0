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
var python_strings_exports = {};
__export(python_strings_exports, {
  isPythonSpace: () => isPythonSpace,
  pythonSplit: () => pythonSplit,
  pythonStrip: () => pythonStrip,
  pythonTitle: () => pythonTitle
});
module.exports = __toCommonJS(python_strings_exports);
function isSpaceCode(code) {
  if (code <= 32)
    return code === 32 || code >= 9 && code <= 13 || code >= 28 && code <= 31;
  if (code < 133)
    return false;
  return code === 133 || code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288;
}
function isPythonSpace(char) {
  return char.length === 1 && isSpaceCode(char.charCodeAt(0));
}
function pythonStrip(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isSpaceCode(value.charCodeAt(start)))
    start++;
  while (end > start && isSpaceCode(value.charCodeAt(end - 1)))
    end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
function pythonSplit(value) {
  const out = [];
  const length = value.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpaceCode(value.charCodeAt(i)))
      i++;
    if (i === length)
      break;
    const start = i;
    while (i < length && !isSpaceCode(value.charCodeAt(i)))
      i++;
    out.push(value.slice(start, i));
  }
  return out;
}
const TITLECASE = {
  "\u01C4": "\u01C5",
  "\u01C5": "\u01C5",
  "\u01C6": "\u01C5",
  "\u01C7": "\u01C8",
  "\u01C8": "\u01C8",
  "\u01C9": "\u01C8",
  "\u01CA": "\u01CB",
  "\u01CB": "\u01CB",
  "\u01CC": "\u01CB",
  "\u01F1": "\u01F2",
  "\u01F2": "\u01F2",
  "\u01F3": "\u01F2"
};
const CASED = new RegExp("^\\p{Cased}$", "u");
function toTitle(char) {
  const special = TITLECASE[char];
  if (special)
    return special;
  const upper = char.toUpperCase();
  const chars = Array.from(upper);
  return chars.length > 1 ? chars[0] + chars.slice(1).join("").toLowerCase() : upper;
}
function pythonTitle(value) {
  let out = "";
  let previousCased = false;
  for (const char of value) {
    out += previousCased ? char.toLowerCase() : toTitle(char);
    previousCased = CASED.test(char);
  }
  return out;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  isPythonSpace,
  pythonSplit,
  pythonStrip,
  pythonTitle
});
//# sourceMappingURL=python-strings.js.map
