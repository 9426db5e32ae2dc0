/**
 * `@depends/hono`: serves `@depends/core` routes on Hono 4. Routes declared
 * once on a core `Router` are mounted with `d.mount()`; single handlers are
 * wrapped with `d.handler()` inside an existing app; `d.docs()` serves the
 * OpenAPI document and Swagger UI.
 *
 * On `@hono/node-server` request-scope teardowns run once the Node response
 * has been sent (`c.env.outgoing`); on other runtimes, see {@link DependsHono}.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono'
 * import { serve } from '@hono/node-server'
 * import { createDepends } from '@depends/hono'
 *
 * const app = new Hono()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(app, api)                                                  // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(app)                                                        // /openapi.json + /docs
 * serve({ fetch: app.fetch, port: 3000 })
 * ```
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Handler as HonoHandler, Hono, MiddlewareHandler, Next } from 'hono';
import { HTTPException as HonoHTTPException } from 'hono/http-exception';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException } from '@depends/core';
import { AdapterKit, appFrom, GuardGate, guardValues, createRequestView, groupHeaders, mountPrefix, nativeWasRead, requestSlot } from '@depends/core/adapter';
import { afterSent, closeAfterAnswer, rawHeaderSource, readNodeBody } from '@depends/core/node';
import type { Answer, AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, GuardStep, HandlerOptions, MaybePromise, Outcome, RawBody, TableRoute } from '@depends/core/adapter';
import { fixHead, nodeBindings, type NodeBindings } from './node.js';
import { dispatched, honoRoutes, registered, type Dispatch, type HonoRoute, type Own, type Reached } from './routes.js';
import { coveredTo, paramsAt, watchPast } from './watch.js';

export type { AdapterOptions, DocsOptions, HandlerOptions } from '@depends/core/adapter';
export type { GuardOptions, GuardRouteOptions } from '@depends/core';

/**
 * A guard on Hono: middleware whose resolved values are the context's
 * variables (`c.get('user')`, `c.var.user`), typed where the middleware is
 * placed on the route or through `new Hono<GuardEnv<typeof auth>>()`.
 *
 * @example
 * ```ts
 * const auth: HonoGuard<{ user: User }> = d.guard({ user: currentUser })
 * app.get('/me', auth, (c) => c.json(c.var.user))
 * ```
 */
export type HonoGuard<V extends object> = MiddlewareHandler<{ Variables: V }> & {
  /** The values the guard resolved for this request; throws when it did not run for it. */
  values(c: Context): V;
};

/**
 * The Hono environment a guard provides (its values as `Variables`), for
 * apps and sub-apps whose routes it guards from `use()`.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono'
 * const auth: HonoGuard<{ user: User }> = d.guard({ user: currentUser })
 * const v1 = new Hono<GuardEnv<typeof auth>>()
 * v1.get('/notes', (c) => c.json(notes.of(c.var.user)))
 * ```
 */
export type GuardEnv<G> = G extends { values(c: Context): infer V } ? { Variables: V } : never;

type Kit = AdapterKit<Hono<any, any, any>, HonoHandler>;

/** How a guard's values reach its typed accessor (`auth.values(c)`). */
type Setter = NonNullable<GuardStep['set']>;

/** One decision a guard takes for a request: its steps, on the path parameters of the route they are for (`at`, the index of its last handler in Hono's matched routes; `undefined`: those Hono gives the guard itself, for its strictest requirement, or a route whose parameters are the same). */
interface Decision {
  readonly steps: readonly GuardStep[];
  readonly at: number | undefined;
}

/** No decision to take (shared: never added to). */
const NO_STEPS: readonly GuardStep[] = Object.freeze([]);

/** Where an entry keeps each guard's steps for it (a property of the entry's own, as the gate keeps its own: read on every guarded request). */
const STEPS = Symbol('depends.hono.steps');

/** The path parameters a decision is taken on, while it is taken (see `Decision`): the request view's `params`. */
const decisionParams = requestSlot<Context, Record<string, string> | undefined>('depends.hono.params');

