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
var password_form_exports = {};
__export(password_form_exports, {
  MAX_SCOPE_LENGTH: () => MAX_SCOPE_LENGTH,
  oauth2PasswordForm: () => oauth2PasswordForm,
  oauth2PasswordFormStrict: () => oauth2PasswordFormStrict,
  oauth2PasswordRequestForm: () => oauth2PasswordRequestForm
});
module.exports = __toCommonJS(password_form_exports);
var import_v4 = require("zod/v4");
var import_depends = require("../dependency/depends.js");
var import_catalogue = require("../errors/catalogue.js");
var import_body = require("../sources/body.js");
var import_python_strings = require("./python-strings.js");
const MAX_SCOPE_LENGTH = 4096;
const GRANT_PATTERN = "^password$";
const PATTERN_MESSAGE = `String should match pattern '${GRANT_PATTERN}'`;
const FIELDS = ["grant_type", "username", "password", "scope", "client_id", "client_secret"];
const secret = import_v4.z.string().meta({ format: "password" });
const fastApiSchema = (strict) => {
  const grantType = import_v4.z.string().regex(new RegExp(GRANT_PATTERN), { error: PATTERN_MESSAGE });
  return import_v4.z.object({
    grant_type: strict ? grantType : grantType.optional(),
    username: import_v4.z.string(),
    password: strict ? import_v4.z.string() : secret,
    scope: import_v4.z.string().max(MAX_SCOPE_LENGTH).default(""),
    client_id: import_v4.z.string().optional(),
    client_secret: strict ? import_v4.z.string().optional() : secret.optional()
  });
};
const oauth2Schema = (strict) => {
  const grantType = import_v4.z.literal("password").describe("The grant type: always `password` (RFC 6749 \xA74.3.2).");
  return import_v4.z.object({
    grant_type: strict ? grantType : grantType.optional(),
    username: import_v4.z.string(),
    password: secret,
    scope: import_v4.z.string().max(MAX_SCOPE_LENGTH).describe("The requested scopes, space-separated.").optional(),
    client_id: import_v4.z.string().optional(),
    client_secret: secret.optional()
  });
};
function asFastApiIssue(issue) {
  if (issue.type !== "invalid_format" || issue.loc.length !== 2 || issue.loc[1] !== "grant_type")
    return issue;
  return { type: "string_pattern_mismatch", loc: issue.loc, msg: PATTERN_MESSAGE, input: issue.input, ctx: { pattern: GRANT_PATTERN } };
}
function toOAuth2Error(issues) {
  const grant = issues.find((i) => i.loc[1] === "grant_type");
  if (grant && grant.type !== "missing")
    return new import_catalogue.OAuth2Error("unsupported_grant_type", 'grant_type must be "password"');
  const missing = issues.filter((i) => i.type === "missing").map((i) => String(i.loc[1]));
  if (missing.length === 0 && issues.every((i) => i.loc[1] === "scope"))
    return new import_catalogue.OAuth2Error("invalid_scope", `scope is longer than ${MAX_SCOPE_LENGTH} characters`);
  if (missing.length > 0)
    return new import_catalogue.OAuth2Error("invalid_request", `Missing parameter${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  const invalid = [...new Set(issues.map((i) => String(i.loc[1] ?? "body")))];
  return new import_catalogue.OAuth2Error("invalid_request", `Invalid parameter${invalid.length > 1 ? "s" : ""}: ${invalid.join(", ")}`);
}
function bodyErrorAsOAuth2(error) {
  if (!(error instanceof import_catalogue.HTTPException) || error instanceof import_catalogue.OAuth2Error)
    return error;
  if (error.status === 413)
    return new import_catalogue.HTTPException(413, error.detail, { ...error.headers, ...import_catalogue.NO_STORE_HEADERS });
  if (error.status === 415)
    return new import_catalogue.OAuth2Error("invalid_request", "The token request must be sent as application/x-www-form-urlencoded");
  if (error.status === 400 || error.status === 422)
    return new import_catalogue.OAuth2Error("invalid_request", "The request body could not be read");
  return error;
}
function oauth2PasswordRequestForm(options) {
  const strict = options?.strict === true;
  const oauth2 = options?.errors !== "fastapi";
  const name = options?.schemaName ?? `${oauth2 ? "" : "FastAPI"}OAuth2PasswordRequestForm${strict ? "Strict" : ""}`;
  const source = (0, import_body.form)(oauth2 ? oauth2Schema(strict) : fastApiSchema(strict), { schemaName: name });
  const spec = oauth2 ? { ...source.meta.source, bodyError: bodyErrorAsOAuth2, answerHeaders: import_catalogue.NO_STORE_HEADERS, tokenEndpoint: true } : source.meta.source;
  const fn = (values, context) => {
    let data;
    if (oauth2) {
      const fields = context.body?.kind === "form" ? context.body.fields : void 0;
      const repeated = fields ? FIELDS.filter((f) => fields.getAll(f).length > 1) : [];
      if (repeated.length > 0)
        throw new import_catalogue.OAuth2Error("invalid_request", `Repeated parameter${repeated.length > 1 ? "s" : ""}: ${repeated.join(", ")}`);
    }
    try {
      data = source.fn(values, context);
    } catch (error) {
      if (!(error instanceof import_catalogue.RequestValidationError))
        throw error;
      if (oauth2)
        throw toOAuth2Error(error.errors);
      throw new import_catalogue.RequestValidationError(error.errors.map(asFastApiIssue));
    }
    return {
      grantType: data.grant_type,
      username: data.username,
      password: data.password,
      scopes: (0, import_python_strings.pythonSplit)(data.scope ?? ""),
      clientId: data.client_id,
      clientSecret: data.client_secret
    };
  };
  return (0, import_depends.createDependency)({}, fn, { name, meta: { ...source.meta, source: spec } });
}
const oauth2PasswordForm = oauth2PasswordRequestForm();
const oauth2PasswordFormStrict = oauth2PasswordRequestForm({ strict: true });
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MAX_SCOPE_LENGTH,
  oauth2PasswordForm,
  oauth2PasswordFormStrict,
  oauth2PasswordRequestForm
});
//# sourceMappingURL=password-form.js.map
