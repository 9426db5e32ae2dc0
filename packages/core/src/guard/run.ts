/**
 * Running a guard for one request: the guarded route's dependencies are
 * resolved exactly as for a declared route (same 401/403/422 answers, same
 * error handling), but instead of a handler's answer the outcome is the
 * resolved values, handed to the framework's own handler. Teardowns of
 * both scopes run once the framework has sent its response.
 */
import { keepWith, keptWith, routeOptions, type AppRoute, type DependsApp } from '../app/app.js';
import { errorAnswer, failedOutcome, headerLine, type RunOptions } from '../app/handle.js';
import type { RequestView } from '../request/view.js';
import { closeBoth, isClean, type CloseResult } from '../resolver/exit-stack.js';
import { executeThen, Execution, type Continuation, type MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import type { Answer } from '../response/reply.js';

/**
 * What running a guard gives an adapter: either `values` (the checks
 * passed: store them the framework's way and call the next handler), or
 * the error `answer` to send instead. `finish()` runs the teardowns; call it
 * once the response has been sent.
 */
export type GuardOutcome =
  | {
      readonly values: Record<string, unknown>;
      readonly answer?: undefined;
      finish(): Promise<void>;
      readonly hasTeardown: boolean;
      /** Header lines the route's schemes add to every answer (a DPoP scheme's current `DPoP-Nonce`): set them on the framework's response. */
      readonly headers?: readonly (readonly [string, string])[];
    }
  | { readonly values?: undefined; readonly answer: Answer; finish(): Promise<void>; readonly hasTeardown: false };

const DONE = (): Promise<void> => Promise.resolve();
const isPromise = <T>(v: MaybePromise<T>): v is Promise<T> => v instanceof Promise;

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
export function runGuard(app: DependsApp, route: AppRoute, view: RequestView): MaybePromise<GuardOutcome> {
  let plan: Plan;
  try {
    plan = app.planFor(route);
  } catch (error) {
    return { answer: errorAnswer(error, view, app.onError, app.options.errorBody), finish: DONE, hasTeardown: false };
  }
  let guarding = keptWith<Guarding>(route, GUARDING);
  if (guarding === undefined || guarding.plan !== plan || guarding.app !== app) {
    guarding = new Guarding(app, route, plan);
    keepWith(route, GUARDING, guarding);
  }
  const ex = new Execution(view, plan.slotCount, app.options.container);
  try {
    return executeThen(plan, ex, guarding);
  } catch (error) {
    return guarding.err(ex, error);
  }
}

/** Where a guarded route keeps its {@link Guarding}. */
const GUARDING = Symbol('guarding');

/** What follows the resolution of a guarded route's plan: its values handed on, or the error's answer. One per route and plan. */
class Guarding implements Continuation<GuardOutcome> {
  readonly app: DependsApp;
  readonly plan: Plan;
  /** What a refusal is answered with (the app's hook and body shape, the route's label). */
  readonly #options: RunOptions;

  constructor(app: DependsApp, route: AppRoute, plan: Plan) {
    this.app = app;
    this.plan = plan;
    this.#options = routeOptions(app, route, undefined);
  }

  ok(ex: Execution, values: unknown): GuardOutcome {
    const hasTeardown = ex.functionStack.length > 0 || ex.requestStack.length > 0;
    const extra = this.plan.answerHeaders;
    const app = this.app;
    const finish = hasTeardown ? () => closeBothAfterSent(ex, app) : DONE;
    return extra ? { values: values as Record<string, unknown>, finish, hasTeardown, headers: extra.map(headerLine) } : { values: values as Record<string, unknown>, finish, hasTeardown };
  }

  err(ex: Execution, error: unknown): MaybePromise<GuardOutcome> {
    const outcome = failedOutcome(ex, error, this.#options, this.plan);
    return isPromise(outcome) ? outcome.then(toDenied) : toDenied(outcome);
  }
}

const toDenied = (o: { answer: Answer }): GuardOutcome => ({ answer: o.answer, finish: DONE, hasTeardown: false });

/** Closes the function stack, then the request stack; a remaining error goes to `onError`. */
async function closeBothAfterSent(ex: Execution, app: DependsApp): Promise<void> {
  const second: CloseResult = await closeBoth(ex);
  if (!isClean(second)) {
    try {
      app.onError(second.error, ex.request);
    } catch {
      // a failing hook must not break anything else
    }
  }
}
