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
var authorization_exports = {};
__export(authorization_exports, {
  parseAuthorization: () => parseAuthorization,
  readAuthorization: () => readAuthorization
});
module.exports = __toCommonJS(authorization_exports);
var import_errors = require("./errors.js");
var import_python_strings = require("./python-strings.js");
var import_case = require("../util/case.js");
const EMPTY = Object.freeze({ scheme: "", credentials: "" });
function parseAuthorization(value) {
  if (!value)
    return EMPTY;
  const space = value.indexOf(" ");
  if (space === -1)
    return { scheme: value, credentials: "" };
  return { scheme: value.slice(0, space), credentials: (0, import_python_strings.pythonStrip)(value.slice(space + 1)) };
}
function readAuthorization(request, expected) {
  const lines = request.headerAll("authorization");
  if (lines.length > 1)
    throw (0, import_errors.repeatedCredential)("authorization", (0, import_case.equalsIgnoringCase)(expected, "bearer"));
  const parts = parseAuthorization(lines[0]);
  if (!parts.scheme || !parts.credentials)
    return void 0;
  if (!(0, import_case.equalsIgnoringCase)(parts.scheme, expected))
    return void 0;
  return parts;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  parseAuthorization,
  readAuthorization
});
//# sourceMappingURL=authorization.js.map
