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
var answer_exports = {};
__export(answer_exports, {
  writeNodeAnswer: () => writeNodeAnswer
});
module.exports = __toCommonJS(answer_exports);
var import_headers = require("../response/headers.js");
var import_close = require("./close.js");
function writeNodeAnswer(res, answer) {
  res.statusCode = answer.status;
  (0, import_headers.setHeaders)(answer.headers, (name, value) => res.setHeader(name, value));
  (0, import_close.closeAfterAnswer)(res.req, res);
  res.end(answer.body);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  writeNodeAnswer
});
//# sourceMappingURL=answer.js.map
