/**
 * Where Hono goes past what a guard decided for (internal).
 *
 * A guard placed with `use()` decides beforehand for the routes a request
 * may reach through it, up to a route whose last handler is declared
 * without `next`, which it takes to answer. Declared without it is no
 * proof that a handler never calls it (`(c, ...rest) => f(c, ...rest)`,
 * `arguments[1]()`): Hono then runs the handlers it matched after that
 * route, which the guard decided nothing for. Hono sets
 * `c.req.routeIndex` to the index of each handler just before calling it
 * (its `compose()`; the field every handler's `c.req.param()` reads): the
 * watch is that field, made an accessor on the request, whose setter asks
 * each watching guard about the handler Hono is about to run, and throws,
 * so that the handler does not run, where that guard refuses it. The throw
 * rejects the `next()` the handler called (to the app's `onError` when it
 * returns or awaits it, as handlers do; an unhandled rejection otherwise).
 * The app's `notFound`, which Hono runs with no index of its own, is not
 * watched: after such a handler it runs with the decisions taken so far.
 */
import type { Context } from 'hono';

/** What a guard does with the handler at `at`, past `end`, the last one it decided for: the last index it now covers, or it throws (the handler must not run). */
export type Past = (at: number, end: number) => number;

/** One guard watching a request. */
interface Watching {
  readonly guard: unknown;
  /** The last index of Hono's matched routes its decisions cover. */
  end: number;
  readonly past: Past;
}

/** A request's watch: Hono's `routeIndex`, kept here once watched, and the guards watching (few: a list). */
interface Watch {
  index: number;
  readonly watching: Watching[];
}

/** Where a watched request (Hono's `c.req`) keeps its watch. */
const WATCH = Symbol('depends.hono.watch');

type Watched = { [WATCH]?: Watch };

/**
 * The accessor `routeIndex` becomes on a watched request: the same
 * functions for every request, so that every watched request object has
 * the same shape (closures of its own would give each one a shape of its
 * own, and every read of `c.req` after it a slower path).
 */
const ROUTE_INDEX: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Watched): number {
    return this[WATCH]!.index;
  },
  set(this: Watched, at: number): void {
    const w = this[WATCH]!;
    // (a guard that throws here leaves the index as it was: the handler at `at` never runs)
    for (const g of w.watching) if (at > g.end) g.end = g.past(at, g.end);
    w.index = at;
  },
};

/**
 * Watches, for `guard`, the handlers Hono runs for the request after the
 * one at `end` (in its matched routes): `past` is asked about each before
 * it runs (it returns the last index it then covers, or throws). Watched
 * again by the same guard: it covers up to the later of both ends.
 *
 * @example
 * ```ts
 * const watch = (c: Context, guard: unknown, routeEnd: number, publicUpTo: number) =>
 *   watchPast(c, guard, routeEnd, (at, end) => {
 *     if (at <= publicUpTo) return publicUpTo // nothing to decide up to there
 *     throw new Error(`the handler at ${at} (past ${end}) needs a decision`)
 *   })
 * ```
 */
export function watchPast(c: Context, guard: unknown, end: number, past: Past): void {
  const req = c.req as unknown as Watched;
  let w = req[WATCH];
  if (w === undefined) {
    req[WATCH] = w = { index: c.req.routeIndex, watching: [] };
    Object.defineProperty(req, 'routeIndex', ROUTE_INDEX);
  }
  const known = w.watching.find((g) => g.guard === guard);
  if (known === undefined) w.watching.push({ guard, end, past });
  else if (end > known.end) known.end = end;
}

/**
 * Tells a guard's watch (if any) that the guard has now decided up to
 * `end` (a placement of it in a route's own handlers, reached after the
 * placement with `use()` that watches).
 *
 * @example
 * ```ts
 * const decidedUpTo = (c: Context, guard: unknown, routeEnd: number) => coveredTo(c, guard, routeEnd)
 * ```
 */
export function coveredTo(c: Context, guard: unknown, end: number): void {
  const known = (c.req as unknown as Watched)[WATCH]?.watching.find((g) => g.guard === guard);
  if (known !== undefined && end > known.end) known.end = end;
}

/**
 * The path parameters Hono gives the handler at `at` of its matched routes
 * (`c.req.param()` reads those of `c.req.routeIndex`): read there, the
 * index then put back, without asking the watch.
 *
 * @example
 * ```ts
 * paramsAt(c, routeLast) // { id: 'n2' } where the guard's own pattern, '/shared/:id/*', gives { id: 'n1' }
 * ```
 */
export function paramsAt(c: Context, at: number): Record<string, string> {
  const req = c.req;
  const w = (req as unknown as Watched)[WATCH];
  const was = w === undefined ? req.routeIndex : w.index;
  if (was === at) return req.param() as Record<string, string>;
  const move = (index: number) => (w === undefined ? (req.routeIndex = index) : (w.index = index));
  move(at);
  try {
    return req.param() as Record<string, string>;
  } finally {
    move(was);
  }
}
