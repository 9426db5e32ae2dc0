/**
 * Fastify-specific behaviour: mounting under a plugin prefix, Fastify's
 * hooks around depends routes, its body parsers for wrapped handlers, its
 * `bodyLimit`, and other routes' errors and 404s left to Fastify.
 */
import { rawStatus, rawUpload } from '../../core/src/node/test/raw-request.js';
import { afterEach, describe, expect, test } from 'vitest';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import { request } from 'undici';
import { z } from 'zod';
import { ConfigurationError, HTTPException, Router, body, depends, httpBearer, invalidToken, oauth2PasswordBearer, path, withScopes, type OpenAPIDocument } from '@depends/core';
import { mergeDocument } from '@depends/core/openapi';
import { createDepends } from './index.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(instance: FastifyInstance): Promise<string> {
  app = instance;
  await instance.listen({ port: 0, host: '127.0.0.1' });
  const address = instance.server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

const bearer = httpBearer();
const Item = z.object({ title: z.string().min(1) });

function itemsApi(): Router {
  const api = new Router();
  api.get('/items/{id}', { id: path('id', z.coerce.number().int()), token: bearer }, ({ id }) => ({ id }));
  api.post('/items', { item: body(Item) }, ({ item }) => item, { status: 201 });
  return api;
}


/** Tokens and the scopes each grants. */
const GRANTS: Record<string, string[]> = { reader: ['me'], root: ['me', 'admin'] };
const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read', admin: 'Administer' } });
const caller = withScopes(
  depends({ token: oauth2 }, ({ token }) => {
    if (!GRANTS[token]) throw invalidToken();
    return { token, scopes: GRANTS[token] };
  }),
  (c) => c.scopes,
);
const auth = (t: string) => ({ authorization: `Bearer ${t}` });

