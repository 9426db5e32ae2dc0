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
var node_exports = {};
__export(node_exports, {
  afterSent: () => import_sent.afterSent,
  closeAfterAnswer: () => import_close.closeAfterAnswer,
  nodeRequestView: () => import_view.nodeRequestView,
  rawHeaderSource: () => import_headers.rawHeaderSource,
  readNodeBody: () => import_body.readNodeBody,
  writeNodeAnswer: () => import_answer.writeNodeAnswer
});
module.exports = __toCommonJS(node_exports);
var import_headers = require("./headers.js");
var import_body = require("./body.js");
var import_answer = require("./answer.js");
var import_close = require("./close.js");
var import_sent = require("./sent.js");
var import_view = require("./view.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  afterSent,
  closeAfterAnswer,
  nodeRequestView,
  rawHeaderSource,
  readNodeBody,
  writeNodeAnswer
});
//# sourceMappingURL=index.js.map
