/**
 * The guard's decision point, once in core (the shared adapter suite then
 * runs it on every framework): a guard placed with `use()` only marks the
 * request; the route the framework dispatched to decides for itself; any
 * other middleware first gets the strictest requirement; a configuration
 * mistake refuses.
 */
import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { depends } from '../dependency/depends.js';
import { createRequestView } from '../request/view.js';
import type { Answer } from '../response/reply.js';
import { httpBearer } from '../security/http.js';
import { invalidToken } from '../security/errors.js';
import { withScopes } from '../security/scopes.js';
import { GuardGate } from './gate.js';
import { Guards } from './guards.js';
import type { TableRoute } from './types.js';

const USERS: Record<string, { name: string; scopes: string[] }> = { a: { name: 'alice', scopes: ['read'] }, r: { name: 'root', scopes: ['read', 'write'] } };
const user = withScopes(
  depends({ auth: httpBearer() }, ({ auth }) => USERS[auth.credentials] ?? (() => { throw invalidToken(); })()),
  (u) => u.scopes,
);

const auth = function auth() {};
const admin = function admin() {};
const listNotes = function listNotes() {};
const addNote = function addNote() {};
const status = function status() {};
const list: TableRoute = { method: 'GET', path: '/v1/notes', handler: listNotes, before: [auth] };
const add: TableRoute = { method: 'POST', path: '/v1/notes', handler: addNote, before: [auth] };
const open: TableRoute = { method: 'GET', path: '/status', handler: status, before: [auth] };

/** A request as the gate sees it through a fake binding: what was written, what reached the handler's side. */
interface Req {
  readonly token?: string;
  written?: Answer;
  values: Record<string, unknown>;
}

function setup() {
  const app = new DependsApp({ title: 'Gate', version: '1', onError: () => {} });
  const guards = new Guards(app);
  guards.add(auth, { user }, { scopes: ['read'], routes: { 'GET /status': { public: true }, 'POST /v1/notes': { scopes: ['write'] } } });
  guards.add(admin, { user }, { name: 'admin' });
  const gate = new GuardGate<Req>(app, guards, {
    view: (req) => createRequestView({ headers: req.token ? { authorization: `Bearer ${req.token}` } : {} }),
    write: (req, answer) => void (req.written = answer),
    pass: (req, values) => void Object.assign(req.values, values),
  });
  const seen: unknown[] = [];
  gate.accessor(auth, (_req, values) => seen.push(values));
  return { gate, seen };
}

const request = (token?: string): Req => ({ token, values: {} });

/** Runs `at` and tells whether the handler side (`next`) was reached, with the request. */
async function reach(at: (req: Req, next: () => void) => unknown, token?: string): Promise<{ reached: boolean; req: Req }> {
  const req = request(token);
  let reached = false;
  await at(req, () => void (reached = true));
  return { reached, req };
}

