import { errorAnswer, failedOutcome, headerLine } from '../app/handle.js';
import { closeBoth, isClean } from '../resolver/exit-stack.js';
import { executeThen, Execution } from '../resolver/execute.js';
const DONE = () => Promise.resolve();
const isPromise = (v) => v instanceof Promise;
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
export function runGuard(app, route, view) {
    let plan;
    try {
        plan = app.planFor(route);
    }
    catch (error) {
        return { answer: errorAnswer(error, view, app.onError, app.options.errorBody), finish: DONE, hasTeardown: false };
    }
    let guarding = route[GUARDING];
    if (guarding === undefined || guarding.plan !== plan || guarding.app !== app) {
        guarding = new Guarding(app, route, plan);
        Object.defineProperty(route, GUARDING, { value: guarding, writable: true, configurable: true, enumerable: false });
    }
    const ex = new Execution(view, plan.slotCount, app.options.container);
    try {
        return executeThen(plan, ex, guarding);
    }
    catch (error) {
        return guarding.err(ex, error);
    }
}
/** Where a guarded route keeps its {@link Guarding}. */
const GUARDING = Symbol('guarding');
/** What follows the resolution of a guarded route's plan: its values handed on, or the error's answer. One per route and plan. */
class Guarding {
    app;
    route;
    plan;
    constructor(app, route, plan) {
        this.app = app;
        this.route = route;
        this.plan = plan;
    }
    ok(ex, values) {
        const hasTeardown = ex.functionStack.length > 0 || ex.requestStack.length > 0;
        const extra = this.plan.answerHeaders;
        const app = this.app;
        const finish = hasTeardown ? () => closeBothAfterSent(ex, app) : DONE;
        return extra ? { values: values, finish, hasTeardown, headers: extra.map(headerLine) } : { values: values, finish, hasTeardown };
    }
    err(ex, error) {
        const { app, route } = this;
        const outcome = failedOutcome(ex, error, { onError: app.onError, errorBody: app.options.errorBody, label: route.label }, this.plan);
        return isPromise(outcome) ? outcome.then(toDenied) : toDenied(outcome);
    }
}
const toDenied = (o) => ({ answer: o.answer, finish: DONE, hasTeardown: false });
/** Closes the function stack, then the request stack; a remaining error goes to `onError`. */
async function closeBothAfterSent(ex, app) {
    const second = await closeBoth(ex);
    if (!isClean(second)) {
        try {
            app.onError(second.error, ex.request);
        }
        catch {
            // a failing hook must not break anything else
        }
    }
}
//# sourceMappingURL=run.js.map