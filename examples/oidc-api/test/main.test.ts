/**
 * `pnpm --filter oidc-api start` exactly as a user runs it (from the
 * repository root, in its own process group): the provider at IDP_PORT, the
 * API at PORT on FRAMEWORK (Express when unset), the documented routes and
 * clients working together.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { call, clientToken, freePort } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Started {
  output(): string;
  stop(): Promise<void>;
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn('pnpm', ['--filter', 'oidc-api', 'start'], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "OpenAPI:" line within 30 s:\n${out}`)), 30_000);
    child.stdout!.on('data', () => {
      if (/OpenAPI: \S+\n/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening:\n${out}`));
    });
  });
  return {
    output: () => out,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

describe.each([undefined, 'koa', 'hono', 'fastify'] as const)('FRAMEWORK=%s', (framework) => {
  test('starts the provider and the API; a client-credentials token reads reports; /docs and /openapi.json are served', async () => {
    const [port, idpPort] = [await freePort(), await freePort()];
    const main = await startMain({ PORT: String(port), IDP_PORT: String(idpPort), ...(framework ? { FRAMEWORK: framework } : {}) });
    try {
      const api = `http://127.0.0.1:${port}`;
      const issuer = `http://127.0.0.1:${idpPort}`;
      expect(main.output()).toContain(`Reports API on ${framework ?? 'express'}: ${api}`);
      expect(main.output()).toContain(`Identity provider: ${issuer}`);
      expect(main.output()).toContain(`Docs: ${api}/docs`);
      expect((await call(`${api}/status`)).json()).toEqual({ status: 'ok' });
      const discovery = (await call(`${issuer}/.well-known/openid-configuration`)).json();
      expect(discovery.issuer).toBe(issuer);
      const token = await clientToken(issuer, { id: 'reports-service', secret: 'reports-service-secret' });
      expect((await call(`${api}/me`, { bearer: token })).json()).toEqual({ sub: 'reports-service', scopes: ['reports:read'] });
      expect((await call(`${api}/reports`, { bearer: token })).status).toBe(200);
      expect((await call(`${api}/reports`, { method: 'POST', bearer: token, json: { title: 'x' } })).status).toBe(403);
      expect((await call(`${api}/me`)).status).toBe(401);
      // a protected resource named by its URL (RFC 9728): the 401 names its metadata, which names the provider
      expect((await call(`${api}/me`)).headers['www-authenticate']).toBe(`Bearer resource_metadata="${api}/.well-known/oauth-protected-resource"`);
      expect(main.output()).toContain(`Protected resource metadata: ${api}/.well-known/oauth-protected-resource`);
      expect((await call(`${api}/.well-known/oauth-protected-resource`)).json()).toMatchObject({ resource: api, authorization_servers: [issuer] });
      const forResource = await clientToken(issuer, { id: 'reports-service', secret: 'reports-service-secret' }, { scope: 'reports:read', resource: api });
      expect((await call(`${api}/reports`, { bearer: forResource })).status).toBe(200);
      const doc = (await call(`${api}/openapi.json`)).json();
      expect(doc.components.securitySchemes.OpenIdConnect.openIdConnectUrl).toBe(`${issuer}/.well-known/openid-configuration`);
      const page = await call(`${api}/docs`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('"clientId":"swagger-ui"');
      expect(page.text).toContain('"usePkceWithAuthorizationCodeGrant":true');
      expect((await call(`${api}/docs/oauth2-redirect.html`)).status).toBe(200);
    } finally {
      await main.stop();
    }
  });
});

test('a bad FRAMEWORK fails with a clear message', async () => {
  await expect(startMain({ FRAMEWORK: 'flask', PORT: String(await freePort()), IDP_PORT: String(await freePort()) })).rejects.toThrow(/FRAMEWORK must be one of express, koa, hono, fastify/);
});
