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
var compare_exports = {};
__export(compare_exports, {
  safeEqual: () => safeEqual
});
module.exports = __toCommonJS(compare_exports);
var import_sha2 = require("@noble/hashes/sha2.js");
function digest(value) {
  const units = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    units[2 * i] = unit & 255;
    units[2 * i + 1] = unit >>> 8;
  }
  return (0, import_sha2.sha256)(units);
}
function safeEqual(a, b) {
  const x = digest(String(a));
  const y = digest(String(b));
  let diff = 0;
  for (let i = 0; i < x.length; i++)
    diff |= x[i] ^ y[i];
  return diff === 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  safeEqual
});
//# sourceMappingURL=compare.js.map