/** The routes each guard has decided for in a request (Hono's route objects), as pairs: guard, route. */
const decidedRoutes = requestSlot<Context, unknown[]>('depends.hono.decided');

/**
 * Serves a {@link DependsApp} on Hono. Create it with {@link createDepends};
 * `d.app` is the core app (routes, overrides, hooks).
 *
 * Teardown timing: on `@hono/node-server`, request-scope teardowns run
 * after the Node response has been sent (or the client has gone). On other
 * runtimes (Bun, Deno, workers) there is no such signal: they run on the
 * next macrotask after the `Response` has been handed back to Hono, inside
 * `c.executionCtx.waitUntil()` where the runtime has one.
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsHono {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #kit: Kit;
  readonly #gate: GuardGate<Context>;
  /** Each guard's name, as messages give it (`name`, or its inputs'). */
  readonly #names = new Map<unknown, string>();
  /** What the route tables and the match tell of depends' own functions. */
  readonly #own: Own;
  /** The route markers whose options change a guard's decision (see `Own.decides`). */
  readonly #deciding = new WeakSet<object>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#kit = new AdapterKit(app, options, {
      handlerOf: (route) => this.#handlerOf(route),
      routes: (target) => this.#table(target),
      native: (value) => value instanceof Response,
    });
    const kit = this.#kit;
    const { guards } = kit;
    this.#own = {
      isOwn: (fn) => guards.isOwn(fn),
      decides: (fn) => typeof fn === 'function' && this.#deciding.has(fn),
      guardName: (fn) => this.#names.get(fn),
    };
    this.#gate = new GuardGate<Context>(app, guards, {
      // a route's own path parameters (see `Decision`), or the guard's own
      view: (c) => requestView(c, nodeBindings(c)?.incoming, kit.bodyLimit, decisionParams.get(c)),
      write: (c, answer, view) => kit.write(view, answer, (a) => toResponse(c, a, view)),
      pass: (c, values, finish, headers) => {
        for (const name in values) c.set(name as never, values[name] as never);
        if (headers) for (const [name, value] of headers) c.header(name, value);
        if (finish === undefined) return;
        // teardowns once the response has been sent (node-server), or once it has been handed back (see `handedBack`)
        const node = nodeBindings(c);
        if (node) afterSent(node.outgoing, finish);
        else teardowns.set(c, [...(teardowns.get(c) ?? []), finish]);
      },
    });
  }

  /**
   * Registers every route of a core `Router` on a Hono app (paths as
   * declared, with the router's prefix), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Hono
   * ```
   */
  mount(target: Hono<any, any, any>, router: Router): AppRoute[] {
    return this.#kit.mount(target, router, (method, path, handler) => target.on(method, path, handler));
  }

  /**
   * Wraps one handler for an existing Hono app: it gets its declared inputs,
   * and answers like a mounted route. It joins the document under the
   * method and path Hono routes it on (found in `app.routes` of the apps
   * passed to `mount()`/`docs()` when the document is built), or under
   * `options.path` at once.
   *
   * @example
   * ```ts
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): HonoHandler {
    return this.#kit.wrap(inputs, fn, options);
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   * Without `publicOrigin` or `servers`, the served document's server is
   * the origin of the request's URL (Hono has no trust-proxy setting:
   * `X-Forwarded-*` headers are never read) and the path the app is mounted
   * under (`app.route('/v1', sub)`).
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: Hono<any, any, any>, options: DocsOptions = {}): void {
    for (const r of this.#kit.docs(target, options)) {
      const serveDocs: HonoHandler = (c) => {
        // the route's path in the target (with its basePath, as the document's paths), and what the request path has before it
        const path = target.routes.find((route) => route.handler === serveDocs)?.path ?? r.path;
        const origin = URL.canParse(c.req.url) ? new URL(c.req.url).origin : undefined;
        return toResponse(c, r.answer(c.req.param(), { origin, prefix: mountPrefix(c.req.path, path) }));
      };
      this.#kit.guards.exempt(serveDocs);
      target.get(r.path, serveDocs);
    }
  }

  /**
   * A guard: declared dependencies (security schemes, scopes, any
   * dependency) in front of existing Hono routes, their handlers untouched.
   * Place it with `app.use(auth)` (every route registered after it),
   * `app.use('/v1/*', auth)`, `sub.use(auth)` before `app.route('/v1', sub)`,
   * or on one route (`app.get('/me', auth, handler)`). A request for a route
   * behind it answers exactly as a declared route would (401, 403, 422...)
   * before the handler runs; otherwise the values are set as the context's
   * variables (`c.var.user`). The route is the one Hono matched: the route
   * the handlers after the guard lead to. Where none does (only handlers
   * for every method, `app.all()` or `app.use()`, which may answer by
   * themselves, or nothing and the app's `notFound` answers), and before
   * such a handler placed between the guard and the route, the guard's
   * strictest requirement applies (every scope it asks anywhere, never
   * public). Every guarded route is documented at its real path. Each
   * decision is taken on the path parameters of the route it is for, and
   * holds for that route only: a route Hono reaches after another one that
   * passed the request on is decided for itself (by a placement of the
   * guard in its own handlers, or beforehand by the placement with `use()`
   * in front of both), and a request a handler declared without `next`
   * passes on all the same to a route the guard did not decide for is
   * refused there (a 500, `DEPENDS_GUARD_ORDER` to `onError`).
   *
   * @example
   * ```ts
   * const auth = d.guard({ user: currentUser }, {
   *   scopes: ['notes:read'],
   *   routes: { 'GET /status': { public: true }, 'POST /v1/notes': { scopes: ['notes:write'], status: 201 } },
   * })
   * app.use(auth)
   * app.get('/v1/notes', (c) => c.json(notes.of(c.get('user'))))
   * ```
   */
  guard<const I extends Inputs>(inputs: I, options: GuardOptions = {}): HonoGuard<Values<I>> {
    const { guards } = this.#kit;
    const gate = this.#gate;
    const resolved = guardValues<Context, Values<I>>('auth.values(c)');
    const guard: MiddlewareHandler = (c, next) => {
      let decisions: readonly Decision[];
      try {
        // a guard's configuration mistake (a routes key naming no route...) refuses every request, never lets one through
        this.#kit.check();
        decisions = this.#atGuard(c, guard, resolved.set as Setter);
      } catch (error) {
        return Promise.resolve(gate.fail(c, error) as Response);
      }
      const decided = this.#decide(c, decisions, 0, next) as Response | Promise<Response | void>;
      if (!nodeBindings(c)) return handedBack(c, decided);
      return decided instanceof Promise ? decided : Promise.resolve(decided);
    };
    guards.add(guard, inputs, options);
    this.#names.set(guard, options.name ?? `guard(${Object.keys(inputs).join(', ') || 'no inputs'})`);
    gate.accessor(guard, resolved.set);
    return Object.assign(guard, { values: resolved.values }) as HonoGuard<Values<I>>;
  }

  /**
   * A route marker: pass-through middleware whose options apply where a
   * guard stands in front of the route (a summary or response schema for
   * the document, `public: true` to opt the route out of the guard).
   *
   * @example
   * ```ts
   * app.get('/status', d.route({ public: true }), (c) => c.json({ status: 'ok' }))
   * app.get('/v1/notes', d.route({ summary: 'Your notes', response: z.array(Note) }), listNotes)
   * ```
   */
  route(options: GuardRouteOptions): MiddlewareHandler {
    const marker: MiddlewareHandler = (_c, next) => next();
    this.#kit.guards.mark(marker, options);
    // (the others are for the document: they never make consecutive registrations on one path decide differently)
    if (options.public !== undefined || options.scopes !== undefined || options.dependencies !== undefined) this.#deciding.add(marker);
    return marker;
  }

  /**
   * Every startup check, now: the guards' `routes` keys, `d.route()`
   * markers and middleware order, the document built. Throws the
   * `ConfigurationError` that names the mistake and the fix. Hono has no
   * start of its own: call it once the routes are added, before `serve({ fetch: app.fetch })` (or exporting the app on Bun, Deno or Workers: run it in a test). (A mistake it would find also refuses every guarded
   * request with a 500, never lets one through.)
   *
   * @example
   * ```ts
   * d.check(app) // throws: Guard "auth": routes["GET /v1/note"] names no route behind this guard...
   * serve({ fetch: app.fetch, port: 3000 })
   * ```
   */
  check(app: Hono<any, any, any>): void {
    this.#kit.check(app);
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the apps passed to `mount()`/`docs()` (searched again
   * while some are missing).
   *
   * @example
   * ```ts
   * const doc = d.openapi()
   * doc.paths['/me'].get // documented from app.get('/me', d.handler(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    return this.#kit.openapi();
  }

  /**
   * A guard's decisions where it runs: Hono's own match gives the decision
   * for each route the handlers after it lead to (the routes it already
   * decided for in this request left out); the strictest requirement where
   * none does, before a handler for every method in between (it may answer
   * by itself), and after a route that may pass the request on to the
   * app's notFound. Placed with `use()`, it then watches where Hono goes
   * past those routes, when it would have anything to decide there (see
   * `watch.ts`).
   */
  #atGuard(c: Context, guard: unknown, set: Setter): Decision[] {
    const found = dispatched(c, this.#own);
    const decisions = this.#plan(c, guard, set, found);
    const { placed } = found;
    if (placed !== undefined && this.#undecidedAfter(c, guard, set, found)) watchPast(c, guard, found.end, (at, end) => this.#past(c, guard, set, placed, at, end));
    else coveredTo(c, guard, found.end);
    return decisions;
  }

  /**
   * Whether Hono matched anything after `found` (past a route whose last
   * handler is declared without `next`) that the guard would decide for
   * (a route it does not leave public, a handler for every method in
   * between, a placement of its own): the watch is needed. Nothing the
   * request passes later removes a decision, so what needs none now needs
   * none then (`app.get('*', spa)`, public, after the routes).
   */
  #undecidedAfter(c: Context, guard: unknown, set: Setter, found: Dispatch): boolean {
    const { matched, placed } = found;
    for (let end = found.end; end < matched.length - 1; ) {
      if (registered(matched[end + 1].handler) === guard) return true;
      const rest = dispatched(c, this.#own, end + 1, placed, matched);
      if (this.#plan(c, guard, set, rest, false).some((d) => d.steps.length > 0)) return true;
      end = rest.end;
    }
    return false;
  }

  /** The decisions to take for `found` (see `#atGuard`); its routes are then noted as decided for by `guard` in this request, unless `note` is false. */
  #plan(c: Context, guard: unknown, set: Setter, found: Dispatch, note = true): Decision[] {
    const gate = this.#gate;
    if (found.routes.length === 0) return [{ steps: gate.strictSteps(c, [guard]), at: undefined }];
    const out: Decision[] = found.between ? [{ steps: gate.strictSteps(c, [guard]), at: undefined }] : [];
    let decided = decidedRoutes.get(c);
    const here = c.req.routeIndex;
    for (const r of found.routes) {
      if (decided !== undefined && decidedBy(decided, guard, r.route)) continue;
      if (note) {
        if (decided === undefined) decidedRoutes.set(c, (decided = []));
        decided.push(guard, r.route);
      }
      // (no parameter in the route's pattern nor in the guard's own: both have none, and nothing to read again)
      const same = r.at === here || (!found.matched[r.at].path.includes(':') && !found.matched[here].path.includes(':'));
      out.push({ steps: this.#routeSteps(guard, set, r), at: same ? undefined : r.at });
    }
    // after a route public to this guard, the not-found handler runs for a path the app opened (a file server's route)
    const last = found.routes[found.routes.length - 1];
    if (found.fallsThrough && !found.between && this.#routeSteps(guard, set, last).length > 0) out.push({ steps: gate.strictSteps(c, [guard]), at: undefined });
    return out;
  }

  /** A guard's steps for a route: for each of its entries (a run of registrations read several ways, see `readings` in routes.ts), none repeated. */
  #routeSteps(guard: unknown, set: Setter, route: Reached): readonly GuardStep[] {
    const { entries } = route;
    if (entries.length === 1) return this.#entrySteps(guard, set, entries[0]);
    const out: GuardStep[] = [];
    for (const e of entries) for (const step of this.#entrySteps(guard, set, e)) if (!out.some((o) => o.route === step.route)) out.push(step);
    return out;
  }

  /** A guard's steps for one table entry (none for a route it leaves public), worked out once per entry: the entry's route and the guard's options do not change. */
  #entrySteps(guard: unknown, set: Setter, entry: TableRoute): readonly GuardStep[] {
    const e = entry as unknown as Record<symbol, Map<unknown, readonly GuardStep[]> | undefined>;
    let byGuard = e[STEPS];
    if (byGuard === undefined) Object.defineProperty(entry, STEPS, { value: (byGuard = new Map()), enumerable: false });
    let steps = byGuard.get(guard);
    if (steps === undefined) {
      const route = this.#kit.guards.routeFor(guard, entry, true);
      byGuard.set(guard, (steps = route ? Object.freeze([{ guard, route, set }]) : NO_STEPS));
    }
    return steps;
  }

  /**
   * Takes the decisions in order, each on the path parameters of its route
   * (the request view reads them: see `decisionParams`), then `next()`.
   */
  #decide(c: Context, decisions: readonly Decision[], i: number, next: Next): MaybePromise<unknown> {
    while (i < decisions.length && decisions[i].steps.length === 0) i++;
    if (i === decisions.length) {
      if (decisionParams.get(c) !== undefined) decisionParams.set(c, undefined);
      return next();
    }
    const { steps, at } = decisions[i];
    if (at !== undefined) decisionParams.set(c, paramsAt(c, at));
    else if (decisionParams.get(c) !== undefined) decisionParams.set(c, undefined);
    // (the usual case: one decision, on the guard's own parameters)
    if (i === decisions.length - 1 && at === undefined) return this.#gate.decide(c, steps, next);
    return this.#gate.decide(c, steps, () => this.#decide(c, decisions, i + 1, next));
  }

  /**
   * What a guard placed with `use()` (`placed`) does when Hono is about to
   * run the handler at `at`, past `end`, the last one its decisions cover
   * (the last handler of a route declared without `next` called it all the
   * same): nothing where the guard itself is placed there (it decides
   * then), nor where it has nothing to decide (public routes, or routes a
   * placement of it decided for already); otherwise the request is refused,
   * the handler never run (no decision can be taken there: Hono calls that
   * handler right after setting the index, without waiting).
   */
  #past(c: Context, guard: unknown, set: Setter, placed: HonoRoute, at: number, end: number): number {
    const found = dispatched(c, this.#own, at, placed);
    if (registered(found.matched[at].handler) === guard) return at;
    if (this.#plan(c, guard, set, found).every((d) => d.steps.length === 0)) return found.end;
    const what = (r: HonoRoute) => `${r.method === 'ALL' ? 'the handler for every method on' : r.method} ${r.path}`;
    const error = new ConfigurationError(
      ErrorCode.GuardOrder,
      `Guard "${this.#names.get(guard)}" decided for this request up to ${what(found.matched[end])}, whose last handler is declared without next, so it was taken to answer; it passed the request on all the same, to ${what(found.matched[at])}, which the guard has not decided for: the request is refused before that runs. Declare next among that handler's parameters ((c, next) => …, in a wrapper too: (c, next) => handler(c, next)), so that the guard decides beforehand for what it passes requests on to`,
    );
    // (the mistake goes to depends' onError with the answer; Hono's onError, which may show its message, gets a plain one)
    throw new HonoHTTPException(500, { res: this.#gate.fail(c, error) as Response, message: 'Internal Server Error', cause: error });
  }

  /**
   * A Hono app's route table (what the document reads). A middleware placed
   * after a guard and before a route it lets through with less (public,
   * fewer scopes) fails here: the guard checks its strictest requirement
   * before such a middleware (it may answer by itself), so that route would
   * be refused (`DEPENDS_GUARD_ORDER`); so does a guard placed on a path
   * that matches only some of a route's paths (`DEPENDS_GUARD_OPTIONS`).
   */
  #table(target: Hono<any, any, any>): TableRoute[] {
    const { guards } = this.#kit;
    const { entries, middleware } = honoRoutes(target, this.#own);
    if (guards.size > 0) guards.checkOrder(entries, (fn) => middleware.has(fn));
    return entries;
  }

  #handlerOf(route: AppRoute): HonoHandler {
    const kit = this.#kit;
    return (c) => {
      const node = nodeBindings(c);
      const view = requestView(c, node?.incoming, kit.bodyLimit);
      return kit.respond(route, view, (outcome) => send(kit, c, node, view, outcome));
    };
  }
}

/** The answer as a response; the teardowns run once node-server has sent it, or on the next macrotask elsewhere. */
function send(kit: Kit, c: Context, node: NodeBindings | undefined, view: RequestView, outcome: Outcome): Response {
  // A Response the handler made itself (c.json(), new Response()) goes out untouched.
  const response = outcome.native ? (outcome.native.value as Response) : kit.write(view, outcome.answer, (answer) => toResponse(c, answer, view, node));
  if (!outcome.hasTeardown) return response;
  if (node) afterSent(node.outgoing, () => kit.finish(view, outcome));
  else later(c, () => kit.finish(view, outcome));
  return response;
}

/** Whether `guard` has decided for `route` in a request (`decided`: see `decidedRoutes`). */
function decidedBy(decided: readonly unknown[], guard: unknown, route: unknown): boolean {
  for (let i = 0; i < decided.length; i += 2) if (decided[i] === guard && decided[i + 1] === route) return true;
  return false;
}

/** The request view of `c`; `params`: the path parameters to read (by default those Hono gives the handler running now). */
function requestView(c: Context, incoming: IncomingMessage | undefined, limit: number, params?: Record<string, string>): RequestView {
  const url = c.req.url;
  const q = url.indexOf('?');
  return createRequestView({
    method: c.req.method,
    path: c.req.path,
    // node-server: every line of a repeated header; elsewhere Fetch `Headers` (repeats joined).
    headers: incoming ? rawHeaderSource(incoming.rawHeaders) : c.req.raw.headers,
    query: q === -1 ? '' : url.slice(q + 1),
    params: params ?? (c.req.param() as Record<string, string>),
    readBody: () => readBody(c, incoming, limit),
    native: c,
  });
}

/**
 * The body, reusing what Hono (or a validator) has already read: text, form
 * data or bytes. Otherwise read here, bytes counted as they arrive: on
 * node-server from the Node request (as the Node adapters do: past the
 * limit, a 413 and the rest drained, never buffered); elsewhere from the
 * Fetch request's stream, cancelled past the limit. A declared
 * `Content-Length` over the limit is refused before reading anything.
 */
function readBody(c: Context, incoming: IncomingMessage | undefined, limit: number): RawBody | Promise<RawBody> {
  const cache = c.req.bodyCache;
  // Hono keeps promises there (typed as the values).
  if (cache.text !== undefined) return Promise.resolve(cache.text).then((text) => ({ kind: 'text', text }));
  if (cache.formData !== undefined) return Promise.resolve(cache.formData).then((value) => ({ kind: 'parsed', value }));
  if (cache.arrayBuffer !== undefined) return Promise.resolve(cache.arrayBuffer).then((buffer) => ({ kind: 'bytes', bytes: new Uint8Array(buffer) }));
  if (Number(c.req.header('content-length')) > limit) return Promise.reject(new HTTPException(413, 'Request body too large'));
  // node-server builds its Fetch Request lazily: while nothing has asked for its body, the Node stream is untouched.
  const untouched = incoming !== undefined && !incoming.readableDidRead && incoming.listenerCount('data') === 0;
  const read = untouched ? readNodeBody(incoming, undefined, limit) : readStream(c.req.raw.body, limit);
  return Promise.resolve(read).then((body) => {
    // Later readers (Hono middleware after the handler, c.req.json()) get the same bytes.
    if (body.kind === 'bytes') (cache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(body.bytes.slice().buffer as ArrayBuffer);
    return body;
  });
}

/** Reads a Fetch body stream, counting bytes; cancels it past `limit` (413). */
async function readStream(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<RawBody> {
  if (!stream) return { kind: 'bytes', bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        throw new HTTPException(413, 'Request body too large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof HTTPException) throw error;
    // The client's doing (disconnect, broken chunking) or a body already read: a 400, not a server error.
    throw new HTTPException(400, 'There was an error reading the body');
  }
  if (chunks.length === 1) return { kind: 'bytes', bytes: chunks[0] };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'bytes', bytes };
}

/**
 * The answer as a Hono response (`c.newResponse`, so headers other
 * middleware set with `c.header()` are kept; or a `Response` of its own
 * where none can exist, see {@link answersDirectly}). On node-server a
 * repeated header name is sent as several lines and a body-less answer gets
 * no default `content-type`, and a request whose body is still arriving once
 * the answer is sent has its connection closed in stages, so that the
 * client reads the answer; elsewhere Fetch `Headers` join repeated names.
 * `node`: the node-server bindings when the caller has them already.
 */
function toResponse(c: Context, answer: Answer, view?: RequestView, node: NodeBindings | undefined = nodeBindings(c)): Response {
  if (node) closeAfterAnswer(node.incoming, node.outgoing);
  const headers = groupHeaders(answer.headers);
  // (a body-less answer still goes through c.newResponse(): node-server would give it a default content type)
  if (node && view && answer.body !== undefined && answersDirectly(c, view)) return new Response(answer.body as string, { status: answer.status, headers: headers as Record<string, string> });
  let repeated: Record<string, string[]> | undefined;
  for (const name in headers) {
    const lines = headers[name];
    if (typeof lines !== 'string' && name !== 'set-cookie') (repeated ??= {})[name] = lines;
  }
  const untyped = !('content-type' in headers);
  if ((repeated || untyped) && node) fixHead(node.outgoing, repeated, untyped);
  return c.newResponse((answer.body ?? null) as string | null, answer.status as 200, headers);
}

/**
 * Whether the answer can be a `Response` of its own rather than one made
 * with `c.newResponse()`: when this handler is the first Hono runs for the
 * request (no middleware before it) and nothing has read the context
 * through the request view, no header can have been set with `c.header()`,
 * so there is nothing to keep. On node-server such a response, its headers
 * a plain object, is written as it is, without building Fetch `Headers`
 * and reading them back (about 1 µs of a 15 µs request); repeated header
 * lines stay separate lines.
 */
function answersDirectly(c: Context, view: RequestView): boolean {
  return c.req.routeIndex === 0 && !nativeWasRead(view);
}

/** Teardowns of the guards a request passed, on runtimes without node-server (see {@link handedBack}). */
const teardowns = requestSlot<Context, (() => Promise<void>)[] | undefined>('depends.hono.teardowns');

/** What a guard answers, its passed guards' teardowns then run on the next macrotask (runtimes without node-server: no signal that the response is sent). */
async function handedBack(c: Context, decided: Response | Promise<Response | void>): Promise<Response | void> {
  try {
    return await decided;
  } finally {
    const finishes = teardowns.get(c);
    teardowns.set(c, undefined);
    if (finishes) for (const finish of finishes) later(c, finish);
  }
}

/** Runs `finish` on the next macrotask, inside `c.executionCtx.waitUntil()` where the runtime has one. */
function later(c: Context, finish: () => Promise<void>): void {
  const done = new Promise((resolve) => setTimeout(resolve, 0)).then(finish);
  try {
    c.executionCtx.waitUntil(done);
  } catch {
    // no execution context on this runtime
  }
}

/**
 * Creates the Hono adapter, on an existing {@link DependsApp} or on a new
 * one made from `AppOptions` (title, version, app-level dependencies and
 * security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.mount(app, api)
 * d.docs(app)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsHono {
  return new DependsHono(appFrom(appOrOptions), options);
}
