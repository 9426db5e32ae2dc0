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
var body_exports = {};
__export(body_exports, {
  readNodeBody: () => readNodeBody
});
module.exports = __toCommonJS(body_exports);
var import_catalogue = require("../errors/catalogue.js");
const NONE = { kind: "none" };
function readNodeBody(req, parsed, limit) {
  if (req.readableEnded || req.complete && !req.readable)
    return parsed === void 0 ? NONE : { kind: "parsed", value: parsed };
  if (Number(req.headers["content-length"]) > limit)
    return Promise.reject(tooLarge(req));
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const done = (error) => {
      req.off("data", onData).off("end", onEnd).off("error", onBroken).off("close", onBroken);
      if (error)
        reject(error);
      else
        resolve({ kind: "bytes", bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit)
        done(tooLarge(req));
      else
        chunks.push(chunk);
    };
    const onEnd = () => done();
    const onBroken = () => done(new import_catalogue.HTTPException(400, "There was an error reading the body"));
    req.on("data", onData).on("end", onEnd).on("error", onBroken).on("close", onBroken);
  });
}
function tooLarge(req) {
  req.resume();
  return new import_catalogue.HTTPException(413, "Request body too large");
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  readNodeBody
});
//# sourceMappingURL=body.js.map
