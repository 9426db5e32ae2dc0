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
  rawHeaderSource: () => rawHeaderSource
});
module.exports = __toCommonJS(headers_exports);
var import_case = require("../util/case.js");
function rawHeaderSource(raw) {
  return new RawHeaders(raw);
}
class RawHeaders {
  #raw;
  constructor(raw) {
    this.#raw = raw;
  }
  get(name) {
    const raw = this.#raw;
    for (let i = 0; i < raw.length; i += 2)
      if (raw[i].length === name.length && (0, import_case.equalsIgnoringCase)(raw[i], name))
        return raw[i + 1];
    return null;
  }
  getAll(name) {
    const raw = this.#raw;
    const out = [];
    for (let i = 0; i < raw.length; i += 2)
      if (raw[i].length === name.length && (0, import_case.equalsIgnoringCase)(raw[i], name))
        out.push(raw[i + 1]);
    return out;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  rawHeaderSource
});
//# sourceMappingURL=headers.js.map
