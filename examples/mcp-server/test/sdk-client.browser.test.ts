/**
 * The official MCP TypeScript SDK client, with its own OAuth support,
 * against the MCP server on each framework, knowing nothing but the
 * server's URL: 401 → protected resource metadata → the provider's
 * discovery → dynamic client registration → authorization code with PKCE
 * for the resource (alice signs in on the provider's own page, in headless
 * Chromium) → a token for `/mcp` → `whoami` answers. Then `add_note`: 403
 * insufficient_scope → the SDK asks for `mcp:read mcp:write` → consent in
 * the same browser session → the call succeeds. No request leaves
 * 127.0.0.1.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI=true,
 * where it fails with a message saying what to install.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBrowserTests, useChromium } from '../../../tests/support/browser.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ADAPTERS, payloadOf, startBoth, type Running } from './helpers.js';
import { MemoryOAuthClient, startCallback, type Callback } from './client.js';

/** One request the SDK client made, and the answer's status. */
interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body: string | undefined;
  readonly status: number;
  readonly challenge: string | null;
}

describe.runIf(runBrowserTests)('the MCP SDK client signs in through the provider on its own', () => {
  const browser = useChromium();

  describe.each(ADAPTERS)('on %s', (framework) => {
    let running: Running;
    let callback: Callback;
    beforeAll(async () => {
      running = await startBoth(framework);
      callback = await startCallback();
    });
    afterAll(async () => {
      await callback?.close();
      await running?.close();
    });

    /**
     * The user's part, in the browser: open the authorization URL, sign in
     * as alice when asked, allow, and come back to the client's redirect
     * page. Returns the code and what the consent page asked for.
     */
    async function authorize(context: BrowserContext, authorization: URL, signIn: boolean): Promise<{ code: string; asked: string }> {
      const page = await context.newPage();
      try {
        const code = callback.next();
        await page.goto(authorization.href);
        if (signIn) {
          // the provider's own login page
          await page.locator('input[name=username]').waitFor({ timeout: 30_000 });
          expect(new URL(page.url()).origin).toBe(running.idp.issuer);
          await page.locator('input[name=username]').fill('alice');
          await page.locator('input[name=password]').fill('wonderland');
          await page.locator('button[type=submit]').click();
        }
        await page.locator('h1', { hasText: 'Authorize' }).waitFor({ timeout: 30_000 });
        const asked = (await page.locator('body').textContent()) ?? '';
        await page.locator('button[type=submit]').click();
        const result = { code: await code, asked };
        await page.locator('body', { hasText: 'Signed in' }).waitFor({ timeout: 30_000 });
        return result;
      } finally {
        await page.close();
      }
    }

    test('from the URL alone to whoami, then add_note after stepping up to mcp:write', async () => {
      const { mcpUrl, metadataUrl } = running.mcp;
      const issuer = running.idp.issuer;
      const sent: Sent[] = [];
      const recording: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        sent.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? init.body : init?.body?.toString(), status: res.status, challenge: res.headers.get('www-authenticate') });
        return res;
      };
      const oauth = new MemoryOAuthClient(callback.url);
      const transport = () => new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: oauth, fetch: recording });
      const context = await browser.newContext();
      const browserRequests: string[] = [];
      context.on('request', (request) => browserRequests.push(request.url()));
      try {
        // 1. The client connects with nothing: 401 → discovery → registration → to the browser.
        const first = transport();
        await expect(new Client({ name: 'depends-test', version: '1.0.0' }).connect(first)).rejects.toThrow(UnauthorizedError);
        const path = (s: Sent) => `${s.method} ${s.url.startsWith(issuer) ? 'idp' : 'mcp'}:${new URL(s.url).pathname} → ${s.status}`;
        expect(sent.map(path)).toEqual([
          'POST mcp:/mcp → 401',
          'GET mcp:/.well-known/oauth-protected-resource/mcp → 200',
          'GET idp:/.well-known/oauth-authorization-server → 200', // RFC 8414, which oidc-provider serves too
          'POST idp:/reg → 201',
        ]);
        expect(sent[0].challenge).toBe(`Bearer resource_metadata="${metadataUrl}"`);
        const registration = JSON.parse(sent[3].body!) as Record<string, unknown>;
        expect(registration).toMatchObject({ redirect_uris: [callback.url], token_endpoint_auth_method: 'none', scope: 'mcp:read' });
        const clientId = (oauth.clientInformation() as { client_id: string }).client_id;
        expect(clientId).toEqual(expect.any(String));

        expect(oauth.authorizations).toHaveLength(1);
        const asked = oauth.authorizations[0];
        expect(`${asked.origin}${asked.pathname}`).toBe(`${issuer}/auth`);
        expect(Object.fromEntries(asked.searchParams)).toMatchObject({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: callback.url,
          code_challenge_method: 'S256',
          scope: 'mcp:read', // the metadata's scopes_supported
          resource: mcpUrl, // RFC 8707: a token for this server
        });

        // 2. Alice signs in and allows; the client exchanges the code with its PKCE verifier.
        const signedIn = await authorize(context, asked, true);
        expect(signedIn.asked).toContain('mcp:read');
        expect(signedIn.asked).not.toContain('mcp:write');
        await first.finishAuth(signedIn.code);
        const exchange = sent.at(-1)!;
        expect(`${exchange.method} ${exchange.url} ${exchange.status}`).toBe(`POST ${issuer}/token 200`);
        const form = new URLSearchParams(exchange.body);
        expect(form.get('grant_type')).toBe('authorization_code');
        expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
        expect(form.get('resource')).toBe(mcpUrl);
        const token = oauth.tokens()!.access_token;
        expect(payloadOf(token)).toMatchObject({ iss: issuer, aud: mcpUrl, sub: 'alice', client_id: clientId, scope: 'mcp:read' });

        // 3. Connected: whoami answers with the token's subject and scopes.
        const second = transport();
        const client = new Client({ name: 'depends-test', version: '1.0.0' });
        await client.connect(second);
        expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['whoami', 'add_note']);
        const who = await client.callTool({ name: 'whoami', arguments: {} });
        expect(who.structuredContent).toEqual({ sub: 'alice', scopes: ['mcp:read'] });

        // 4. add_note needs mcp:write: the 403 names it, the SDK asks for it (keeping mcp:read) and sends the user back to the provider.
        const before = sent.length;
        await expect(client.callTool({ name: 'add_note', arguments: { text: 'buy milk' } })).rejects.toThrow(UnauthorizedError);
        const refused = sent.slice(before).find((s) => s.status === 403)!;
        expect(refused.challenge).toBe(`Bearer error="insufficient_scope", scope="mcp:read mcp:write", resource_metadata="${metadataUrl}"`);
        expect(oauth.authorizations).toHaveLength(2);
        expect(Object.fromEntries(oauth.authorizations[1].searchParams)).toMatchObject({ client_id: clientId, scope: 'mcp:read mcp:write', resource: mcpUrl });
        // alice's session at the provider is still open: only the consent to the new scope
        const steppedUp = await authorize(context, oauth.authorizations[1], false);
        expect(steppedUp.asked).toContain('mcp:write');
        await second.finishAuth(steppedUp.code);
        expect(payloadOf(oauth.tokens()!.access_token)).toMatchObject({ aud: mcpUrl, sub: 'alice', scope: 'mcp:read mcp:write' });
        const added = await client.callTool({ name: 'add_note', arguments: { text: 'buy milk' } });
        expect(added.structuredContent).toEqual({ id: 1, text: 'buy milk', author: 'alice' });
        expect((await client.callTool({ name: 'whoami', arguments: {} })).structuredContent).toEqual({ sub: 'alice', scopes: ['mcp:read', 'mcp:write'] });
        await client.close();

        const outside = [...sent.map((s) => s.url), ...browserRequests].filter((url) => !url.startsWith('data:') && new URL(url).hostname !== '127.0.0.1');
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
