/**
 * docs/from-the-article.md, checked: every code block on the page is a
 * file of docs/from-the-article/ shown verbatim (or a startup error that
 * file's app really throws, quoted exactly), and each app does over real
 * HTTP what the page says it does. The snippets are type-checked by
 * snippets.test-d.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { request } from 'undici';
import { afterAll, describe, expect, test } from 'vitest';
import { ErrorCode, RouteInputError, type OpenAPIDocument } from '@depends/core';
import { naiveMiddlewareApp } from '../from-the-article/middleware.naive.js';
import { middlewareApp } from '../from-the-article/middleware.depends.js';
import { guardedApp } from '../from-the-article/middleware.guard.js';
import { naiveHeaderApp } from '../from-the-article/header.naive.js';
import { naiveAuthorizationHeaderApp } from '../from-the-article/header-authorization.naive.js';
import { headerApp } from '../from-the-article/header.depends.js';
import { naiveSecurityApp } from '../from-the-article/security.naive.js';
import { securityApp } from '../from-the-article/security.depends.js';
import { naiveBearerApp } from '../from-the-article/http-bearer.naive.js';
import { bearerApp } from '../from-the-article/http-bearer.depends.js';
import { naiveApiKeyApp } from '../from-the-article/api-key.naive.js';
import { apiKeyApp } from '../from-the-article/api-key.depends.js';
import { blocks } from './blocks.js';

const dir = new URL('../from-the-article/', import.meta.url);
const page = readFileSync(new URL('../from-the-article.md', import.meta.url), 'utf8');

const pageBlocks = blocks(page);
const startupError = (file: string): string => {
  const block = pageBlocks.find((b) => b.marker === `startup-error: ${file}`);
  expect(block, `no startup error quoted for ${file}`).toBeDefined();
  return block!.body;
};

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

/** Serves an Express app on 127.0.0.1 and returns a client for it. */
async function serve(app: express.Express) {
  const server = createServer(app).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await request(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      challenge: res.headers['www-authenticate'],
      type: String(res.headers['content-type']),
      text,
      json: () => JSON.parse(text),
    };
  };
}

const ALICE = { authorization: 'Bearer alice-token' };
const BOB = { authorization: 'Bearer bob-token' };
const NOT_AUTH = { detail: 'Not authenticated' };
const OK = '"Ok"';

