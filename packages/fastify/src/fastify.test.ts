/**
 * Fastify-specific behaviour: mounting under a plugin prefix, Fastify's
 * hooks around depends routes, its body parsers for wrapped handlers, its
 * `bodyLimit`, and other routes' errors and 404s left to Fastify.
 */
import { rawStatus, rawUpload } from '../../core/src/node/test/raw-request.js';
import { afterEach, describe, expect, test } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { request } from 'undici';
import { z } from 'zod';
import { ConfigurationError, Router, body, depends, httpBearer, invalidToken, oauth2PasswordBearer, path, withScopes, type OpenAPIDocument } from '@depends/core';
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
  });
});
