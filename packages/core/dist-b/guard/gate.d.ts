/**
 * Where a guard takes its decision, written once for every adapter.
 *
 * A guard never lets a request reach a handler it did not decide for:
 *
 * - At the route the framework itself dispatched to (Express's and Koa's
 *   route stacks, Hono's matched routes, Fastify's route hooks), the guard
 *   decides for that route: its per-route scopes, public opt-outs and
 *   extra dependencies.
 * - A guard placed with `use()` on a framework whose middleware runs before
 *   the route is known (Express, Koa) only marks the request as pending;
 *   every route after it carries a checkpoint that decides there, and every
 *   other middleware after it (which may answer by itself) first gets the
 *   guard's strictest requirement.
 * - Where the route cannot be known, the strictest requirement applies.
 *
 * Adapters say where the dispatch point is and how values reach the
 * handler; the bookkeeping per request and the decisions live here.
 */
import type { AppRoute, DependsApp } from '../app/app.js';
import type { RequestView } from '../request/view.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
import type { Guards } from './guards.js';
import { runGuard, type GuardOutcome } from './run.js';
import type { TableRoute } from './types.js';
/**
 * One decision to take for a request: a guard, and what it requires there
 * (compiled once per route).
 *
 * @example
 * ```ts
 * const steps: GuardStep[] = gate.forRoute(req, entry, [auth])
 * ```
 */
export interface GuardStep {
    readonly guard: unknown;
    readonly route: AppRoute;
    /** The guard's strictest requirement (no route known): once passed, not asked again for this request. */
    readonly strict?: boolean;
}
/**
 * What a framework gives the gate for one request (`K`: its request
 * object): the core request view, how a refusal is written, and how a
 * passed guard's values reach the handlers the framework's way (and its
 * teardowns run once the response is sent).
 *
 * @example
 * ```ts
 * const binding: GateBinding<{ req: IncomingMessage; res: ServerResponse; locals: object }> = {
 *   view: (key) => viewOf(key.req),
 *   write: (key, answer) => { if (!key.res.headersSent) writeNodeAnswer(key.res, answer) },
 *   pass: (key, values, finish, headers) => { Object.assign(key.locals, values); for (const [n, v] of headers ?? []) key.res.setHeader(n, v); if (finish) afterSent(key.res, finish) },
 * }
 * ```
 */
export interface GateBinding<K> {
    view(key: K): RequestView;
    /**
     * Writes a refusal; what it returns is what the gate's methods return for
     * a refused request (e.g. Fastify's reply). `view` is the request view
     * the decision was taken on (for the error answer if writing fails: no
     * second view made per refusal).
     */
    write(key: K, answer: Answer, view: RequestView): unknown;
    /**
     * A guard passed: its values, its teardowns (`finish`) when it has any,
     * and header lines its schemes add to every answer (`headers`, e.g. a
     * DPoP nonce) to set on the framework's response.
     */
    pass(key: K, values: Record<string, unknown>, finish: (() => Promise<void>) | undefined, headers: readonly (readonly [string, string])[] | undefined): void;
}
/**
 * The per-request bookkeeping of guards, keyed by the framework's request
 * object (Express `req`, Koa `ctx`, Hono `c`, Fastify `request`).
 *
 * @example
 * ```ts
 * const gate = new GuardGate<Request>(kit.app, kit.guards)
 * gate.mark(req, auth)                           // app.use(auth): pending
 * const steps = gate.forRoute(req, entry, [auth]) // at the route's checkpoint
 * gate.run(req, steps, view, (step, outcome) => pass(step, outcome), (answer) => write(answer), () => next())
 * ```
 */