describe('the page', () => {
  test('every code block is a snippet file shown verbatim, or a quoted startup error; every file is shown once', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(pageBlocks.length).toBeGreaterThan(files.length);
    const shown: string[] = [];
    for (const block of pageBlocks) {
      if (block.lang === 'ts') {
        const file = /^snippet: (.+)$/.exec(block.marker ?? '')?.[1];
        expect(file, `a ts block without a snippet marker:\n${block.body.slice(0, 80)}`).toBeDefined();
        expect(block.body + '\n', `page block for ${file} differs from the file`).toBe(readFileSync(new URL(file!, dir), 'utf8'));
        shown.push(file!);
      } else {
        expect(block.lang, 'only ts snippets and quoted startup errors').toBe('text');
        expect(block.marker).toMatch(/^startup-error: /);
      }
    }
    expect(shown.sort()).toEqual(files.sort());
  });

  test('its relative links lead to files that exist', () => {
    const links = [...page.matchAll(/\]\((?!https?:)([^)#]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(new URL(`../${link}`, import.meta.url)), link).toBe(true);
  });

  test('the README links to it', () => {
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('](docs/from-the-article.md)');
  });

  test('the startup-error table lists real codes', () => {
    const codes = [...page.matchAll(/\| `(DEPENDS_[A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(codes).toHaveLength(7);
    for (const code of codes) expect(Object.values(ErrorCode)).toContain(code);
  });
});

describe('1. a middleware that checks the header', () => {
  test("naive: the docs page's own requests are locked out; any header gets in; the document knows nothing; the 401 is plain text with no challenge", async () => {
    const call = await serve(naiveMiddlewareApp());
    expect((await call('GET', '/docs')).status).toBe(200); // the article's allow-list
    for (const path of ['/openapi.json', '/docs/swagger-ui-bundle.js']) expect((await call('GET', path)).status).toBe(401);
    const missing = await call('GET', '/');
    expect([missing.status, missing.challenge, missing.type, missing.text]).toEqual([401, undefined, 'text/plain; charset=utf-8', 'Unauthorized']);
    const nonsense = await call('GET', '/', { authorization: 'nonsense' });
    expect([nonsense.status, nonsense.text]).toEqual([200, OK]);
    const doc = (await call('GET', '/openapi.json', ALICE)).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toBeUndefined();
    expect(doc.paths['/'].get!.summary).toBe('Get Health Status');
    expect(doc.paths['/'].get!.security).toEqual([]); // public, as far as the document knows
    expect(Object.keys(doc.paths['/'].get!.responses)).toEqual(['200']);
  });

  test("depends on an existing app: a guard where the middleware was; the app's handlers get the caller; docs and /status public; Authorize in the document", async () => {
    const call = await serve(guardedApp());
    expect((await call('GET', '/status')).json()).toEqual({ status: 'ok' });
    expect((await call('GET', '/docs')).status).toBe(200);
    const missing = await call('GET', '/v1/notes');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const bad = await call('GET', '/v1/notes', { authorization: 'Bearer nope' });
    expect([bad.status, bad.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    const ok = await call('GET', '/v1/notes', ALICE);
    expect([ok.status, ok.json()]).toEqual([200, [{ text: 'mine', owner: 'alice' }]]);
    expect((await call('GET', '/nowhere')).status).toBe(404);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    expect(doc.paths['/v1/notes'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/v1/notes'].get!.responses['401']).toBeDefined();
    expect(doc.paths['/status'].get!.security).toEqual([]);
  });

  test('depends: a router dependency over httpBearer(); docs and /status public; 401 with challenges; Authorize in the document; the caller reaches the handler', async () => {
    const call = await serve(middlewareApp());
    expect((await call('GET', '/status')).json()).toEqual({ status: 'ok' });
    expect((await call('GET', '/docs')).status).toBe(200);
    const missing = await call('GET', '/v1/notes');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const bad = await call('GET', '/v1/notes', { authorization: 'Bearer nope' });
    expect([bad.status, bad.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    const ok = await call('GET', '/v1/notes', ALICE);
    expect([ok.status, ok.json()]).toEqual([200, [{ text: 'mine', owner: 'alice' }]]);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    expect(doc.paths['/v1/notes'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/v1/notes'].get!.responses['401']).toBeDefined();
    expect(doc.paths['/status'].get!.security).toEqual([]);
  });
});

describe('2. Depends(auth_header), the key read by Header()', () => {
  test('naive, as printed: an Authentication header parameter; without it 422, whatever Authorization says; no scheme in the document', async () => {
    const call = await serve(naiveHeaderApp());
    const missingBody = { detail: [{ type: 'missing', loc: ['header', 'authentication'], msg: 'Field required', input: null }] };
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer temp-key' }];
    for (const headers of attempts) {
      const res = await call('GET', '/v1/health', headers);
      expect([res.status, res.challenge, res.json()]).toEqual([422, undefined, missingBody]);
    }
    const wrong = await call('GET', '/v1/health', { authentication: 'wrong' });
    expect([wrong.status, wrong.challenge, wrong.json()]).toEqual([401, 'Bearer', { detail: 'Invalid authentication credentials' }]);
    expect((await call('GET', '/v1/health', { authentication: 'temp-key' })).text).toBe(OK);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toBeUndefined();
    expect(doc.paths['/v1/health'].get!.parameters).toEqual([{ name: 'authentication', in: 'header', required: true, schema: { type: 'string' } }]);
    expect(doc.paths['/v1/health'].get!.security).toEqual([]);
    expect(doc.paths['/v1/health'].get!.tags).toEqual(['API v1']);
  });

  test('naive, reading Authorization: refused at startup with the message the page quotes', () => {
    expect(naiveAuthorizationHeaderApp).toThrow(RouteInputError);
    expect(naiveAuthorizationHeaderApp).toThrow(
      expect.objectContaining({ code: ErrorCode.IgnoredHeader, message: startupError('header-authorization.naive.ts') }),
    );
  });

  test('depends: the router dependency reads Authorization: Bearer through httpBearer(); documented as a scheme, not a parameter', async () => {
    const call = await serve(headerApp());
    const missing = await call('GET', '/v1/health');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const bad = await call('GET', '/v1/health', { authorization: 'Bearer nope' });
    expect([bad.status, bad.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/v1/health', ALICE)).text).toBe(OK);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    expect(doc.paths['/v1/health'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/v1/health'].get!.parameters).toBeUndefined();
  });
});

describe('3. Security(auth_header)', () => {
  test('naive: refused at startup with the message the page quotes', () => {
    expect(naiveSecurityApp).toThrow(expect.objectContaining({ code: ErrorCode.SecurityWithoutScheme, message: startupError('security.naive.ts') }));
  });

  test('depends: bob may read, not write (403 insufficient_scope); alice writes (201); scopes and 403 documented', async () => {
    const call = await serve(securityApp());
    expect((await call('GET', '/v1/notes', BOB)).json()).toEqual([{ text: 'mine', owner: 'bob' }]);
    const denied = await call('POST', '/v1/notes', BOB, { text: 'hello' });
    expect([denied.status, denied.challenge, denied.json()]).toEqual([
      403,
      'Bearer error="insufficient_scope", scope="notes:write"',
      { detail: 'Not enough permissions' },
    ]);
    const created = await call('POST', '/v1/notes', ALICE, { text: 'hello' });
    expect([created.status, created.json()]).toEqual([201, { id: 1, text: 'hello', owner: 'alice' }]);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/v1/notes'].post!.security).toEqual([{ HTTPBearer: ['notes:write'] }]);
    expect(doc.paths['/v1/notes'].post!.responses['403']).toBeDefined();
  });
});

describe('4. HTTPBearer', () => {
  test('naive: the right key passes; a missing token 401 Bearer; a wrong one 401 "Invalid authentication credentials" with the bare Bearer challenge depends adds', async () => {
    const call = await serve(naiveBearerApp());
    expect((await call('GET', '/v1/health', { authorization: 'Bearer temp-key' })).text).toBe(OK);
    const missing = await call('GET', '/v1/health');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const wrong = await call('GET', '/v1/health', { authorization: 'Bearer nope' });
    expect([wrong.status, wrong.challenge, wrong.json()]).toEqual([401, 'Bearer', { detail: 'Invalid authentication credentials' }]);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/v1/health'].get!.security).toEqual([{ HTTPBearer: [] }]);
  });

  test('depends: invalidToken() answers 401 Bearer error="invalid_token"; the key compared in constant time passes', async () => {
    const call = await serve(bearerApp());
    const wrong = await call('GET', '/v1/health', { authorization: 'Bearer nope' });
    expect([wrong.status, wrong.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/v1/health', { authorization: 'Bearer temp-key' })).text).toBe(OK);
    const missing = await call('GET', '/v1/health');
    expect([missing.status, missing.challenge]).toEqual([401, 'Bearer']);
  });
});

describe('5. APIKeyHeader', () => {
  test('naive: the scheme is documented, but the middleware locks the document out, answers a missing key itself without a challenge, and lets any key through', async () => {
    const call = await serve(naiveApiKeyApp());
    expect((await call('GET', '/docs')).status).toBe(200);
    expect((await call('GET', '/openapi.json')).status).toBe(401);
    const missing = await call('GET', '/v1/health');
    expect([missing.status, missing.challenge, missing.text]).toEqual([401, undefined, 'Unauthorized']);
    for (const key of ['anything', 'temp-key']) expect((await call('GET', '/v1/health', { authorization: key })).text).toBe(OK);
    const doc = (await call('GET', '/openapi.json', { authorization: 'temp-key' })).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ APIKeyHeader: { type: 'apiKey', in: 'header', name: 'Authorization' } });
    expect(doc.paths['/v1/health'].get!.security).toEqual([{ APIKeyHeader: [] }]);
  });

  test('depends: the key checked where the scheme reads it; 401 APIKey; docs public; documented as a scheme, not a parameter', async () => {
    const call = await serve(apiKeyApp());
    expect((await call('GET', '/docs')).status).toBe(200);
    const missing = await call('GET', '/v1/health');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'APIKey', NOT_AUTH]);
    const wrong = await call('GET', '/v1/health', { authorization: 'anything' });
    expect([wrong.status, wrong.challenge, wrong.json()]).toEqual([401, 'APIKey', { detail: 'Invalid API key' }]);
    expect((await call('GET', '/v1/health', { authorization: 'temp-key' })).text).toBe(OK);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ APIKeyHeader: { type: 'apiKey', in: 'header', name: 'Authorization' } });
    expect(doc.paths['/v1/health'].get!.security).toEqual([{ APIKeyHeader: [] }]);
    expect(doc.paths['/v1/health'].get!.parameters).toBeUndefined();
  });
});
