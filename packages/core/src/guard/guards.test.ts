import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp } from '../app/app.js';
import { depends } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { createRequestView } from '../request/view.js';
import { header, path } from '../sources/params.js';
import { httpBearer } from '../security/http.js';
import { invalidToken } from '../security/errors.js';
import { withScopes } from '../security/scopes.js';
import { Guards, entryForMethod } from './guards.js';
import { analyses } from '../model/analyse.js';
import { runGuard } from './run.js';
import type { TableRoute } from './types.js';

const bearer = httpBearer();
const USERS: Record<string, { name: string; scopes: string[] }> = { a: { name: 'alice', scopes: ['read'] }, r: { name: 'root', scopes: ['read', 'write'] } };
const caller = depends({ auth: bearer }, ({ auth }) => {
  const user = USERS[auth.credentials];
  if (!user) throw invalidToken();
  return user;
});
const user = withScopes(caller, (u) => u.scopes);

const auth = () => 'auth middleware';
const listNotes = function listNotes() {};
const addNote = function addNote() {};
const getNote = function getNote() {};
const status = function status() {};

const table: TableRoute[] = [
  { method: 'GET', path: '/status', handler: status, before: [auth] },
  { method: 'GET', path: '/v1/notes', handler: listNotes, before: [auth] },
  { method: 'POST', path: '/v1/notes', handler: addNote, before: [auth] },
  { method: 'GET', path: '/v1/notes/:id', handler: getNote, before: [auth] },
];

function setup() {
  const app = new DependsApp({ title: 'Guarded', version: '1' });
  const guards = new Guards(app);
  guards.add(auth, { user }, {
    scopes: ['read'],
    routes: {
      'GET /status': { public: true },
      'POST /v1/notes': { scopes: ['write'], status: 201, summary: 'Add a note', requestBody: z.object({ text: z.string() }) },
      'GET /v1/notes/:id': { summary: 'One note' },
    },
  });
  return { app, guards };
}

