/**
 * `@depends/fastify`: serves `@depends/core` routes on Fastify 5. Routes
 * declared once on a core `Router` are mounted with `d.mount()` (in their
 * own encapsulated context, under the prefix of the instance they are
 * mounted on); single handlers are wrapped with `d.handler()` inside an
 * existing app; `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify'
 * import { createDepends } from '@depends/fastify'
 *
 * const app = Fastify()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.docs(app)                                                         // /openapi.json + /docs
 * d.mount(app, api)                                                   // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * await app.listen({ port: 3000 })
 * ```
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { DependsApp, HTTPException, Router as CoreRouter } from '@depends/core';
import { AdapterKit, setHeaders } from '@depends/core/adapter';
import { afterSent, nodeRequestView } from '@depends/core/node';
import type { Answer, AppOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, HandlerOptions, Outcome, RouteEntry } from '@depends/core/adapter';

export type { AdapterOptions, DocsOptions, HandlerOptions } from '@depends/core/adapter';

type Kit = AdapterKit<FastifyInstance, RouteHandlerMethod>;

/** A route Fastify is asked to register: what `d.mount()` hands to its plugin. */
interface Registration {
  readonly method: string;
  readonly url: string;
  readonly handler: RouteHandlerMethod;
}

/**
 * Serves a {@link DependsApp} on Fastify. Create it with
 * {@link createDepends}; `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsFastify {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #kit: Kit;
  readonly #options: AdapterOptions;
  /** Every route Fastify registered after an instance met this adapter (its `onRoute` hook): where wrapped handlers are found. */
  readonly #seen: RouteEntry[] = [];
  readonly #hooked = new WeakSet<FastifyInstance>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#options = options;
    this.#kit = new AdapterKit(app, options, { serve: (route) => this.#serve(route), routes: () => this.#seen });
  }

  /**
   * Registers every route of a core `Router` on a Fastify instance (in a
   * plugin of its own, so the instance's prefix applies: mount inside
   * `app.register(plugin, { prefix: '/v1' })` to serve under `/v1`), and
   * in the document with the full path. Bodies of these routes are read by
   * depends (media types, forms, limits as on every framework); the limit
   * is the adapter's `bodyLimit`, else the Fastify instance's own.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Fastify
   * app.register(async (v1) => { d.mount(v1, api) }, { prefix: '/v1' }) // GET /v1/items/:id
   * ```
   */
  mount(target: FastifyInstance, router: Router): AppRoute[] {
    this.#hook(target);
    const registrations: Registration[] = [];
    const routes = this.#kit.mount(
      target,
      withPrefix(router, target.prefix),
      (method, url, handler) => registrations.push({ method, url: url.slice(target.prefix.length) || '/', handler }),
      { pathsKnown: true }, // the instance's prefix is the full one
    );
    const kit = this.#kit;
    target.register(async (child) => {
      this.bodies(child);
      // Fastify's own errors on these routes (a malformed request) answer as depends answers
      child.setErrorHandler((error, request, reply) => {
        const view = viewOf(request, kit.bodyLimit);
        const status = (error as { statusCode?: unknown }).statusCode;
        const answer = typeof status === 'number' && status >= 400 && status < 500 ? kit.errorAnswer(view, new HTTPException(status, (error as Error).message)) : kit.errorAnswer(view, error);
        return write(reply, answer);
      });
      for (const r of registrations) child.route({ method: r.method, url: r.url, handler: r.handler });
    });
    return routes;
  }

  /**
   * Wraps one handler for an existing Fastify app: it gets its declared
   * inputs (the body as Fastify's parsers left it), and answers like a
   * mounted route. It joins the document under the method and path Fastify
   * registers it on — seen by the `onRoute` hook that `d.docs()` and
   * `d.mount()` install, so call one of them first — or under
   * `options.path` at once.
   *
   * @example
   * ```ts
   * d.docs(app)
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): RouteHandlerMethod {
    return this.#kit.wrap(inputs, fn, options);
  }

  /**
   * Lets depends read the request bodies of the routes of a Fastify
   * instance (an encapsulated context): its content-type parsers are
   * replaced by one that leaves the stream unread, so wrapped handlers
   * there read and answer bodies exactly as mounted routes do (media types,
   * forms, malformed JSON as 422, the limit as 413). Without it, Fastify's
   * own parsers run first and a wrapped handler gets what they left.
   * `d.mount()` does this for its own routes.
   *
   * @example
   * ```ts
   * app.register(async (scope) => {
   *   d.bodies(scope)
   *   scope.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * })
   * ```
   */
  bodies(target: FastifyInstance): void {
    target.removeAllContentTypeParsers();
    target.addContentTypeParser('*', (_request, _payload, done) => done(null));
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   * Also starts watching the instance's routes for wrapped handlers.
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: FastifyInstance, options: DocsOptions = {}): void {
    this.#hook(target);
    for (const r of this.#kit.docs(target, options))
      target.get(r.path, (request, reply) => write(reply, r.answer(request.params as Record<string, string>)));
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * Fastify has registered so far.
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

  #hook(target: FastifyInstance): void {
    if (this.#hooked.has(target)) return;
    this.#hooked.add(target);
    const seen = this.#seen;
    target.addHook('onRoute', (options) => {
      const url = options.url ?? options.path;
      const methods = Array.isArray(options.method) ? options.method : [options.method];
      for (const method of methods) {
        // the HEAD route Fastify adds beside each GET is not documented apart
        if (method === 'HEAD' && seen.some((e) => e.handler === options.handler && e.method === 'GET' && e.path === url)) continue;
        seen.push({ method, path: url, handler: options.handler, before: [] });
      }
    });
  }

  #serve(route: AppRoute): RouteHandlerMethod {
    const kit = this.#kit;
    const limit = this.#options.bodyLimit;
    return function (this: FastifyInstance, request, reply) {
      const view = viewOf(request, limit ?? this.initialConfig.bodyLimit ?? kit.bodyLimit);
      return kit.respond(route, view, (outcome) => send(kit, reply, view, outcome));
    };
  }
}

