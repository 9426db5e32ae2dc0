/**
 * `/mcp` from outside, with undici, on each framework: the 401 that names
 * the protected resource metadata, the metadata itself, tokens for another
 * audience refused, the tools answering a token with `mcp:read`, and the
 * 403 `insufficient_scope` an MCP client steps up from when a tool needs
 * `mcp:write`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADAPTERS, TEST_CLIENTS, call, clientToken, payloadOf, rpc, startBoth, type Running } from './helpers.js';

describe.each(ADAPTERS)('%s: /mcp over HTTP', (framework) => {
  let running: Running;
  let mcpUrl: string;
  let metadataUrl: string;
  let readToken: string;
  beforeAll(async () => {
    running = await startBoth(framework);
    ({ mcpUrl, metadataUrl } = running.mcp);
    readToken = await clientToken(running.idp.issuer, TEST_CLIENTS.reader, { scope: 'mcp:read', resource: mcpUrl });
  });
  afterAll(() => running?.close());

  test('no token: 401 with resource_metadata, on POST, GET and DELETE', async () => {
    expect(metadataUrl).toBe(`${running.mcp.url}/.well-known/oauth-protected-resource/mcp`);
    for (const method of ['POST', 'GET', 'DELETE']) {
      const res = method === 'POST' ? await rpc(mcpUrl, undefined, { id: 1, method: 'initialize', params: {} }) : await call(mcpUrl, { method });
      expect([res.status, res.headers['www-authenticate'], res.json()], method).toEqual([401, `Bearer resource_metadata="${metadataUrl}"`, { detail: 'Not authenticated' }]);
    }
  });

  test('the protected resource metadata: the MCP URL, the provider, the scope /mcp asks', async () => {
    const res = await call(metadataUrl);
    expect([res.status, res.headers['content-type']]).toEqual([200, expect.stringMatching(/^application\/json/)]);
    expect(res.json()).toEqual({
      resource: mcpUrl,
      resource_name: 'Notes MCP server',
      authorization_servers: [running.idp.issuer],
      scopes_supported: ['mcp:read'],
      bearer_methods_supported: ['header'],
      resource_documentation: `${running.mcp.url}/docs`,
    });
    // the provider it names offers what an MCP client needs: registration, PKCE, resource indicators
    const discovery = (await call(`${running.idp.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({ issuer: running.idp.issuer, registration_endpoint: `${running.idp.issuer}/reg`, code_challenge_methods_supported: ['S256'] });
  });

  test('a token for another audience is refused: 401 invalid_token naming the metadata', async () => {
    // a token for another API, and one asked without a resource indicator (the provider's default audience, the Reports API)
    const others = [
      await clientToken(running.idp.issuer, TEST_CLIENTS.other, { scope: 'other:read', resource: 'api://other-api' }),
      await clientToken(running.idp.issuer, TEST_CLIENTS.reader, { scope: 'mcp:read' }),
    ];
    expect(others.map((token) => payloadOf(token).aud)).toEqual(['api://other-api', 'api://oidc-api']);
    for (const token of others) {
      const res = await rpc(mcpUrl, token, { id: 1, method: 'tools/list' });
      expect([res.status, res.headers['www-authenticate'], res.json()]).toEqual([
        401,
        `Bearer error="invalid_token", error_description="The token is for another audience", resource_metadata="${metadataUrl}"`,
        { detail: 'Could not validate credentials' },
      ]);
    }
    const forged = `${readToken.slice(0, -4)}AAAA`;
    expect((await rpc(mcpUrl, forged, { id: 1, method: 'tools/list' })).headers['www-authenticate']).toBe(
      `Bearer error="invalid_token", error_description="The token signature is invalid", resource_metadata="${metadataUrl}"`,
    );
  });

  test('a token for the MCP server with mcp:read: initialize, tools/list, whoami', async () => {
    expect(payloadOf(readToken)).toMatchObject({ aud: mcpUrl, scope: 'mcp:read', client_id: TEST_CLIENTS.reader.id });
    const init = await rpc(mcpUrl, readToken, {
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'undici', version: '1' } },
    });
    expect(init.status).toBe(200);
    expect(init.json().result).toMatchObject({ serverInfo: { name: 'depends-notes' }, capabilities: { tools: {} } });
    const list = await rpc(mcpUrl, readToken, { id: 2, method: 'tools/list' });
    expect(list.json().result.tools.map((t: { name: string }) => t.name)).toEqual(['whoami', 'add_note']);
    const who = await rpc(mcpUrl, readToken, { id: 3, method: 'tools/call', params: { name: 'whoami', arguments: {} } });
    expect([who.status, who.json().result.structuredContent]).toEqual([200, { sub: TEST_CLIENTS.reader.id, scopes: ['mcp:read'] }]);
  });

  test('add_note without mcp:write: 403 insufficient_scope asking mcp:read mcp:write, with the metadata; nothing written', async () => {
    const challenge = `Bearer error="insufficient_scope", scope="mcp:read mcp:write", resource_metadata="${metadataUrl}"`;
    const denied = await rpc(mcpUrl, readToken, { id: 4, method: 'tools/call', params: { name: 'add_note', arguments: { text: 'x' } } });
    expect([denied.status, denied.headers['www-authenticate'], denied.json()]).toEqual([403, challenge, { detail: 'Not enough permissions' }]);
    // hidden in a batch beside a call it may make
    const batch = await call(mcpUrl, {
      method: 'POST',
      bearer: readToken,
      json: [
        { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'whoami', arguments: {} } },
        { jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'add_note', arguments: { text: 'x' } } },
      ],
      headers: { accept: 'application/json, text/event-stream' },
    });
    expect([batch.status, batch.headers['www-authenticate']]).toEqual([403, challenge]);
    // a token with both scopes writes
    const writer = await clientToken(running.idp.issuer, TEST_CLIENTS.writer, { scope: 'mcp:read mcp:write', resource: mcpUrl });
    const added = await rpc(mcpUrl, writer, { id: 7, method: 'tools/call', params: { name: 'add_note', arguments: { text: 'buy milk' } } });
    expect([added.status, added.json().result.structuredContent]).toEqual([200, { id: 1, text: 'buy milk', author: TEST_CLIENTS.writer.id }]);
    // mcp:write alone is not enough: every request to /mcp needs mcp:read
    const writeOnly = await clientToken(running.idp.issuer, TEST_CLIENTS.writer, { scope: 'mcp:write', resource: mcpUrl });
    const refused = await rpc(mcpUrl, writeOnly, { id: 8, method: 'tools/call', params: { name: 'add_note', arguments: { text: 'x' } } });
    expect([refused.status, refused.headers['www-authenticate']]).toEqual([403, challenge]);
    const listing = await rpc(mcpUrl, writeOnly, { id: 9, method: 'tools/list' });
    expect([listing.status, listing.headers['www-authenticate']]).toEqual([403, `Bearer error="insufficient_scope", scope="mcp:read", resource_metadata="${metadataUrl}"`]);
  });

  test('DNS rebinding: an Origin other than the server\'s own is answered 403 before anything, even with a good token', async () => {
    const post = (origin: string | undefined) =>
      call(mcpUrl, {
        method: 'POST',
        bearer: readToken,
        json: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
        headers: { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18', ...(origin ? { origin } : {}) },
      });
    for (const origin of ['http://evil.example', 'http://127.0.0.1.evil.example', 'null', `${running.mcp.url}.evil.example`]) {
      const res = await post(origin);
      expect([res.status, res.json()], origin).toEqual([403, { jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden: this Origin may not call the MCP server' }, id: null }]);
    }
    const port = new URL(running.mcp.url).port;
    for (const origin of [undefined, running.mcp.url, `http://localhost:${port}`]) expect((await post(origin)).status, String(origin)).toBe(200);
    // the 403 comes before the guard: no token and a foreign Origin is still 403, not 401
    const anonymous = await call(mcpUrl, { method: 'POST', json: {}, headers: { origin: 'http://evil.example' } });
    expect(anonymous.status).toBe(403);
  });

  test('GET and DELETE with a token: 405, this server keeps no stream and no session', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await call(mcpUrl, { method, bearer: readToken, headers: { accept: 'text/event-stream' } });
      expect([res.status, res.headers.allow, res.json().error.code], method).toEqual([405, 'POST', -32000]);
    }
  });

  test('/openapi.json documents /mcp with its scope, the 401 and 403 challenges; /docs is served', async () => {
    const doc = (await call(`${running.mcp.url}/openapi.json`)).json();
    const post = doc.paths['/mcp'].post;
    expect(post.summary).toBe('Send an MCP message (Streamable HTTP)');
    expect(post.security).toEqual([{ OpenIdConnect: ['mcp:read'] }]);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['401', '403']));
    expect(doc.components.securitySchemes.OpenIdConnect.openIdConnectUrl).toBe(`${running.idp.issuer}/.well-known/openid-configuration`);
    expect(Object.keys(doc.paths['/mcp']).sort()).toEqual(['delete', 'get', 'post']);
    expect((await call(`${running.mcp.url}/docs`)).status).toBe(200);
  });
});
