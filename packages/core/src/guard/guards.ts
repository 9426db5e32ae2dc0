/**
 * The guard core: declared dependencies put in front of routes a framework
 * app already has. Adapters turn a guard into the framework's middleware
 * and say which route a request is for (a {@link TableRoute}); this part
 * decides whether the guard applies there, compiles the route once (same
 * resolver, same answers as a declared route) and documents every guarded
 * route at its real path. Framework-neutral: any adapter (Express, Koa,
 * Hono, Fastify) reuses it.
 */
import type { AppRoute, DependsApp } from '../app/app.js';
import { isDependency, isUse, security } from '../dependency/depends.js';
import type { Dependency, Input, Inputs, SourceSpec } from '../dependency/types.js';
import { checksScopes, reachesScheme } from '../checks/declarations.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { toOpenApiPath } from '../router/paths.js';
import { upperCaseMethod } from '../util/case.js';
import { DOCUMENTED_BODY, routeDef, type RouteOptions } from '../router/router.js';
import { body } from '../sources/body.js';
import type { GuardOptions, GuardRouteOptions, TableRoute } from './types.js';
import { sameList } from '../util/lists.js';

/** A registered guard. */
interface Guard {
  readonly name: string;
  readonly inputs: Inputs;
  readonly defaults: GuardRouteOptions;
  /** Per-route options by `METHOD /openapi/path`. */
  readonly routes: ReadonlyMap<string, GuardRouteOptions>;
  /** Compiled routes: by `METHOD /path` and the markers on the route, or by handler when the path is unknown; `null` for a public route. */
  readonly compiled: Map<unknown, AppRoute | null>;
  /** Every scope the guard asks anywhere: its options, and `d.route({ scopes })` on its routes (learnt when a route table is read). */
  allScopes: readonly string[];
  /** Whether one of its inputs checks scopes (`withScopes()`, a scheme that reads them): only then do route markers' scopes join its strictest requirement. */
  readonly checksScopes: boolean;
  /** The strictest requirement compiled, once asked for. */
  strictest?: AppRoute;
  /** The guard's inputs with only some scopes and no other route option, compiled by those scopes (see `Guards.weakest`). */
  readonly weakest: Map<string, AppRoute>;
  /** Compiled routes by table entry object (`null`: public). */
  readonly byEntry: WeakMap<object, AppRoute | null>;
  /** The guard's inputs with a route's scopes, by those scopes. */
  readonly scoped: Map<string, Inputs>;
}

const ROUTE_KEY = /^([A-Za-z]+)\s+(\/\S*)$/;

/**
 * A route's table entry for a request method, from the entries an adapter
 * keeps by method: the method upper-cased, HEAD served by GET when the
 * route has no HEAD of its own; `undefined` when the route does not take
 * the method.
 *
 * @example
 * ```ts
 * entryForMethod(new Map([['GET', entry]]), 'HEAD') // entry
 * ```
 */
export function entryForMethod<E>(byMethod: ReadonlyMap<string, E>, method: string): E | undefined {
  const m = upperCaseMethod(method);
  return byMethod.get(m) ?? (m === 'HEAD' ? byMethod.get('GET') : undefined);
}

/** `GET /v1/notes/{id}` from a method and a path in either form (HEAD is documented as GET). */
export function guardKey(method: string, path: string): string {
  const m = method.toUpperCase();
  return `${m === 'HEAD' ? 'GET' : m} ${toOpenApiPath(path)}`;
}

function normaliseKeys(name: string, routes: GuardOptions['routes']): Map<string, GuardRouteOptions> {
  const out = new Map<string, GuardRouteOptions>();
  const keys = new Map<string, string>();
  for (const [key, options] of Object.entries(routes ?? {})) {
    const m = ROUTE_KEY.exec(key.trim());
    if (!m) throw new ConfigurationError(ErrorCode.GuardOptions, `Guard "${name}": routes key "${key}" is not "METHOD /path" (e.g. "GET /v1/notes/{id}")`);
    const normal = guardKey(m[1], m[2]);
    // HEAD is decided and documented as GET: a key of its own would silently replace the GET route's options
    if (m[1].toUpperCase() === 'HEAD')
      throw new ConfigurationError(ErrorCode.GuardOptions, `Guard "${name}": routes key "${key}": a HEAD request is decided as the GET of its path (the document shows GET), so the key is "${normal}"`);
    if (out.has(normal)) throw new ConfigurationError(ErrorCode.GuardOptions, `Guard "${name}": routes keys "${keys.get(normal)}" and "${key}" name one route (${normal}): keep one`);
    keys.set(normal, key);
    out.set(normal, options);
  }
  return out;
}

