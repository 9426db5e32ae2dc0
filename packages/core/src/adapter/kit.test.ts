import { describe, expect, test, vi } from 'vitest';
import { DependsApp, type AppOptions, type AppRoute } from '../app/app.js';
import type { Outcome } from '../app/handle.js';
import { depends } from '../dependency/depends.js';
import { HTTPException } from '../errors/catalogue.js';
import { createRequestView, type RequestView } from '../request/view.js';
import type { MaybePromise } from '../resolver/execute.js';
import { Router } from '../router/router.js';
import { httpBearer } from '../security/http.js';
import { AdapterKit, type RouteEntry } from './kit.js';
import { analyses } from '../model/analyse.js';

/** A stand-in framework: handlers take a request view, targets keep a route table. */
type FakeHandler = (view: RequestView) => MaybePromise<Outcome>;

class FakeApp {
  readonly table: RouteEntry[] = [];
  on(method: string, path: string, handler: unknown): void {
    this.table.push({ method, path, handler, before: [] });
  }
}

function setup(options: AppOptions = {}, bodyLimit?: number) {
  const errors: unknown[] = [];
  const app = new DependsApp({ title: 'Kit', version: '1.0.0', onError: (error) => errors.push(error), ...options });
  let scans = 0;
  const kit: AdapterKit<FakeApp, FakeHandler> = new AdapterKit(app, { bodyLimit }, {
    handlerOf: (route) => (view) => kit.outcome(route, view),
    routes: (target) => {
      scans++;
      return target.table;
    },
  });
  return { app, kit, errors, scans: () => scans };
}

const view = (init: Parameters<typeof createRequestView>[0] = {}) => createRequestView(init);
const json = (outcome: Outcome) => JSON.parse(outcome.answer.body as string);

describe('AdapterKit options', () => {
  test('bodyLimit: 1 MiB unless given', () => {
    expect(setup().kit.bodyLimit).toBe(1024 * 1024);
    expect(setup({}, 10).kit.bodyLimit).toBe(10);
  });
});

describe('AdapterKit.mount', () => {
  test('each mounted route is analysed once: compiling it, serving it and documenting it at its full path read the same tree', async () => {
    const { kit } = setup();
    const user = depends({ auth: httpBearer() }, ({ auth }) => auth.credentials);
    const api = new Router({ prefix: '/v1' });
    api.get('/me', { user }, ({ user }) => user);
    api.get('/items/{id}', { user }, () => ({ ok: true }));
    api.post('/items', {}, () => 'created', { status: 201 });
    const target = new FakeApp();
    const before = analyses.count;
    kit.mount(target, api, (method, path, handler) => target.on(method, path, handler));
    expect(Object.keys(kit.openapi().paths)).toEqual(['/v1/me', '/v1/items/{id}', '/v1/items']);
    const served = target.table[0].handler as FakeHandler;
    expect((await served(view({ headers: { authorization: 'Bearer t' } }))).answer.status).toBe(200);
    expect(analyses.count - before).toBe(3);
  });

  test("compiles every route of a router and registers it with a colon path and the handler serving it; documented where the route table has it", async () => {
    const { app, kit } = setup();
    const api = new Router({ prefix: '/v1' });
    api.get('/items/{id}', {}, () => ({ ok: true }));
    api.post('/items', {}, () => 'created', { status: 201 });
    const target = new FakeApp();
    const registered: [string, string, AppRoute][] = [];
    const routes = kit.mount(target, api, (method, path, handler, route) => {
      registered.push([method, path, route]);
      target.on(method, path, handler);
    });
    expect(routes.map((r) => r.label)).toEqual(['GET /v1/items/{id}', 'POST /v1/items']);
    expect(app.routes).toEqual([]); // documented once the route tables are read
    expect(Object.keys(kit.openapi().paths)).toEqual(['/v1/items/{id}', '/v1/items']);
    expect(app.routes.map((r) => r.label)).toEqual(['GET /v1/items/{id}', 'POST /v1/items']);
    expect(registered).toEqual([
      ['GET', '/v1/items/:id', routes[0]],
      ['POST', '/v1/items', routes[1]],
    ]);
    const outcome = await (target.table[1].handler as FakeHandler)(view({ method: 'POST' }));
    expect([outcome.answer.status, json(outcome)]).toEqual([201, 'created']);
  });
});

