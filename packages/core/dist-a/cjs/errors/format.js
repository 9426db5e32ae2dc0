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
var format_exports = {};
__export(format_exports, {
  errorBody: () => errorBody,
  problemDetails: () => problemDetails,
  reasonPhrase: () => reasonPhrase
});
module.exports = __toCommonJS(format_exports);
function errorBody(schema, body, options = {}) {
  const id = isZod(schema) ? schema.meta?.()?.id : void 0;
  return Object.freeze({
    mediaType: options.mediaType ?? "application/json",
    schema,
    schemaName: options.schemaName ?? (typeof id === "string" ? id : "Error"),
    body
  });
}
const isZod = (value) => typeof value === "object" && value !== null && "_zod" in value;
const PROBLEM_ITEM = {
  type: "object",
  properties: {
    type: { type: "string" },
    loc: { type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
    msg: { type: "string" },
    input: {},
    ctx: { type: "object", additionalProperties: true }
  },
  required: ["type", "loc", "msg"]
};
const PROBLEM_DETAILS = {
  title: "ProblemDetails",
  type: "object",
  description: "RFC 9457 problem details.",
  properties: {
    type: { type: "string", description: "A URI reference naming the problem type (`about:blank`: the status says it all)." },
    title: { type: "string", description: "The status's reason phrase." },
    status: { type: "integer", minimum: 400, maximum: 599 },
    detail: { type: "string", description: "What went wrong, for a person." },
    errors: { type: "array", description: "A 422: every problem found in the request.", items: PROBLEM_ITEM }
  },
  required: ["type", "title", "status", "detail"]
};
function problemDetails() {
  return PROBLEM;
}
const PROBLEM = Object.freeze({
  mediaType: "application/problem+json",
  schema: PROBLEM_DETAILS,
  schemaName: "ProblemDetails",
  body: (problem) => ({
    type: "about:blank",
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...problem.errors !== void 0 ? { errors: problem.errors } : {}
  })
});
const REASONS = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
};
function reasonPhrase(status) {
  return REASONS[status] ?? (status >= 500 ? "Server Error" : "Client Error");
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  errorBody,
  problemDetails,
  reasonPhrase
});
//# sourceMappingURL=format.js.map
