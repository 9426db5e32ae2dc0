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
var reply_exports = {};
__export(reply_exports, {
  Reply: () => Reply,
  jsonAnswer: () => jsonAnswer,
  jsonTextAnswer: () => jsonTextAnswer,
  reply: () => reply,
  toAnswer: () => toAnswer
});
module.exports = __toCommonJS(reply_exports);
class Reply {
  status;
  body;
  headers;
  /** `json` (default), `text`, `bytes` or `empty`. */
  type;
  constructor(body, init = {}, type = "json") {
    this.body = body;
    this.status = init.status;
    this.headers = init.headers ?? {};
    this.type = type;
  }
}
function reply(body, init) {
  return new Reply(body, init, "json");
}
reply.text = (body, init) => new Reply(body, init, "text");
reply.bytes = (body, init) => new Reply(body, init, "bytes");
reply.empty = (init) => new Reply(void 0, { status: 204, ...init }, "empty");
const noBody = (status) => status === 204 || status === 205 || status === 304;
const JSON_HEADERS = Object.freeze([Object.freeze(["content-type", "application/json"])]);
function headerLines(headers, out) {
  if (!headers)
    return;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string")
      out.push([name.toLowerCase(), value]);
    else
      for (const v of value)
        out.push([name.toLowerCase(), v]);
  }
}
function jsonAnswer(status, value, headers) {
  if (headers === void 0 && !noBody(status))
    return jsonTextAnswer(status, JSON.stringify(value === void 0 ? null : value));
  const lines = [];
  headerLines(headers, lines);
  if (noBody(status))
    return { status, headers: lines, body: void 0 };
  if (!lines.some(([n]) => n === "content-type"))
    lines.push(["content-type", "application/json"]);
  return { status, headers: lines, body: JSON.stringify(value === void 0 ? null : value) };
}
function jsonTextAnswer(status, text) {
  return { status, headers: JSON_HEADERS, body: text };
}
function toAnswer(result, defaultStatus) {
  if (!(result instanceof Reply))
    return jsonAnswer(defaultStatus, result);
  const status = result.status ?? defaultStatus;
  if (result.type === "json")
    return jsonAnswer(status, result.body, result.headers);
  const lines = [];
  headerLines(result.headers, lines);
  if (result.type === "empty" || noBody(status))
    return { status, headers: lines, body: void 0 };
  const hasType = lines.some(([n]) => n === "content-type");
  if (result.type === "text") {
    if (!hasType)
      lines.push(["content-type", "text/plain; charset=utf-8"]);
    return { status, headers: lines, body: String(result.body) };
  }
  if (!hasType)
    lines.push(["content-type", "application/octet-stream"]);
  return { status, headers: lines, body: result.body };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  Reply,
  jsonAnswer,
  jsonTextAnswer,
  reply,
  toAnswer
});
//# sourceMappingURL=reply.js.map