describe('@depends/fastify', () => {
  test('mounted inside a prefixed plugin: served and documented under the prefix', async () => {
    const fastify = Fastify();
    const d = createDepends({ title: 'Items', version: '1' });
    fastify.register(async (v1) => void d.mount(v1, itemsApi()), { prefix: '/v1' });
    d.docs(fastify);
    const url = await serve(fastify);
    const ok = await request(`${url}/v1/items/7`, { headers: { authorization: 'Bearer t' } });
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.json()).toEqual({ id: 7 });
    const missing = await request(`${url}/v1/items/7`);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(await missing.body.json()).toEqual({ detail: 'Not authenticated' });
    const doc = (await (await request(`${url}/openapi.json`)).body.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/items', '/v1/items/{id}']);
  });

  test("Fastify's hooks run around depends routes: onRequest may answer first, onSend sees the answer", async () => {
    const fastify = Fastify();
    const seen: unknown[] = [];
    fastify.addHook('onRequest', async (req, reply) => {
      if (req.headers['x-block']) return reply.code(429).send({ blocked: true });
    });
    fastify.addHook('onSend', async (_req, reply, payload) => {
      seen.push([reply.statusCode, reply.getHeader('content-type'), String(payload)]);
      reply.header('x-seen', 'yes');
      return payload;
    });
    const d = createDepends();
    d.mount(fastify, itemsApi());
    const url = await serve(fastify);
    const blocked = await request(`${url}/items/1`, { headers: { 'x-block': '1' } });
    expect(blocked.statusCode).toBe(429);
    await blocked.body.text();
    const res = await request(`${url}/items/1`);
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-seen']).toBe('yes');
    await res.body.text();
    expect(seen.at(-1)).toEqual([401, 'application/json', '{"detail":"Not authenticated"}']);
  });

  test('mounted routes read bodies through depends; the limit is Fastify’s bodyLimit', async () => {
    const fastify = Fastify({ bodyLimit: 32 });
    const d = createDepends();
    d.mount(fastify, itemsApi());
    const url = await serve(fastify);
    const post = (payload: string, type = 'application/json') => request(`${url}/items`, { method: 'POST', headers: { 'content-type': type }, body: payload });
    const created = await post('{"title":"milk"}');
    expect(created.statusCode).toBe(201);
    expect(await created.body.json()).toEqual({ title: 'milk' });
    const malformed = await post('{"title":');
    expect(malformed.statusCode).toBe(422);
    expect(((await malformed.body.json()) as { detail: { type: string }[] }).detail[0].type).toBe('json_invalid');
    const large = await post(JSON.stringify({ title: 'x'.repeat(100) }));
    expect(large.statusCode).toBe(413);
    expect(await large.body.json()).toEqual({ detail: 'Request body too large' });
  });

  test("Fastify's own 413 (its parser, on a route depends does not read) reaches clients still sending: the connection is closed in stages (issue 21)", async () => {
    const fastify = Fastify({ bodyLimit: 64 * 1024 });
    const d = createDepends();
    d.docs(fastify);
    fastify.post('/notes', async () => ({ ok: true }));
    const port = Number(new URL(await serve(fastify)).port);
    for (const close of [['Connection: close'], []]) {
      const headers = ['Content-Type: application/json', ...close];
      // 20 at once, each sending 1 MiB in chunks as fast as they leave (Node alone reset 16 of them under the answer)
      const results = await Promise.all(Array.from({ length: 20 }, () => rawUpload(port, { target: '/notes', headers, total: 1024 * 1024 })));
      expect(results.filter((r) => !(r.status === 413 && r.complete && JSON.parse(r.body).code === 'FST_ERR_CTP_BODY_TOO_LARGE')).map((r) => [r.status, r.error])).toEqual([]);
    }
  });

  test('two routes on one METHOD /path told apart by a constraint (version): the same options start and each is decided with them; different d.route() options fail ready() (the document shows one), never decided with the options of the route asked first', async () => {
    const build = (v1Public: boolean) => {
      const instance = Fastify();
      const d = createDepends({ onError: () => {} });
      d.docs(instance);
      instance.addHook('preHandler', d.guard({ caller }, { scopes: ['me'] }));
      instance.get('/c', { constraints: { version: '1.0.0' }, preHandler: [d.route(v1Public ? { public: true } : { scopes: ['admin'] })] }, async () => 'v1');
      instance.get('/c', { preHandler: [d.route({ scopes: ['admin'] })] }, async () => 'v2-admin');
      return instance;
    };
    const mixed = build(true);
    await expect(mixed.ready()).rejects.toThrow('decides differently for two routes on GET /c');
    await mixed.close();
    const url = await serve(build(false));
    const get = async (headers: Record<string, string>) => (await request(`${url}/c`, { headers })).statusCode;
    expect([await get({ 'accept-version': '1.x' }), await get({}), await get(auth('reader')), await get({ 'accept-version': '1.x', ...auth('reader') }), await get(auth('root'))]).toEqual([401, 401, 403, 403, 200]);
  });

  test('a parameter with a pattern (/files/:name(^\\d+).png) is documented and keyed as the parameter, without the pattern', async () => {
    const instance = Fastify();
    app = instance;
    const d = createDepends({ onError: () => {} });
    d.docs(instance);
    instance.addHook('preHandler', d.guard({ caller }, { scopes: ['me'], routes: { 'GET /v1/files/{name}.png': { scopes: ['admin'] } } }));
    instance.register(async (v1) => void v1.get('/files/:name(^\\d+).png', async (request) => ({ name: (request.params as { name: string }).name })), { prefix: '/v1' });
    await instance.ready();
    expect(Object.keys(d.openapi().paths)).toEqual(['/v1/files/{name}.png']);
    expect(d.openapi().paths['/v1/files/{name}.png']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    const get = async (token: string) => (await instance.inject({ url: '/v1/files/12.png', headers: auth(token) })).statusCode;
    expect([await get('reader'), await get('root')]).toEqual([403, 200]);
  });

  test("requests injected in process (app.inject()) with a body that is refused: answered, the process goes on (their socket stand-in has no end())", async () => {
    const instance = Fastify();
    app = instance;
    const d = createDepends({ onError: () => {} });
    d.docs(instance);
    instance.register(async (api) => {
      api.addHook('preHandler', d.guard({ caller }));
      api.post('/guarded', async () => ({ ok: true }));
    });
    instance.post('/notes', async () => ({ ok: true }));
    await instance.ready();
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const bad = await instance.inject({ method: 'POST', url: '/notes', headers: { 'content-type': 'application/json' }, payload: '{bad json' });
      const refused = await instance.inject({ method: 'POST', url: '/guarded', headers: { 'content-type': 'application/json' }, payload: '{"a":1}' });
      await new Promise((r) => setTimeout(r, 50));
      expect([bad.statusCode, refused.statusCode, crashes]).toEqual([400, 401, []]);
    } finally {
      process.off('uncaughtException', onCrash);
    }
  });

  test("a wrapped handler in the app's own context gets the body Fastify's parser left", async () => {
    const fastify = Fastify();
    const d = createDepends();
    d.docs(fastify);
    fastify.addHook('preHandler', async (req) => {
      if (req.body && typeof req.body === 'object') (req.body as Record<string, unknown>).title += '!';
    });
    fastify.post('/notes', d.handler({ item: body(Item) }, ({ item }) => item, { status: 201 }));
    const url = await serve(fastify);
    const res = await request(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"a"}' });
    expect(res.statusCode).toBe(201);
    expect(await res.body.json()).toEqual({ title: 'a!' });
    const doc = d.openapi();
    expect(Object.keys(doc.paths)).toContain('/notes');
    expect(Object.keys(doc.paths['/notes'] ?? {})).toEqual(['post']);
  });

  test('errors of other routes stay with Fastify and its error handler', async () => {
    const fastify = Fastify();
    fastify.setErrorHandler((error, _req, reply) => reply.code(418).send({ mine: (error as Error).message }));
    const d = createDepends();
    d.mount(fastify, itemsApi());
    fastify.get('/boom', async () => {
      throw new Error('theirs');
    });
    const url = await serve(fastify);
    const boom = await request(`${url}/boom`);
    expect(boom.statusCode).toBe(418);
    expect(await boom.body.json()).toEqual({ mine: 'theirs' });
    const missing = await request(`${url}/nowhere`);
    expect(missing.statusCode).toBe(404);
    expect(((await missing.body.json()) as { message: string }).message).toBe('Route GET:/nowhere not found');
  });

  test('@fastify/swagger users merge depends\' operations and schemes into their document (the README recipe: transformObject)', async () => {
    const fastify = Fastify();
    const d = createDepends({ title: 'Items', version: '1' });
    await fastify.register(swagger, {
      openapi: { openapi: '3.1.0', info: { title: 'Mine', version: '2' } },
      transformObject: (document) => ('openapiObject' in document ? mergeDocument(document.openapiObject, d.openapi()) : document.swaggerObject),
    });
    fastify.get('/theirs', { schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } }, async () => ({ ok: true }));
    d.docs(fastify, { openapiPath: '/depends.json', docsPath: '/depends-docs' });
    d.mount(fastify, itemsApi());
    await fastify.ready();
    const doc = fastify.swagger() as OpenAPIDocument;
    expect(doc.info.title).toBe('Mine');
    expect(doc.paths['/theirs']).toBeDefined();
    expect(doc.paths['/items/{id}'].get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    // depends' own routes are left to depends (schema.hide): documented once, not as @fastify/swagger's placeholders
    expect(Object.keys(doc.paths).sort()).toEqual(['/items', '/items/{id}', '/theirs']);
    expect(doc.paths['/items/{id}'].get.responses['200'].description).toBe('Successful Response');
  });

  test('@fastify/swagger users serve one document from d.docs(app, { base: () => app.swagger() })', async () => {
    const fastify = Fastify();
    const d = createDepends({ title: 'Items', version: '1' });
    await fastify.register(swagger, { openapi: { info: { title: 'Mine', version: '2' } } });
    d.docs(fastify, { base: () => fastify.swagger() });
    fastify.get('/theirs', { schema: { response: { 200: { description: 'Theirs', type: 'object', properties: { ok: { type: 'boolean', const: true } } } } } }, async () => ({ ok: true }));
    d.mount(fastify, itemsApi());
    const url = await serve(fastify);
    const doc = (await (await request(`${url}/openapi.json`)).body.json()) as OpenAPIDocument;
    expect([doc.openapi, doc.info.title]).toEqual(['3.0.3', 'Mine']);
    expect(Object.keys(doc.paths).sort()).toEqual(['/items', '/items/{id}', '/theirs']);
    expect(doc.paths['/items/{id}'].get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/theirs'].get.responses['200'].description).toBe('Theirs');
    expect({ ...d.openapi(), servers: doc.servers }).toEqual(doc); // the served one's server is the request's origin
  });

  test('a crash in a dependency answers 500 without leaking, and teardown still runs', async () => {
    const fastify = Fastify();
    const events: string[] = [];
    const resource = depends(async function* () {
      events.push('open');
      try {
        yield 'r';
      } finally {
        events.push('close');
      }
    });
    const crash = depends({ resource }, () => {
      throw new Error('secret internals');
    });
    const d = createDepends({ onError: () => undefined });
    const api = new Router();
    api.get('/crash', { crash }, () => 'never');
    d.mount(fastify, api);
    const url = await serve(fastify);
    const res = await request(`${url}/crash`);
    expect(res.statusCode).toBe(500);
    expect(await res.body.json()).toEqual({ detail: 'Internal Server Error' });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['open', 'close']);
  });

  describe('guard: decides for the route Fastify dispatched to, the strictest requirement elsewhere', () => {
    test('absolute-form and #fragment request targets on a guarded route: 401, the handler does not run', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      let ran = 0;
      fastify.register(async (v1) => void v1.get('/me', async (req) => (ran++, guard.values(req).caller)), { prefix: '/v1' });
      const url = await serve(fastify);
      expect(await rawStatus(url, { target: 'http://x/v1/me' })).toBe(401);
      expect(await rawStatus(url, { target: 'http://x:80/v1/me' })).toBe(401);
      expect(await rawStatus(url, { target: '/v1/me#fragment' })).toBe(401);
      expect(await rawStatus(url, { target: '/v1/me?x=1#/../../status' })).toBe(401);
      expect(ran).toBe(0);
      expect(await rawStatus(url, { target: 'http://x/v1/me', headers: ['Authorization: Bearer reader'] })).toBe(200);
      expect(ran).toBe(1);
    });

    test("requests never read Fastify's private hook table (only the document does, built when the app is ready)", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      fastify.get('/me', async (req) => guard.values(req).caller);
      const url = await serve(fastify);
      // every read of the instance's hook lists (Fastify's private table) is counted
      const symbol = Object.getOwnPropertySymbols(fastify).find((sym) => sym.description === 'fastify.hooks')!;
      const table = (fastify as unknown as Record<symbol, Record<string, unknown>>)[symbol];
      let read = 0;
      for (const name of ['onRequest', 'preHandler']) {
        const list = table[name];
        Object.defineProperty(table, name, { get: () => (read++, list), configurable: true });
      }
      for (const headers of [{}, auth('reader')]) await (await request(`${url}/me`, { headers })).body.dump();
      expect(read).toBe(0);
      expect(d.openapi().paths['/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
    });

    test("a guard added as an onRequest hook: decides before Fastify reads the body (a refused request's body is never parsed), per-route markers still apply", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      fastify.addHook('onRequest', guard);
      // counts the bodies Fastify parses
      let parsed = 0;
      fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
        parsed++;
        done(null, JSON.parse(text as string));
      });
      fastify.post('/notes', { preHandler: [d.route({ scopes: ['admin'] })] }, async (req) => ({ by: guard.values(req).caller.token, note: req.body }));
      fastify.get('/me', async (req) => guard.values(req).caller);
      const url = await serve(fastify);
      const post = (headers: Record<string, string>) => request(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"n":1}' });
      const none = await post({});
      expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer']);
      await none.body.dump();
      const reader = await post(auth('reader'));
      expect([reader.statusCode, reader.headers['www-authenticate']]).toEqual([403, 'Bearer error="insufficient_scope", scope="admin"']);
      await reader.body.dump();
      expect(parsed).toBe(0);
      const root = await post(auth('root'));
      expect([root.statusCode, await root.body.json()]).toEqual([200, { by: 'root', note: { n: 1 } }]);
      expect(parsed).toBe(1);
      const me = await request(`${url}/me`, { headers: auth('reader') });
      expect([me.statusCode, await me.body.json()]).toEqual([200, { token: 'reader', scopes: ['me'] }]);
      expect(d.openapi().paths['/notes']?.post?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    });

    test('a guard whose dependency reads the body, added as an onRequest hook: ready() fails naming the guard, the route and the fix', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const signed = depends({ note: body(Item), caller }, ({ caller }) => caller);
      const guard = d.guard({ signed }, { name: 'signedNotes' });
      d.docs(fastify);
      fastify.addHook('onRequest', guard);
      fastify.post('/notes', async () => ({}));
      const failure = await fastify.ready().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect((failure as Error).message).toContain('Guard "signedNotes" runs before the request body is read on POST /notes');
      expect((failure as Error).message).toContain("addHook('preHandler', guard)");
      // the same guard as a preHandler hook reads the body
      const ok = Fastify();
      const d2 = createDepends({ onError: () => {} });
      const guard2 = d2.guard({ signed }, { name: 'signedNotes' });
      d2.docs(ok);
      ok.addHook('preHandler', guard2);
      ok.post('/notes', async (req) => guard2.values(req).signed);
      const url = await serve(ok);
      const r = await request(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth('reader') }, body: '{"title":"x"}' });
      expect([r.statusCode, await r.body.json()]).toEqual([200, { token: 'reader', scopes: ['me'] }]);
    });

    test("a 404 behind the guard: the strictest requirement (no credential: 401), then the app's own not-found handler with the values", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /admin': { scopes: ['admin'] }, 'GET /status': { public: true } } });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      let ran = 0;
      fastify.setNotFoundHandler((req, reply) => (ran++, reply.code(404).send({ missing: guard.values(req).caller.token })));
      fastify.get('/status', async () => ({ ok: true }));
      fastify.get('/admin', async () => ({}));
      const url = await serve(fastify);
      expect((await request(`${url}/status`)).statusCode).toBe(200);
      const none = await request(`${url}/nope`);
      expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer']);
      await none.body.dump();
      const reader = await request(`${url}/nope`, { headers: auth('reader') });
      expect([reader.statusCode, reader.headers['www-authenticate']]).toEqual([403, 'Bearer error="insufficient_scope", scope="me admin"']);
      await reader.body.dump();
      expect(ran).toBe(0);
      const root = await request(`${url}/nope`, { headers: auth('root') });
      expect([root.statusCode, await root.body.json()]).toEqual([404, { missing: 'root' }]);
      expect(ran).toBe(1);
    });

    test('a route registered before d.docs()/d.mount() met its instance: the strictest requirement', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /admin': { scopes: ['admin'] } } });
      fastify.addHook('preHandler', guard);
      fastify.get('/early', async () => ({ early: true }));
      d.docs(fastify);
      fastify.get('/admin', async () => ({}));
      const url = await serve(fastify);
      const none = await request(`${url}/early`);
      expect(none.statusCode).toBe(401);
      await none.body.dump();
      const reader = await request(`${url}/early`, { headers: auth('reader') });
      expect(reader.statusCode).toBe(403);
      await reader.body.dump();
      expect((await request(`${url}/early`, { headers: auth('root') })).statusCode).toBe(200);
    });

    test('route markers are read from the route (its onRoute options)', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      fastify.get('/health', { preHandler: [d.route({ public: true })] }, async () => 'ok');
      fastify.get('/admin', { preHandler: [d.route({ scopes: ['admin'] })] }, async () => ({}));
      const url = await serve(fastify);
      const status = async (path: string, token?: string) => {
        const res = await request(`${url}${path}`, { headers: token ? auth(token) : {} });
        await res.body.dump();
        return res.statusCode;
      };
      expect(await status('/health')).toBe(200);
      expect([await status('/admin', 'reader'), await status('/admin', 'root')]).toEqual([403, 200]);
    });

    test('a route marker added to a context, not a route: listen() fails before the server listens, naming the route', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      fastify.register(async (v1) => {
        v1.addHook('preHandler', d.route({ public: true }));
        v1.get('/open', async () => ({}));
      });
      await expect(serve(fastify)).rejects.toThrow(/route marker \(d\.route\(\)\) is added to the Fastify context of GET \/open/);
      expect(fastify.server.listening).toBe(false);
    });

    test('a routes key naming no route: listen() fails before the server listens, naming the key', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { routes: { 'GET /v1/note': { public: true } } });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      fastify.get('/v1/notes', async () => []);
      const error = await serve(fastify).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/routes\["GET \/v1\/note"\] names no route behind this guard/);
      expect(fastify.server.listening).toBe(false);
    });

    /** The status of each request (its body read), and the values the statuses come from. */
    const statuses = async (url: string, calls: readonly (readonly [method: string, path: string, token?: string])[]) => {
      const out: string[] = [];
      for (const [method, path, token] of calls) {
        const res = await request(`${url}${path}`, { method: method as 'GET', headers: token ? auth(token) : {} });
        await res.body.dump();
        out.push(`${method} ${path} ${token ?? '-'} ${res.statusCode}`);
      }
      return out;
    };
    const failureOf = async (ready: PromiseLike<unknown>): Promise<Error | undefined> => {
      try {
        await ready;
      } catch (error) {
        return error as Error;
      }
      return undefined;
    };

    test("the root route of a prefixed plugin (served at /v1 and /v1/, HEAD included) is one route named /v1: one decision, one documented path; a 'GET /v1/' key is refused naming 'GET /v1'", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /v1': { scopes: ['admin'] } } });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      let ran = 0;
      fastify.register(async (v1) => void v1.get('/', async () => (ran++, 'v1root')), { prefix: '/v1' });
      const url = await serve(fastify);
      const every = (token: string) => (['/v1', '/v1/'] as const).flatMap((path) => [['GET', path, token], ['HEAD', path, token]] as const);
      expect(await statuses(url, every('reader'))).toEqual(['GET /v1 reader 403', 'HEAD /v1 reader 403', 'GET /v1/ reader 403', 'HEAD /v1/ reader 403']);
      expect(ran).toBe(0);
      expect(await statuses(url, every('root'))).toEqual(['GET /v1 root 200', 'HEAD /v1 root 200', 'GET /v1/ root 200', 'HEAD /v1/ root 200']);
      const doc = (await (await request(`${url}/openapi.json`)).body.json()) as OpenAPIDocument;
      expect(Object.keys(doc.paths)).toEqual(['/v1']);
      expect(doc.paths['/v1'].get.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);

      const other = Fastify();
      const d2 = createDepends({ onError: () => {} });
      const slashed = d2.guard({ caller }, { scopes: ['me'], routes: { 'GET /v1/': { scopes: ['admin'] } } });
      d2.docs(other);
      other.addHook('preHandler', slashed);
      other.register(async (v1) => void v1.get('/', async () => 'v1root'), { prefix: '/v1' });
      const error = await failureOf(other.listen({ port: 0, host: '127.0.0.1' }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error?.message).toContain('routes key "GET /v1/" names the root route of the prefix /v1');
      expect(error?.message).toContain('key it "GET /v1"');
      expect(other.server.listening).toBe(false);
    });

    test("a handler calling reply.callNotFound() on a route public to the guard: the strictest requirement before the app's not-found handler", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /pub/*': { public: true }, 'GET /admin': { scopes: ['admin'] } } });
      d.docs(fastify);
      fastify.addHook('preHandler', guard);
      let found = 0;
      fastify.get('/pub/*', async (request, reply) => (request.url === '/pub/there' ? 'there' : reply.callNotFound()));
      fastify.get('/admin', async () => ({}));
      fastify.setNotFoundHandler((req, reply) => (found++, reply.code(404).send({ missing: guard.values(req).caller.token })));
      const url = await serve(fastify);
      expect(await statuses(url, [['GET', '/pub/there'], ['GET', '/pub/a'], ['GET', '/pub/a', 'reader']])).toEqual(['GET /pub/there - 200', 'GET /pub/a - 401', 'GET /pub/a reader 403']);
      expect(found).toBe(0);
      const root = await request(`${url}/pub/a`, { headers: auth('root') });
      expect([root.statusCode, await root.body.json()]).toEqual([404, { missing: 'root' }]);
    });

    test('a guard or marker in a hook where it cannot decide (onResponse, preParsing, onSend...) fails listen(), naming the guard, the hook and the route', async () => {
      const placements: Record<string, (app: FastifyInstance, guard: ReturnType<typeof makeGuard>['guard'], d: ReturnType<typeof makeGuard>['d']) => void> = {
        'Guard "guard(caller)" is a Fastify onResponse hook of POST /resp': (app, guard) => void app.post('/resp', { onResponse: [guard] }, async () => 'ran'),
        'Guard "guard(caller)" is a Fastify preParsing hook of POST /resp': (app, guard) => void app.post('/resp', { preParsing: [guard as never] }, async () => 'ran'),
        'Guard "guard(caller)" is a Fastify onSend hook of POST /resp': (app, guard) =>
          void app.register(async (scope) => {
            scope.addHook('onSend', guard as never);
            scope.post('/resp', async () => 'ran');
          }),
        'A route marker (d.route()) is a Fastify onSend hook of POST /resp': (app, _guard, d) => void app.post('/resp', { onSend: [d.route({ scopes: ['admin'] }) as never] }, async () => 'ran'),
      };
      function makeGuard() {
        const d = createDepends({ onError: () => {} });
        return { d, guard: d.guard({ caller }, { scopes: ['me'] }) };
      }
      for (const [message, place] of Object.entries(placements)) {
        const fastify = Fastify();
        const { d, guard } = makeGuard();
        d.docs(fastify);
        fastify.get('/me', { preHandler: [guard] }, async () => 'me'); // the same guard used as it should be elsewhere
        place(fastify, guard, d);
        const error = await failureOf(fastify.listen({ port: 0, host: '127.0.0.1' }));
        expect(error, message).toBeInstanceOf(ConfigurationError);
        expect(error?.message).toContain(message);
        expect(fastify.server.listening).toBe(false);
      }
    });

    test('a guard in a preParsing hook on an app never passed to d.docs()/d.mount(): a 500 through Fastify, the handler never runs, the server keeps serving', async () => {
      const fastify = Fastify();
      const errors: unknown[] = [];
      const d = createDepends({ onError: (error) => void errors.push(error) });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      let ran = 0;
      fastify.post('/early', { preParsing: [guard as never] }, async () => (ran++, 'ran')); // d never meets this app: not checked at startup
      fastify.get('/me', { preHandler: [guard] }, async () => 'me');
      fastify.get('/after', { onResponse: [guard] }, async () => 'after'); // after the answer: too late to refuse, the mistake is reported
      const url = await serve(fastify);
      expect(await statuses(url, [['POST', '/early'], ['POST', '/early', 'root'], ['GET', '/me', 'reader']])).toEqual(['POST /early - 500', 'POST /early root 500', 'GET /me reader 200']);
      expect(ran).toBe(0);
      expect(errors).toHaveLength(2);
      expect((errors[0] as Error).message).toContain('Guard "guard(caller)" is a Fastify hook other than onRequest, preValidation and preHandler of POST /early');
      await statuses(url, [['GET', '/after']]);
      await new Promise((r) => setTimeout(r, 20));
      expect((errors[2] as Error | undefined)?.message).toContain('Guard "guard(caller)" is a Fastify hook other than onRequest, preValidation and preHandler of GET /after');
    });

    test('a guard or marker in a hook where it cannot decide (onResponse, onSend, preSerialization, preParsing) on a route registered before d.docs(): listen() fails, naming the guard, the hook and the route; never the handler', async () => {
      const placements: Record<string, (app: FastifyInstance, guard: ReturnType<typeof makeGuard>['guard'], d: ReturnType<typeof makeGuard>['d'], ran: () => void) => unknown> = {
        'Guard "guard(caller)" is a Fastify onResponse hook of POST /transfer': (app, guard, _d, ran) => void app.post('/transfer', { onResponse: [guard] }, async () => (ran(), 'moved')),
        'Guard "guard(caller)" is a Fastify onSend hook of POST /transfer': (app, guard, _d, ran) => void app.post('/transfer', { onSend: [guard as never] }, async () => (ran(), 'moved')),
        'Guard "guard(caller)" is a Fastify preSerialization hook of POST /transfer': (app, guard, _d, ran) => void app.post('/transfer', { preSerialization: [guard as never] }, async () => (ran(), 'moved')),
        // a plugin awaited before d.docs() is loaded at once: its routes are registered before d met the app
        'Guard "guard(caller)" is a Fastify preParsing hook of POST /v1/transfer': (app, guard, _d, ran) =>
          app.register(async (v1) => void v1.post('/transfer', { preParsing: [guard as never] }, async () => (ran(), 'moved')), { prefix: '/v1' }),
        'Guard "guard(caller)" is a Fastify onSend hook of GET /reports/:id': (app, guard, _d, ran) =>
          app.register(async (scope) => {
            scope.addHook('onSend', guard as never);
            scope.get('/reports/:id', async () => (ran(), 'report'));
          }),
        'A route marker (d.route()) is a Fastify onResponse hook of POST /transfer': (app, _guard, d, ran) => void app.post('/transfer', { onResponse: [d.route({ scopes: ['admin'] })] }, async () => (ran(), 'moved')),
      };
      function makeGuard() {
        const d = createDepends({ onError: () => {} });
        return { d, guard: d.guard({ caller }, { scopes: ['me'] }) };
      }
      for (const [message, place] of Object.entries(placements)) {
        const fastify = Fastify();
        const { d, guard } = makeGuard();
        let ran = 0;
        await place(fastify, guard, d, () => void ran++); // before d.docs(): d's onRoute hook never sees it
        d.docs(fastify);
        fastify.get('/me', { preHandler: [guard] }, async () => 'me');
        const error = await failureOf(fastify.listen({ port: 0, host: '127.0.0.1' }));
        expect(error, message).toBeInstanceOf(ConfigurationError);
        expect(error?.message).toContain(`${message}, a route d never saw (registered before d.docs(app)/d.mount() met its Fastify instance`);
        expect(fastify.server.listening).toBe(false);
        expect(ran).toBe(0);
        await fastify.close();
      }
    });

    test('a guard and a marker in preValidation hooks: enforced and documented as in preHandler', async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      d.docs(fastify);
      let ran = 0;
      fastify.post('/notes', { preValidation: [guard] }, async () => (ran++, 'ok'));
      fastify.post('/admin', { preHandler: [guard], preValidation: [d.route({ scopes: ['admin'] })] }, async () => (ran++, 'ok'));
      fastify.register(async (scope) => {
        scope.addHook('preValidation', guard);
        scope.get('/scoped', async () => (ran++, 'ok'));
      });
      const url = await serve(fastify);
      expect(await statuses(url, [['POST', '/notes'], ['POST', '/admin', 'reader'], ['GET', '/scoped']])).toEqual(['POST /notes - 401', 'POST /admin reader 403', 'GET /scoped - 401']);
      expect(ran).toBe(0);
      expect(await statuses(url, [['POST', '/notes', 'reader'], ['POST', '/admin', 'root'], ['GET', '/scoped', 'reader']])).toEqual(['POST /notes reader 200', 'POST /admin root 200', 'GET /scoped reader 200']);
      const doc = d.openapi();
      expect([doc.paths['/notes']?.post?.security, doc.paths['/admin']?.post?.security, doc.paths['/scoped']?.get?.security]).toEqual([
        [{ OAuth2PasswordBearer: ['me'] }],
        [{ OAuth2PasswordBearer: ['admin'] }],
        [{ OAuth2PasswordBearer: ['me'] }],
      ]);
    });

    test('d.docs(app) called after the routes, or inside app.after(): ready() names that cause and the fix', async () => {
      for (const late of [(app: FastifyInstance, d: ReturnType<typeof createDepends>) => d.docs(app), (app: FastifyInstance, d: ReturnType<typeof createDepends>) => void app.after(() => d.docs(app))]) {
        const fastify = Fastify();
        const d = createDepends({ onError: () => {} });
        fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['me'] }));
        fastify.get('/me', async () => 'me');
        late(fastify, d);
        const error = await failureOf(fastify.ready());
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error?.message).toContain('routes were registered on the Fastify app before d.docs(app)/d.mount() met it');
        expect(error?.message).toContain('Call d.docs(app) before registering routes');
      }
    });

    test("an onRoute hook of the app's, added after d.docs(), that puts the guard on each route: seen as Fastify runs it", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /admin': { scopes: ['admin'] } } });
      d.docs(fastify);
      fastify.addHook('onRoute', (route) => {
        if (route.url !== '/openapi.json' && !route.url?.startsWith('/docs')) route.preHandler = [guard, ...[route.preHandler ?? []].flat()];
      });
      fastify.get('/admin', async () => ({}));
      fastify.get('/status', { preHandler: [d.route({ public: true })] }, async () => 'ok');
      const url = await serve(fastify);
      expect(await statuses(url, [['GET', '/admin'], ['GET', '/admin', 'reader'], ['GET', '/admin', 'root'], ['GET', '/status']])).toEqual([
        'GET /admin - 401',
        'GET /admin reader 403',
        'GET /admin root 200',
        'GET /status - 200',
      ]);
      expect(d.openapi().paths['/admin']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    });

    test('a guard with routes keys, or a marker, on an app never passed to d.docs()/d.mount(): a 500 naming the fix, never the strictest requirement in their place', async () => {
      const fastify = Fastify();
      const errors: Error[] = [];
      const d = createDepends({ onError: (error) => void errors.push(error as Error) });
      let ran = 0;
      fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['me'], routes: { 'GET /status': { public: true }, 'GET /typo': {} } }));
      fastify.get('/status', async () => (ran++, 'ok'));
      const marked = Fastify();
      marked.addHook('preHandler', d.guard({ caller }, { scopes: ['me'] }));
      marked.get('/status', { preHandler: [d.route({ public: true })] }, async () => (ran++, 'ok'));
      const plain = Fastify();
      plain.addHook('preHandler', d.guard({ caller }, { scopes: ['me'] })); // no per-route option: the strictest requirement is its requirement
      plain.get('/me', async () => (ran++, 'me'));
      try {
        for (const app of [fastify, marked, plain]) await app.ready();
        const status = async (app: FastifyInstance, token?: string) => (await app.inject({ url: '/status', headers: token ? auth(token) : {} })).statusCode;
        expect([await status(fastify), await status(fastify, 'root')]).toEqual([500, 500]);
        // the marker runs once the guard (its strictest requirement: a credential) has passed
        expect([await status(marked), await status(marked, 'root')]).toEqual([401, 500]);
        expect(ran).toBe(0);
        const never = 'runs on a Fastify app that was never passed to d.docs() or d.mount()';
        expect(errors.map((e) => e.message.slice(0, e.message.indexOf(never) + never.length))).toEqual([
          `Guard "guard(caller)", given routes keys, ${never}`,
          `Guard "guard(caller)", given routes keys, ${never}`,
          `A route marker (d.route()) ${never}`,
        ]);
        expect(errors[0].message).toContain('call d.docs(app) before registering routes');
        expect([(await plain.inject({ url: '/me' })).statusCode, (await plain.inject({ url: '/me', headers: auth('reader') })).statusCode]).toEqual([401, 200]);
      } finally {
        await Promise.all([fastify.close(), marked.close(), plain.close()]);
      }
    });

    test("two apps sharing one d: each app's ready() checks it once its own hooks are in", async () => {
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      const [a, b] = [Fastify(), Fastify()];
      d.docs(a);
      d.docs(b);
      a.addHook('preHandler', guard);
      a.get('/a', async () => 'a');
      b.addHook('preHandler', guard);
      b.get('/users', { preHandler: [d.route({ scopes: ['admin'] })] }, async () => 'users');
      try {
        await a.ready();
        await b.ready();
        expect([(await b.inject({ url: '/users', headers: auth('reader') })).statusCode, (await b.inject({ url: '/users', headers: auth('root') })).statusCode]).toEqual([403, 200]);
        expect(d.openapi().paths['/users']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
        // a third app, made once the others are ready: its own ready() checks it
        const c = Fastify();
        d.docs(c);
        c.addHook('preHandler', guard);
        c.register(async (scope) => {
          scope.addHook('preHandler', d.route({ public: true }));
          scope.get('/open', async () => 'open');
        });
        expect((await failureOf(c.ready()))?.message).toMatch(/route marker \(d\.route\(\)\) is added to the Fastify context of GET \/open/);
        await c.close();
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    test('a route marker on a route d never saw (registered before d.docs(app), or outside the instance passed to it): ready() fails naming the route, or where it cannot be found then its requests answer 500 naming the fix; never the handler', async () => {
      const requireAdmin = depends({ caller }, ({ caller }) => {
        if (!caller.scopes.includes('admin')) throw new HTTPException(403, 'Admins only');
      });
      const unseen = 'A route marker (d.route()) on POST /admin/reset is on a route d never saw, registered before d.docs(app)/d.mount() met its Fastify instance';
      let ran = 0;
      const reset = async () => (ran++, { reset: true });
      // registered before d.docs(app): in Fastify's route tree before d met the app
      const early = Fastify();
      const d1 = createDepends({ onError: () => {} });
      early.addHook('onRequest', d1.guard({ caller }));
      early.post('/admin/reset', { preHandler: [d1.route({ dependencies: [requireAdmin] })] }, reset);
      d1.docs(early);
      early.get('/notes', async () => []);
      const error = await failureOf(early.listen({ port: 0, host: '127.0.0.1' }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error?.message).toContain(unseen);
      expect(error?.message).toContain('Call d.docs(app) on the app before registering routes');
      expect(early.server.listening).toBe(false);
      await early.close();
      // outside the instance d.docs() was given (a plugin's): d's onRoute hook never saw it, nor can ready() tell it from a route d saw
      const fastify = Fastify();
      const errors: Error[] = [];
      const d = createDepends({ onError: (e) => void errors.push(e as Error) });
      fastify.addHook('onRequest', d.guard({ caller }));
      fastify.register(async (v1) => {
        d.docs(v1);
        v1.get('/notes', async () => []);
      }, { prefix: '/v1' });
      fastify.register(async (admin) => void admin.post('/admin/reset', { preHandler: [d.route({ dependencies: [requireAdmin] })] }, reset)); // a sibling of v1's
      const url = await serve(fastify);
      const reader = await request(`${url}/admin/reset`, { method: 'POST', headers: auth('reader') });
      expect([reader.statusCode, await reader.body.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
      expect(await statuses(url, [['POST', '/admin/reset'], ['POST', '/admin/reset', 'root'], ['GET', '/v1/notes', 'reader']])).toEqual(['POST /admin/reset - 401', 'POST /admin/reset root 500', 'GET /v1/notes reader 200']);
      expect(ran).toBe(0);
      expect(errors.map((e) => e.message.slice(0, unseen.length))).toEqual([unseen, unseen]);
    });

    test("reply.callNotFound() past a guard in an onRequest or preValidation hook (an app's hook calls it, or a handler of a route public to the guard): the strictest requirement before the app's not-found handler, as for a request for no route", async () => {
      for (const hook of ['onRequest', 'preValidation'] as const)
        for (const notFoundFirst of [false, true]) {
          const fastify = Fastify();
          const d = createDepends({ onError: () => {} });
          const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /pub/*': { public: true }, 'GET /admin': { scopes: ['admin'] } } });
          const notFound = async (req: FastifyRequest) => ({ nf: 'data', caller: (req as unknown as { caller?: { token: string } }).caller?.token ?? null });
          if (notFoundFirst) fastify.setNotFoundHandler(notFound); // set before d met the app
          d.docs(fastify);
          fastify.addHook('onRequest', (req, reply, done) => (req.url.startsWith('/beta') ? void reply.callNotFound() : done()));
          fastify.addHook(hook, guard);
          let ran = 0;
          fastify.get('/beta', async () => (ran++, 'beta'));
          fastify.get('/pub/*', async (req, reply) => (req.url === '/pub/there' ? 'there' : reply.callNotFound()));
          fastify.get('/admin', async () => ({}));
          if (!notFoundFirst) fastify.setNotFoundHandler(notFound);
          const url = await serve(fastify);
          const case_ = `${hook}${notFoundFirst ? ', not-found handler set first' : ''}`;
          expect(
            await statuses(url, [['GET', '/beta'], ['GET', '/beta', 'reader'], ['GET', '/pub/a'], ['GET', '/pub/a', 'reader'], ['GET', '/nope', 'reader'], ['GET', '/pub/there'], ['GET', '/admin', 'reader']]),
            case_,
          ).toEqual(['GET /beta - 401', 'GET /beta reader 403', 'GET /pub/a - 401', 'GET /pub/a reader 403', 'GET /nope reader 403', 'GET /pub/there - 200', 'GET /admin reader 403']);
          expect(ran).toBe(0);
          for (const path of ['/beta', '/pub/a', '/nope']) {
            const root = await request(`${url}${path}`, { headers: auth('root') });
            expect([root.statusCode, await root.body.json()], `${case_}: ${path}`).toEqual([200, { nf: 'data', caller: 'root' }]);
          }
          await fastify.close();
          app = undefined;
        }
    });

    test("an explicit HEAD route registered after its GET (exposeHeadRoutes: false, or the GET's exposeHeadRoute: false) is compared with it: other options fail ready(); the same ones decide it, documented as the GET", async () => {
      let ran = 0;
      const report = async () => (ran++, { report: 'secret' });
      const cases = [
        { name: 'exposeHeadRoutes: false', app: { exposeHeadRoutes: false }, get: {} },
        { name: "the GET's exposeHeadRoute: false", app: {}, get: { exposeHeadRoute: false } },
      ];
      for (const { name, app: appOptions, get } of cases)
        for (const headPublic of [true, false]) {
          const fastify = Fastify(appOptions);
          const d = createDepends({ onError: () => {} });
          d.docs(fastify);
          fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['admin'] }));
          fastify.get('/report', get, report);
          fastify.head('/report', headPublic ? { preHandler: [d.route({ public: true })] } : {}, report); // after its GET
          if (headPublic) {
            const error = await failureOf(fastify.ready());
            expect(error, name).toBeInstanceOf(ConfigurationError);
            expect(error?.message).toContain('decides differently for two routes on GET /report');
            await fastify.close();
            continue;
          }
          const url = await serve(fastify);
          expect(await statuses(url, [['HEAD', '/report'], ['HEAD', '/report', 'reader'], ['HEAD', '/report', 'root'], ['GET', '/report', 'reader']]), name).toEqual([
            'HEAD /report - 401',
            'HEAD /report reader 403',
            'HEAD /report root 200',
            'GET /report reader 403',
          ]);
          expect(Object.keys(d.openapi().paths['/report'] ?? {})).toEqual(['get']);
          await fastify.close();
          app = undefined;
        }
      expect(ran).toBe(2);
      // an onRoute hook of the app's that gives the GET alone a marker: the HEAD route Fastify adds beside it runs without it
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      d.docs(fastify);
      fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['me'] }));
      const adminOnly = d.route({ scopes: ['admin'] });
      fastify.addHook('onRoute', (route) => {
        if (route.method === 'GET' && route.url === '/report') route.preHandler = [adminOnly];
      });
      fastify.get('/report', report);
      const error = await failureOf(fastify.ready());
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error?.message).toContain('decides differently for two routes on GET /report (the HEAD route Fastify adds beside its GET)');
      await fastify.close();
      // an onRoute hook of the app's that puts the guard on the GET alone: the HEAD copy would run the GET's handler with no guard
      const unguarded = Fastify();
      const d2 = createDepends({ onError: () => {} });
      d2.docs(unguarded);
      const auth = d2.guard({ caller }, { scopes: ['admin'] });
      unguarded.addHook('onRoute', (route) => {
        if (route.method === 'GET' && route.url === '/report') route.preHandler = [auth];
      });
      unguarded.get('/report', report);
      const missing = await failureOf(unguarded.ready());
      expect(missing).toBeInstanceOf(ConfigurationError);
      expect(missing?.message).toContain('decides differently for two routes on GET /report');
      expect(missing?.message).toContain('standing in front of only one of them');
      await unguarded.close();
    });

    test("an onRoute hook of the app's, added after d.docs(), that changes a route's URL: the route is keyed and documented at the URL Fastify serves it at", async () => {
      const fastify = Fastify();
      const d = createDepends({ onError: () => {} });
      d.docs(fastify);
      fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['me'], routes: { 'GET /api/reports/{id}': { scopes: ['admin'] } } }));
      fastify.addHook('onRoute', (route) => {
        if (route.url?.startsWith('/reports')) route.url = `/api${route.url}`;
      });
      fastify.get('/reports/:id', async () => ({ report: 'secret' }));
      const url = await serve(fastify);
      expect(await statuses(url, [['GET', '/api/reports/1', 'reader'], ['HEAD', '/api/reports/1', 'reader'], ['GET', '/api/reports/1', 'root']])).toEqual([
        'GET /api/reports/1 reader 403',
        'HEAD /api/reports/1 reader 403',
        'GET /api/reports/1 root 200',
      ]);
      expect(Object.keys(d.openapi().paths).filter((p) => p.includes('reports'))).toEqual(['/api/reports/{id}']);
      expect(d.openapi().paths['/api/reports/{id}']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    });

    test('a route ending in an optional parameter (/items/:id?), which Fastify serves at /items/:id and /items: documented and keyed at both, one decision for both (keys deciding differently fail ready())', async () => {
      for (const split of [false, true]) {
        const fastify = Fastify();
        const d = createDepends({ onError: () => {} });
        d.docs(fastify);
        const routes: Record<string, { scopes: string[] }> = split ? { 'GET /items/{id}': { scopes: ['admin'] } } : { 'GET /items/{id}': { scopes: ['admin'] }, 'GET /items': { scopes: ['admin'] } };
        fastify.addHook('preHandler', d.guard({ caller }, { scopes: ['me'], routes }));
        fastify.get('/items/:id?', async (req) => ({ id: (req.params as { id?: string }).id ?? null }));
        if (split) {
          const error = await failureOf(fastify.ready());
          expect(error).toBeInstanceOf(ConfigurationError);
          expect(error?.message).toContain('decides differently for GET /items/{id} and GET /items');
          await fastify.close();
          continue;
        }
        const url = await serve(fastify);
        expect(await statuses(url, [['GET', '/items', 'reader'], ['GET', '/items/3', 'reader'], ['GET', '/items', 'root'], ['GET', '/items/3', 'root']])).toEqual([
          'GET /items reader 403',
          'GET /items/3 reader 403',
          'GET /items root 200',
          'GET /items/3 root 200',
        ]);
        expect(Object.keys(d.openapi().paths).filter((p) => p.startsWith('/items'))).toEqual(['/items/{id}', '/items']);
        expect(d.openapi().paths['/items']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
        await fastify.close();
        app = undefined;
      }
    });

    test('a getter-only request decoration named as a guard input: left as it is, the request goes on with the values in auth.values(request); a getter throwing a falsy value answers 500, never the handler', async () => {
      const slowCaller = withScopes(
        depends({ token: oauth2 }, async ({ token }) => {
          if (!GRANTS[token]) throw invalidToken();
          return { token, scopes: GRANTS[token] };
        }),
        (c) => c.scopes,
      );
      for (const input of [caller, slowCaller]) {
        const fastify = Fastify();
        const d = createDepends({ onError: () => {} });
        const guard = d.guard({ caller: input }, { scopes: ['me'] });
        d.docs(fastify);
        fastify.decorateRequest('caller', {
          getter(this: { headers: Record<string, unknown> }) {
            if (this.headers['x-throw'] !== undefined) throw undefined;
            return null;
          },
        });
        fastify.addHook('preHandler', guard);
        let ran = 0;
        fastify.get('/me', async (req) => (ran++, { decorated: (req as unknown as { caller: unknown }).caller, values: guard.values(req).caller.token }));
        const url = await serve(fastify);
        const reader = await request(`${url}/me`, { headers: auth('reader') });
        expect([reader.statusCode, await reader.body.json()]).toEqual([200, { decorated: null, values: 'reader' }]);
        const thrown = await request(`${url}/me`, { headers: { ...auth('reader'), 'x-throw': '1' } });
        expect(thrown.statusCode).toBe(500);
        await thrown.body.dump();
        expect(ran).toBe(1);
        await fastify.close();
        app = undefined;
      }
    });
  });
});