/** The dependency an input stands for (`security(dep)` unwrapped), or `undefined` for a plain source. */
function dependencyOf(input: Input): Dependency<unknown> | undefined {
  return isUse(input) ? input.dependency : isDependency(input) ? input : undefined;
}

/** Whether an input reaches a security scheme (itself or any dependency below it). */
function inputReachesScheme(input: Input): boolean {
  const dep = dependencyOf(input);
  return dep !== undefined && reachesScheme(dep);
}

/** Scopes asked of a guard whose inputs never check them would only be documented, every caller let through: refused, with the fix. */
function checkScopesChecked(label: string, what: string, inputs: Inputs): void {
  const checked = Object.values(inputs).some((i) => {
    const dep = dependencyOf(i);
    return dep !== undefined && checksScopes(dep);
  });
  if (!checked)
    throw new ConfigurationError(
      ErrorCode.GuardOptions,
      `Guard "${label}" ${what}, but none of its inputs (${Object.keys(inputs).join(', ')}) checks scopes, so every caller would be let through: wrap the dependency that knows the caller's scopes with withScopes(dependency, (caller) => caller.scopes), or use a scheme that checks them (jwtBearer())`,
    );
}

/** Each of a guard's `routes` keys must name one of the routes it was found in front of (`keys`, as `METHOD /path`). */
function checkRouteKeys(guard: Guard, keys: ReadonlySet<string>, unknown?: TableRoute): void {
  for (const key of guard.routes.keys()) {
    if (keys.has(key)) continue;
    if (unknown !== undefined) throw unknownPath(guard, unknown);
    throw new ConfigurationError(ErrorCode.GuardOptions, `Guard "${guard.name}": routes["${key}"] names no route behind this guard (it guards ${[...keys].join(', ')})`);
  }
}

/** A guard in front of a route whose path cannot be known: it cannot be documented (nor a routes key matched to it). */
function unknownPath(guard: Guard, entry: TableRoute): ConfigurationError {
  return new ConfigurationError(
    ErrorCode.UnknownRoutePath,
    `Guard "${guard.name}" stands in front of ${entry.method === 'ALL' ? '' : `${entry.method} `}${entry.where ?? 'a route'}, whose path cannot be known, so it cannot be documented: ${entry.fix ?? 'register it with a string path, or mount its router with a string prefix'}`,
  );
}

const passValues = (values: Record<string, unknown>): Record<string, unknown> => values;
/** A stand-in handler for the document, named as the framework's handler (summary and operation id come from it). */
function documentOnly(handler: unknown): () => undefined {
  const fn = (): undefined => undefined;
  const name = typeof handler === 'function' ? handler.name.replace(/^bound /, '') : '';
  Object.defineProperty(fn, 'name', { value: name === 'anonymous' ? '' : name });
  return fn;
}

/**
 * Every guard of one adapter, the route markers and the routes never to
 * guard (the docs routes). See the module comment.
 *
 * @example
 * ```ts
 * const guards = new Guards(app)
 * guards.add(authMiddleware, { user: currentUser }, { routes: { 'GET /status': { public: true } } })
 * const route = guards.routeFor(authMiddleware, { method: 'GET', path: '/v1/notes', handler: listNotes, before: [authMiddleware] })
 * ```
 */
export class Guards {
  readonly #app: DependsApp;
  readonly #guards = new Map<unknown, Guard>();
  readonly #markers = new Map<unknown, GuardRouteOptions>();
  /** The first route of the tables documented under each `METHOD /path` (see `#checkSameKey`). */
  readonly #documentedAt = new Map<string, TableRoute>();
  /** A number per marker, for the keys of compiled routes (see `#markerKey`). */
  readonly #markerNumbers = new Map<unknown, number>();
  readonly #exempt = new Set<unknown>();

  constructor(app: DependsApp) {
    this.#app = app;
  }

