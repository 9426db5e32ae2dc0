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
var exit_stack_exports = {};
__export(exit_stack_exports, {
  closeBoth: () => closeBoth,
  closeStack: () => closeStack,
  isClean: () => isClean
});
module.exports = __toCommonJS(exit_stack_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_thenable = require("../util/thenable.js");
const NO_ERROR = /* @__PURE__ */ Symbol("no error");
function closeStack(exits, error) {
  let current = error ?? NO_ERROR;
  while (exits.length) {
    const exit = exits[exits.length - 1];
    if (exit.kind === "asyncGenerator")
      return closeAsync(exits, current);
    exits.pop();
    try {
      if (exit.kind === "generator") {
        const r = current !== NO_ERROR ? exit.gen.throw(current.error) : exit.gen.next();
        current = afterStep(exit, current, r.done === true);
      } else {
        const r = exit.dispose();
        if ((0, import_thenable.isThenable)(r)) {
          return closeAsync(exits, current, r);
        }
      }
    } catch (e) {
      current = { error: e };
    }
  }
  return current;
}
function closeBoth(stacks, error) {
  const second = (first2) => closeStack(stacks.requestStack, isClean(first2) ? void 0 : first2);
  const first = closeStack(stacks.functionStack, error);
  return (0, import_thenable.isThenable)(first) ? first.then(second) : second(first);
}
function isClean(result) {
  return result === NO_ERROR;
}
async function closeAsync(exits, current, disposing) {
  if (disposing) {
    try {
      await disposing;
    } catch (e) {
      current = { error: e };
    }
  }
  while (exits.length) {
    const exit = exits.pop();
    const error = current === NO_ERROR ? void 0 : current;
    try {
      if (exit.kind === "asyncGenerator") {
        const r = error ? await exit.gen.throw(error.error) : await exit.gen.next();
        current = afterStep(exit, current, r.done === true);
      } else if (exit.kind === "generator") {
        const r = error ? exit.gen.throw(error.error) : exit.gen.next();
        current = afterStep(exit, current, r.done === true);
      } else {
        await exit.dispose();
      }
    } catch (e) {
      current = { error: e };
    }
  }
  return current;
}
function afterStep(exit, current, done) {
  if (!done)
    return { error: new import_catalogue.DependsError(import_catalogue.ErrorCode.GeneratorYieldedTwice, `Teardown of dependency "${exit.name}" yielded more than once`) };
  if (current !== NO_ERROR)
    return { error: new import_catalogue.ErrorSwallowedError(exit.name, current.error) };
  return NO_ERROR;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  closeBoth,
  closeStack,
  isClean
});
//# sourceMappingURL=exit-stack.js.map
