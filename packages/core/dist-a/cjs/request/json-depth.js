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
var json_depth_exports = {};
__export(json_depth_exports, {
  MAX_JSON_DEPTH: () => MAX_JSON_DEPTH,
  jsonTooDeep: () => jsonTooDeep
});
module.exports = __toCommonJS(json_depth_exports);
const MAX_JSON_DEPTH = 64;
const OPEN_ARRAY = 91;
const OPEN_OBJECT = 123;
const CLOSE_ARRAY = 93;
const CLOSE_OBJECT = 125;
const QUOTE = 34;
const BACKSLASH = 92;
function jsonTooDeep(text, max = MAX_JSON_DEPTH) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH)
        i++;
      else if (c === QUOTE)
        inString = false;
    } else if (c === QUOTE)
      inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max)
        return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT)
      depth--;
  }
  return -1;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MAX_JSON_DEPTH,
  jsonTooDeep
});
//# sourceMappingURL=json-depth.js.map
