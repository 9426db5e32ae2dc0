/**
 * `pnpm --filter mcp-server start` exactly as a user runs it (from the
 * repository root, in its own process group): the provider at IDP_PORT,
 * the MCP server at PORT on FRAMEWORK (Express when unset), and what a
 * client finds there from the URL it prints.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ADAPTERS, call, freePort, rpc } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Started {
  output(): string;
  stop(): Promise<void>;
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn('pnpm', ['--filter', 'mcp-server', 'start'], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "OpenAPI:" line within 60 s:\n${out}`)), 60_000);
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

// FRAMEWORK unset is Express
describe.each(ADAPTERS.map((f) => (f === 'express' ? undefined : f)))('FRAMEWORK=%s', (framework) => {
  test('starts the provider and the MCP server; /mcp answers 401 naming its metadata, which names the provider; a client registers there', async () => {
    const [port, idpPort] = [await freePort(), await freePort()];
    const main = await startMain({ PORT: String(port), IDP_PORT: String(idpPort), ...(framework ? { FRAMEWORK: framework } : {}) });
    try {
      const mcpUrl = `http://127.0.0.1:${port}/mcp`;
      const issuer = `http://127.0.0.1:${idpPort}`;
      const metadataUrl = `http://127.0.0.1:${port}/.well-known/oauth-protected-resource/mcp`;
      expect(main.output()).toContain(`MCP server on ${framework ?? 'express'}: ${mcpUrl}`);
      expect(main.output()).toContain(`Identity provider: ${issuer}`);
      expect(main.output()).toContain('user alice / wonderland');
      expect(main.output()).toContain(`Protected resource metadata: ${metadataUrl}`);
      expect(main.output()).toContain(`Docs: http://127.0.0.1:${port}/docs`);

      const refused = await rpc(mcpUrl, undefined, { id: 1, method: 'initialize', params: {} });
      expect([refused.status, refused.headers['www-authenticate']]).toEqual([401, `Bearer resource_metadata="${metadataUrl}"`]);
      expect((await call(metadataUrl)).json()).toMatchObject({ resource: mcpUrl, authorization_servers: [issuer], scopes_supported: ['mcp:read'] });
      const discovery = (await call(`${issuer}/.well-known/oauth-authorization-server`)).json();
      expect(discovery).toMatchObject({ issuer, registration_endpoint: `${issuer}/reg`, code_challenge_methods_supported: ['S256'] });
      // dynamic client registration (RFC 7591), as an MCP client does it
      const registered = await call(discovery.registration_endpoint, {
        method: 'POST',
        json: { redirect_uris: ['http://127.0.0.1:9999/callback'], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], scope: 'mcp:read' },
      });
      expect([registered.status, registered.json().client_id]).toEqual([201, expect.any(String)]);
      expect((await call(`http://127.0.0.1:${port}/openapi.json`)).json().paths['/mcp'].post.security).toEqual([{ OpenIdConnect: ['mcp:read'] }]);
    } finally {
      await main.stop();
    }
  });
});

test('a bad FRAMEWORK fails with a clear message', async () => {
  await expect(startMain({ FRAMEWORK: 'koa', PORT: String(await freePort()), IDP_PORT: String(await freePort()) })).rejects.toThrow(/FRAMEWORK must be one of express, hono/);
});
