/**
 * RFC 9728 protected resource metadata on every adapter: served by
 * `d.docs(app, { resourceMetadata })` at the well-known URI (path-suffixed
 * for a resource under a path, §3.1) as `application/json`, derived from the
 * declarations (issuers of the resource's schemes, the scopes its routes
 * ask); every 401 of a scheme of the resource names it in
 * `resource_metadata="…"` (§5.1), and a 403 `insufficient_scope` the scope
 * needed; a route mixing a scheme of the resource with a bearer scheme of no
 * issuer fails the startup check.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import express from 'express';
import { Hono } from 'hono';
import type Koa from 'koa';
import { ConfigurationError, ErrorCode, Router, anyOf, apiKeyHeader, httpBearer, security, type DependsError } from '../../../packages/core/src/index.js';
import type { WellKnownDocument } from '../../../packages/core/src/docs/index.js';
import { jwtBearer, protectedResource } from '../../../packages/jwt/src/index.js';
import { startIssuer } from '../../../packages/jwt/src/test/issuer.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { harnesses, pickAdapters, type Started } from '../src/harness.js';

const idp = await startIssuer();
const idp2 = await startIssuer();
afterAll(() => Promise.all([idp.close(), idp2.close()]));

const MCP = 'https://api.example.com/mcp';
const MCP_METADATA = 'https://api.example.com/.well-known/oauth-protected-resource/mcp';
const ROOT = 'https://api.example.com';
const ROOT_METADATA = 'https://api.example.com/.well-known/oauth-protected-resource';

/** Two resources on one app: `/mcp` (a path: path-suffixed metadata) and the origin itself. */
function resources() {
  const mcp = protectedResource({ resource: MCP, resourceName: 'Notes MCP' });
  const root = protectedResource({ resource: ROOT, documentation: 'https://docs.example.com/notes' });
  const mcpToken = jwtBearer({ issuer: idp.issuer, audience: MCP, resource: mcp, scopes: { 'mcp:tools': 'Call the tools' } });
  const apiToken = jwtBearer({ issuer: idp2.issuer, audience: ROOT, resource: root, schemeName: 'ApiToken' });
  const api = new Router();
  api.post('/mcp', { auth: security(mcpToken, { scopes: ['mcp:call'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  api.get('/mcp/tools', { auth: security(anyOf(mcpToken, apiKeyHeader({ name: 'x-api-key' })), { scopes: ['mcp:tools'] }) }, () => ['search']);
  api.get('/notes', { auth: security(apiToken, { scopes: ['notes:read'] }) }, () => []);
  api.get('/status', {}, () => 'ok');
  return { mcp, root, api };
}

async function call(url: string, init: { method?: string; token?: string } = {}) {
  const res = await request(url, { method: (init.method ?? 'GET') as 'GET', headers: init.token ? { authorization: `Bearer ${init.token}` } : {} });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

for (const harness of harnesses) {
  describe(`${harness.name}: protected resource metadata (RFC 9728)`, () => {
    let server: Started;
    const errors: unknown[] = [];
    beforeAll(async () => {
      const { mcp, root, api } = resources();
      server = await harness.start({ app: { title: 'Notes', onError: (e) => void errors.push(e) }, routers: [api], docs: { resourceMetadata: [mcp, root] } });
    });
    afterAll(() => server.close());

    test('a resource under a path: its metadata at /.well-known/oauth-protected-resource/mcp, application/json, derived from the declarations', async () => {
      const res = await call(`${server.url}/.well-known/oauth-protected-resource/mcp`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json(;|$)/);
      expect(res.json()).toEqual({
        resource: MCP,
        resource_name: 'Notes MCP',
        authorization_servers: [idp.issuer],
        scopes_supported: ['mcp:tools', 'mcp:call'],
        bearer_methods_supported: ['header'],
        resource_documentation: 'https://api.example.com/docs',
      });
    });

    test('a resource at the origin: /.well-known/oauth-protected-resource', async () => {
      const res = await call(`${server.url}/.well-known/oauth-protected-resource`);
      expect([res.status, res.headers['content-type']]).toEqual([200, expect.stringMatching(/^application\/json/)]);
      expect(res.json()).toEqual({
        resource: ROOT,
        authorization_servers: [idp2.issuer],
        scopes_supported: ['notes:read'],
        bearer_methods_supported: ['header'],
        resource_documentation: 'https://docs.example.com/notes',
      });
    });

    test('401 without a token: Bearer resource_metadata="<absolute URL>" (from the resource, not the Host)', async () => {
      const res = await call(`${server.url}/mcp`, { method: 'POST' });
      expect([res.status, res.headers['www-authenticate'], res.json()]).toEqual([401, `Bearer resource_metadata="${MCP_METADATA}"`, { detail: 'Not authenticated' }]);
      const notes = await call(`${server.url}/notes`);
      expect([notes.status, notes.headers['www-authenticate']]).toEqual([401, `Bearer resource_metadata="${ROOT_METADATA}"`]);
      // an API key alternative keeps its own challenge beside it
      const tools = await call(`${server.url}/mcp/tools`);
      expect([tools.status, tools.headers['www-authenticate']]).toEqual([401, [`Bearer resource_metadata="${MCP_METADATA}"`, 'APIKey']]);
    });

    test('401 for a refused token: invalid_token, its description and resource_metadata', async () => {
      const expired = await idp.sign({ sub: 'alice', aud: MCP, scope: 'mcp:call' }, { expiresIn: -60 });
      const res = await call(`${server.url}/mcp`, { method: 'POST', token: expired });
      expect([res.status, res.headers['www-authenticate']]).toEqual([401, `Bearer error="invalid_token", error_description="The token has expired", resource_metadata="${MCP_METADATA}"`]);
      const forRoot = await idp.sign({ sub: 'alice', aud: ROOT, scope: 'mcp:call' });
      expect((await call(`${server.url}/mcp`, { method: 'POST', token: forRoot })).headers['www-authenticate']).toBe(
        `Bearer error="invalid_token", error_description="The token is for another audience", resource_metadata="${MCP_METADATA}"`,
      );
    });

    test('403 insufficient_scope: the scope needed, and resource_metadata; 200 with it', async () => {
      const token = await idp.sign({ sub: 'alice', aud: MCP, scope: 'mcp:tools' });
      const res = await call(`${server.url}/mcp`, { method: 'POST', token });
      expect([res.status, res.headers['www-authenticate'], res.json()]).toEqual([
        403,
        `Bearer error="insufficient_scope", scope="mcp:call", resource_metadata="${MCP_METADATA}"`,
        { detail: 'Not enough permissions' },
      ]);
      const allowed = await idp.sign({ sub: 'alice', aud: MCP, scope: 'mcp:call' });
      expect((await call(`${server.url}/mcp`, { method: 'POST', token: allowed })).json()).toEqual({ sub: 'alice' });
    });

    test('the docs routes beside it are unchanged; nothing went to onError', async () => {
      expect((await call(`${server.url}/openapi.json`)).status).toBe(200);
      expect((await call(`${server.url}/docs`)).status).toBe(200);
      expect(errors).toEqual([]);
    });
  });

  describe(`${harness.name}: a route mixing a scheme of the resource with a bearer scheme of no issuer`, () => {
    test('its metadata answers 500 and onError gets DEPENDS_RESOURCE_METADATA naming the route (Fastify: listen() fails)', async () => {
      const mcp = protectedResource({ resource: MCP });
      const token = jwtBearer({ issuer: idp.issuer, audience: MCP, resource: mcp });
      const api = new Router();
      api.get('/mixed', { auth: anyOf(token, httpBearer({ schemeName: 'Legacy' })) }, () => 'ok');
      const errors: unknown[] = [];
      const starting = harness.start({ app: { onError: (e) => void errors.push(e) }, routers: [api], docs: { resourceMetadata: mcp } });
      if (harness.name === 'fastify') {
        // its startup check runs in ready(), which listen() awaits
        await expect(starting).rejects.toMatchObject({ code: ErrorCode.ResourceMetadata, message: expect.stringContaining('but also accepts Legacy') });
        return;
      }
      const server = await starting;
      try {
        const res = await call(`${server.url}/.well-known/oauth-protected-resource/mcp`);
        expect(res.status).toBe(500);
        expect((errors[0] as DependsError).code).toBe(ErrorCode.ResourceMetadata);
        expect((errors[0] as Error).message).toMatch(/^Route GET \/mixed points to the protected resource metadata of https:\/\/api\.example\.com\/mcp .* but also accepts Legacy/);
      } finally {
        await server.close();
      }
    });
  });
}

/** Builds an app with `api` and its metadata, and runs the adapter's startup check: the error it throws. */
type StartupCheck = { readonly name: string; check(api: Router, metadata: WellKnownDocument): Promise<unknown> };
const settle = (run: () => unknown): Promise<unknown> => Promise.resolve().then(run).then(() => undefined, (e: unknown) => e);
const startupChecks: readonly StartupCheck[] = pickAdapters<StartupCheck>([
  ...(['express', 'express4'] as const).map((name) => ({
    name,
    check: (api: Router, metadata: WellKnownDocument) =>
      settle(async () => {
        const app = name === 'express' ? express() : (await import('express4')).default();
        const d = expressDepends();
        d.mount(app, api);
        d.docs(app, { resourceMetadata: metadata });
        d.check(app);
      }),
  })),
  ...(['koa', 'koa2'] as const).map((name) => ({
    name,
    check: (api: Router, metadata: WellKnownDocument) =>
      settle(async () => {
        const [KoaApp, { Router: KoaRouter }, { createDepends }] = await Promise.all([
          name === 'koa' ? import('koa').then((m) => m.default) : import('koa2').then((m) => m.default as unknown as typeof Koa),
          import('@koa/router'),
          import('../../../packages/koa/src/index.js'),
        ]);
        const app = new KoaApp();
        const router = new KoaRouter();
        const d = createDepends();
        d.mount(router, api);
        d.docs(router, { resourceMetadata: metadata });
        app.use(router.routes());
        d.check(router);
      }),
  })),
  {
    name: 'hono',
    check: (api, metadata) =>
      settle(() => {
        const app = new Hono();
        const d = honoDepends();
        d.mount(app, api);
        d.docs(app, { resourceMetadata: metadata });
        d.check(app);
      }),
  },
  {
    name: 'fastify',
    check: (api, metadata) =>
      settle(async () => {
        const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
        const app = Fastify();
        const d = createDepends();
        d.docs(app, { resourceMetadata: metadata });
        d.mount(app, api);
        try {
          await app.ready();
        } finally {
          await app.close();
        }
      }),
  },
]);

describe.each(startupChecks)('$name: the startup check builds the metadata', ({ check }) => {
  test('a bearer scheme of no issuer beside a scheme of the resource stops the start; a correct app starts', async () => {
    const mcp = protectedResource({ resource: MCP });
    const token = jwtBearer({ issuer: idp.issuer, audience: MCP, resource: mcp });
    const mixed = new Router();
    mixed.get('/mixed', { auth: anyOf(token, httpBearer()) }, () => 'ok');
    const error = await check(mixed, mcp);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as DependsError).code).toBe(ErrorCode.ResourceMetadata);
    expect((error as Error).message).toContain('Route GET /mixed points to the protected resource metadata of https://api.example.com/mcp');
    const fine = new Router();
    fine.get('/fine', { auth: token }, () => 'ok');
    fine.get('/plain', { auth: httpBearer() }, () => 'ok');
    expect(await check(fine, protectedResource({ resource: MCP }))).toBeUndefined();
  });
});

describe('the resource URI and the audience the verifier expects', () => {
  test('differ: the scheme fails when it is declared, before any adapter', () => {
    const mcp = protectedResource({ resource: MCP });
    expect(() => jwtBearer({ issuer: idp.issuer, audience: 'api://notes', resource: mcp })).toThrow(
      expect.objectContaining({ code: ErrorCode.ResourceMetadata, message: expect.stringContaining(`the resource URI ${MCP} is not among the audiences it expects (api://notes)`) }),
    );
  });
});
