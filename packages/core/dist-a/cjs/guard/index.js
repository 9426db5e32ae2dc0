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
var guard_exports = {};
__export(guard_exports, {
  GuardGate: () => import_gate.GuardGate,
  Guards: () => import_guards.Guards,
  guardValues: () => import_values.guardValues,
  runGuard: () => import_run.runGuard
});
module.exports = __toCommonJS(guard_exports);
var import_guards = require("./guards.js");
var import_run = require("./run.js");
var import_gate = require("./gate.js");
var import_values = require("./values.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  GuardGate,
  Guards,
  guardValues,
  runGuard
});
//# sourceMappingURL=index.js.map
