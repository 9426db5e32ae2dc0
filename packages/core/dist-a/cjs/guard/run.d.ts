/**
 * Running a guard for one request: the guarded route's dependencies are
 * resolved exactly as for a declared route (same 401/403/422 answers, same
 * error handling), but instead of a handler's answer the outcome is the
 * resolved values, handed to the framework's own handler. Teardowns of
 * both scopes run once the framework has sent its response.
 */
import type { AppRoute, DependsApp } from '../app/app.js';
import type { RequestView } from '../request/view.js';
import { type MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
/**
 * What running a guard gives an adapter: either `values` (the checks
 * passed: store them the framework's way and call the next handler), or
 * the error `answer` to send instead. `finish()` runs the teardowns; call it
 * once the response has been sent.
 */
export type GuardOutcome = {
    readonly values: Record<string, unknown>;
    readonly answer?: undefined;
    finish(): Promise<void>;
    readonly hasTeardown: boolean;
    /** Header lines the route's schemes add to every answer (a DPoP scheme's current `DPoP-Nonce`): set them on the framework's response. */
    readonly headers?: readonly (readonly [string, string])[];
} | {
    readonly values?: undefined;
    readonly answer: Answer;
    finish(): Promise<void>;
    readonly hasTeardown: false;
};
/**
 * Resolves a guarded route's dependencies for one request. Never throws or
 * rejects; synchronous when every dependency is.
 *
 * @example
 * ```ts
 * const outcome = await runGuard(app, route, view)
 * if (outcome.values) { Object.assign(ctx.state, outcome.values); await next() } else writeAnswer(ctx, outcome.answer)
 * ```
 */
export declare function runGuard(app: DependsApp, route: AppRoute, view: RequestView): MaybePromise<GuardOutcome>;
