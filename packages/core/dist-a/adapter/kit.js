import { errorAnswer } from '../app/handle.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { checkDuplicateRoute } from '../checks/routes.js';
import { Guards } from '../guard/guards.js';
import { runGuard } from '../guard/run.js';
import { docsRoutes } from '../docs/routes.js';
import { checkWellKnown } from '../docs/well-known.js';
import { mergeDocument } from '../openapi/merge.js';
import { routeDef } from '../router/router.js';
import { toColonPath, toOpenApiPath } from '../router/paths.js';
import { isThenable } from '../util/thenable.js';
const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DONE = () => Promise.resolve();
const same = (value) => value;
/**
 * The shared, framework-neutral part of an adapter. `T` is what routes are
 * registered on (an app or router), `H` the framework's handler type.
 *
 * @example
 * ```ts
 * class DependsMyFramework {
 *   readonly #kit: AdapterKit<MyApp, MyHandler>
 *   constructor(app: DependsApp, options: AdapterOptions = {}) {
 *     this.#kit = new AdapterKit(app, options, {
 *       handlerOf: (route) => (req, res) => this.#kit.respond(route, viewOf(req), (o) => write(res, o)),
 *       routes: (target) => target.routeTable(),
 *     })
 *   }
 *   mount(target: MyApp, router: Router) {
 *     return this.#kit.mount(target, router, (method, path, handler) => target.on(method, path, handler))
 *   }
 *   handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options?: HandlerOptions) {
 *     return this.#kit.wrap(inputs, fn, options)
 *   }
 *   openapi() { return this.#kit.openapi() }
 * }
 * ```
 */
