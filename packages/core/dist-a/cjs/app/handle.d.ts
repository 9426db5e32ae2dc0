/**
 * Serving one request on a compiled route, FastAPI's lifecycle:
 * resolve and run the handler; close the `function` stack (it may change
 * the answer); produce the answer; the adapter sends it and then calls
 * `finish()`, which closes the `request` stack. On an error both stacks are
 * closed with the error thrown in (each generator may translate it) before
 * the error answer is produced.
 */
import type { ServiceContainer } from '../dependency/types.js';
import { type ErrorBody } from '../errors/format.js';
import { Execution, type Continuation, type MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import type { RequestView } from '../request/view.js';
import { type Answer } from '../response/reply.js';
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
    readonly native?: {
        readonly value: unknown;
    };
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
export declare function errorAnswer(error: unknown, request: RequestView, onError: ErrorHook, errorBody?: ErrorBody): Answer;
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
export declare function runPlan(plan: Plan, request: RequestView, options: RunOptions): MaybePromise<Outcome>;
/**
 * What follows the resolution of a served route's plan: the handler's
 * answer, or the error's. Made once per route and plan (the app keeps it
 * with the route), so that serving a request allocates no continuation.
 *
 * @example
 * ```ts
 * const serving = new Serving(plan, { status: 200, onError: console.error })
 * const outcome = await serve(serving, request)
 * ```
 */
export declare class Serving implements Continuation<Outcome> {
    readonly plan: Plan;
    readonly options: RunOptions;
    constructor(plan: Plan, options: RunOptions);
    ok(ex: Execution, value: unknown): MaybePromise<Outcome>;
    err(ex: Execution, error: unknown): MaybePromise<Outcome>;
}
/**
 * Serves one request with a route's {@link Serving} (what `runPlan()` and
 * `app.handle()` share).
 *
 * @example
 * ```ts
 * const outcome = await serve(new Serving(plan, { status: 200, onError: console.error }), request)
 * ```
 */
export declare function serve(serving: Serving, request: RequestView): MaybePromise<Outcome>;
/**
 * One of a plan's `answerHeaders` as the header line sent now (a value
 * given as a function, such as a DPoP nonce, is read at this moment).
 *
 * @example
 * ```ts
 * headerLine(['dpop-nonce', () => nonces.current()]) // ['dpop-nonce', 'eyJ…']
 * ```
 */
export declare function headerLine([name, value]: readonly [string, string | (() => string)]): readonly [string, string];
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
export declare function failedOutcome(ex: Execution, error: unknown, options: Pick<RunOptions, 'onError' | 'errorBody' | 'label'>, plan: Plan): MaybePromise<Outcome>;