export declare class GuardGate<K extends object> {
    #private;
    constructor(app: DependsApp, guards: Guards, binding?: GateBinding<K>);
    /**
     * Registers how a guard's values reach its typed accessor.
     *
     * @example
     * ```ts
     * const resolved = guardValues<Request, Values<I>>('auth.values(req)')
     * gate.accessor(auth, resolved.set)
     * ```
     */
    accessor(guard: unknown, set: (key: K, values: never) => void): void;
    /**
     * Takes decisions with the binding (see {@link GuardGate.run}), then
     * `next()`; a refusal is written instead and nothing after it runs.
     *
     * @example
     * ```ts
     * gate.decide(req, gate.strictSteps(req), () => middleware(req, res, next))
     * ```
     */
    decide(key: K, steps: readonly GuardStep[], next: () => unknown): MaybePromise<unknown>;
    /**
     * A configuration mistake found while a request waits: the error answer
     * (a plain 500, the error going to `onError`), never the handler.
     *
     * @example
     * ```ts
     * try { install(req.app) } catch (error) { return gate.fail(req, error) }
     * ```
     */
    fail(key: K, error: unknown): unknown;
    /**
     * Works out the decisions to take (`steps`, which may throw a
     * configuration mistake: then {@link GuardGate.fail}), then takes them
     * (see {@link GuardGate.decide}).
     *
     * @example
     * ```ts
     * return gate.decideWith(request, () => (request.is404 ? gate.strictSteps(request, [auth]) : gate.forOwnRoute(request, auth, entry)), () => undefined)
     * ```
     */
    decideWith(key: K, steps: () => readonly GuardStep[], next: () => unknown): MaybePromise<unknown>;
    /**
     * The checkpoint of a route, where the framework has dispatched the
     * request: every pending guard, and every guard `entry` places in front of
     * the route with `use()` (those in `own`, the route's own stack, decide
     * when they run), decides for it; the strictest requirement when the
     * route's entry is unknown.
     *
     * @example
     * ```ts
     * const checkpoint = (req, res, next) => gate.atRoute(req, entryOf(route, req.method), (r) => routeHandles(route, r.method), next)
     * ```
     */
    atRoute(key: K, entry: TableRoute | undefined | (() => TableRoute | undefined), own: readonly unknown[] | ((key: K) => readonly unknown[]), next: () => unknown): MaybePromise<unknown>;
    /**
     * A guard placed in a route's own stack, now running: it decides for that
     * route unless the route's checkpoint did (see {@link GuardGate.forOwnRoute}).
     *
     * @example
     * ```ts
     * const auth = (req, res, next) => gate.atOwnRoute(req, auth, () => entryOf(req.route, req.method), next)
     * ```
     */
    atOwnRoute(key: K, guard: unknown, entry: TableRoute | undefined | (() => TableRoute | undefined), next: () => unknown): MaybePromise<unknown>;
    /**
     * Before one of the app's own middleware placed after a guard (it may
     * answer by itself): the strictest requirement of every pending guard not
     * yet met, then `run`. Without pending guards, `run` at once.
     *
     * @example
     * ```ts
     * const wrapped = (req, res, next) => gate.beforeMiddleware(req, () => middleware(req, res, next))
     * ```
     */
    beforeMiddleware(key: K, run: () => unknown): unknown;
    /**
     * A guard placed with `use()` saw the request: it is pending until a route
     * checkpoint or another middleware decides for it.
     *
     * @example
     * ```ts
     * const auth = (req, res, next) => { gate.mark(req, auth); next() }
     * ```
     */
    mark(key: K, guard: unknown): void;
    /**
     * Whether a request has guards pending whose strictest requirement it has
     * not passed (a middleware that may answer by itself must not run before
     * them).
     *
     * @example
     * ```ts
     * if (gate.unsettled(req)) return gate.decide(req, gate.strictSteps(req), () => middleware(req, res, next))
     * ```
     */
    unsettled(key: K): boolean;
    /**
     * The strictest requirement of every pending guard the request has not
     * passed yet: what runs before a middleware that may answer by itself, or
     * where the route cannot be known.
     *
     * @example
     * ```ts
     * gate.strictSteps(req) // [{ guard: auth, route: <auth's strictest requirement> }]
     * ```
     */
    strictSteps(key: K, extra?: readonly unknown[]): GuardStep[];
    /**
     * The decisions to take at a route the framework dispatched the request
     * to: every guard pending on the request, and every guard the route table
     * puts in front of the route with `use()` (`placed`, in case the request
     * reached the route some other way), each for that route. Public routes
     * and docs routes need none.
     *
     * @example
     * ```ts
     * const steps = gate.forRoute(req, { method: 'GET', path: '/v1/notes/:id', handler, before: [auth] }, [auth])
     * ```
     */
    forRoute(key: K, entry: TableRoute, placed?: readonly unknown[]): readonly GuardStep[];
    /**
     * The decision of a guard placed in a route's own stack, at that route:
     * none when the route's checkpoint has already taken it, the strictest
     * requirement when the route is unknown.
     *
     * @example
     * ```ts
     * const steps = gate.forOwnRoute(req, auth, entryOf(req.route))
     * ```
     */
    forOwnRoute(key: K, guard: unknown, entry: TableRoute | undefined): GuardStep[];
    /**
     * Takes decisions in order, synchronously when every dependency is: each
     * passed one goes to `pass` (store its values the framework's way, run
     * its teardowns after the response), the first refusal to `refuse` (write
     * it; nothing after it runs), and when all passed, `done`. Never throws
     * or rejects.
     *
     * @example
     * ```ts
     * gate.run(req, steps, view, (step, outcome) => setValues(step.guard, outcome), (answer) => write(res, answer), next)
     * ```
     */
    run<R>(key: K, steps: readonly GuardStep[], view: Parameters<typeof runGuard>[2], pass: (step: GuardStep, outcome: GuardOutcome & {
        values: Record<string, unknown>;
    }) => void, refuse: (answer: Answer) => R, done: () => R): MaybePromise<R>;
}
