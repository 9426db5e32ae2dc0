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
import { errorAnswer } from '../app/handle.js';
import type { RequestView } from '../request/view.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
import type { Guards } from './guards.js';
import { requestSlot, type RequestSlot, type StateHolder } from './slot.js';
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
  /** How the guard's values reach its typed accessor (`auth.values(req)`), when it has one. */
  readonly set?: (key: never, values: Record<string, unknown>) => void;
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
export interface GateBinding<K extends object> {
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
  /** The object of a request that holds the gate's per-request state (default: the request object; Express's `res.locals`, see `StateHolder`). */
  readonly state?: StateHolder<K>;
}

/** What the gate remembers of one request (lists start as one shared empty list, replaced before anything is added). */
interface RequestState {
  /** Guards placed with `use()` that the request went through, in order. */
  pending: unknown[];
  /** Guards whose strictest requirement the request has passed (a list: there are few guards). */
  strict: unknown[];
  /** Guards already decided at the route the request is at (a route guard placed in the route's own stack skips itself). */
  decided: unknown[];
}

const NONE: unknown[] = [];

/** `list` with `item` added: `list` itself, or a new list in place of a shared one (the empty one, or an entry's frozen `[guard]`). */
const added = (list: unknown[], item: unknown): unknown[] => (list === NONE ? [item] : Object.isFrozen(list) ? [...list, item] : (list.push(item), list));

/** What a gate works out once per table entry. */
interface EntryCache {
  /** The guards the entry places in front of its route with `use()`. */
  placed: readonly unknown[] | undefined;
  /** By guard: its steps there when it is the request's only pending guard, and the request's decided list then. */
  readonly single: Map<unknown, { readonly decided: readonly unknown[]; readonly steps: readonly GuardStep[] }>;
  /** By guard: its steps there when it runs in front of the route itself (see {@link GuardGate.forOwnRoute}). */
  readonly own: Map<unknown, readonly GuardStep[]>;
}

/** Whether an adapter gave several table entries (a route on several paths) rather than one. */
const isList = (entry: TableRoute | readonly TableRoute[] | undefined): entry is readonly TableRoute[] => Array.isArray(entry);

/** No decision to take (shared: never added to). */
const NO_STEPS: readonly GuardStep[] = Object.freeze([]);

/**
 * The per-request bookkeeping of guards, keyed by the framework's request
 * object (Express `req`, Koa `ctx`, Hono `c`, Fastify `request`).
 *
 * @example
 * ```ts
 * const gate = new GuardGate<Request>(kit.app, kit.guards, binding)
 * gate.mark(req, auth)                           // app.use(auth): pending
 * const steps = gate.forRoute(req, entry, [auth]) // at the route's checkpoint
 * gate.decide(req, steps, next)                  // a refusal is written; else the values are passed on, then next()
 * ```
 */
export class GuardGate<K extends object> {
  readonly #app: DependsApp;
  readonly #guards: Guards;
  /** Where this gate keeps its state for a request (see `StateHolder`). */
  readonly #state: RequestSlot<K, RequestState>;
  /**
   * Where this gate keeps, on a table entry, what it worked out once for
   * it: the guards the entry places in front of its route with `use()`,
   * and the steps of one guard there (the usual case). A property of the
   * entry's own (the entries are the adapters' objects): read on every
   * guarded request, cheaper than a `WeakMap` entry.
   */
  readonly #entrySlot = Symbol('depends.guard.entry');
  readonly #binding: GateBinding<K>;
  /** Each guard's typed accessor, fed when it passes (`auth.values(req)`). */
  readonly #setters = new Map<unknown, (key: K, values: Record<string, unknown>) => void>();

