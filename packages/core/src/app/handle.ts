/**
 * Serving one request on a compiled route, FastAPI's lifecycle:
 * resolve and run the handler; close the `function` stack (it may change
 * the answer); produce the answer; the adapter sends it and then calls
 * `finish()`, which closes the `request` stack. On an error both stacks are
 * closed with the error thrown in (each generator may translate it) before
 * the error answer is produced.
 */
import type { ServiceContainer } from '../dependency/types.js';
import { ConfigurationError, defaultReason, ErrorCode, HTTPException, type InvalidArgumentError, OAuth2Error, RequestValidationError, type HeaderValues } from '../errors/catalogue.js';
import { echoIssue, validationBody } from '../errors/echo.js';
import { reasonPhrase, type ErrorBody, type Problem } from '../errors/format.js';
import { sharedAnswer } from '../errors/prepared.js';
import { frameworkHttpError } from '../errors/framework.js';
import { closeBoth, closeStack, isClean, type CloseResult } from '../resolver/exit-stack.js';
import { executeThen, Execution, type Continuation, type MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import type { RequestView } from '../request/view.js';
import { jsonAnswer, jsonTextAnswer, toAnswer, type Answer } from '../response/reply.js';
import { sendableStatus, unsendableStatus } from '../response/sendable.js';
import { isThenable } from '../util/thenable.js';

/** What serving a request gives an adapter: the answer, then `finish()` once it is sent. */
export interface Outcome {
  readonly answer: Answer;
  /** Closes the request-scope teardowns; call it after the answer is sent (or the client left). */
  finish(): Promise<void>;
  /** Whether `finish()` has anything to close (adapters may skip waiting for the response's end). */
  readonly hasTeardown: boolean;
  /**
   * Set when the handler produced a framework-native result (a Hono
   * `Response`, an Express response already sent, a Koa context whose body
   * is set): the adapter hands it to the framework untouched and ignores
   * `answer`.
   */
  readonly native?: { readonly value: unknown };
}

/**
 * Tells framework-native results from plain values (see {@link Outcome.native}):
 * given by the adapter, asked once per request with the handler's result.
 */
export type NativeCheck = (value: unknown, request: RequestView) => boolean;

/** Called once for each unexpected error (500s and failed teardowns). */
export type ErrorHook = (error: unknown, request: RequestView) => void;

/** What `runPlan()` needs besides the plan and the request. */
export interface RunOptions {
  readonly status: number;
  readonly container?: ServiceContainer;
  readonly onError: ErrorHook;
  /** Which handler results are framework-native (passed through untouched). */
  readonly native?: NativeCheck;
  /** The app's error body shape (`AppOptions.errorBody`); FastAPI's `{"detail": …}` without it. */
  readonly errorBody?: ErrorBody;
  /** The route's label for messages (`GET /v1/notes`; a plan may be shared by routes declared alike). */
  readonly label?: string;
}

const INTERNAL = { detail: 'Internal Server Error' };
const DONE = (): Promise<void> => Promise.resolve();

/**
 * The answer for an error: its own for an `HTTPException` (422 lists every
 * problem, echoing only bounded inputs; 401 and 403 carry
 * `Cache-Control: no-store`), status, headers and message kept for a
 * framework HTTP error (see `frameworkHttpError`), otherwise a 500 that
 * leaks nothing (the error goes to `onError`). It always serialises. With
 * an `errorBody` (the app's), every body but a token endpoint's OAuth 2
 * error is that shape, in its media type; status and headers are the same.
 *
 * @example
 * ```ts
 * errorAnswer(new HTTPException(404, 'Item not found'), request, console.error).status // 404
 * errorAnswer(new HTTPException(404, 'Item not found'), request, console.error, problemDetails()).body // '{"type":"about:blank","title":"Not Found",...}'
 * ```
 */
export function errorAnswer(error: unknown, request: RequestView, onError: ErrorHook, errorBody?: ErrorBody): Answer {
  // an HTTP exception no answer can carry (`new HTTPException(1000)`): a server error, told to onError
  if (error instanceof HTTPException && !sendableStatus(error.status)) error = unsendableException(error);
  if (errorBody !== undefined) return shapedErrorAnswer(error, request, onError, errorBody);
  if (error instanceof HTTPException) {
    if (error instanceof RequestValidationError) return validationAnswer(error, request, onError);
    if (error instanceof OAuth2Error) return safeJsonAnswer(error.status, () => error.toJSON(), error.headers, request, onError);
    // A prepared exception (a scheme's 401, `invalidToken()`) shares one answer, serialised once.
    return sharedAnswer(error, (e) =>
      safeJsonAnswer(e.status, () => ({ detail: e.detail }), e.status === 401 || e.status === 403 ? noStore(e.headers) : e.headers, request, onError),
    );
  }
  const framework = frameworkHttpError(error);
  if (framework) return safeJsonAnswer(framework.status, () => ({ detail: framework.detail }), framework.headers, request, onError);
  reportSafely(onError, error, request);
  return jsonAnswer(500, INTERNAL);
}

/** The error an HTTP exception with an unsendable status becomes (the exception as its `cause`). */
function unsendableException(error: HTTPException): InvalidArgumentError {
  const replaced = unsendableStatus(error.status, 'An HTTPException');
  (replaced as { cause?: unknown }).cause = error;
  return replaced;
}

/** {@link errorAnswer} with the app's body shape. */
function shapedErrorAnswer(error: unknown, request: RequestView, onError: ErrorHook, shape: ErrorBody): Answer {
  if (error instanceof HTTPException) {
    // RFC 6749 §5.2 says what a token endpoint's error looks like: kept
    if (error instanceof OAuth2Error) return safeJsonAnswer(error.status, () => error.toJSON(), error.headers, request, onError);
    const headers = error.status === 401 || error.status === 403 ? noStore(error.headers) : error.headers;
    return sharedAnswer(error, (e) => shapedAnswer(problemOf(e), headers, request, onError, shape), shape);
  }
  const framework = frameworkHttpError(error);
  if (framework) {
    const problem: Problem = { status: framework.status, title: reasonPhrase(framework.status), detail: framework.detail };
    return shapedAnswer(problem, framework.headers, request, onError, shape);
  }
  reportSafely(onError, error, request);
  return shapedAnswer({ status: 500, title: reasonPhrase(500), detail: INTERNAL.detail }, undefined, request, onError, shape);
}

/** What an app's body shape is given of an HTTP exception. */
function problemOf(error: HTTPException): Problem {
  const title = reasonPhrase(error.status);
  const detail = typeof error.detail === 'string' ? error.detail : error.message || title;
  if (error instanceof RequestValidationError) return { status: error.status, title, detail, errors: error.errors.map(echoIssue), exception: error };
  return { status: error.status, title, detail, exception: error };
}

/**
 * An answer in the app's shape: its body, in its media type; when the shape
 * throws or its body does not serialise, FastAPI's `{"detail": …}` with the
 * same status and headers (the failure goes to `onError`).
 */
function shapedAnswer(problem: Problem, headers: HeaderValues | undefined, request: RequestView, onError: ErrorHook, shape: ErrorBody): Answer {
  let typed = headers;
  if (shape.mediaType !== 'application/json' && !hasHeader(headers, 'content-type')) typed = { ...headers, 'content-type': shape.mediaType };
  try {
    return jsonAnswer(problem.status, shape.body(problem), typed);
  } catch (error) {
    reportSafely(onError, error, request);
  }
  const detail = problem.status === 422 ? problem.errors ?? problem.detail : problem.detail;
  return safeJsonAnswer(problem.status, () => ({ detail }), headers, request, onError);
}

function hasHeader(headers: HeaderValues | undefined, name: string): boolean {
  if (headers === undefined) return false;
  for (const key in headers) if (key.toLowerCase() === name) return true;
  return false;
}

/** A 422 listing every problem ({@link validationBody}); like every error answer, it cannot fail. */
function validationAnswer(error: RequestValidationError, request: RequestView, onError: ErrorHook): Answer {
  try {
    return jsonTextAnswer(422, validationBody(error.errors));
  } catch (e) {
    reportSafely(onError, e, request);
    return jsonAnswer(422, { detail: defaultReason(422) });
  }
}

const NO_STORE: HeaderValues = Object.freeze({ 'cache-control': 'no-store' });

/** A 401/403 must not be cached (a shared cache could serve it to another client): `Cache-Control: no-store` unless the error sets its own. */
function noStore(headers: HeaderValues | undefined): HeaderValues {
  if (headers === undefined) return NO_STORE;
  for (const name in headers) if (name.toLowerCase() === 'cache-control') return headers;
  return { ...headers, 'cache-control': 'no-store' };
}

/**
 * An error answer that cannot fail: when its body does not serialise (a
 * `detail` that is circular, too deep, or holds a BigInt), the same status
 * and headers with `{"detail": <reason phrase>}`, and the failure goes to
 * `onError`; when even its headers are unusable, a plain-text body.
 */
function safeJsonAnswer(status: number, body: () => unknown, headers: HeaderValues | undefined, request: RequestView, onError: ErrorHook): Answer {
  try {
    return jsonAnswer(status, body(), headers);
  } catch (error) {
    reportSafely(onError, error, request);
  }
  const detail = defaultReason(status);
  try {
    return jsonAnswer(status, { detail }, headers);
  } catch {
    return { status, headers: PLAIN_HEADERS, body: detail };
  }
}

const PLAIN_HEADERS: Answer['headers'] = Object.freeze([Object.freeze(['content-type', 'text/plain; charset=utf-8'] as const)]);

function reportSafely(onError: ErrorHook, error: unknown, request: RequestView): void {
  try {
    onError(error, request);
  } catch {
    // a failing error hook must not change the answer
  }
}

const isPromise = <T>(v: MaybePromise<T>): v is Promise<T> => isThenable(v);

/**
 * Serves one request on a plan. Synchronous all the way when the plan and
 * its teardowns are.
 *
 * @example
 * ```ts
 * const outcome = await runPlan(plan, request, { status: 200, onError: console.error })
 * send(outcome.answer)
 * await outcome.finish()
 * ```
 */
export function runPlan(plan: Plan, request: RequestView, options: RunOptions): MaybePromise<Outcome> {
  return new Serving(plan, options).run(request);
}

/**
 * What follows the resolution of a served route's plan: the handler's
 * answer, or the error's. Made once per route and plan (the app keeps it
 * with the route), so that serving a request allocates no continuation.
 *
 * @example
 * ```ts
 * const serving = new Serving(plan, { status: 200, onError: console.error })
 * const outcome = await serving.run(request)
 * ```
 */
export class Serving implements Continuation<Outcome> {
  readonly plan: Plan;
  readonly options: RunOptions;

  constructor(plan: Plan, options: RunOptions) {
    this.plan = plan;
    this.options = options;
  }

  ok(ex: Execution, value: unknown): MaybePromise<Outcome> {
    return succeed(this, ex, value);
  }

  err(ex: Execution, error: unknown): MaybePromise<Outcome> {
    return fail(ex, error, this.options, this.plan);
  }

  /** Serves one request: resolution, the handler, the answer (synchronous when every step is). */
  run(request: RequestView): MaybePromise<Outcome> {
    const extra = this.plan.answerHeaders;
    if (extra === undefined) return serveOnce(this, request);
    const outcome = serveOnce(this, request);
    return isPromise(outcome) ? outcome.then((o) => withHeaders(o, extra)) : withHeaders(outcome, extra);
  }
}

/**
 * One of a plan's `answerHeaders` as the header line sent now (a value
 * given as a function, such as a DPoP nonce, is read at this moment).
 *
 * @example
 * ```ts
 * headerLine(['dpop-nonce', () => nonces.current()]) // ['dpop-nonce', 'eyJ…']
 * ```
 */
export function headerLine([name, value]: readonly [string, string | (() => string)]): readonly [string, string] {
  return [name, typeof value === 'function' ? value() : value];
}

/** The outcome with the route's own header lines added where the answer does not set them. */
function withHeaders(outcome: Outcome, extra: readonly (readonly [string, string | (() => string)])[]): Outcome {
  const { answer } = outcome;
  const missing = extra.filter(([name]) => !answer.headers.some(([n]) => n === name)).map(headerLine);
  if (missing.length === 0) return outcome;
  return { answer: { ...answer, headers: [...answer.headers, ...missing] }, finish: outcome.finish, hasTeardown: outcome.hasTeardown };
}

function serveOnce(serving: Serving, request: RequestView): MaybePromise<Outcome> {
  const plan = serving.plan;
  const ex = new Execution(request, plan.slotCount, serving.options.container);
  try {
    return executeThen(plan, ex, serving);
  } catch (error) {
    return fail(ex, error, serving.options, plan);
  }
}

/** What a native outcome carries as its (never written) answer. */
const NATIVE_ANSWER: Answer = Object.freeze({ status: 200, headers: Object.freeze([]) as Answer['headers'], body: undefined });

function succeed(serving: Serving, ex: Execution, value: unknown): MaybePromise<Outcome> {
  const { options, plan } = serving;
  const isNative = options.native;
  let answer: Answer;
  let native: Outcome['native'];
  try {
    if (isNative !== undefined && isNative(value, ex.request)) {
      answer = NATIVE_ANSWER;
      native = { value };
    } else answer = toAnswer(value, options.status, ex.request.method);
  } catch (error) {
    return fail(ex, error, options, plan);
  }
  // nothing to close before the answer: the usual case
  if (ex.functionStack.length === 0) return answered(ex, answer, native, options);
  const closed = closeStack(ex.functionStack);
  const then = (c: CloseResult): MaybePromise<Outcome> => (isClean(c) ? answered(ex, answer, native, options) : fail(ex, c.error, options, plan, 'a teardown'));
  return isPromise(closed) ? closed.then(then) : then(closed);
}

/** The outcome once the function stack is closed: the answer, and what `finish()` closes. */
function answered(ex: Execution, answer: Answer, native: Outcome['native'], options: RunOptions): Outcome {
  if (ex.requestStack.length === 0) return native ? { answer, finish: DONE, hasTeardown: false, native } : { answer, finish: DONE, hasTeardown: false };
  return { answer, finish: () => finishRequest(ex, options), hasTeardown: true, native };
}

function finishRequest(ex: Execution, options: RunOptions): Promise<void> {
  const report = (closed: CloseResult): void => {
    if (!isClean(closed)) reportSafely(options.onError, closed.error, ex.request);
  };
  const closed = closeStack(ex.requestStack);
  if (isPromise(closed)) return closed.then(report);
  report(closed);
  return Promise.resolve();
}

/**
 * The outcome of a request that failed with `error`: both exit stacks
 * closed with the error thrown in (a teardown may translate it), then the
 * error answer (a 401 without a challenge given one, see
 * {@link withChallenge}). What `runPlan()` and the guard runner share.
 *
 * @example
 * ```ts
 * return failedOutcome(ex, new HTTPException(403), { onError }, plan)
 * ```
 */
export function failedOutcome(ex: Execution, error: unknown, options: Pick<RunOptions, 'onError' | 'errorBody' | 'label'>, plan: Plan): MaybePromise<Outcome> {
  return fail(ex, error, options, plan);
}

function fail(ex: Execution, error: unknown, options: Pick<RunOptions, 'onError' | 'errorBody' | 'label'>, plan: Plan, from?: string): MaybePromise<Outcome> {
  const respond = (closed: CloseResult): Outcome => {
    const final = isClean(closed) ? error : closed.error;
    const by = final !== error ? 'a teardown' : (from ?? (ex.abortedBy === undefined ? 'the handler' : `dependency "${ex.abortedBy}"`));
    return { answer: errorAnswer(withChallenge(final, plan, options.label ?? plan.root.name, by), ex.request, options.onError, options.errorBody), finish: DONE, hasTeardown: false };
  };
  if (ex.functionStack.length === 0 && ex.requestStack.length === 0) return respond({ error });
  const closed = closeBoth(ex, { error });
  return isPromise(closed) ? closed.then(respond) : respond(closed);
}

/**
 * A 401 must carry a `WWW-Authenticate` challenge (RFC 9110 §11.6.1): one
 * a dependency or handler refused without (an `HTTPException`, or a
 * framework's 401 error) gets the route's own challenges, those of its
 * security schemes (what its document lists); on a route with no scheme
 * there is none to give, and the mistake becomes a `ConfigurationError`
 * naming the `route` and `by` (answered 500, given to `onError`). Any other
 * error is returned as it is.
 */
function withChallenge(error: unknown, plan: Plan, route: string, by: string): unknown {
  let status: number;
  let detail: unknown;
  let headers: HeaderValues | undefined;
  if (error instanceof HTTPException) {
    if (error.status !== 401 || hasHeader(error.headers, 'www-authenticate')) return error;
    ({ status, detail, headers } = error);
  } else {
    const framework = frameworkHttpError(error);
    if (framework === undefined || framework.status !== 401 || hasHeader(framework.headers, 'www-authenticate')) return error;
    ({ status, detail, headers } = framework);
  }
  if (plan.challenges !== undefined) return new HTTPException(status, detail, { ...headers, 'www-authenticate': plan.challenges });
  return new ConfigurationError(
    ErrorCode.MissingChallenge,
    `Route ${route}: ${by} answered 401 without a WWW-Authenticate challenge, and the route has no security scheme to take one from (RFC 9110 §11.6.1: every 401 carries one, so that the client knows how to authenticate). ` +
      `Read the credential with a scheme (httpBearer(), apiKeyHeader(), httpBasic()) and refuse with invalidToken() or refuse(invalidToken()); or pass the challenge: new HTTPException(401, detail, { 'www-authenticate': 'APIKey' }); or answer 403 when the caller is known but not allowed.`,
    { cause: error },
  );
}
