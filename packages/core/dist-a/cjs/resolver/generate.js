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
var generate_exports = {};
__export(generate_exports, {
  generatePlan: () => generatePlan,
  planSource: () => planSource
});
module.exports = __toCommonJS(generate_exports);
var import_refusal = require("../dependency/refusal.js");
var import_catalogue = require("../errors/catalogue.js");
var import_thenable = require("../util/thenable.js");
var import_execute = require("./execute.js");
var import_plan = require("./plan.js");
const helpers = {
  ABORTED: import_execute.ABORTED,
  Refusal: import_refusal.Refusal,
  RequestValidationError: import_catalogue.RequestValidationError,
  isThenable: import_thenable.isThenable,
  fault: import_execute.fault,
  markFailed: import_execute.markFailed,
  store: import_execute.store,
  entered: import_execute.entered,
  runAlternatives: import_execute.runAlternatives,
  resumeAt: import_execute.resumeAt,
  settleRoot: import_execute.settleRoot
};
function generatePlan(plan) {
  const source = planSource(plan);
  let factory;
  try {
    factory = new Function("P", "H", source);
  } catch (error) {
    if (!(error instanceof EvalError))
      throw error;
    (0, import_plan.codeGenerationRefused)();
    return void 0;
  }
  return factory(plan, helpers);
}
function planSource(plan) {
  const prelude = [
    "const { ABORTED, Refusal, RequestValidationError, isThenable, fault, markFailed, store, entered, runAlternatives, resumeAt, settleRoot } = H;",
    "const S = P.steps, R = P.root;"
  ];
  const body = ["const v = ex.values;", "let f, a, o, p;"];
  plan.steps.forEach((step, i) => {
    prelude.push(`const S${i} = S[${i}];`);
    if (step.argNames.length === 0)
      prelude.push(`const A${i} = S${i}.args([], undefined);`);
    body.push(`// ${i}: ${step.name.replace(/[\r\n\u2028\u2029]|\*\//g, " ")}`, stepSource(step, i));
  });
  if (plan.root.argNames.length === 0)
    prelude.push("const AR = R.args([], undefined);");
  body.push("if (ex.errors.length) return k.err(ex, new RequestValidationError(ex.errors));", `${argsSource(plan.root, "AR")}`, "try { o = R.fn(a, ex); } catch (e) { return k.err(ex, e); }", "return settleRoot(o, ex, k);");
  return `${prelude.join("\n")}
return function compiledPlan(ex, k) {
${body.join("\n")}
};`;
}
function argsSource(step, constant) {
  if (step.argNames.length === 0)
    return `a = ${constant};`;
  const check = step.argSlots.map((s) => `f[${s}] === 1`).join(" || ");
  const fields = step.argNames.map((n, i) => `${JSON.stringify(n)}: v[${step.argSlots[i]}]`).join(", ");
  return `f = ex.failed;
a = f !== undefined && (${check}) ? undefined : { ${fields} };`;
}
const failed = (i, e) => `if (fault(${e}, S${i}, ex) === ABORTED) return k.err(ex, ex.abort); break s${i};`;
function stepSource(step, i) {
  switch (step.kind) {
    case import_plan.StepKind.Constant:
      return `v[${step.slot}] = S${i}.constant;`;
    case import_plan.StepKind.AnyOf:
      return [
        `p = runAlternatives(S${i}, S${i}.anyOf, ex, 0, false);`,
        "if (p === ABORTED) return k.err(ex, ex.abort);",
        `if (p !== undefined) return resumeAt(P, ex, ${i}, p, k);`
      ].join("\n");
    default:
      break;
  }
  const call = [
    `s${i}: {`,
    argsSource(step, `A${i}`),
    `if (a === undefined) { markFailed(ex, S${i}); break s${i}; }`,
    `try { o = S${i}.fn(a, ex); } catch (e) { ${failed(i, "e")} }`
  ];
  switch (step.kind) {
    case import_plan.StepKind.Plain:
      call.push(`if (isThenable(o)) return resumeAt(P, ex, ${i}, o, k);`, `if (o instanceof Refusal) { ${failed(i, "o.error")} }`, `store(S${i}, ex, o);`);
      break;
    case import_plan.StepKind.Owned:
      call.push(`v[${step.slot}] = o;`);
      break;
    case import_plan.StepKind.Generator:
      call.push(`try { p = o.next(); } catch (e) { ${failed(i, "e")} }`, `entered(S${i}, ex, p, { kind: 'generator', name: S${i}.name, gen: o });`);
      break;
    default:
      call.push(`return resumeAt(P, ex, ${i}, o, k);`);
  }
  call.push("}");
  return call.join("\n");
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  generatePlan,
  planSource
});
//# sourceMappingURL=generate.js.map