  constructor(app: DependsApp, guards: Guards, binding: GateBinding<K>) {
    this.#app = app;
    this.#guards = guards;
    this.#binding = binding;
    this.#state = requestSlot('depends.guard', binding.state);
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
  accessor(guard: unknown, set: (key: K, values: never) => void): void {
    this.#setters.set(guard, set as (key: K, values: Record<string, unknown>) => void);
  }

  /**
   * Takes decisions in order, synchronously while every dependency is:
   * each passed one goes to the binding's `pass` (and the guard's typed
   * accessor), the first refusal to its `write` (nothing after it runs;
   * what `write` returns is returned), and when all passed, `next()`.
   * Never throws; a promise only when a dependency is asynchronous.
   *
   * @example
   * ```ts
   * gate.decide(req, gate.strictSteps(req), () => middleware(req, res, next))
   * ```
   */
  decide(key: K, steps: readonly GuardStep[], next: () => unknown): MaybePromise<unknown> {
    if (steps.length === 0) return next();
    return this.#take(key, this.#of(key), steps, 0, this.#binding.view(key), next);
  }

  /** The decisions from step `i` on (see {@link GuardGate.decide}). */
  #take(key: K, state: RequestState, steps: readonly GuardStep[], i: number, view: RequestView, next: () => unknown): MaybePromise<unknown> {
    for (; i < steps.length; i++) {
      const step = steps[i];
      const outcome = runGuard(this.#app, step.route, view);
      if (outcome instanceof Promise) {
        const at = i;
        return outcome.then((o) => (this.#settled(key, state, step, o) ? this.#take(key, state, steps, at + 1, view, next) : this.#binding.write(key, o.answer!, view)));
      }
      if (!this.#settled(key, state, step, outcome)) return this.#binding.write(key, outcome.answer!, view);
    }
    return next();
  }

  /** A step's outcome: `false` when refused; else the strictest requirement noted as passed, the values handed on, and `true`. */
  #settled(key: K, state: RequestState, step: GuardStep, outcome: GuardOutcome): boolean {
    if (!outcome.values) return false;
    if (step.strict && !state.strict.includes(step.guard)) state.strict = added(state.strict, step.guard);
    step.set?.(key as never, outcome.values);
    this.#binding.pass(key, outcome.values, outcome.hasTeardown ? () => outcome.finish() : undefined, outcome.headers);
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
  fail(key: K, error: unknown): unknown {
    const b = this.#binding;
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
  decideWith(key: K, steps: () => readonly GuardStep[], next: () => unknown): MaybePromise<unknown> {
    let found: readonly GuardStep[];
    try {
      found = steps();
    } catch (error) {
      return this.fail(key, error);
    }
    return this.decide(key, found, next);
  }

  /**
   * The checkpoint of a route, where the framework has dispatched the
   * request: every pending guard, and every guard `entry` places in front of
   * the route with `use()` (those in `own`, the route's own stack, decide
   * when they run), decides for it; the strictest requirement when the
   * route's entry is unknown. A route registered on several paths whose
   * matched one the framework does not tell (Express's `app.get(['/a',
   * '/b'], …)`) gives every entry: each one's decision is taken.
   *
   * @example
   * ```ts
   * const checkpoint = (req, res, next) => gate.atRoute(req, entryOf(route, req.method), (r) => routeHandles(route, r.method), next)
   * ```
   */
  atRoute(
    key: K,
    entry: TableRoute | readonly TableRoute[] | undefined | (() => TableRoute | readonly TableRoute[] | undefined),
    own: readonly unknown[] | ((key: K) => readonly unknown[]),
    next: () => unknown,
  ): MaybePromise<unknown> {
    let steps: readonly GuardStep[];
    try {
      const found = typeof entry === 'function' ? entry() : entry;
      if (found === undefined || (isList(found) && found.length === 0)) steps = this.strictSteps(key);
      else if (!isList(found)) steps = this.forRoute(key, found, this.#placed(key, found, own));
      else {
        const every: GuardStep[] = [];
        for (const e of found) for (const step of this.forRoute(key, e, this.#placed(key, e, own))) if (!every.some((o) => o.route === step.route)) every.push(step);
        steps = every;
      }
    } catch (error) {
      return this.fail(key, error);
    }
    return this.decide(key, steps, next);
  }

  #placed(key: K, entry: TableRoute, own: readonly unknown[] | ((key: K) => readonly unknown[])): readonly unknown[] {
    const known = this.#known(entry);
    if (known.placed === undefined) {
      const mine = typeof own === 'function' ? own(key) : own;
      known.placed = entry.before.filter((fn) => this.#guards.isGuard(fn) && !mine.includes(fn));
    }
    return known.placed;
  }

  /** What this gate worked out for a table entry so far (see `#entrySlot`). */
  #known(entry: TableRoute): EntryCache {
    const e = entry as unknown as Record<symbol, EntryCache | undefined>;
    let known = e[this.#entrySlot];
    if (known === undefined) {
      known = { placed: undefined, single: new Map(), own: new Map() };
      Object.defineProperty(entry, this.#entrySlot, { value: known, enumerable: false });
    }
    return known;
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
  atOwnRoute(key: K, guard: unknown, entry: TableRoute | readonly TableRoute[] | undefined | (() => TableRoute | readonly TableRoute[] | undefined), next: () => unknown): MaybePromise<unknown> {
    // (decideWith's work without its closure: this runs for every request a route's own guard sees)
    let steps: readonly GuardStep[];
    try {
      const found = typeof entry === 'function' ? entry() : entry;
      // several entries (a route on several paths): the decision for each of them
      steps = isList(found) ? this.forOwnRoutes(key, guard, found) : this.forOwnRoute(key, guard, found);
    } catch (error) {
      return this.fail(key, error);
    }
    return this.decide(key, steps, next);
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
  beforeMiddleware(key: K, run: () => unknown): unknown {
    return this.unsettled(key) ? this.decideWith(key, () => this.strictSteps(key), run) : run();
  }

  #of(key: K): RequestState {
    let s = this.#state.get(key);
    if (s === undefined) this.#state.set(key, (s = { pending: NONE, strict: NONE, decided: NONE }));
    return s;
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
  mark(key: K, guard: unknown): void {
    const s = this.#state.get(key);
    if (s === undefined) this.#state.set(key, { pending: [guard], strict: NONE, decided: NONE });
    else if (!s.pending.includes(guard)) s.pending = added(s.pending, guard);
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
  unsettled(key: K): boolean {
    const s = this.#state.get(key);
    if (s === undefined) return false;
    for (let i = 0; i < s.pending.length; i++) if (!s.strict.includes(s.pending[i])) return true;
    return false;
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
  strictSteps(key: K, extra: readonly unknown[] = []): GuardStep[] {
    const s = this.#of(key);
    const out: GuardStep[] = [];
    for (const guard of [...s.pending, ...extra])
      if (!s.strict.includes(guard) && !out.some((o) => o.guard === guard)) out.push(this.#step(guard, this.#guards.strictest(guard), true));
    return out;
  }

  /**
   * The decisions to take before what the framework runs for a request on
   * its way to one of `entries` without having chosen which (Express runs
   * the parameter callbacks of a `use()` path, `router.use('/orgs/:org',
   * orgs)`, before choosing the route inside): each pending guard not yet
   * past its strictest requirement, with the weakest requirement it has
   * among those routes (none when one is public to it; its strictest when
   * no route is known). The route the request reaches still decides.
   *
   * @example
   * ```ts
   * gate.decide(req, gate.towards(req, entriesBehindMount), () => loadOrg(req, res, next, org))
   * ```
   */
  towards(key: K, entries: readonly TableRoute[]): readonly GuardStep[] {
    const s = this.#of(key);
    const out: GuardStep[] = [];
    for (const guard of s.pending) {
      if (s.strict.includes(guard)) continue;
      const route = this.#guards.weakest(guard, entries);
      if (route) out.push(this.#step(guard, route, entries.length === 0));
    }
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
  forRoute(key: K, entry: TableRoute, placed: readonly unknown[] = []): readonly GuardStep[] {
    const s = this.#of(key);
    // the usual case, one guard placed with use() and nothing else: its step for this route, worked out once
    if (placed.length === 0 && s.pending.length === 1) {
      const guard = s.pending[0];
      const single = this.#known(entry).single;
      let made = single.get(guard);
      if (made === undefined) single.set(guard, (made = { decided: Object.freeze([guard]), steps: this.#stepsFor(entry, [guard]) }));
      s.decided = made.decided as unknown[]; // shared and frozen: `added` copies it before adding
      return made.steps;
    }
    const guards: unknown[] = [];
    for (const list of [placed, s.pending]) for (let i = 0; i < list.length; i++) if (!guards.includes(list[i])) guards.push(list[i]);
    s.decided = guards.slice();
    return this.#stepsFor(entry, guards);
  }

  /** Each guard's decision at a route (none for a route it leaves public). */
  #stepsFor(entry: TableRoute, guards: readonly unknown[]): GuardStep[] {
    const out: GuardStep[] = [];
    for (const guard of guards) {
      const route = this.#guards.routeFor(guard, entry, true);
      if (route) out.push(this.#step(guard, route, false));
    }
    return out;
  }

  /** One decision: the guard, its requirement there, and its accessor's setter. */
  #step(guard: unknown, route: AppRoute, strict: boolean): GuardStep {
    const step: { -readonly [K in keyof GuardStep]: GuardStep[K] } = { guard, route };
    if (strict) step.strict = true;
    const set = this.#setters.get(guard);
    if (set) step.set = set;
    return step;
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
  forOwnRoute(key: K, guard: unknown, entry: TableRoute | undefined): readonly GuardStep[] {
    const s = this.#of(key);
    if (s.decided.includes(guard)) return NO_STEPS;
    s.decided = added(s.decided, guard);
    if (entry === undefined) return s.strict.includes(guard) ? NO_STEPS : [this.#step(guard, this.#guards.strictest(guard), true)];
    return this.#ownSteps(guard, entry);
  }

  /**
   * The decision of a guard in front of one framework route reached on
   * several paths whose matched one the framework does not tell (Express's
   * `app.get(['/a', '/b'], …)`): the decision for each of its entries, none
   * repeated, as one; the strictest requirement when no entry is known.
   * The entries' decisions are left out when this guard has already decided
   * for the request.
   *
   * @example
   * ```ts
   * const steps = gate.forOwnRoutes(req, auth, [healthEntry, healthzEntry])
   * ```
   */
  forOwnRoutes(key: K, guard: unknown, entries: readonly TableRoute[]): readonly GuardStep[] {
    if (entries.length === 1) return this.forOwnRoute(key, guard, entries[0]); // the usual case: one route
    if (entries.length === 0) return this.strictSteps(key, [guard]);
    const out: GuardStep[] = [];
    const again = this.#of(key).decided.includes(guard);
    for (const step of this.forOwnRoute(key, guard, entries[0])) out.push(step);
    if (!again) for (let i = 1; i < entries.length; i++) for (const step of this.#ownSteps(guard, entries[i])) if (!out.some((o) => o.route === step.route)) out.push(step);
    return out;
  }

  /** A guard's decision for one route, worked out once per entry (the entry's route and the guard's options do not change). */
  #ownSteps(guard: unknown, entry: TableRoute): readonly GuardStep[] {
    const own = this.#known(entry).own;
    let steps = own.get(guard);
    if (steps === undefined) {
      const route = this.#guards.routeFor(guard, entry, true);
      own.set(guard, (steps = route ? Object.freeze([this.#step(guard, route, false)]) : NO_STEPS));
    }
    return steps;
  }
}