  /** Whether any guard has been declared. */
  get size(): number {
    return this.#guards.size;
  }

  /**
   * Registers a guard: `fn` is the framework middleware the adapter made for
   * it. Fails at once when `scopes` are asked of inputs that reach no
   * security scheme, a `routes` key is not `METHOD /path`, or an input fails
   * a startup check (`header('authorization')`, an undeclared OAuth2
   * scope...: see ERRORS.md).
   *
   * @example
   * ```ts
   * guards.add(mw, { user: currentUser }, { scopes: ['notes:read'] })
   * ```
   */
  add(fn: unknown, inputs: Inputs, options: GuardOptions = {}): void {
    const { name, routes, ...defaults } = options;
    const label = name ?? `guard(${Object.keys(inputs).join(', ') || 'no inputs'})`;
    const keyed = normaliseKeys(label, routes);
    const allScopes = [...new Set([defaults.scopes ?? [], ...[...keyed.values()].map((o) => o.scopes ?? [])].flat())];
    const scopesChecked = Object.values(inputs).some((i) => {
      const dep = dependencyOf(i);
      return dep !== undefined && checksScopes(dep);
    });
    const guard: Guard = { name: label, inputs, defaults, routes: keyed, compiled: new Map(), allScopes, checksScopes: scopesChecked, byEntry: new WeakMap(), scoped: new Map(), weakest: new Map() };
    const scoped = [defaults.scopes, ...[...guard.routes.values()].map((o) => o.scopes)].some((s) => s && s.length > 0);
    if (scoped && !Object.values(inputs).some((i) => inputReachesScheme(i)))
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        `Guard "${label}" asks for scopes, but none of its inputs (${Object.keys(inputs).join(', ')}) reaches a security scheme: add the scheme or the dependency that uses it`,
      );
    if (scoped) checkScopesChecked(label, 'asks for scopes', inputs);
    // The startup checks on what the guard declares, now rather than at its first request (its routes are found later).
    for (const [key, own] of [['', {}] as const, ...guard.routes]) {
      const options: GuardRouteOptions = { ...defaults, ...own };
      if (options.public) continue;
      this.#app.prepare(routeDef('GET', '/', this.#inputs(guard, options), passValues, this.#routeOptions(options)), `behind ${label}${key ? ` at ${key}` : ''}`);
    }
    for (const marker of this.#markers.values()) if (marker.scopes?.length) this.#learnMarkerScopes(guard, marker.scopes);
    this.#guards.set(fn, guard);
  }

  /**
   * Registers a route marker: a pass-through middleware whose options apply
   * to the route it is placed on (summary, response, `public`...).
   *
   * @example
   * ```ts
   * guards.mark(marker, { public: true })
   * ```
   */
  mark(fn: unknown, options: GuardRouteOptions): void {
    this.#markers.set(fn, options);
    // a marker may stand on a route no table shows (a router reached through app code): its scopes are part of every strictest requirement
    if (options.scopes?.length) for (const guard of this.#guards.values()) this.#learnMarkerScopes(guard, options.scopes);
  }

  /**
   * Scopes a route marker asks join a guard's strictest requirement, when
   * the guard checks scopes at all (one that cannot is refused where the
   * marker is found in front of it). The strictest requirement is what a
   * request gets where the route is not known: a marker on a route the
   * tables never showed (reached through a composed bundle, a mounted
   * sub-app, a handler dispatching to another router) asks its scopes
   * there too, rather than being dropped.
   */
  #learnMarkerScopes(guard: Guard, scopes: readonly string[]): void {
    if (!guard.checksScopes || scopes.every((x) => guard.allScopes.includes(x))) return;
    guard.allScopes = [...new Set([...guard.allScopes, ...scopes])];
    guard.strictest = undefined;
  }

  /**
   * A handler no guard ever applies to and that is never documented as a
   * guarded route (the docs routes).
   *
   * @example
   * ```ts
   * guards.exempt(openapiJsonHandler)
   * ```
   */
  exempt(fn: unknown): void {
    this.#exempt.add(fn);
  }

  /** Whether `fn` is a guard's middleware. */
  isGuard(fn: unknown): boolean {
    return this.#guards.has(fn);
  }

