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
var handle_exports = {};
__export(handle_exports, {
  Serving: () => Serving,
  errorAnswer: () => errorAnswer,
  failedOutcome: () => failedOutcome,
  headerLine: () => headerLine,
  runPlan: () => runPlan,
  serve: () => serve
});
module.exports = __toCommonJS(handle_exports);
var import_catalogue = require("../errors/catalogue.js");
var import_echo = require("../errors/echo.js");
var import_format = require("../errors/format.js");
var import_prepared = require("../errors/prepared.js");
var import_framework = require("../errors/framework.js");
var import_exit_stack = require("../resolver/exit-stack.js");
var import_execute = require("../resolver/execute.js");
var import_reply = require("../response/reply.js");
var import_thenable = require("../util/thenable.js");
const INTERNAL = { detail: "Internal Server Error" };
const DONE = () => Promise.resolve();
function errorAnswer(error, request, onError, errorBody) {
  if (errorBody !== void 0)
    return shapedErrorAnswer(error, request, onError, errorBody);
  if (error instanceof import_catalogue.HTTPException) {
    if (error instanceof import_catalogue.RequestValidationError)
      return validationAnswer(error, request, onError);
    if (error instanceof import_catalogue.OAuth2Error)
      return safeJsonAnswer(error.status, () => error.toJSON(), error.headers, request, onError);
    return (0, import_prepared.sharedAnswer)(error, (e) => safeJsonAnswer(e.status, () => ({ detail: e.detail }), e.status === 401 || e.status === 403 ? noStore(e.headers) : e.headers, request, onError));
  }
  const framework = (0, import_framework.frameworkHttpError)(error);
  if (framework)
    return safeJsonAnswer(framework.status, () => ({ detail: framework.detail }), framework.headers, request, onError);
  reportSafely(onError, error, request);
  return (0, import_reply.jsonAnswer)(500, INTERNAL);
}
function shapedErrorAnswer(error, request, onError, shape) {
  if (error instanceof import_catalogue.HTTPException) {
    if (error instanceof import_catalogue.OAuth2Error)
      return safeJsonAnswer(error.status, () => error.toJSON(), error.headers, request, onError);
    const headers = error.status === 401 || error.status === 403 ? noStore(error.headers) : error.headers;
    return (0, import_prepared.sharedAnswer)(error, (e) => shapedAnswer(problemOf(e), headers, request, onError, shape), shape);
  }
  const framework = (0, import_framework.frameworkHttpError)(error);
  if (framework) {
    const problem = { status: framework.status, title: (0, import_format.reasonPhrase)(framework.status), detail: framework.detail };
    return shapedAnswer(problem, framework.headers, request, onError, shape);
  }
  reportSafely(onError, error, request);
  return shapedAnswer({ status: 500, title: (0, import_format.reasonPhrase)(500), detail: INTERNAL.detail }, void 0, request, onError, shape);
}
function problemOf(error) {
  const title = (0, import_format.reasonPhrase)(error.status);
  const detail = typeof error.detail === "string" ? error.detail : error.message || title;
  if (error instanceof import_catalogue.RequestValidationError)
    return { status: error.status, title, detail, errors: error.errors.map(import_echo.echoIssue), exception: error };
  return { status: error.status, title, detail, exception: error };
}
function shapedAnswer(problem, headers, request, onError, shape) {
  let typed = headers;
  if (shape.mediaType !== "application/json" && !hasHeader(headers, "content-type"))
    typed = { ...headers, "content-type": shape.mediaType };
  try {
    return (0, import_reply.jsonAnswer)(problem.status, shape.body(problem), typed);
  } catch (error) {
    reportSafely(onError, error, request);
  }
  const detail = problem.status === 422 ? problem.errors ?? problem.detail : problem.detail;
  return safeJsonAnswer(problem.status, () => ({ detail }), headers, request, onError);
}
function hasHeader(headers, name) {
  if (headers === void 0)
    return false;
  for (const key in headers)
    if (key.toLowerCase() === name)
      return true;
  return false;
}
function validationAnswer(error, request, onError) {
  try {
    return (0, import_reply.jsonTextAnswer)(422, (0, import_echo.validationBody)(error.errors));
  } catch (e) {
    reportSafely(onError, e, request);
    return (0, import_reply.jsonAnswer)(422, { detail: (0, import_catalogue.defaultReason)(422) });
  }
}
const NO_STORE = Object.freeze({ "cache-control": "no-store" });
function noStore(headers) {
  if (headers === void 0)
    return NO_STORE;
  for (const name in headers)
    if (name.toLowerCase() === "cache-control")
      return headers;
  return { ...headers, "cache-control": "no-store" };
}
function safeJsonAnswer(status, body, headers, request, onError) {
  try {
    return (0, import_reply.jsonAnswer)(status, body(), headers);
  } catch (error) {
    reportSafely(onError, error, request);
  }
  const detail = (0, import_catalogue.defaultReason)(status);
  try {
    return (0, import_reply.jsonAnswer)(status, { detail }, headers);
  } catch {
    return { status, headers: PLAIN_HEADERS, body: detail };
  }
}
const PLAIN_HEADERS = Object.freeze([Object.freeze(["content-type", "text/plain; charset=utf-8"])]);
function reportSafely(onError, error, request) {
  try {
    onError(error, request);
  } catch {
  }
}
const isPromise = (v) => (0, import_thenable.isThenable)(v);
function runPlan(plan, request, options) {
  return serve(new Serving(plan, options), request);
}
class Serving {
  plan;
  options;
  constructor(plan, options) {
    this.plan = plan;
    this.options = options;
  }
  ok(ex, value) {
    return succeed(ex, value, this.options, this.plan);
  }
  err(ex, error) {
    return fail(ex, error, this.options, this.plan);
  }
}
function serve(serving, request) {
  const extra = serving.plan.answerHeaders;
  if (extra === void 0)
    return serveOnce(serving, request);
  const outcome = serveOnce(serving, request);
  return isPromise(outcome) ? outcome.then((o) => withHeaders(o, extra)) : withHeaders(outcome, extra);
}
function headerLine([name, value]) {
  return [name, typeof value === "function" ? value() : value];
}
function withHeaders(outcome, extra) {
  const { answer } = outcome;
  const missing = extra.filter(([name]) => !answer.headers.some(([n]) => n === name)).map(headerLine);
  if (missing.length === 0)
    return outcome;
  return { answer: { ...answer, headers: [...answer.headers, ...missing] }, finish: outcome.finish, hasTeardown: outcome.hasTeardown };
}
function serveOnce(serving, request) {
  const plan = serving.plan;
  const ex = new import_execute.Execution(request, plan.slotCount, serving.options.container);
  try {
    return (0, import_execute.executeThen)(plan, ex, serving);
  } catch (error) {
    return fail(ex, error, serving.options, plan);
  }
}
const NATIVE_ANSWER = Object.freeze({ status: 200, headers: Object.freeze([]), body: void 0 });
function succeed(ex, value, options, plan) {
  let answer;
  let native;
  try {
    if (options.native?.(value, ex.request)) {
      answer = NATIVE_ANSWER;
      native = { value };
    } else
      answer = (0, import_reply.toAnswer)(value, options.status);
  } catch (error) {
    return fail(ex, error, options, plan);
  }
  if (ex.functionStack.length === 0)
    return answered(ex, answer, native, options, plan, (0, import_exit_stack.closeStack)(ex.functionStack));
  const closed = (0, import_exit_stack.closeStack)(ex.functionStack);
  return isPromise(closed) ? closed.then((c) => answered(ex, answer, native, options, plan, c)) : answered(ex, answer, native, options, plan, closed);
}
function answered(ex, answer, native, options, plan, closed) {
  if (!(0, import_exit_stack.isClean)(closed))
    return fail(ex, closed.error, options, plan, "a teardown");
  if (ex.requestStack.length === 0)
    return native ? { answer, finish: DONE, hasTeardown: false, native } : { answer, finish: DONE, hasTeardown: false };
  return { answer, finish: () => finishRequest(ex, options), hasTeardown: true, native };
}
function finishRequest(ex, options) {
  const report = (closed2) => {
    if (!(0, import_exit_stack.isClean)(closed2))
      reportSafely(options.onError, closed2.error, ex.request);
  };
  const closed = (0, import_exit_stack.closeStack)(ex.requestStack);
  if (isPromise(closed))
    return closed.then(report);
  report(closed);
  return Promise.resolve();
}
function failedOutcome(ex, error, options, plan) {
  return fail(ex, error, options, plan);
}
function fail(ex, error, options, plan, from) {
  const respond = (closed2) => {
    const final = (0, import_exit_stack.isClean)(closed2) ? error : closed2.error;
    const by = final !== error ? "a teardown" : from ?? (ex.abortedBy === void 0 ? "the handler" : `dependency "${ex.abortedBy}"`);
    return { answer: errorAnswer(withChallenge(final, plan, options.label ?? plan.root.name, by), ex.request, options.onError, options.errorBody), finish: DONE, hasTeardown: false };
  };
  if (ex.functionStack.length === 0 && ex.requestStack.length === 0)
    return respond({ error });
  const closed = (0, import_exit_stack.closeBoth)(ex, { error });
  return isPromise(closed) ? closed.then(respond) : respond(closed);
}
function withChallenge(error, plan, route, by) {
  let status;
  let detail;
  let headers;
  if (error instanceof import_catalogue.HTTPException) {
    if (error.status !== 401 || hasHeader(error.headers, "www-authenticate"))
      return error;
    ({ status, detail, headers } = error);
  } else {
    const framework = (0, import_framework.frameworkHttpError)(error);
    if (framework === void 0 || framework.status !== 401 || hasHeader(framework.headers, "www-authenticate"))
      return error;
    ({ status, detail, headers } = framework);
  }
  if (plan.challenges !== void 0)
    return new import_catalogue.HTTPException(status, detail, { ...headers, "www-authenticate": plan.challenges });
  return new import_catalogue.ConfigurationError(import_catalogue.ErrorCode.MissingChallenge, `Route ${route}: ${by} answered 401 without a WWW-Authenticate challenge, and the route has no security scheme to take one from (RFC 9110 \xA711.6.1: every 401 carries one, so that the client knows how to authenticate). Read the credential with a scheme (httpBearer(), apiKeyHeader(), httpBasic()) and refuse with invalidToken() or refuse(invalidToken()); or pass the challenge: new HTTPException(401, detail, { 'www-authenticate': 'APIKey' }); or answer 403 when the caller is known but not allowed.`, { cause: error });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  Serving,
  errorAnswer,
  failedOutcome,
  headerLine,
  runPlan,
  serve
});
//# sourceMappingURL=handle.js.map