/** The core request view of a Fastify request: the raw Node request, the router's params, what a Fastify parser left. */
function viewOf(request: FastifyRequest, bodyLimit: number): RequestView {
  return nodeRequestView(request.raw, {
    url: request.url,
    params: (request.params ?? {}) as Record<string, string>,
    parsedBody: () => request.body,
    bodyLimit,
    native: request,
  });
}

/** A core router's routes under a Fastify prefix (for the document; Fastify applies it to the registration itself). */
function withPrefix(router: Router, prefix: string): Router {
  return prefix ? new CoreRouter({ prefix }).include(router) : router;
}

/** Writes the answer unless the reply is already sent, then runs the teardowns once the response is over. */
function send(kit: Kit, reply: FastifyReply, view: RequestView, outcome: Outcome): FastifyReply {
  if (!reply.sent && !reply.raw.destroyed) kit.write(view, outcome.answer, (answer) => write(reply, answer));
  if (outcome.hasTeardown) afterSent(reply.raw, () => kit.finish(view, outcome));
  return reply;
}

/**
 * An answer through Fastify's reply (its `onSend` hooks see it). The body
 * is already serialised: it goes as bytes, so that Fastify neither
 * serialises it again nor adds a charset to its content type.
 */
function write(reply: FastifyReply, answer: Answer): FastifyReply {
  reply.code(answer.status);
  setHeaders(answer.headers, (name, value) => reply.header(name, value));
  const body = answer.body;
  return reply.send(body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

/**
 * Creates the Fastify adapter, on an existing {@link DependsApp} or on a
 * new one made from `AppOptions` (title, version, app-level dependencies
 * and security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.docs(app)
 * d.mount(app, api)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsFastify {
  return new DependsFastify(appOrOptions instanceof DependsApp ? appOrOptions : new DependsApp(appOrOptions), options);
}
