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
var view_exports = {};
__export(view_exports, {
  nodeRequestView: () => nodeRequestView
});
module.exports = __toCommonJS(view_exports);
var import_view = require("../request/view.js");
var import_body = require("./body.js");
var import_headers = require("./headers.js");
function nodeRequestView(req, init) {
  const url = init.url ?? req.url ?? "/";
  const q = url.indexOf("?");
  const { parsedBody, bodyLimit } = init;
  return (0, import_view.createRequestView)({
    method: req.method,
    path: q === -1 ? url : url.slice(0, q),
    headers: (0, import_headers.rawHeaderSource)(req.rawHeaders),
    query: q === -1 ? "" : url.slice(q + 1),
    params: init.params,
    readBody: () => (0, import_body.readNodeBody)(req, parsedBody?.(), bodyLimit),
    native: init.native ?? req
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  nodeRequestView
});
//# sourceMappingURL=view.js.map