  /** Whether `fn` is one of depends' own pass-through functions: a guard, a route marker or a docs route. */
  isOwn(fn: unknown): boolean {
    return this.#guards.has(fn) || this.#markers.has(fn) || this.#exempt.has(fn);
  }

  /** Whether `handler` is a docs route (never guarded). */
  isExempt(handler: unknown): boolean {
    return this.#exempt.has(handler);
  }

  /**
   * The guard's strictest requirement, compiled once: its inputs with every
   * scope it asks anywhere (defaults and `routes`), never public. What a
   * request gets where the framework does not say which route it is for
   * (a middleware that may answer by itself, a route the guard cannot
   * see): refused unless it would pass in front of any route.
   *
   * @example
   * ```ts
   * const route = guards.strictest(authMiddleware) // 401 without a credential, 403 without every scope
   * ```
   */
  strictest(fn: unknown): AppRoute {
    const guard = this.#guards.get(fn);
    if (!guard) throw new ConfigurationError(ErrorCode.GuardOptions, 'not a guard of this adapter');
    if (guard.strictest) return guard.strictest;
    const options: GuardRouteOptions = { ...guard.defaults, public: false, scopes: guard.allScopes };
    guard.strictest = this.#app.prepare(routeDef('GET', '/', this.#inputs(guard, options), passValues, this.#routeOptions(options)), `a request no route is known for (${guard.name})`);
    return guard.strictest;
  }

