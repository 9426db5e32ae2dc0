import { errorAnswer } from '../app/handle.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { runGuard } from './run.js';
const NONE = [];
/** `list` with `item` added: `list` itself, or a new list in place of the shared empty one. */
const added = (list, item) => (list === NONE ? [item] : (list.push(item), list));
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
export class GuardGate {
    #app;
    #guards;
    /** Where this gate keeps its state on a request object (a property of its own: cheaper than a WeakMap entry per request). */
    #slot = Symbol('depends.guard');
    /** The guards a table entry places in front of its route with `use()`, worked out once per entry. */
    #placedBy = new WeakMap();
    /** The steps of one guard at a table entry (the usual case), worked out once per entry and guard. */
    #single = new WeakMap();
    #binding;
    /** Each guard's typed accessor, fed when it passes (`auth.values(req)`). */
    #setters = new Map();
    constructor(app, guards, binding) {
        this.#app = app;
        this.#guards = guards;
        this.#binding = binding;
    }
    /**
     * Registers how a guard's values reach its typed accessor.
     *
     * @example
     * ```ts
     * const resolved = guardValues<Request, Values<I>>('auth.values(req)')
     * gate.accessor(auth, resolved.set)
     * ```
     */
    accessor(guard, set) {
        this.#setters.set(guard, set);
    }
    #bound() {
        if (!this.#binding)
            throw new ConfigurationError(ErrorCode.GuardOptions, 'GuardGate: made without a binding, so it cannot answer by itself');
        return this.#binding;
    }
    /**
     * Takes decisions with the binding (see {@link GuardGate.run}), then
     * `next()`; a refusal is written instead and nothing after it runs.
     *
     * @example
     * ```ts
     * gate.decide(req, gate.strictSteps(req), () => middleware(req, res, next))
     * ```
     */
    decide(key, steps, next) {
        if (steps.length === 0)
            return next();
        const b = this.#bound();
        return this.#take(key, this.#of(key), steps, 0, b.view(key), (this.#boundSink ??= this.#sinkOf(b)), next);
    }
    /** Where {@link GuardGate.decide} hands outcomes: the accessor and the binding (made once: no closure per request). */
    #boundSink;
    #sinkOf(b) {
        return {
            passed: (key, step, outcome) => {
                this.#setters.get(step.guard)?.(key, outcome.values);
                b.pass(key, outcome.values, outcome.hasTeardown ? () => outcome.finish() : undefined, outcome.headers);
            },
            refused: (key, answer, view) => b.write(key, answer, view),
        };
    }
    /** The decisions from step `i` on, in order, synchronously while every dependency is: each passed one to `sink.passed`, the first refusal to `sink.refused` (nothing after it runs), then `next`. */
    #take(key, state, steps, i, view, sink, next) {
        for (; i < steps.length; i++) {
            const step = steps[i];
            const outcome = runGuard(this.#app, step.route, view);
            if (outcome instanceof Promise) {
                const at = i;
                return outcome.then((o) => (this.#settled(key, state, step, o, sink) ? this.#take(key, state, steps, at + 1, view, sink, next) : sink.refused(key, o.answer, view)));
            }
            if (!this.#settled(key, state, step, outcome, sink))
                return sink.refused(key, outcome.answer, view);
        }
        return next();
    }
    /** A step's outcome: `false` when refused; else the strictest requirement noted as passed, the outcome handed to the sink, and `true`. */
    #settled(key, state, step, outcome, sink) {
        if (!outcome.values)
            return false;
        if (step.strict && !state.strict.includes(step.guard))
            state.strict = added(state.strict, step.guard);
        sink.passed(key, step, outcome);
        return true;
    }
    /**
     * A configuration mistake found while a request waits: the error answer
     * (a plain 500, the error going to `onError`), never the handler.
     *
     * @example
     * ```ts
     * try { install(req.app) } catch (error) { return gate.fail(req, error) }
     * ```
     */
    fail(key, error) {
        const b = this.#bound();
        const view = b.view(key);
        return b.write(key, errorAnswer(error, view, this.#app.onError, this.#app.options.errorBody), view);
    }
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
    decideWith(key, steps, next) {
        let found;
        try {
            found = steps();
        }
        catch (error) {
            return this.fail(key, error);
        }
        return this.decide(key, found, next);
    }
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
    atRoute(key, entry, own, next) {
        let steps;
        try {
            const found = typeof entry === 'function' ? entry() : entry;
            steps = found === undefined ? this.strictSteps(key) : this.forRoute(key, found, this.#placed(key, found, own));
        }
        catch (error) {
            return this.fail(key, error);
        }
        return this.decide(key, steps, next);
    }
    #placed(key, entry, own) {
        let placed = this.#placedBy.get(entry);
        if (!placed) {
            const mine = typeof own === 'function' ? own(key) : own;
            this.#placedBy.set(entry, (placed = entry.before.filter((fn) => this.#guards.isGuard(fn) && !mine.includes(fn))));
        }
        return placed;
    }
    /**
     * A guard placed in a route's own stack, now running: it decides for that
     * route unless the route's checkpoint did (see {@link GuardGate.forOwnRoute}).
     *
     * @example
     * ```ts
     * const auth = (req, res, next) => gate.atOwnRoute(req, auth, () => entryOf(req.route, req.method), next)
     * ```
     */
    atOwnRoute(key, guard, entry, next) {
        return this.decideWith(key, () => this.forOwnRoute(key, guard, typeof entry === 'function' ? entry() : entry), next);
    }
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
    beforeMiddleware(key, run) {
        return this.unsettled(key) ? this.decideWith(key, () => this.strictSteps(key), run) : run();
    }
    #of(key) {
        const k = key;
        return (k[this.#slot] ??= { pending: [], strict: NONE, decided: NONE });
    }
    /**
     * A guard placed with `use()` saw the request: it is pending until a route
     * checkpoint or another middleware decides for it.
     *
     * @example
     * ```ts
     * const auth = (req, res, next) => { gate.mark(req, auth); next() }
     * ```
     */
    mark(key, guard) {
        const k = key;
        const s = k[this.#slot];
        if (s === undefined)
            k[this.#slot] = { pending: [guard], strict: NONE, decided: NONE };
        else if (!s.pending.includes(guard))
            s.pending.push(guard);
    }
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
    unsettled(key) {
        const s = key[this.#slot];
        return s !== undefined && s.pending.some((g) => !s.strict.includes(g));
    }
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
    strictSteps(key, extra = []) {
        const s = this.#of(key);
        const out = [];
        for (const guard of [...s.pending, ...extra])
            if (!s.strict.includes(guard) && !out.some((o) => o.guard === guard))
                out.push({ guard, route: this.#guards.strictest(guard), strict: true });
        return out;
    }
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
    forRoute(key, entry, placed = []) {
        const s = this.#of(key);
        // the usual case, one guard placed with use() and nothing else: its step for this route, worked out once
        if (placed.length === 0 && s.pending.length === 1) {
            const guard = s.pending[0];
            s.decided = [guard];
            let byGuard = this.#single.get(entry);
            if (byGuard === undefined)
                this.#single.set(entry, (byGuard = new Map()));
            let steps = byGuard.get(guard);
            if (steps === undefined)
                byGuard.set(guard, (steps = this.#stepsFor(entry, [guard])));
            return steps;
        }
        const guards = [];
        for (const list of [placed, s.pending])
            for (let i = 0; i < list.length; i++)
                if (!guards.includes(list[i]))
                    guards.push(list[i]);
        s.decided = guards.slice();
        return this.#stepsFor(entry, guards);
    }
    /** Each guard's decision at a route (none for a route it leaves public). */
    #stepsFor(entry, guards) {
        const out = [];
        for (const guard of guards) {
            const route = this.#guards.routeFor(guard, entry, true);
            if (route)
                out.push({ guard, route });
        }
        return out;
    }
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
    forOwnRoute(key, guard, entry) {
        const s = this.#of(key);
        if (s.decided.includes(guard))
            return [];
        s.decided = added(s.decided, guard);
        if (entry === undefined)
            return s.strict.includes(guard) ? [] : [{ guard, route: this.#guards.strictest(guard), strict: true }];
        const route = this.#guards.routeFor(guard, entry, true);
        return route ? [{ guard, route }] : [];
    }
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
    run(key, steps, view, pass, refuse, done) {
        const sink = { passed: (_key, step, outcome) => pass(step, outcome), refused: (_key, answer) => refuse(answer) };
        return this.#take(key, this.#of(key), steps, 0, view, sink, done);
    }
}
//# sourceMappingURL=gate.js.map