const view = (token?: string) => createRequestView({ headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('Guards.routeFor: which routes a guard checks', () => {
  test('only routes it stands in front of; public routes and exempt handlers are left alone', () => {
    const { guards } = setup();
    expect(guards.routeFor(auth, table[1])).toBeDefined();
    expect(guards.routeFor(auth, { ...table[1], before: [] })).toBeUndefined();
    expect(guards.routeFor(auth, table[0])).toBeUndefined(); // public by key
    const docs = () => 'docs';
    guards.exempt(docs);
    expect(guards.routeFor(auth, { method: 'GET', path: '/docs', handler: docs, before: [auth] })).toBeUndefined();
    expect(guards.routeFor(() => 'not a guard', table[1])).toBeUndefined();
  });

  test('compiled once per METHOD /path; HEAD uses the GET route; keys in either path form', () => {
    const { guards } = setup();
    const route = guards.routeFor(auth, table[3]);
    expect(guards.routeFor(auth, { ...table[3], path: '/v1/notes/{id}' })).toBe(route);
    expect(guards.routeFor(auth, { ...table[3], method: 'HEAD' })).toBe(route);
    expect(route?.label).toBe('GET /v1/notes/{id} (guard(user))');
  });

  test("two routes on one METHOD /path with different d.route() markers (Fastify constraints, a HEAD route beside GET, two apps) are each decided with their own; the document refuses them", async () => {
    const { app, guards } = setup();
    const open = () => 'open';
    const admin = () => 'admin';
    guards.mark(open, { public: true });
    guards.mark(admin, { scopes: ['write'] });
    const publicOne: TableRoute = { method: 'GET', path: '/v1/notes', handler: function v1() {}, before: [auth, open] };
    const adminOne: TableRoute = { method: 'GET', path: '/v1/notes', handler: function v2() {}, before: [auth, admin] };
    // whichever is asked first, the other keeps its own decision
    expect(guards.routeFor(auth, publicOne)).toBeUndefined();
    const strict = guards.routeFor(auth, adminOne)!;
    expect((await runGuard(app, strict, view())).answer?.status).toBe(401);
    expect((await runGuard(app, strict, view('a'))).answer?.status).toBe(403);
    expect(guards.routeFor(auth, { ...publicOne })).toBeUndefined();
    expect(() => guards.document([publicOne, adminOne], new Set())).toThrow(
      expect.objectContaining({ code: ErrorCode.GuardOptions, message: expect.stringContaining('Guard "guard(user)" decides differently for two routes on GET /v1/notes') }),
    );
    // the same options on both: one route as far as the document goes
    const again = new Guards(new DependsApp());
    again.add(auth, { user }, { scopes: ['read'] });
    again.mark(admin, { scopes: ['write'] });
    expect(() => again.document([{ ...adminOne }, adminOne], new Set())).not.toThrow();
  });

  test('the same answers as a declared route: 401 with its challenge, 403 for the route\'s scopes, values when allowed', async () => {
    const { app, guards } = setup();
    const list = guards.routeFor(auth, table[1])!;
    const add = guards.routeFor(auth, table[2])!;
    const missing = await runGuard(app, list, view());
    expect(missing.values).toBeUndefined();
    expect([missing.answer?.status, missing.answer?.headers]).toEqual([401, expect.arrayContaining([['www-authenticate', 'Bearer']])]);
    const bad = await runGuard(app, list, view('nope'));
    expect(bad.answer?.headers).toContainEqual(['www-authenticate', 'Bearer error="invalid_token"']);
    expect((await runGuard(app, list, view('a'))).values).toEqual({ user: USERS.a });
    const denied = await runGuard(app, add, view('a'));
    expect(denied.answer?.status).toBe(403);
    expect(denied.answer?.headers).toContainEqual(['www-authenticate', 'Bearer error="insufficient_scope", scope="write"']);
    expect((await runGuard(app, add, view('r'))).values).toEqual({ user: USERS.r });
  });

  test('route markers: a pass-through middleware on the route carries its options', () => {
    const { guards } = setup();
    const open = () => 'marker';
    guards.mark(open, { public: true });
    expect(guards.routeFor(auth, { method: 'GET', path: '/v1/open', handler: listNotes, before: [auth, open] })).toBeUndefined();
  });
});

describe('Guards.weakest: before the framework has chosen among several routes', () => {
  test('only the scopes every route asks, no extra dependency; none when one is public or not behind the guard; the strictest when no route is known', async () => {
    const { app, guards } = setup();
    const readOrWrite = guards.weakest(auth, [table[1], table[2]])!;
    expect((await runGuard(app, readOrWrite, view())).answer?.status).toBe(401);
    expect((await runGuard(app, readOrWrite, view('nope'))).answer?.status).toBe(401);
    // alice reads: GET /v1/notes lets her through, so the weakest requirement does too
    expect((await runGuard(app, readOrWrite, view('a'))).values).toEqual({ user: USERS.a });
    const writeOnly = guards.weakest(auth, [table[2]])!;
    expect((await runGuard(app, writeOnly, view('a'))).answer?.status).toBe(403);
    expect((await runGuard(app, writeOnly, view('r'))).values).toEqual({ user: USERS.r });
    expect(guards.weakest(auth, [table[2], table[2]])).toBe(writeOnly); // compiled once per set of scopes
    expect(guards.weakest(auth, [table[0], table[2]])).toBeUndefined(); // GET /status is public
    expect(guards.weakest(auth, [table[2], { ...table[1], before: [] }])).toBeUndefined();
    expect(guards.weakest(auth, [])).toBe(guards.strictest(auth));
  });
});

describe('Guards.checkSeveralPaths: one route on several paths', () => {
  test('alike on every path passes; public on one path only, or other scopes, fails naming both paths', () => {
    const { guards } = setup();
    const on = (path: string): TableRoute => ({ method: 'GET', path, handler: listNotes, before: [auth] });
    expect(() => guards.checkSeveralPaths([on('/v1/notes'), on('/v1/notes/:id')])).not.toThrow(); // a summary differs, not the decision
    expect(() => guards.checkSeveralPaths([on('/status'), on('/v1/notes')])).toThrow(/decides differently for GET \/status and GET \/v1\/notes, which are one route reached on several paths/);
    expect(() => guards.checkSeveralPaths([{ ...on('/v1/notes'), method: 'POST' }, on('/v1/notes')])).toThrow(ConfigurationError);
  });
});

describe('runGuard: teardown after the framework has answered', () => {
  test('a generator dependency is closed by finish(), not before', async () => {
    const events: string[] = [];
    const session = depends(function* () {
      events.push('open');
      yield 'session';
      events.push('close');
    });
    const app = new DependsApp();
    const guards = new Guards(app);
    const mw = () => 'mw';
    guards.add(mw, { session });
    const outcome = runGuard(app, guards.routeFor(mw, { method: 'GET', path: '/x', handler: listNotes, before: [mw] })!, view());
    expect(outcome).not.toBeInstanceOf(Promise); // synchronous all the way
    const o = await outcome;
    expect([o.values, o.hasTeardown, events]).toEqual([{ session: 'session' }, true, ['open']]);
    await o.finish();
    expect(events).toEqual(['open', 'close']);
  });
});

describe('analyses: a guarded route shares its analysis with its document and the routes asking the same scopes', () => {
  test('declared, decided for four routes and documented: one analysis per set of scopes, each shared by the decisions and the document (the request body of POST /v1/notes documented only); /status is public', async () => {
    const before = analyses.count;
    const { app, guards } = setup();
    for (const entry of table) guards.routeFor(auth, entry);
    guards.document(table, new Set());
    expect(Object.keys(app.openapi().paths).sort()).toEqual(['/status', '/v1/notes', '/v1/notes/{id}']);
    const route = guards.routeFor(auth, table[1])!;
    expect((await runGuard(app, route, view('a'))).values).toEqual({ user: USERS.a });
    // read (GET /v1/notes, GET /v1/notes/:id), write (POST /v1/notes: its decision and its document, body included), /status's document
    expect(analyses.count - before).toBe(3);
  });
});

describe('Guards.document: every guarded route at its real path', () => {
  test('security and scopes, path parameters, public routes, summaries, a documented request body', () => {
    const { app, guards } = setup();
    guards.document(table, new Set());
    const doc = app.openapi();
    expect(Object.keys(doc.paths)).toEqual(['/status', '/v1/notes', '/v1/notes/{id}']);
    const paths = doc.paths as Record<string, Record<string, any>>;
    expect(paths['/status'].get.security).toEqual([]); // public: said explicitly
    expect(paths['/v1/notes'].get.security).toEqual([{ HTTPBearer: ['read'] }]);
    expect(paths['/v1/notes'].get.summary).toBe('List Notes'); // from the framework handler's name
    expect(paths['/v1/notes'].post).toMatchObject({ summary: 'Add a note', security: [{ HTTPBearer: ['write'] }] });
    expect(Object.keys(paths['/v1/notes'].post.responses)).toEqual(expect.arrayContaining(['201', '401', '403']));
    expect(paths['/v1/notes'].post.requestBody.content['application/json'].schema).toBeDefined();
    // the framework's handler reads the body, not the guard: no answer the guard cannot send
    expect(Object.keys(paths['/v1/notes'].post.responses).filter((s) => ['400', '413', '415', '422'].includes(s))).toEqual([]);
    expect(paths['/v1/notes/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  test('documented once however often the tables are read', () => {
    const { app, guards } = setup();
    const documented = new Set<string>();
    guards.document(table, documented);
    guards.document(table, documented);
    expect(app.routes).toHaveLength(4);
  });

  test('a route that duplicates another fails on every read of the tables, not on the first only', () => {
    const { app, guards } = setup();
    const documented = new Set<string>();
    // GET /v1/notes/{noteId} is GET /v1/notes/{id} under another name: the framework would run the first for both
    const twice = [...table, { method: 'GET', path: '/v1/notes/:noteId', handler: function other() {}, before: [auth] }];
    for (let read = 1; read <= 3; read++) expect(() => guards.document(twice, documented), `read ${read}`).toThrow(expect.objectContaining({ code: ErrorCode.DuplicateRoute }));
    expect(app.routes).toHaveLength(4);
  });

  test('a route whose path cannot be known fails, naming the guard and the route', () => {
    const { guards } = setup();
    const error = (() => {
      try {
        guards.document([...table, { method: 'GET', path: undefined, handler: listNotes, before: [auth], where: 'path /^\\/re/' }], new Set());
      } catch (e) {
        return e as ConfigurationError;
      }
    })();
    expect(error?.code).toBe(ErrorCode.UnknownRoutePath);
    expect(error?.message).toContain('Guard "guard(user)" stands in front of GET path /^\\/re/, whose path cannot be known');
  });

  test('a routes key naming no route behind the guard fails, listing the ones it guards', () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    guards.add(auth, { user }, { routes: { 'GET /v1/note': { public: true } } });
    expect(() => guards.document(table, new Set())).toThrow(/routes\["GET \/v1\/note"\] names no route behind this guard \(it guards GET \/status, GET \/v1\/notes, POST \/v1\/notes, GET \/v1\/notes\/\{id\}\)/);
  });

  test("a routes key naming no route, where the guard stands in front of a route whose path cannot be known: that route is named, with the adapter's fix", () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    guards.add(auth, { user }, { routes: { 'GET /v1/notes': { scopes: ['read'] } } });
    const mounted: TableRoute = { method: 'ALL', path: undefined, handler: function mounted_app() {}, before: [auth], where: 'an app mounted at /v1', fix: 'mount a router instead' };
    const expected = expect.objectContaining({ code: ErrorCode.UnknownRoutePath, message: 'Guard "guard(user)" stands in front of an app mounted at /v1, whose path cannot be known, so it cannot be documented: mount a router instead' });
    expect(() => guards.checkKeys([table[0], mounted])).toThrow(expected);
    expect(() => guards.document([table[0], mounted], new Set())).toThrow(expected);
  });

  test('a guard in front of no route fails', () => {
    const { guards } = setup();
    const lost = () => 'lost';
    guards.add(lost, { user });
    expect(() => guards.document(table, new Set())).toThrow(expect.objectContaining({ code: ErrorCode.GuardOptions, message: expect.stringContaining('stands in front of no route') }));
  });
});

describe('Guards.add: mistakes fail when the guard is declared', () => {
  test('a guard may read path parameters of the routes it stands in front of', async () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    const owned = depends({ id: path('id') }, ({ id }) => ({ id }));
    guards.add(auth, { owned });
    const route = guards.routeFor(auth, table[3])!;
    expect((await runGuard(app, route, createRequestView({ params: { id: '7' } }))).values).toEqual({ owned: { id: '7' } });
  });

  test('a routes key that is not METHOD /path', () => {
    const guards = new Guards(new DependsApp());
    expect(() => guards.add(auth, { user }, { routes: { '/v1/notes': {} } })).toThrow(expect.objectContaining({ code: ErrorCode.GuardOptions }));
  });

  test('a HEAD key (HEAD is decided as GET), and two keys naming one route', () => {
    const guards = new Guards(new DependsApp());
    expect(() => guards.add(auth, { user }, { routes: { 'GET /files/{id}': { scopes: ['read'] }, 'HEAD /files/{id}': { public: true } } })).toThrow(
      'Guard "guard(user)": routes key "HEAD /files/{id}": a HEAD request is decided as the GET of its path (the document shows GET), so the key is "GET /files/{id}"',
    );
    expect(() => guards.add(auth, { user }, { routes: { 'GET /files/{id}': { scopes: ['read'] }, 'get /files/:id': { public: true } } })).toThrow(
      'Guard "guard(user)": routes keys "GET /files/{id}" and "get /files/:id" name one route (GET /files/{id}): keep one',
    );
  });

  test('scopes while no input reaches a security scheme', () => {
    const guards = new Guards(new DependsApp());
    const tenant = depends({ id: header('x-tenant', z.string().optional()) }, ({ id }) => id);
    expect(() => guards.add(auth, { tenant }, { scopes: ['read'] })).toThrow(/asks for scopes, but none of its inputs \(tenant\) reaches a security scheme/);
  });

  test('scopes while no input checks them (a scheme without withScopes): refused, never documented and let through', () => {
    const guards = new Guards(new DependsApp());
    // `caller` reaches the bearer scheme but never compares the caller's scopes with the ones asked
    expect(() => guards.add(auth, { user: caller }, { scopes: ['read'] })).toThrow(/asks for scopes, but none of its inputs \(user\) checks scopes, so every caller would be let through: wrap .* withScopes/);
    expect(() => guards.add(auth, { user: caller }, { routes: { 'POST /v1/notes': { scopes: ['write'] } } })).toThrow(expect.objectContaining({ code: ErrorCode.GuardOptions }));
    // withScopes() in the tree checks them
    expect(() => guards.add(auth, { user }, { scopes: ['read'] })).not.toThrow();
    expect(() => guards.add(listNotes, { wrapped: depends({ user }, ({ user: u }) => u) }, { scopes: ['read'] })).not.toThrow();
  });

  test('d.route({ scopes }) joins the strictest requirement of the guard in front of the route (what a request no route is known for must pass)', async () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    guards.add(auth, { user }, { scopes: ['read'] });
    expect((await runGuard(app, guards.strictest(auth), view('a'))).values).toEqual({ user: USERS.a });
    const marker = () => 'marker';
    guards.mark(marker, { scopes: ['write'] });
    guards.checkKeys([{ method: 'POST', path: '/v1/notes', handler: addNote, before: [auth, marker] }]);
    const refused = await runGuard(app, guards.strictest(auth), view('a'));
    expect(refused.values).toBeUndefined();
    expect(refused.answer?.status).toBe(403);
    expect((await runGuard(app, guards.strictest(auth), view('r'))).values).toEqual({ user: USERS.r });
  });

  test('d.route({ scopes }) on a route no table shows (a router reached through app code) joins every strictest requirement all the same, made before the guard or after it; never that of a guard that checks no scopes', async () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    const early = () => 'marker made before the guards';
    guards.mark(early, { scopes: ['write'] });
    guards.add(auth, { user }, { scopes: ['read'] });
    const other = () => 'a guard that checks no scopes';
    guards.add(other, { user: caller });
    const refused = await runGuard(app, guards.strictest(auth), view('a'));
    expect(refused.answer?.status).toBe(403);
    expect((await runGuard(app, guards.strictest(auth), view('r'))).values).toEqual({ user: USERS.r });
    const late = () => 'marker made after the strictest requirement was compiled';
    guards.mark(late, { scopes: ['admin'] });
    expect((await runGuard(app, guards.strictest(auth), view('r'))).answer?.status).toBe(403);
    // no scopes to check: its strictest requirement is the credential alone
    expect((await runGuard(app, guards.strictest(other), view('a'))).values).toEqual({ user: USERS.a });
  });

  test('d.route({ scopes }) on a route behind a guard whose inputs never check scopes: refused when the table is read', () => {
    const app = new DependsApp();
    const guards = new Guards(app);
    guards.add(auth, { user: caller });
    const marker = () => 'marker';
    guards.mark(marker, { scopes: ['write'] });
    const entries: TableRoute[] = [{ method: 'POST', path: '/v1/notes', handler: addNote, before: [auth, marker] }];
    expect(() => guards.checkKeys(entries)).toThrow(/is given scopes by d\.route\(\) on POST \/v1\/notes, but none of its inputs \(user\) checks scopes/);
    expect(() => guards.document(entries, new Set())).toThrow(/checks scopes/);
  });
});

describe('entryForMethod', () => {
  test('the entry of the method, upper-cased; HEAD served by GET unless the route has its own; none for another method', () => {
    const get = { m: 'GET' };
    const head = { m: 'HEAD' };
    expect(entryForMethod(new Map([['GET', get]]), 'GET')).toBe(get);
    expect(entryForMethod(new Map([['GET', get]]), 'get')).toBe(get);
    expect(entryForMethod(new Map([['GET', get]]), 'HEAD')).toBe(get);
    expect(entryForMethod(new Map([['GET', get], ['HEAD', head]]), 'head')).toBe(head);
    expect(entryForMethod(new Map([['GET', get]]), 'POST')).toBeUndefined();
    expect(entryForMethod(new Map([['POST', get]]), 'HEAD')).toBeUndefined();
  });
});
