/**
 * The protected resource metadata of an existing app with a guard in front
 * of its routes, on every framework: the well-known document is never behind
 * the guard (as the docs are not), the guarded routes' 401 and 403 name it,
 * a request for no route gets the guard's strictest requirement with it, and
 * the scopes the guard asks are in `scopes_supported`.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { SecurityScheme } from '../../../packages/core/src/index.js';
import { jwtBearer, protectedResource, type AccessToken, type ProtectedResource } from '../../../packages/jwt/src/index.js';
import { startIssuer } from '../../../packages/jwt/src/test/issuer.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, listen, pickAdapters } from '../src/harness.js';

const idp = await startIssuer();
afterAll(() => idp.close());

const RESOURCE = 'https://api.example.com/mcp';
const METADATA = 'https://api.example.com/.well-known/oauth-protected-resource/mcp';

/** A guard asking `mcp:call` of a token of the resource, in front of `GET /mcp` (which answers the caller); the metadata served beside the docs. */
type GuardedApp = { readonly name: string; start(token: SecurityScheme<AccessToken>, resource: ProtectedResource): Promise<{ url: string; close(): Promise<void> }> };

const apps: readonly GuardedApp[] = pickAdapters<GuardedApp>([
  {
    name: 'express',
    async start(token, resource) {
      const app = express();
      const d = expressDepends();
      const auth = d.guard({ token }, { scopes: ['mcp:call'] });
      app.use(auth);
      d.docs(app, { resourceMetadata: resource });
      app.get('/mcp', (req, res) => res.json({ sub: auth.values(req).token.claims.sub }));
      app.use((_req, res) => void res.status(404).json({ detail: 'Not Found' })); // the app's 404 (Express's built-in one answers before any guard)
      const server = createServer(app).listen(0, '127.0.0.1');
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'koa',
    async start(token, resource) {
      const [{ default: Koa }, { Router: KoaRouter }, { createDepends }] = await Promise.all([import('koa'), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
      const app = new Koa();
      const router = new KoaRouter();
      const d = createDepends();
      const auth = d.guard({ token }, { scopes: ['mcp:call'] });
      app.use(auth);
      router.get('/mcp', (ctx) => void (ctx.body = { sub: auth.values(ctx).token.claims.sub }));
      app.use(router.routes());
      d.docs(app, { resourceMetadata: resource });
      const server = createServer(app.callback()).listen(0, '127.0.0.1');
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'hono',
    async start(token, resource) {
      const app = new Hono();
      const d = honoDepends();
      const auth = d.guard({ token }, { scopes: ['mcp:call'] });
      d.docs(app, { resourceMetadata: resource });
      app.use(auth);
      app.get('/mcp', (c) => c.json({ sub: auth.values(c).token.claims.sub }));
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as ReturnType<typeof createServer>;
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'fastify',
    async start(token, resource) {
      const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
      const app = Fastify();
      const d = createDepends();
      const auth = d.guard({ token }, { scopes: ['mcp:call'] });
      d.docs(app, { resourceMetadata: resource });
      app.addHook('preHandler', auth);
      app.get('/mcp', async (request) => ({ sub: auth.values(request).token.claims.sub }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { url: await listen(app.server), close: () => app.close() };
    },
  },
]);

describe.each(apps)('$name: a guard and the protected resource metadata', (guarded) => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    const resource = protectedResource({ resource: RESOURCE });
    server = await guarded.start(jwtBearer({ issuer: idp.issuer, audience: RESOURCE, resource }), resource);
  });
  afterAll(() => server.close());

  test('the metadata is served without a token, with the scopes the guard asks', async () => {
    const res = await request(`${server.url}/.well-known/oauth-protected-resource/mcp`);
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({
      resource: RESOURCE,
      authorization_servers: [idp.issuer],
      scopes_supported: ['mcp:call'],
      bearer_methods_supported: ['header'],
      resource_documentation: 'https://api.example.com/docs',
    });
  });

  test('a guarded route and a request for no route: 401 with resource_metadata; 403 with the scope; 200', async () => {
    for (const path of ['/mcp', '/nope']) {
      const res = await request(`${server.url}${path}`);
      await res.body.dump();
      expect([path, res.statusCode, res.headers['www-authenticate']]).toEqual([path, 401, `Bearer resource_metadata="${METADATA}"`]);
    }
    const without = await idp.sign({ sub: 'alice', aud: RESOURCE, scope: 'other' });
    const refused = await request(`${server.url}/mcp`, { headers: { authorization: `Bearer ${without}` } });
    await refused.body.dump();
    expect([refused.statusCode, refused.headers['www-authenticate']]).toEqual([403, `Bearer error="insufficient_scope", scope="mcp:call", resource_metadata="${METADATA}"`]);
    const allowed = await idp.sign({ sub: 'alice', aud: RESOURCE, scope: 'mcp:call' });
    const ok = await request(`${server.url}/mcp`, { headers: { authorization: `Bearer ${allowed}` } });
    expect([ok.statusCode, await ok.body.json()]).toEqual([200, { sub: 'alice' }]);
  });
});
