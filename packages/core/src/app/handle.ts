/**
 * Serving one request on a compiled route, FastAPI's lifecycle:
 * resolve and run the handler; close the `function` stack (it may change
 * the answer); produce the answer; the adapter sends it and then calls
 * `finish()`, which closes the `request` stack. On an error both stacks are
 * closed with the error thrown in (each generator may translate it) before
 * the error answer is produced.
 */
import type { ServiceContainer } from '../dependency/types.js';
import { defaultReason, HTTPException, OAuth2Error, RequestValidationError, type HeaderValues } from '../errors/catalogue.js';
import { validationBody } from '../errors/echo.js';
import { sharedAnswer } from '../errors/prepared.js';
import { frameworkHttpError } from '../errors/framework.js';
import { closeBoth, closeStack, isClean, type CloseResult } from '../resolver/exit-stack.js';
import { executeThen, Execution, type MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import type { RequestView } from '../request/view.js';
import { jsonAnswer, jsonTextAnswer, toAnswer, type Answer } from '../response/reply.js';
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
}

const INTERNAL = { detail: 'Internal Server Error' };
const DONE = (): Promise<void> => Promise.resolve();

/**
 * The answer for an error: its own for an `HTTPException` (422 lists every
 * problem, echoing only bounded inputs; 401 and 403 carry
 * `Cache-Control: no-store`), status, headers and message kept for a
 * framework HTTP error (see `frameworkHttpError`), otherwise a 500 that
 * leaks nothing (the error goes to `onError`). It always serialises.
 *
 * @example
 * ```ts
 * errorAnswer(new HTTPException(404, 'Item not found'), request, console.error).status // 404
 * ```
 */
export function errorAnswer(error: unknown, request: RequestView, onError: ErrorHook): Answer {
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
  const extra = plan.answerHeaders;
  if (extra === undefined) return serveOnce(plan, request, options);
  const outcome = serveOnce(plan, request, options);
  return isPromise(outcome) ? outcome.then((o) => withHeaders(o, extra)) : withHeaders(outcome, extra);
}

/** The outcome with the route's own header lines added where the answer does not set them. */
function withHeaders(outcome: Outcome, extra: readonly (readonly [string, string])[]): Outcome {
  const { answer } = outcome;
  const missing = extra.filter(([name]) => !answer.headers.some(([n]) => n === name));
  if (missing.length === 0) return outcome;
  return { answer: { ...answer, headers: [...answer.headers, ...missing] }, finish: outcome.finish, hasTeardown: outcome.hasTeardown };
}

function serveOnce(plan: Plan, request: RequestView, options: RunOptions): MaybePromise<Outcome> {
  const ex = new Execution(request, plan.slotCount, options.container);
  try {
    return executeThen(
      plan,
      ex,
      (value) => succeed(ex, value, options),
      (error) => fail(ex, error, options),
    );
  } catch (error) {
    return fail(ex, error, options);
  }
}

/** What a native outcome carries as its (never written) answer. */
const NATIVE_ANSWER: Answer = Object.freeze({ status: 200, headers: Object.freeze([]) as Answer['headers'], body: undefined });

function succeed(ex: Execution, value: unknown, options: RunOptions): MaybePromise<Outcome> {
  let answer: Answer;
  let native: Outcome['native'];
  try {
    if (options.native?.(value, ex.request)) {
      answer = NATIVE_ANSWER;
      native = { value };
    } else answer = toAnswer(value, options.status);
  } catch (error) {
    return fail(ex, error, options);
  }
  const after = (closed: CloseResult): MaybePromise<Outcome> => {
    if (!isClean(closed)) return fail(ex, closed.error, options);
    if (ex.requestStack.length === 0) return native ? { answer, finish: DONE, hasTeardown: false, native } : { answer, finish: DONE, hasTeardown: false };
    return { answer, finish: () => finishRequest(ex, options), hasTeardown: true, native };
  };
  if (ex.functionStack.length === 0) return after(closeStack(ex.functionStack) as CloseResult);
  const closed = closeStack(ex.functionStack);
  return isPromise(closed) ? closed.then(after) : after(closed);
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
 * error answer. What `runPlan()` and the guard runner share.
 *
 * @example
 * ```ts
 * return failedOutcome(ex, new HTTPException(401), { onError })
 * ```
 */
export function failedOutcome(ex: Execution, error: unknown, options: Pick<RunOptions, 'onError'>): MaybePromise<Outcome> {
  return fail(ex, error, options);
}

function fail(ex: Execution, error: unknown, options: Pick<RunOptions, 'onError'>): MaybePromise<Outcome> {
  const respond = (closed: CloseResult): Outcome => ({
    answer: errorAnswer(isClean(closed) ? error : closed.error, ex.request, options.onError),
    finish: DONE,
    hasTeardown: false,
  });
  if (ex.functionStack.length === 0 && ex.requestStack.length === 0) return respond({ error });
  const closed = closeBoth(ex, { error });
  return isPromise(closed) ? closed.then(respond) : respond(closed);
}