describe('AdapterKit.wrap and found', () => {
  test('with a path: documented at once, under the method given (GET by default)', () => {
    const { kit, scans } = setup();
    kit.wrap({}, () => 'a', { path: '/a/:id' });
    kit.wrap({}, () => 'b', { method: 'post', path: '/b', summary: 'B' });
    const doc = kit.openapi();
    expect(Object.keys(doc.paths)).toEqual(['/a/{id}', '/b']);
    expect(doc.paths['/b'].post?.summary).toBe('B');
    expect(scans()).toBe(0); // nothing missing: no route table is read
  });

  test('without a path: documented where a remembered route table has it, under each METHOD path once', () => {
    const { kit, scans } = setup();
    const me = kit.wrap({}, function me() {
      return 'me';
    });
    const target = new FakeApp();
    kit.docs(target);
    expect(kit.openapi().paths['/me']).toBeUndefined();
    expect(scans()).toBe(1); // searched, not found yet
    target.on('GET', '/me', me);
    target.on('GET', '/me', me); // the same place twice
    target.on('PUT', '/users/:id/me', me);
    target.on('GET', '/other', () => 'not wrapped');
    const doc = kit.openapi();
    expect(Object.keys(doc.paths)).toEqual(['/me', '/users/{id}/me']);
    expect(Object.keys(doc.paths['/me'])).toEqual(['get']);
    expect(scans()).toBe(2);
    kit.openapi();
    expect(scans()).toBe(2); // every wrapped handler found: not searched again
  });

  test('found(): true for a wrapped handler (documenting it there), false for anything else', () => {
    const { kit } = setup();
    const h = kit.wrap({}, () => 'x');
    expect(kit.found(h, 'DELETE', '/x/:id')).toBe(true);
    expect(kit.found(() => 'x', 'GET', '/y')).toBe(false);
    expect(Object.keys(kit.openapi().paths)).toEqual(['/x/{id}']);
  });

  test("a wrapped handler runs with the app's dependencies and security, unless public", async () => {
    const seen: string[] = [];
    const audit = depends({}, () => void seen.push('audit'));
    const { kit } = setup({ dependencies: [audit], security: [httpBearer()] });
    const secured = kit.wrap({}, () => 'secret');
    const open = kit.wrap({}, () => 'open', { public: true });
    const denied = await secured(view());
    expect(denied.answer.status).toBe(401);
    expect(denied.answer.headers).toContainEqual(['www-authenticate', 'Bearer']);
    const allowed = await secured(view({ headers: { authorization: 'Bearer t' } }));
    expect(json(allowed)).toBe('secret');
    expect(json(await open(view()))).toBe('open');
    expect(seen).toEqual(['audit', 'audit', 'audit']);
  });
});

describe('AdapterKit.docs', () => {
  test("the docs routes serve the kit's document, wrapped handlers found in the target included", () => {
    const { kit } = setup();
    const target = new FakeApp();
    target.on('GET', '/me', kit.wrap({}, () => 'me'));
    const routes = kit.docs(target, { openapiPath: '/api.json' });
    expect(routes.map((r) => r.path)).toEqual(['/api.json', '/docs', '/docs/:file']);
    expect(Object.keys(JSON.parse(routes[0].answer({}).body as string).paths)).toEqual(['/me']);
  });
});