describe('GuardGate: the decision where the framework dispatched', () => {
  test('a use()-placed guard only marks the request: the route decides for itself (its own scopes)', async () => {
    const { gate, seen } = setup();
    const none = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, add, [], next)));
    expect(none.reached).toBe(false);
    expect(none.req.written?.status).toBe(401);
    const reader = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, add, [], next)), 'a');
    expect(reader.reached).toBe(false);
    expect(reader.req.written?.status).toBe(403);
    expect(reader.req.written?.headers).toContainEqual(['www-authenticate', 'Bearer error="insufficient_scope", scope="write"']);
    const root = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, add, [], next)), 'r');
    expect(root.reached).toBe(true);
    expect(root.req.values).toEqual({ user: USERS.r });
    expect(seen).toEqual([{ user: USERS.r }]);
  });

  test('a public route needs no credential; a route the guard stands in front of decides even when the request was not marked', async () => {
    const { gate } = setup();
    expect((await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, open, [], next)))).reached).toBe(true);
    const unmarked = await reach((req, next) => gate.atRoute(req, list, [], next));
    expect(unmarked.reached).toBe(false);
    expect(unmarked.req.written?.status).toBe(401);
  });

  test('a route whose entry is unknown: the strictest requirement of the pending guards (every scope asked anywhere)', async () => {
    const { gate } = setup();
    const reader = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, undefined, [], next)), 'a');
    expect(reader.reached).toBe(false);
    expect(reader.req.written?.headers).toContainEqual(['www-authenticate', 'Bearer error="insufficient_scope", scope="read write"']);
    expect((await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, undefined, [], next)), 'r')).reached).toBe(true);
  });

  test('another middleware after a pending guard: the strictest requirement first, once per request; nothing pending, it runs at once', async () => {
    const { gate } = setup();
    let runs = 0;
    const middleware = (req: Req, next: () => void) => gate.beforeMiddleware(req, () => (runs++, next()));
    const refused = await reach((req, next) => (gate.mark(req, auth), middleware(req, next)), 'a');
    expect([refused.reached, runs, refused.req.written?.status]).toEqual([false, 0, 403]);
    const req = request('r');
    gate.mark(req, auth);
    await gate.beforeMiddleware(req, () => runs++);
    expect(gate.unsettled(req)).toBe(false);
    await gate.beforeMiddleware(req, () => runs++);
    expect(runs).toBe(2);
    const free = await reach((req, next) => middleware(req, next));
    expect([free.reached, free.req.written]).toEqual([true, undefined]);
  });

  test("a guard in a route's own stack decides there, unless the route's checkpoint already did", async () => {
    const { gate } = setup();
    const own: TableRoute = { ...list, before: [admin] };
    const alone = await reach((req, next) => gate.atOwnRoute(req, admin, own, next));
    expect([alone.reached, alone.req.written?.status]).toEqual([false, 401]);
    // the checkpoint decided for `admin` (placed in front by use()): the guard in the stack does not decide again
    const req = request('a');
    let decided = 0;
    await gate.atRoute(req, { ...own, before: [auth, admin] }, [], () => decided++);
    await gate.atOwnRoute(req, admin, own, () => decided++);
    expect(decided).toBe(2);
    expect(req.written).toBeUndefined();
  });

  test('on the way to one of several routes (before the framework chose): each pending guard asks the weakest requirement among them; the route still decides; the strictest when none is known', async () => {
    const { gate } = setup();
    const towards = (entries: TableRoute[]) => (req: Req, next: () => void) => (gate.mark(req, auth), gate.decide(req, gate.towards(req, entries), next));
    expect((await reach(towards([list, add]))).req.written?.status).toBe(401);
    // alice may read the list: she passes here, and the route she reaches decides for itself
    const reader = await reach((req, next) => towards([list, add])(req, () => gate.atRoute(req, add, [], next)), 'a');
    expect([reader.reached, reader.req.written?.status]).toEqual([false, 403]);
    expect((await reach(towards([list, add]), 'a')).reached).toBe(true);
    expect((await reach(towards([add]), 'a')).req.written?.status).toBe(403);
    expect((await reach(towards([open, add]))).reached).toBe(true); // a public route among them
    // no route known: the strictest requirement, noted as passed (no other middleware asks it again)
    const req = request('r');
    await towards([])(req, () => {});
    expect([req.written, gate.unsettled(req), gate.towards(req, [])]).toEqual([undefined, false, []]);
  });

  test("a route on several paths (entries given as a list): each entry's decision is taken; an empty list is an unknown route", async () => {
    const { gate } = setup();
    const healthz: TableRoute = { ...open, path: '/healthz' }; // not public: every path's decision is taken
    expect((await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, [open, healthz], [], next)))).req.written?.status).toBe(401);
    expect((await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, [open, open], [], next)))).reached).toBe(true);
    const reader = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, [list, add], [], next)), 'a');
    expect([reader.reached, reader.req.written?.status]).toEqual([false, 403]);
    expect((await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, [list, add], [], next)), 'r')).reached).toBe(true);
    const unknown = await reach((req, next) => (gate.mark(req, auth), gate.atRoute(req, [], [], next)), 'a');
    expect(unknown.req.written?.headers).toContainEqual(['www-authenticate', 'Bearer error="insufficient_scope", scope="read write"']);
  });

  test('a configuration mistake while a request waits: the plain 500, never the handler', async () => {
    const { gate } = setup();
    const stranger = function stranger() {};
    const failed = await reach((req, next) => (gate.mark(req, stranger), gate.beforeMiddleware(req, next)));
    expect(failed.reached).toBe(false);
    expect(failed.req.written?.status).toBe(500);
    expect(failed.req.written?.body).toBe('{"detail":"Internal Server Error"}');
  });
});
