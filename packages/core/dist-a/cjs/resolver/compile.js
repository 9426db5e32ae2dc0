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
var compile_exports = {};
__export(compile_exports, {
  compile: () => compile,
  compileTree: () => compileTree
});
module.exports = __toCommonJS(compile_exports);
var import_analyse = require("../model/analyse.js");
var import_scheme = require("../security/scheme.js");
var import_generate = require("./generate.js");
var import_plan = require("./plan.js");
const byDependency = (e) => e.node.dependency;
const kindOf = (impl) => impl.meta.owns === false ? import_plan.StepKind.Owned : impl.callKind === "asyncGenerator" ? import_plan.StepKind.AsyncGenerator : impl.callKind === "generator" ? import_plan.StepKind.Generator : import_plan.StepKind.Plain;
function compileTree(tree, handler, generate = import_plan.canGenerateCode) {
  let steps = [];
  let slots = /* @__PURE__ */ new Map();
  let slotCount = 0;
  let needsBody = false;
  const bodyTypes = [];
  let bodyError;
  let answerHeaders;
  let challenges;
  const branch = (alternative) => {
    const outerSteps = steps;
    const outerSlots = slots;
    steps = [];
    slots = new Map(outerSlots);
    try {
      const slot = emit(alternative);
      const reader = alternative.impl === alternative.dependency ? (0, import_scheme.credentialReader)(alternative.dependency) : void 0;
      return { probe: reader?.read, steps, slot };
    } finally {
      steps = outerSteps;
      slots = outerSlots;
    }
  };
  const alternativesOf = (node) => {
    if (node.security?.kind !== "anyOf" || node.impl !== node.dependency || node.alternatives === void 0)
      return void 0;
    const reader = (0, import_scheme.credentialReader)(node.dependency);
    if (reader === void 0)
      return void 0;
    return { branches: node.alternatives.map(branch), optional: reader.optional, notAuthenticated: reader.notAuthenticated };
  };
  const emit = (node) => {
    const known = slots.get(node);
    if (known !== void 0)
      return known;
    const anyOf = alternativesOf(node);
    const argNames2 = [];
    const argSlots2 = [];
    for (const edge of (0, import_analyse.fastApiOrder)(node.children, byDependency)) {
      argNames2.push(edge.name);
      argSlots2.push(emit(edge.node));
    }
    const impl = node.impl;
    const source = node.source;
    if (source && (source.in === "body" || source.in === "form")) {
      needsBody = true;
      for (const type of source.mediaTypes ?? [source.mediaType ?? (source.in === "body" ? "application/json" : "application/x-www-form-urlencoded")]) {
        if (!bodyTypes.includes(type))
          bodyTypes.push(type);
      }
      bodyError ??= source.bodyError;
    }
    for (const extra of [source?.answerHeaders, impl === node.dependency ? impl.meta?.answerHeaders : void 0]) {
      if (!extra)
        continue;
      for (const [name, value] of Object.entries(extra)) {
        const lower = name.toLowerCase();
        if (!(answerHeaders ??= []).some(([n]) => n === lower))
          answerHeaders.push([lower, value]);
      }
    }
    const challenge = node.security?.kind === "scheme" ? node.security.scheme.challenge : void 0;
    if (challenge !== void 0 && !(challenges ??= []).includes(challenge))
      challenges.push(challenge);
    const slot = slotCount++;
    const constant = "constant" in node;
    steps.push({
      slot,
      kind: constant ? import_plan.StepKind.Constant : anyOf !== void 0 ? import_plan.StepKind.AnyOf : kindOf(impl),
      fn: impl.fn,
      argNames: argNames2,
      argSlots: argSlots2,
      args: (0, import_plan.argBuilder)(argNames2, argSlots2),
      scope: node.teardown,
      name: node.dependency.name,
      ...constant ? { constant: node.constant } : {},
      ...anyOf !== void 0 ? { anyOf } : {}
    });
    slots.set(node, slot);
    return slot;
  };
  for (const node of tree.dependencies)
    emit(node);
  const argNames = [];
  const argSlots = [];
  for (const edge of (0, import_analyse.fastApiOrder)(tree.inputs, byDependency)) {
    argNames.push(edge.name);
    argSlots.push(emit(edge.node));
  }
  const root = {
    slot: slotCount++,
    kind: import_plan.StepKind.Plain,
    fn: handler,
    argNames,
    argSlots,
    args: (0, import_plan.argBuilder)(argNames, argSlots),
    scope: "function",
    name: tree.label
  };
  const plan = {
    steps,
    slotCount,
    needsBody,
    bodyTypes,
    ...bodyError ? { bodyError } : {},
    ...answerHeaders ? { answerHeaders } : {},
    ...challenges ? { challenges } : {},
    root
  };
  const run = generate && import_plan.canGenerateCode ? (0, import_generate.generatePlan)(plan) : void 0;
  return run === void 0 ? plan : { ...plan, run };
}
function compile(input) {
  return compileTree((0, import_analyse.analyse)(input, input.overrides), input.handler);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  compile,
  compileTree
});
//# sourceMappingURL=compile.js.map
