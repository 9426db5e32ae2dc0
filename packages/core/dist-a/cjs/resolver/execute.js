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
var execute_exports = {};
__export(execute_exports, {
  ABORTED: () => ABORTED,
  Execution: () => Execution,
  entered: () => entered,
  execute: () => execute,
  executeThen: () => executeThen,
  fault: () => fault,
  interpretPlan: () => interpretPlan,
  markFailed: () => markFailed,
  resumeAt: () => resumeAt,
  runAlternatives: () => runAlternatives,
  settleRoot: () => settleRoot,
  store: () => store
});
module.exports = __toCommonJS(execute_exports);
var import_refusal = require("../dependency/refusal.js");
var import_catalogue = require("../errors/catalogue.js");
var import_body = require("../request/body.js");
var import_thenable = require("../util/thenable.js");
var import_plan = require("./plan.js");
class Execution {
  request;
  body = void 0;
  values;
  /** Slots whose inputs failed validation (allocated on the first failure). */
  failed = void 0;
  /** Validation problems collected so far (one shared empty list until the first: most requests have none). */
  errors = NO_ISSUES;
  /** The error that ended resolution, when a synchronous step failed (see {@link ABORTED}). */
  abort = void 0;
  /** The name of the dependency whose error ended resolution (for messages). */
  abortedBy = void 0;
  /** Exits closed before the answer is produced (one shared empty list until the first exit: see {@link Execution.pushExit}). */
  functionStack = NO_EXITS;
  /** Exits closed after the answer has been sent (likewise). */
  requestStack = NO_EXITS;
  container;
  constructor(request, slotCount, container) {
    this.request = request;
    this.values = new Array(slotCount);
    this.container = container;
  }
  /** Puts an exit on the stack of its scope, making that stack on its first exit. */
  pushExit(scope, exit) {
    if (scope === "function")
      (this.functionStack === NO_EXITS ? this.functionStack = [] : this.functionStack).push(exit);
    else
      (this.requestStack === NO_EXITS ? this.requestStack = [] : this.requestStack).push(exit);
  }
}
const NO_EXITS = [];
const NO_ISSUES = [];
function execute(plan, ex) {
  return executeThen(plan, ex, RESULT);
}
const RESULT = {
  ok: (_ex, value) => value,
  err: (_ex, error) => {
    throw error;
  }
};
function executeThen(plan, ex, k) {
  if (plan.needsBody && ex.body === void 0) {
    const bodyError = plan.bodyError;
    return (0, import_body.readParsedBody)(ex.request, plan.bodyTypes).then((parsed) => {
      ex.body = parsed;
      try {
        return runPlan(plan, ex, k);
      } catch (error) {
        return k.err(ex, error);
      }
    }, (error) => k.err(ex, bodyError === void 0 ? error : bodyError(error)));
  }
  return runPlan(plan, ex, k);
}
function runPlan(plan, ex, k) {
  const run = plan.run;
  if (run !== void 0)
    return run(ex, k);
  return interpretPlan(plan, ex, k);
}
function interpretPlan(plan, ex, k) {
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const pending = runStep(steps[i], ex);
    if (pending === void 0)
      continue;
    if (pending === ABORTED)
      return k.err(ex, ex.abort);
    return continueAsync(steps, ex, i, pending, plan, k);
  }
  return runRoot(plan, ex, k);
}
function resumeAt(plan, ex, i, pending, k) {
  return continueAsync(plan.steps, ex, i, pending, plan, k);
}
function runRoot(plan, ex, k) {
  if (ex.errors.length)
    return k.err(ex, new import_catalogue.RequestValidationError(ex.errors));
  let value;
  try {
    value = plan.root.fn(plan.root.args(ex.values, ex.failed), ex);
  } catch (error) {
    return k.err(ex, error);
  }
  return settleRoot(value, ex, k);
}
function settleRoot(value, ex, k) {
  if ((0, import_thenable.isThenable)(value)) {
    const settle = (v) => v instanceof import_refusal.Refusal ? k.err(ex, v.error) : k.ok(ex, v);
    return (value instanceof Promise ? value : Promise.resolve(value)).then(settle, (error) => k.err(ex, error));
  }
  return value instanceof import_refusal.Refusal ? k.err(ex, value.error) : k.ok(ex, value);
}
const ABORTED = /* @__PURE__ */ Symbol("aborted");
function runSteps(steps, ex, index) {
  for (let i = index; i < steps.length; i++) {
    const pending = runStep(steps[i], ex);
    if (pending !== void 0)
      return pending === ABORTED ? ABORTED : continueAsync(steps, ex, i, pending);
  }
}
async function continueAsync(steps, ex, i, pending, plan, k) {
  let step = steps[i];
  try {
    steps: for (; ; ) {
      if (step.kind === import_plan.StepKind.AsyncGenerator) {
        const gen = pending;
        let r;
        try {
          r = await gen.next();
        } catch (e) {
          r = void 0;
          collect(e, step, ex);
        }
        if (r !== void 0)
          entered(step, ex, r, { kind: "asyncGenerator", name: step.name, gen });
      } else if (step.kind === import_plan.StepKind.AnyOf) {
        try {
          await pending;
        } catch (e) {
          collect(e, step, ex);
        }
      } else {
        let value;
        let ok = true;
        try {
          value = await pending;
        } catch (e) {
          ok = false;
          collect(e, step, ex);
        }
        if (ok) {
          if (value instanceof import_refusal.Refusal)
            collect(value.error, step, ex);
          else
            store(step, ex, value);
        }
      }
      let next;
      do {
        if (++i >= steps.length)
          break steps;
        step = steps[i];
        next = runStep(step, ex);
      } while (next === void 0);
      if (next === ABORTED)
        throw ex.abort;
      pending = next;
    }
  } catch (error) {
    if (plan === void 0)
      throw error;
    return k.err(ex, error);
  }
  if (plan !== void 0)
    return runRoot(plan, ex, k);
}
function runStep(step, ex) {
  if (step.kind === import_plan.StepKind.Constant) {
    ex.values[step.slot] = step.constant;
    return void 0;
  }
  if (step.kind === import_plan.StepKind.AnyOf)
    return runAlternatives(step, step.anyOf, ex, 0, false);
  const args = step.args(ex.values, ex.failed);
  if (args === void 0) {
    markFailed(ex, step);
    return void 0;
  }
  let out;
  try {
    out = step.fn(args, ex);
  } catch (e) {
    return fault(e, step, ex);
  }
  switch (step.kind) {
    case import_plan.StepKind.Plain:
      if ((0, import_thenable.isThenable)(out))
        return out;
      if (out instanceof import_refusal.Refusal)
        return fault(out.error, step, ex);
      store(step, ex, out);
      return void 0;
    case import_plan.StepKind.Owned:
      ex.values[step.slot] = out;
      return void 0;
    case import_plan.StepKind.Generator: {
      const gen = out;
      let r;
      try {
        r = gen.next();
      } catch (e) {
        return fault(e, step, ex);
      }
      entered(step, ex, r, { kind: "generator", name: step.name, gen });
      return void 0;
    }
    default:
      return out;
  }
}
function runAlternatives(step, anyOf, ex, from, malformed) {
  const { branches } = anyOf;
  for (let i = from; i < branches.length; i++) {
    const branch = branches[i];
    if (branch.probe !== void 0) {
      let read;
      try {
        read = branch.probe(ex.request);
      } catch (e) {
        return fault(e, step, ex);
      }
      if (!read.ok) {
        if (read.malformed)
          malformed = true;
        continue;
      }
    }
    const pending = runSteps(branch.steps, ex, 0);
    if (pending === ABORTED)
      return ABORTED;
    if (pending !== void 0)
      return finishAlternatives(step, anyOf, ex, i, pending, malformed);
    if (chose(step, branch, ex))
      return void 0;
  }
  if (anyOf.optional && !malformed) {
    ex.values[step.slot] = void 0;
    return void 0;
  }
  return fault(anyOf.notAuthenticated(), step, ex);
}
async function finishAlternatives(step, anyOf, ex, i, pending, malformed) {
  await pending;
  if (chose(step, anyOf.branches[i], ex))
    return;
  const rest = runAlternatives(step, anyOf, ex, i + 1, malformed);
  if (rest === ABORTED)
    throw ex.abort;
  if (rest !== void 0)
    await rest;
}
function chose(step, branch, ex) {
  if (ex.failed !== void 0 && ex.failed[branch.slot] === 1) {
    markFailed(ex, step);
    return true;
  }
  const value = ex.values[branch.slot];
  if (value === void 0 && branch.probe === void 0)
    return false;
  ex.values[step.slot] = value;
  return true;
}
function entered(step, ex, r, exit) {
  if (r.done)
    throw new import_catalogue.DependsError(import_catalogue.ErrorCode.GeneratorDidNotYield, `Dependency "${step.name}" is a generator that did not yield`);
  ex.pushExit(step.scope, exit);
  ex.values[step.slot] = r.value;
}
function store(step, ex, value) {
  ex.values[step.slot] = value;
  if (value !== null && typeof value === "object") {
    const asyncDispose = value[Symbol.asyncDispose];
    const dispose = asyncDispose ?? value[Symbol.dispose];
    if (typeof dispose === "function") {
      ex.pushExit(step.scope, { kind: "dispose", name: step.name, dispose: () => dispose.call(value) });
    }
  }
}
function markFailed(ex, step) {
  (ex.failed ??= new Uint8Array(ex.values.length))[step.slot] = 1;
}
function fault(error, step, ex) {
  if (error instanceof import_catalogue.RequestValidationError) {
    if (ex.errors === NO_ISSUES)
      ex.errors = [];
    for (const issue of error.errors)
      ex.errors.push(issue);
    markFailed(ex, step);
    return void 0;
  }
  ex.abort = error;
  ex.abortedBy = step.name;
  return ABORTED;
}
function collect(error, step, ex) {
  if (fault(error, step, ex) === ABORTED)
    throw error;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ABORTED,
  Execution,
  entered,
  execute,
  executeThen,
  fault,
  interpretPlan,
  markFailed,
  resumeAt,
  runAlternatives,
  settleRoot,
  store
});
//# sourceMappingURL=execute.js.map