describe('AdapterKit.serve and respond', () => {
  test('a synchronous route gives its outcome synchronously; an async one a promise', async () => {
    const { kit } = setup();
    const sync = kit.outcome(kit.app.route('GET', '/sync', {}, () => 1), view());
    expect(sync).not.toBeInstanceOf(Promise);
    expect(json(sync as Outcome)).toBe(1);
    const later = kit.outcome(kit.app.route('GET', '/async', {}, async () => 2), view());
    expect(later).toBeInstanceOf(Promise);
    expect(json(await later)).toBe(2);
  });

  test('errors become their answers: HTTPException as declared, anything else a 500 given to onError', async () => {
    const { kit, errors } = setup();
    const boom = new Error('boom');
    const missing = await kit.outcome(kit.app.route('GET', '/404', {}, () => { throw new HTTPException(404, 'Item not found'); }), view());
    expect([missing.answer.status, json(missing)]).toEqual([404, { detail: 'Item not found' }]);
    const failed = await kit.outcome(kit.app.route('GET', '/500', {}, async () => { throw boom; }), view());
    expect([failed.answer.status, json(failed)]).toEqual([500, { detail: 'Internal Server Error' }]);
    expect(errors).toEqual([boom]);
  });

  test('app.handle throwing or rejecting: the error answer, with a finish that does nothing; never a throw', async () => {
    const { app, kit, errors } = setup();
    const route = app.route('GET', '/x', {}, () => 'x');
    const thrown = new Error('thrown');
    const rejected = new Error('rejected');
    const handle = vi.spyOn(app, 'handle').mockImplementationOnce(() => { throw thrown; });
    const a = kit.outcome(route, view()) as Outcome;
    expect(a.answer.status).toBe(500);
    await expect(a.finish()).resolves.toBeUndefined();
    handle.mockImplementationOnce(() => Promise.reject(rejected));
    const b = await kit.outcome(route, view());
    expect(b.answer.status).toBe(500);
    expect(errors).toEqual([thrown, rejected]);
  });

  test('respond(): hands the outcome to send, at once when synchronous, and returns what send returns', async () => {
    const { kit } = setup();
    const sync = kit.app.route('GET', '/s', {}, () => 's');
    const async = kit.app.route('GET', '/a', {}, async () => 'a');
    expect(kit.respond(sync, view(), (o) => `sent ${o.answer.status}`)).toBe('sent 200');
    const pending = kit.respond(async, view(), (o) => `sent ${json(o)}`);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe('sent a');
  });
});

describe('AdapterKit.write, errorAnswer, report and finish', () => {
  test('write(): what write returns; when writing throws, the error answer is written instead', () => {
    const { kit, errors } = setup();
    const broken = new Error('cannot write');
    const written: number[] = [];
    const result = kit.write(view(), { status: 200, headers: [], body: 'x' }, (answer) => {
      written.push(answer.status);
      if (answer.status === 200) throw broken;
      return 'fallback';
    });
    expect([result, written, errors]).toEqual(['fallback', [200, 500], [broken]]);
  });

  test('errorAnswer(): the answer of an HTTPException, a 500 that leaks nothing otherwise', () => {
    const { kit } = setup();
    const teapot = kit.errorAnswer(view(), new HTTPException(418, 'teapot', { 'x-why': 'tea' }));
    expect([teapot.status, teapot.headers]).toEqual([418, [['x-why', 'tea'], ['content-type', 'application/json']]]);
    expect(kit.errorAnswer(view(), new Error('secret path /etc')).body).toBe('{"detail":"Internal Server Error"}');
  });

  test('report(): gives the error and the request to onError; a throwing hook is ignored', () => {
    const { kit, app } = setup();
    const request = view({ url: '/r' });
    const calls: [unknown, RequestView][] = [];
    app.onError = (error, req) => calls.push([error, req]);
    kit.report(request, 'e1');
    expect(calls).toEqual([['e1', request]]);
    app.onError = () => {
      throw new Error('hook broke');
    };
    expect(() => kit.report(request, 'e2')).not.toThrow();
  });

  test('finish(): runs the teardowns; a failing one is reported and the promise still resolves', async () => {
    const { kit, errors } = setup();
    const failure = new Error('teardown failed');
    const done: string[] = [];
    await kit.finish(view(), { answer: { status: 200, headers: [], body: undefined }, finish: async () => void done.push('closed'), hasTeardown: true });
    await expect(kit.finish(view(), { answer: { status: 200, headers: [], body: undefined }, finish: () => Promise.reject(failure), hasTeardown: true })).resolves.toBeUndefined();
    expect([done, errors]).toEqual([['closed'], [failure]]);
  });
});
