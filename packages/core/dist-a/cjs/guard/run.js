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
var run_exports = {};
__export(run_exports, {
  runGuard: () => runGuard
});
module.exports = __toCommonJS(run_exports);
var import_handle = require("../app/handle.js");
var import_exit_stack = require("../resolver/exit-stack.js");
var import_execute = require("../resolver/execute.js");
const DONE = () => Promise.resolve();
const isPromise = (v) => v instanceof Promise;
function runGuard(app, route, view) {
  let plan;
  try {
    plan = app.planFor(route);
  } catch (error) {
    return { answer: (0, import_handle.errorAnswer)(error, view, app.onError, app.options.errorBody), finish: DONE, hasTeardown: false };
  }
  let guarding = route[GUARDING];
  if (guarding === void 0 || guarding.plan !== plan || guarding.app !== app) {
    guarding = new Guarding(app, route, plan);
    Object.defineProperty(route, GUARDING, { value: guarding, writable: true, configurable: true, enumerable: false });
  }
  const ex = new import_execute.Execution(view, plan.slotCount, app.options.container);
  try {
    return (0, import_execute.executeThen)(plan, ex, guarding);
  } catch (error) {
    return guarding.err(ex, error);
  }
}
const GUARDING = /* @__PURE__ */ Symbol("guarding");
class Guarding {
  app;
  route;
  plan;
  constructor(app, route, plan) {
    this.app = app;
    this.route = route;
    this.plan = plan;
  }
  ok(ex, values) {
    const hasTeardown = ex.functionStack.length > 0 || ex.requestStack.length > 0;
    const extra = this.plan.answerHeaders;
    const app = this.app;
    const finish = hasTeardown ? () => closeBothAfterSent(ex, app) : DONE;
    return extra ? { values, finish, hasTeardown, headers: extra.map(import_handle.headerLine) } : { values, finish, hasTeardown };
  }
  err(ex, error) {
    const { app, route } = this;
    const outcome = (0, import_handle.failedOutcome)(ex, error, { onError: app.onError, errorBody: app.options.errorBody, label: route.label }, this.plan);
    return isPromise(outcome) ? outcome.then(toDenied) : toDenied(outcome);
  }
}
const toDenied = (o) => ({ answer: o.answer, finish: DONE, hasTeardown: false });
async function closeBothAfterSent(ex, app) {
  const second = await (0, import_exit_stack.closeBoth)(ex);
  if (!(0, import_exit_stack.isClean)(second)) {
    try {
      app.onError(second.error, ex.request);
    } catch {
    }
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runGuard
});
//# sourceMappingURL=run.js.map
