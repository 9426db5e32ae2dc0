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
var values_exports = {};
__export(values_exports, {
  guardValues: () => guardValues
});
module.exports = __toCommonJS(values_exports);
var import_catalogue = require("../errors/catalogue.js");
function guardValues(call) {
  const slot = Symbol(call);
  return {
    set: (key, values) => void (key[slot] = values),
    values: (key) => {
      const v = key[slot];
      if (v === void 0)
        throw new import_catalogue.GuardNotRunError(call);
      return v;
    }
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  guardValues
});
//# sourceMappingURL=values.js.map