export class AdapterKit {
    /** The core app: route table, overrides, `onError`, document. */
    app;
    /** Largest request body to read, in bytes. */
    bodyLimit;
    #binding;
    /** Guards: declared dependencies in front of the framework's own routes. */
    guards;
    /** The apps and routers passed to `mount()`: where routes are looked for when no docs target is known. */
    #targets = new Set();
    /** The apps and routers passed to `docs()`: their route tables hold the real paths. */
    #docsTargets = new Set();
    #wrapped = new Map();
    /** Method and path of the routes mounted on each target (a second one fails at once). */
    #declared = new Map();
    /** `METHOD /path` of the guarded routes already documented. */
    #documented = new Set();
    /** Whether the route tables must be searched again before the document is built. */
    #stale = true;
    /** The app's own document given to `docs()`, which depends' is merged into (see `mergeDocument`). */
    #base;
    /** The last merge: of which documents, giving which. */
    #merged;
    /** The documents derived from the declarations given to `docs()` (`resourceMetadata`), built by the startup check. */
    #wellKnown = [];
    constructor(app, options, binding) {
        this.app = app;
        this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
        this.#binding = binding;
        this.guards = new Guards(app);
    }
    /**
     * Compiles every route of a core router (configuration mistakes fail
     * here) and hands each to `register` with its colon path (`/items/:id`)
     * and the framework handler that serves it. The routes are documented
     * where the framework's route tables put them, prefixes included (see
     * {@link AdapterKit.openapi}), or at once with `pathsKnown` (when the
     * adapter has already given the router its full prefix). The target is
     * remembered.
     *
     * @example
     * ```ts
     * kit.mount(app, api, (method, path, handler) => app.on(method, path, handler))
     * ```
     */
    mount(target, router, register, options = {}) {
        this.#targets.add(target);
        this.#stale = true;
        let declared = this.#declared.get(target);
        if (!declared)
            this.#declared.set(target, (declared = new Map()));
        return router.routes().map((def) => {
            // The same method and path twice on one target fails now (elsewhere, once the route tables are read).
            if (!options.pathsKnown)
                checkDuplicateRoute(declared, def.method, def.path, `${def.method} ${toOpenApiPath(def.path)}`);
            // With `pathsKnown` (the router already carries the full prefix), documented at once.
            const route = options.pathsKnown ? this.app.add(def) : this.app.prepare(def);
            const h = this.#binding.handlerOf(route);
            this.#wrapped.set(h, { def, route, found: new Set(options.pathsKnown ? [route.label] : []), mounted: !options.pathsKnown });
            register(def.method, toColonPath(def.path), h, route);
            return route;
        });
    }
    /**
     * Wraps one handler: the framework handler that gives `fn` its declared
     * inputs. With `options.path` the route joins the document at once;
     * otherwise it is compiled now (with the app's dependencies and security)
     * and documented where {@link AdapterKit.openapi} finds it.
     *
     * @example
     * ```ts
     * app.get('/me', kit.wrap({ user: currentUser }, ({ user }) => user))
     * ```
     */
    wrap(inputs, fn, options = {}) {
        const app = this.app;
        const { method, path, ...rest } = options;
        const def = routeDef(method ?? 'GET', path ?? '/', inputs, fn, rest);
        let w;
        if (path !== undefined) {
            const route = app.add(def);
            w = { def, route, found: new Set([route.label]), mounted: false };
        }
        else {
            w = { def, route: app.prepare(def, `handler ${fn.name || '(anonymous)'}`), found: new Set(), mounted: false };
        }
        const h = this.#binding.handlerOf(w.route);
        this.#wrapped.set(h, w);
        this.#stale = true;
        return h;
    }
    /**
     * Records that the framework routes `handler` at `METHOD path`: when it is
     * a wrapped handler not yet documented there, the route joins the
     * document. Returns whether `handler` is a wrapped handler.
     *
     * @example
     * ```ts
     * const me = kit.wrap({ user }, ({ user }) => user)
     * kit.found(me, 'GET', '/me/:id') // documented as GET /me/{id}
     * ```
     */
    found(handler, method, path, guardedBy = []) {
        const w = this.#wrapped.get(handler);
        if (!w)
            return false;
        const label = `${method} ${toOpenApiPath(path)}`;
        if (!w.found.has(label)) {
            w.found.add(label);
            this.app.add({ ...w.def, method, path, dependencies: [...guardedBy, ...w.def.dependencies] });
        }
        return true;
    }
    /**
     * The docs routes (see `docsRoutes`) serving this kit's document; the
     * target is remembered for {@link AdapterKit.openapi}. An adapter passes
     * each request's origin (the framework's protocol and host, which follow
     * its trust-proxy setting) and the path the target is mounted under: the
     * served document's server (see `DependsApp.openapi`).
     *
     * @example
     * ```ts
     * for (const r of kit.docs(app, { docsPath: '/api-docs' })) app.get(r.path, (c) => toResponse(c, r.answer(c.req.param(), { origin: new URL(c.req.url).origin })))
     * ```
     */
    docs(target, options = {}) {
        this.#docsTargets.add(target);
        this.#stale = true;
        if (options.base !== undefined)
            this.#base = options.base;
        const derived = options.resourceMetadata;
        if (derived !== undefined)
            this.#wellKnown.push({ entries: Array.isArray(derived) ? derived : [derived], context: { docsPath: (options.docsPath ?? '/docs').replace(/\/$/, '') || '/' } });
        const source = { document: (at) => this.openapi(at), serversFromRequest: this.app.serversFromRequest };
        // A configuration mistake found while building the document answers the plain 500 (given to `onError`), never a framework's error page.
        return docsRoutes(source, options).map((r) => ({
            path: r.path,
            answer: (params, at) => {
                try {
                    return r.answer(params, at);
                }
                catch (error) {
                    // the docs routes have no request view: the error goes to onError without one
                    return errorAnswer(error, undefined, this.app.onError, this.app.options.errorBody);
                }
            },
        }));
    }
    /**
     * The OpenAPI document: every route of the app, after reading the route
     * tables of the targets passed to `docs()` (or, without any, to
     * `mount()`): mounted routes and wrapped handlers are documented at the
     * paths the framework serves them on (prefixes included), and every
     * route a guard stands in front of at its real path. Searched again
     * while some wrapped handler has not been found. Throws a
     * `ConfigurationError` when a path cannot be known (see `Guards.document`)
     * or a mounted route is nowhere in those tables.
     *
     * @example
     * ```ts
     * kit.openapi().paths['/v1/me'].get // documented from app.use('/v1', router) + router.get('/me', kit.wrap(...))
     * ```
     */
    openapi(at) {
        if (this.#stale || [...this.#wrapped.values()].some((w) => w.found.size === 0))
            this.#discover();
        return this.#withBase(this.app.openapi(at));
    }
    /**
     * Depends' document merged into the app's own given to `docs()` (`base`,
     * a function called each time), or as it is without one. The merge is
     * kept while neither document object changes.
     */
    #withBase(ours) {
        if (this.#base === undefined)
            return ours;
        const base = typeof this.#base === 'function' ? this.#base() : this.#base;
        const last = this.#merged;
        if (last !== undefined && last.ours === ours && last.base === base)
            return last.doc;
        const doc = mergeDocument(base, ours);
        this.#merged = { ours, base, doc };
        return doc;
    }
    /**
     * Reads the route tables once the apps passed to `docs()`/`mount()` are
     * known and throws the `ConfigurationError` of a guard or route mistake
     * (a `routes` key naming no route, a path that cannot be known...), as
     * building the document would: what an adapter with no startup hook calls
     * before letting a guarded request through, and what an adapter's
     * `check(app)` runs before the server listens (`target`: the app, read
     * again whatever was read before). Cheap once done.
     *
     * @example
     * ```ts
     * try { kit.check() } catch (error) { return write(kit.errorAnswer(view, error)) } // refused, never let through
     * kit.check(app) // at startup: throws the ConfigurationError
     * ```
     */
    check(target) {
        if (target !== undefined) {
            // the app being served: where the document is read from unless docs() named where; read again now, routes added since included
            if (this.#docsTargets.size === 0)
                this.#docsTargets.add(target);
            this.#stale = true;
        }
        if (this.#stale && (this.#docsTargets.size > 0 || this.#targets.size > 0))
            this.#discover();
        if (target !== undefined) {
            const doc = this.#withBase(this.app.openapi());
            for (const w of this.#wellKnown)
                checkWellKnown(doc, w.entries, w.context);
        }
    }
    /**
     * Builds the documents derived from the declarations given to `docs()`
     * (`resourceMetadata`) against the document, throwing the
     * `ConfigurationError` of a declaration they cannot describe: what an
     * adapter whose startup check reads the route tables by itself (Fastify's
     * `onReady`) runs. Nothing without them.
     *
     * @example
     * ```ts
     * app.addHook('onReady', async () => kit.checkDerived())
     * ```
     */
    checkDerived() {
        if (this.#wellKnown.length === 0)
            return;
        const doc = this.openapi();
        for (const w of this.#wellKnown)
            checkWellKnown(doc, w.entries, w.context);
    }
    #discover() {
        const targets = this.#docsTargets.size > 0 ? this.#docsTargets : this.#targets;
        const entries = [];
        for (const target of targets)
            for (const entry of this.#binding.routes(target))
                entries.push(entry);
        const plain = [];
        for (const entry of entries) {
            const w = this.#wrapped.get(entry.handler);
            if (!w)
                plain.push(entry);
            else if (entry.path !== undefined)
                this.found(entry.handler, entry.method, entry.path, this.guards.dependenciesFor(entry));
            else if (w.mounted)
                throw new ConfigurationError(ErrorCode.UnknownRoutePath, `Route ${w.route.label} is mounted under ${entry.where ?? 'a path'} that cannot be known, so it cannot be documented: mount its router with a string prefix`);
        }
        if (this.guards.size > 0)
            this.guards.document(plain, this.#documented);
        for (const w of this.#wrapped.values())
            if (w.mounted && w.found.size === 0 && targets.size > 0)
                throw new ConfigurationError(ErrorCode.UnknownRoutePath, `Route ${w.route.label} is mounted on a router that the apps passed to d.docs() do not reach, so its full path cannot be known: pass the outermost app to d.docs()`);
        this.#stale = false;
    }
    /**
     * Runs a guard's checks for one request (see `runGuard`), then `send`
     * with the outcome, at once when every dependency is synchronous. Never
     * throws or rejects.
     *
     * @example
     * ```ts
     * return kit.runGuard(route, view, (o) => (o.values ? pass(o.values) : write(o.answer)))
     * ```
     */
    runGuard(route, view, send) {
        const outcome = runGuard(this.app, route, view);
        return outcome instanceof Promise ? outcome.then(send) : send(outcome);
    }
    /**
     * Serves one request on a route: `app.handle()`, with an error it throws
     * or rejects with turned into the error answer. Never throws or rejects;
     * synchronous when the route is.
     *
     * @example
     * ```ts
     * const { answer, finish } = await kit.outcome(route, view)
     * ```
     */
    outcome(route, view) {
        return this.respond(route, view, same);
    }
    /**
     * {@link AdapterKit.serve}, then `send` with the outcome, at once when the
     * route is synchronous (no promise, no microtask), or once it settles.
     *
     * @example
     * ```ts
     * return (c) => kit.respond(route, viewOf(c), (outcome) => toResponse(c, outcome.answer)) // Response | Promise<Response>
     * ```
     */
    respond(route, view, send) {
        let outcome;
        try {
            outcome = this.app.handle(route, view, this.#binding.native);
        }
        catch (error) {
            return send(this.#failed(view, error));
        }
        if (isThenable(outcome))
            return outcome.then(send, (error) => send(this.#failed(view, error)));
        return send(outcome);
    }
    /**
     * Writes an answer with `write`; when writing it throws, writes the error
     * answer for that error instead (a 500, given to `onError`, unless it is an
     * `HTTPException`).
     *
     * @example
     * ```ts
     * kit.write(view, outcome.answer, (answer) => writeKoaAnswer(ctx, answer))
     * ```
     */
    write(view, answer, write) {
        try {
            return write(answer);
        }
        catch (error) {
            return write(this.errorAnswer(view, error));
        }
    }
    /**
     * The answer for an error during a request (see `errorAnswer`): its own for
     * an `HTTPException`, otherwise a 500 that leaks nothing, the error going
     * to the app's `onError`.
     *
     * @example
     * ```ts
     * kit.errorAnswer(view, new Error('boom')).status // 500
     * ```
     */
    errorAnswer(view, error) {
        return errorAnswer(error, view, this.app.onError, this.app.options.errorBody);
    }
    /**
     * Gives an error to the app's `onError` hook; a hook that throws is
     * ignored (it must not break anything else).
     *
     * @example
     * ```ts
     * kit.report(view, error) // e.g. writing failed after the headers were sent
     * ```
     */
    report(view, error) {
        try {
            this.app.onError(error, view);
        }
        catch {
            // a failing hook must not break anything else
        }
    }
    /**
     * Runs an outcome's `finish()` (the request-scope teardowns, once the
     * answer has been sent); a failure goes to {@link AdapterKit.report}.
     * Never rejects.
     *
     * @example
     * ```ts
     * afterSent(res, () => kit.finish(view, outcome))
     * ```
     */
    finish(view, outcome) {
        return outcome.finish().catch((error) => this.report(view, error));
    }
    #failed(view, error) {
        return { answer: this.errorAnswer(view, error), finish: DONE, hasTeardown: false };
    }
}
//# sourceMappingURL=kit.js.map