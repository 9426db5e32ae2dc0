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
import type { Context, Handler as HonoHandler, Hono, MiddlewareHandler } from 'hono';
import { DependsApp, HTTPException } from '@depends/core';
import { AdapterKit, appFrom, GuardGate, guardValues, createRequestView, groupHeaders, mountPrefix, nativeWasRead, requestSlot } from '@depends/core/adapter';
import { afterSent, closeAfterAnswer, rawHeaderSource, readNodeBody } from '@depends/core/node';
import type { Answer, AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, GuardStep, HandlerOptions, Outcome, RawBody, TableRoute } from '@depends/core/adapter';
import { fixHead, nodeBindings, type NodeBindings } from './node.js';
import { dispatched, honoRoutes } from './routes.js';

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

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#kit = new AdapterKit(app, options, {
      handlerOf: (route) => this.#handlerOf(route),
      routes: (target) => this.#table(target),
      native: (value) => value instanceof Response,
    });
    const kit = this.#kit;
    this.#gate = new GuardGate<Context>(app, kit.guards, {
      view: (c) => requestView(c, nodeBindings(c)?.incoming, kit.bodyLimit),
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
   * public). Every guarded route is documented at its real path.
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
    const own = (fn: unknown) => guards.isOwn(fn);
    const guard: MiddlewareHandler = (c, next) => {
      let steps: readonly GuardStep[];
      try {
        // a guard's configuration mistake (a routes key naming no route...) refuses every request, never lets one through
        this.#kit.check();
        // Hono's own match: the decision for each route the handlers after this one lead to; the strictest
        // requirement where none does, before a handler for every method in between (it may answer by itself),
        // and after a route that may pass the request on to the app's notFound
        const found = dispatched(c, own);
        steps = gate.forOwnRoutes(c, guard, found.entries, found.between, found.fallsThrough);
      } catch (error) {
        return Promise.resolve(gate.fail(c, error) as Response);
      }
      const decided = gate.decide(c, steps, next) as Response | Promise<Response | void>;
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
   * A Hono app's route table (what the document reads). A middleware placed
   * after a guard and before a route it lets through with less (public,
   * fewer scopes) fails here: the guard checks its strictest requirement
   * before such a middleware (it may answer by itself), so that route would
   * be refused (`DEPENDS_GUARD_ORDER`); so does a guard placed on a path
   * that matches only some of a route's paths (`DEPENDS_GUARD_OPTIONS`).
   */
  #table(target: Hono<any, any, any>): TableRoute[] {
    const { guards } = this.#kit;
    const { entries, middleware } = honoRoutes(target, { isOwn: (fn) => guards.isOwn(fn), guardName: (fn) => this.#names.get(fn) });
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

function requestView(c: Context, incoming: IncomingMessage | undefined, limit: number): RequestView {
  const url = c.req.url;
  const q = url.indexOf('?');
  return createRequestView({
    method: c.req.method,
    path: c.req.path,
    // node-server: every line of a repeated header; elsewhere Fetch `Headers` (repeats joined).
    headers: incoming ? rawHeaderSource(incoming.rawHeaders) : c.req.raw.headers,
    query: q === -1 ? '' : url.slice(q + 1),
    params: c.req.param() as Record<string, string>,
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
