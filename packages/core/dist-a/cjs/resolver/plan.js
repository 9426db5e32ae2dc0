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
var plan_exports = {};
__export(plan_exports, {
  StepKind: () => StepKind,
  argBuilder: () => argBuilder,
  canGenerateCode: () => canGenerateCode,
  codeGenerationRefused: () => codeGenerationRefused
});
module.exports = __toCommonJS(plan_exports);
var StepKind;
(function(StepKind2) {
  StepKind2[StepKind2["Plain"] = 0] = "Plain";
  StepKind2[StepKind2["Generator"] = 1] = "Generator";
  StepKind2[StepKind2["AsyncGenerator"] = 2] = "AsyncGenerator";
  StepKind2[StepKind2["Constant"] = 3] = "Constant";
  StepKind2[StepKind2["Owned"] = 4] = "Owned";
  StepKind2[StepKind2["AnyOf"] = 5] = "AnyOf";
})(StepKind || (StepKind = {}));
const NO_ARGS = Object.freeze({});
const noArgs = () => NO_ARGS;
let canGenerateCode = (() => {
  try {
    return new Function("return true")() === true;
  } catch {
    return false;
  }
})();
function argBuilder(names, slots, generate = canGenerateCode) {
  if (names.length === 0)
    return noArgs;
  if (generate) {
    try {
      return generatedArgBuilder(names, slots);
    } catch (error) {
      if (!(error instanceof EvalError))
        throw error;
      codeGenerationRefused();
    }
  }
  return closureArgBuilder(names, slots);
}
function codeGenerationRefused() {
  canGenerateCode = false;
}
function generatedArgBuilder(names, slots) {
  const check = slots.map((s) => `f[${s}] === 1`).join(" || ");
  const fields = names.map((n, i) => `${JSON.stringify(n)}: v[${slots[i]}]`).join(", ");
  return new Function("v", "f", `if (f !== undefined && (${check})) return undefined;
return { ${fields} };`);
}
function closureArgBuilder(names, slots) {
  const n = names.length;
  return (v, f) => {
    if (f !== void 0) {
      for (let i = 0; i < n; i++)
        if (f[slots[i]] === 1)
          return void 0;
    }
    const args = {};
    for (let i = 0; i < n; i++)
      args[names[i]] = v[slots[i]];
    return args;
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  StepKind,
  argBuilder,
  canGenerateCode,
  codeGenerationRefused
});
//# sourceMappingURL=plan.js.map
