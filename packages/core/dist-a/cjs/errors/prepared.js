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
var prepared_exports = {};
__export(prepared_exports, {
  preparedException: () => preparedException,
  sharedAnswer: () => sharedAnswer
});
module.exports = __toCommonJS(prepared_exports);
var import_catalogue = require("./catalogue.js");
const CELL = /* @__PURE__ */ Symbol("depends.sharedAnswer");
function preparedException(status, detail, headers) {
  const frozen = headers && freezeHeaders(headers);
  const cell = {};
  return () => {
    const e = new import_catalogue.HTTPException(status, detail, frozen);
    e[CELL] = cell;
    return e;
  };
}
function sharedAnswer(error, build, shape) {
  const cell = error[CELL];
  if (cell === void 0)
    return build(error);
  if (shape === void 0)
    return cell.answer ??= freezeAnswer(build(error));
  const shaped = cell.shaped ??= /* @__PURE__ */ new WeakMap();
  let answer = shaped.get(shape);
  if (answer === void 0)
    shaped.set(shape, answer = freezeAnswer(build(error)));
  return answer;
}
function freezeAnswer(answer) {
  for (const line of answer.headers)
    Object.freeze(line);
  Object.freeze(answer.headers);
  return Object.freeze(answer);
}
function freezeHeaders(headers) {
  const out = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    out[name] = typeof value === "string" ? value : Object.freeze([...value]);
  }
  return Object.freeze(out);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  preparedException,
  sharedAnswer
});
//# sourceMappingURL=prepared.js.map