  /**
   * The weakest requirement a guard has among routes a request is on its way
   * to, when the framework runs something of the app's before choosing which
   * (Express's parameter callbacks of a `use()` path): its inputs with only
   * the scopes every one of those routes asks (no extra dependencies);
   * `undefined` when one of them is public to it, a docs route or not behind
   * it; its strictest requirement when none is known. A caller one of those
   * routes lets through passes it; the route still decides when reached.
   *
   * @example
   * ```ts
   * guards.weakest(auth, [getNote, deleteNote]) // 401 without a credential, 403 without the scopes both ask
   * ```
   */
  weakest(fn: unknown, entries: readonly TableRoute[]): AppRoute | undefined {
    const guard = this.#guards.get(fn);
    if (!guard) throw new ConfigurationError(ErrorCode.GuardOptions, 'not a guard of this adapter');
    if (entries.length === 0) return this.strictest(fn);
    let scopes: readonly string[] | undefined;
    for (const entry of entries) {
      if (this.#exempt.has(entry.handler) || !entry.before.includes(fn)) return undefined;
      const options = this.#options(guard, entry);
      if (options.public) return undefined;
      const own = options.scopes ?? [];
      scopes = scopes === undefined ? own : scopes.filter((s) => own.includes(s));
    }
    const key = scopeKey(scopes ?? []);
    let route = guard.weakest.get(key);
    if (route === undefined) {
      route = this.#app.prepare(routeDef('GET', '/', this.#inputs(guard, { scopes: scopes ?? [] }), passValues, {}), `a parameter of a mount path (${guard.name})`);
      guard.weakest.set(key, route);
    }
    return route;
  }

  /**
   * Checks the order of middleware on frameworks where a guard placed with
   * `use()` decides at the route Express or Koa dispatches to, and checks
   * its strictest requirement before any other middleware placed after it
   * (which may answer by itself). A route behind such a middleware that the
   * guard lets through with less (public, or fewer scopes) would be refused:
   * a {@link ConfigurationError} naming the guard, the middleware, the route
   * and the fix. `isMiddleware` tells the app's own middleware from route
   * handlers in `entry.before`.
   *
   * @example
   * ```ts
   * guards.checkOrder(expressTable(app)) // throws when app.use(auth); app.use(express.json()); app.get('/status', public)
   * ```
   */
  checkOrder(entries: Iterable<TableRoute>, isMiddleware: (fn: unknown, entry: TableRoute) => boolean): void {
    entries = this.#learnScopes(entries);
    for (const entry of entries) {
      if (this.#exempt.has(entry.handler)) continue;
      entry.before.forEach((fn, i) => {
        const guard = this.#guards.get(fn);
        if (!guard) return;
        const after = entry.before.slice(i + 1).find((m) => !this.isOwn(m) && isMiddleware(m, entry));
        if (after === undefined) return;
        const options = this.#options(guard, entry);
        const scopes = options.scopes ?? [];
        if (!options.public && guard.allScopes.every((s) => scopes.includes(s))) return;
        const name = typeof after === 'function' && after.name ? `middleware "${after.name}"` : 'an anonymous middleware';
        const where = entry.path === undefined ? `${entry.method} ${entry.where ?? 'a route'}` : guardKey(entry.method, entry.path);
        throw new ConfigurationError(
          ErrorCode.GuardOrder,
          `Guard "${guard.name}": ${name} runs after it and before ${where}, which the guard lets through ${options.public ? 'without a credential' : `with fewer scopes (${scopes.join(' ') || 'none'})`}. The guard cannot tell whether that middleware answers requests by itself, so it checks its strictest requirement there and would refuse what ${where} allows: register the middleware before the guard (app.use(bodyParser) before app.use(auth)), or place the guard on the routers or routes it protects`,
        );
      });
    }
  }

  /**
   * The compiled route a guard checks for a request on `entry` (the route
   * the framework dispatches it to), or `undefined` when the guard does not
   * apply: not in front of that route (unless `placed`: the adapter saw it
   * run there), the route is public, or it is a docs route. Compiled once per route (configuration mistakes throw here,
   * naming the route and the dependency).
   *
   * @example
   * ```ts
   * const route = guards.routeFor(mw, { method: req.method, path: '/v1/notes/:id', handler, before })
   * if (route) runGuard(app, route, view)
   * ```
   */
  routeFor(fn: unknown, entry: TableRoute, placed = false): AppRoute | undefined {
    const guard = this.#guards.get(fn);
    if (!guard || this.#exempt.has(entry.handler) || (!placed && !entry.before.includes(fn))) return undefined;
    // the same entry object (adapters keep them) is found without working out its key again
    const seen = guard.byEntry.get(entry);
    if (seen !== undefined) return seen ?? undefined;
    const route = this.#compiledFor(guard, entry);
    guard.byEntry.set(entry, route ?? null);
    return route;
  }

  #compiledFor(guard: Guard, entry: TableRoute): AppRoute | undefined {
    // two routes on one `METHOD /path` (Fastify constraints, an explicit HEAD beside a GET, two apps) may carry different markers
    const key = entry.path === undefined ? entry.handler : this.#markerKey(guardKey(entry.method, entry.path), entry);
    const hit = guard.compiled.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const options = this.#options(guard, entry);
    let route: AppRoute | null = null;
    if (!options.public) {
      const method = guardKey(entry.method, '/').split(' ')[0];
      const def = routeDef(method, entry.path ?? '/', this.#inputs(guard, options), passValues, this.#routeOptions(options));
      const label = entry.path === undefined ? `${method} ${entry.where ?? 'route'}` : guardKey(method, entry.path);
      route = this.#app.prepare(def, `${label} (${guard.name})`);
    }
    guard.compiled.set(key, route);
    return route ?? undefined;
  }

  /**
   * The dependencies the guards in front of a route add to it (for routes
   * that are depends routes already, e.g. wrapped handlers), or `[]`.
   *
   * @example
   * ```ts
   * guards.dependenciesFor(entry) // [currentUser]
   * ```
   */
  dependenciesFor(entry: TableRoute): Input[] {
    const out: Input[] = [];
    for (const fn of entry.before) {
      const guard = this.#guards.get(fn);
      if (!guard) continue;
      const options = this.#options(guard, entry);
      if (!options.public) out.push(...Object.values(this.#inputs(guard, options)), ...(options.dependencies ?? []));
    }
    return out;
  }

  /**
   * Documents every guarded route of a framework's route table at its real
   * path, once per `METHOD /path` (`documented` holds those already added).
   * Throws a {@link ConfigurationError} when a guard stands in front of a
   * route whose path cannot be known, when a `routes` key names no route
   * behind its guard, or when a guard is in front of no route at all.
   *
   * @example
   * ```ts
   * guards.document(expressTable(app), documented)
   * ```
   */
  document(entries: Iterable<TableRoute>, documented: Set<string>): void {
    entries = this.#learnScopes(entries);
    const used = new Map<Guard, Set<string>>();
    /** Routes no guard stands in front of, by key: one running a guarded route's handler on its key is compared with it below. */
    const unguarded: [string, TableRoute][] = [];
    for (const entry of entries) {
      if (this.#exempt.has(entry.handler)) continue;
      this.#checkMarkers(entry);
      this.#checkEarly(entry);
      const guards = entry.before.map((fn) => this.#guards.get(fn)).filter((g): g is Guard => g !== undefined);
      if (guards.length === 0) {
        if (entry.path !== undefined) unguarded.push([guardKey(entry.method, entry.path), entry]);
        continue;
      }
      if (entry.path === undefined) throw unknownPath(guards[0], entry);
      const key = guardKey(entry.method, entry.path);
      for (const g of guards) (used.get(g) ?? used.set(g, new Set()).get(g)!).add(key);
      const first = this.#documentedAt.get(key);
      if (first === undefined) this.#documentedAt.set(key, entry);
      else if (first !== entry) this.#checkSameKey(key, first, entry);
      if (documented.has(key)) continue;
      this.#documentRoute(entry, entry.path, key, guards);
      // marked once added: a route whose documenting failed (a duplicate of another) fails again on the next search
      documented.add(key);
    }
    // the same handler on one key with and without a guard (Fastify's HEAD copy of a GET an onRoute hook guarded alone): the document shows it guarded
    for (const [key, entry] of unguarded) {
      const guarded = this.#documentedAt.get(key);
      if (guarded !== undefined && guarded.handler === entry.handler) this.#checkSameKey(key, guarded, entry);
    }
    for (const guard of this.#guards.values()) {
      const keys = used.get(guard);
      if (!keys)
        throw new ConfigurationError(
          ErrorCode.GuardOptions,
          `Guard "${guard.name}" stands in front of no route of the apps and routers passed to d.docs()/d.mount(): put it in front of routes, or pass the app or router that uses it to d.docs(). A guard called from inside another function (app.use(unless(['/health'], auth)), (req, res, next) => auth(req, res, next)) is not seen in the route table: place the guard itself (app.use(auth)) and open what it is not to guard with its routes option ({ 'GET /health': { public: true } }) or d.route({ public: true }) on the route`,
        );
      checkRouteKeys(guard, keys);
    }
  }

  /**
   * Two routes of the tables on one `METHOD /path` (Fastify's constraints,
   * an explicit HEAD route beside a GET, a second route on a path whose
   * first passes on, two apps): the document shows one of them, so every
   * guard must decide alike for both, or a ConfigurationError names them.
   */
  #checkSameKey(key: string, a: TableRoute, b: TableRoute): void {
    for (const [fn, guard] of this.#guards) {
      const inA = a.before.includes(fn);
      const inB = b.before.includes(fn);
      if (!inA && !inB) continue;
      if (inA && inB && decidesAlike(this.#options(guard, a), this.#options(guard, b))) continue;
      const where = (e: TableRoute) => (e.where === undefined ? '' : ` (${e.where})`);
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        `Guard "${guard.name}" decides differently for two routes on ${key}${where(a)}${where(b)}${inA && inB ? '' : ', standing in front of only one of them'}: the document can show one requirement for ${key}. Give both the same options (the same d.route() markers and routes key), or give them different paths (a Fastify constraint, an explicit HEAD route and a second route on the same path all share one); two apps serving the same paths with different guards each need their own createDepends() (one document each)`,
      );
    }
  }

  /** Adds one guarded route of a framework's table to the document (nothing for a hidden one). */
  #documentRoute(entry: TableRoute, path: string, key: string, guards: readonly Guard[]): void {
    const options = guards.map((g) => this.#options(g, entry));
    const merged: GuardRouteOptions = Object.assign({}, ...options);
    if (merged.hidden) return;
    const isPublic = options.every((o) => o.public);
    const [method] = key.split(' ');
    // a request body the framework's handler reads: documented only (the guard never reads it, nor answers for it)
    const routeOptions = merged.requestBody ? { ...this.#routeOptions(merged), [DOCUMENTED_BODY]: sourceOf(body(merged.requestBody)) } : this.#routeOptions(merged);
    if (guards.length === 1 && !isPublic) {
      // one guard: documented from the very declaration its decision runs (one analysis for both)
      this.#app.add(routeDef(method, path, this.#inputs(guards[0], options[0]), documentOnly(entry.handler), routeOptions));
      return;
    }
    const dependencies = isPublic ? [] : this.dependenciesFor(entry);
    this.#app.add(routeDef(method, path, {}, documentOnly(entry.handler), { ...routeOptions, public: isPublic, dependencies }));
  }

  /**
   * Checks one framework route reached on several paths whose matched one
   * the framework does not tell (Express's `app.get(['/a', '/b'], …)`, or
   * a router mounted at two places):
   * each guard in front of it must decide alike on every path (public or
   * not, the same scopes and extra dependencies), or the route would be
   * refused where its document says it is open. Throws a
   * {@link ConfigurationError} naming the paths and the fix.
   *
   * @example
   * ```ts
   * guards.checkSeveralPaths([healthEntry, healthzEntry]) // routes: { 'GET /health': { public: true } } only → throws
   * ```
   */
  checkSeveralPaths(entries: readonly TableRoute[]): void {
    for (const [fn, guard] of this.#guards) {
      const behind = entries.filter((e) => e.before.includes(fn) && !this.#exempt.has(e.handler));
      const first = behind[0];
      if (first === undefined) continue;
      const options = this.#options(guard, first);
      const other = behind.find((e) => !decidesAlike(options, this.#options(guard, e)));
      if (other === undefined) continue;
      const name = (e: TableRoute) => (e.path === undefined ? `${e.method} ${e.where ?? 'a route'}` : guardKey(e.method, e.path));
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        `Guard "${guard.name}" decides differently for ${name(first)} and ${name(other)}, which are one route reached on several paths (registered with several, or its router mounted more than once), and the framework does not tell which path a request matched: give them the same options, or register a route of its own for each path`,
      );
    }
  }

  /**
   * Checks the `routes` keys of the guards found in a route table: each
   * must name a route behind its guard there. Guards that stand in front of
   * no route of this table are left to {@link Guards.document}. Throws a
   * {@link ConfigurationError} naming the key and the routes the guard
   * does guard.
   *
   * @example
   * ```ts
   * guards.checkKeys(expressTable(app)) // routes: { 'GET /v1/note': … } → names no route behind this guard
   * ```
   */
  checkKeys(entries: Iterable<TableRoute>): void {
    entries = this.#learnScopes(entries);
    const used = new Map<Guard, Set<string>>();
    // a key naming no route may name one behind a path that cannot be known: that is the mistake to name
    const unknown = new Map<Guard, TableRoute>();
    for (const entry of entries) {
      this.#checkMarkers(entry);
      if (this.#exempt.has(entry.handler)) continue;
      for (const fn of entry.before) {
        const g = this.#guards.get(fn);
        if (g === undefined) continue;
        if (entry.path === undefined) unknown.set(g, entry);
        else (used.get(g) ?? used.set(g, new Set()).get(g)!).add(guardKey(entry.method, entry.path));
      }
    }
    for (const [guard, keys] of used) checkRouteKeys(guard, keys, unknown.get(guard));
  }

  /**
   * A guard that runs before the framework reads the request's body
   * (`entry.beforeBody`) must not read it: its dependencies would find no
   * body. Refused, naming the guard, the route and the fix.
   */
  #checkEarly(entry: TableRoute): void {
    if (entry.beforeBody === undefined || entry.path === undefined) return;
    for (const fn of entry.before.slice(0, entry.beforeBody)) {
      const guard = this.#guards.get(fn);
      if (guard === undefined || !this.routeFor(fn, entry)?.plan.needsBody) continue;
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        `Guard "${guard.name}" runs before the request body is read on ${guardKey(entry.method, entry.path)} (an onRequest hook), and one of its dependencies reads the body: add it as a preHandler hook (addHook('preHandler', guard)), or read the body in the route's handler`,
      );
    }
  }

  /** A route marker (`d.route()`) on a route no guard stands in front of does nothing: a mistake, refused. */
  #checkMarkers(entry: TableRoute): void {
    if (!this.#markers.has(entry.handler) && !entry.before.some((fn) => this.#markers.has(fn))) return;
    const where = entry.path === undefined ? `${entry.method} ${entry.where ?? 'a route'}` : guardKey(entry.method, entry.path);
    const guards = entry.before.map((fn) => this.#guards.get(fn)).filter((g): g is Guard => g !== undefined);
    if (guards.length > 0) {
      const scoped = [...entry.before, entry.handler].some((fn) => (this.#markers.get(fn)?.scopes ?? []).length > 0);
      if (scoped) for (const g of guards) checkScopesChecked(g.name, `is given scopes by d.route() on ${where}`, g.inputs);
      return;
    }
    throw new ConfigurationError(
      ErrorCode.GuardOptions,
      `d.route() options on ${where} do nothing: no guard stands in front of that route. Place the guard before it (app.use(auth) earlier, or on its router), or remove d.route()`,
    );
  }

  /**
   * The scopes `d.route({ scopes })` asks on the routes of a table join
   * the strictest requirement of the guards in front of them (what a
   * request no route is known for must pass). Returns the table as a list.
   */
  #learnScopes(entries: Iterable<TableRoute>): TableRoute[] {
    const list = [...entries];
    for (const entry of list)
      for (const fn of [...entry.before, entry.handler]) {
        const scopes = this.#markers.get(fn)?.scopes;
        if (!scopes?.length) continue;
        for (const g of entry.before) {
          const guard = this.#guards.get(g);
          if (!guard || scopes.every((x) => guard.allScopes.includes(x))) continue;
          guard.allScopes = [...new Set([...guard.allScopes, ...scopes])];
          guard.strictest = undefined;
        }
      }
    return list;
  }

  /** `key` followed by the numbers of the markers on a route (`d.route()`), in order: what its options depend on besides its key. */
  #markerKey(key: string, entry: TableRoute): string {
    for (const fn of entry.before) if (this.#markers.has(fn)) key += ` ${this.#markerNumber(fn)}`;
    if (this.#markers.has(entry.handler)) key += ` ${this.#markerNumber(entry.handler)}`;
    return key;
  }

  #markerNumber(fn: unknown): number {
    let n = this.#markerNumbers.get(fn);
    if (n === undefined) this.#markerNumbers.set(fn, (n = this.#markerNumbers.size));
    return n;
  }

  /** Defaults, then markers on the route, then the guard's options for this route. */
  #options(guard: Guard, entry: TableRoute): GuardRouteOptions {
    let options: GuardRouteOptions = guard.defaults;
    for (const fn of [...entry.before, entry.handler]) {
      const marker = this.#markers.get(fn);
      if (marker) options = { ...options, ...marker };
    }
    if (entry.path !== undefined) {
      const own = guard.routes.get(guardKey(entry.method, entry.path));
      if (own) options = { ...options, ...own };
    }
    return options;
  }

  /** The guard's inputs, each one reaching a scheme used with the route's scopes. */
  #inputs(guard: Guard, options: GuardRouteOptions): Inputs {
    const scopes = options.scopes ?? [];
    if (scopes.length === 0) return guard.inputs;
    // one object per set of scopes: the routes asking the same scopes share one analysis
    const key = scopeKey(scopes);
    const made = guard.scoped.get(key);
    if (made) return made;
    const out: Record<string, Input> = {};
    for (const [name, input] of Object.entries(guard.inputs))
      out[name] = inputReachesScheme(input) && (isDependency(input) || isUse(input)) ? security(input, { scopes }) : input;
    guard.scoped.set(key, out);
    return out;
  }

  #routeOptions(options: GuardRouteOptions): RouteOptions {
    const { scopes: _scopes, requestBody: _body, ...rest } = options;
    return rest;
  }
}

/** A set of scopes as one key: each once, in order (the routes asking the same scopes share one compiled requirement). */
const scopeKey = (scopes: readonly string[]): string => [...new Set(scopes)].sort().join(' ');

/** Whether a guard decides alike with two routes' options (see `Guards.checkSeveralPaths`): both public, or the same scopes and the same extra dependencies. */
function decidesAlike(a: GuardRouteOptions, b: GuardRouteOptions): boolean {
  if (a.public || b.public) return Boolean(a.public) === Boolean(b.public);
  return scopeKey(a.scopes ?? []) === scopeKey(b.scopes ?? []) && sameList(a.dependencies ?? [], b.dependencies ?? []);
}

/** The source a body dependency reads (its `meta.source`): what the document shows of it. */
function sourceOf(input: Dependency<unknown>): SourceSpec | undefined {
  return input.meta.source;
}
