/**
 * The "Coming from …" pages (docs/coming-from/*.md), checked as
 * docs/from-the-article.md is: every depends block on a page is a file of
 * its folder shown verbatim, the peer library's code is marked as not
 * checked, and each app does over real HTTP what the page says (401/403/200,
 * the WWW-Authenticate challenges, the document). coming-from.test-d.ts
 * type-checks what the snippets infer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import type { FastifyInstance } from 'fastify';
import type { Hono } from 'hono';
import { serve as serveHono } from '@hono/node-server';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '@depends/core';
import { startIssuer, type Issuer } from './issuer.js';
import { notesApp as expressJwtApp } from '../coming-from/express-jwt/guard.js';
import { sharedSecretApp } from '../coming-from/express-jwt/shared-secret.js';
import { profileApp } from '../coming-from/passport-http-bearer/app.js';
import { apiApp } from '../coming-from/hono-bearer-auth/bearer-auth.js';
import { authApp } from '../coming-from/hono-bearer-auth/jwk.js';
import { notesApp as fastifyApp } from '../coming-from/fastify-jwt/app.js';
import { notesApp as nestLikeApp } from '../coming-from/nestjs-guards/notes.js';
import { appForTests } from '../coming-from/nestjs-guards/in-a-test.js';
import { blocks } from './blocks.js';

const PAGES = ['express-jwt', 'passport-http-bearer', 'hono-bearer-auth', 'fastify-jwt', 'nestjs-guards'];
const pagesDir = new URL('../coming-from/', import.meta.url);

describe.each(PAGES)('the page %s.md', (name) => {
  const page = readFileSync(new URL(`${name}.md`, pagesDir), 'utf8');
  const dir = new URL(`${name}/`, pagesDir);

  test("every depends block is a file of its folder shown verbatim, every file is shown once, the peer's code is marked", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const shown: string[] = [];
    let peer = 0;
    for (const block of blocks(page)) {
      const file = /^snippet: (.+)$/.exec(block.marker ?? '')?.[1];
      if (file) {
        expect(block.lang).toBe('ts');
        expect(block.body + '\n', `page block for ${file} differs from the file`).toBe(readFileSync(new URL(file, dir), 'utf8'));
        shown.push(file);
      } else {
        expect(block.marker, `a block neither shown from a file nor marked as the peer's code:\n${block.body.slice(0, 80)}`).toMatch(/^not-checked: \S/);
        peer++;
      }
    }
    expect(peer).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(files.sort());
  });

  test('its relative links lead to files that exist, and the README links to it', () => {
    for (const m of page.matchAll(/\]\((?!https?:)([^)#]+)\)/g)) expect(existsSync(new URL(m[1], pagesDir)), m[1]).toBe(true);
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(`](docs/coming-from/${name}.md)`);
  });
});

const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

interface Answer {
  readonly status: number;
  /** The WWW-Authenticate lines, joined with `, ` when there are several. */
  readonly challenge: string | undefined;
  readonly text: string;
  json(): any;
}
type Call = (method: string, path: string, headers?: Record<string, string>) => Promise<Answer>;

function client(base: string): Call {
  return async (method, path, headers = {}) => {
    const res = await request(`${base}${path}`, { method: method as 'GET', headers });
    const text = await res.body.text();
    const header = res.headers['www-authenticate'];
    return { status: res.statusCode, challenge: Array.isArray(header) ? header.join(', ') : header, text, json: () => JSON.parse(text) };
  };
}

/** Serves an app on 127.0.0.1 (a Node handler, a Hono app or a Fastify instance) and returns a client for it. */
async function serve(app: express.Express | Hono<any, any, any> | FastifyInstance): Promise<Call> {
  if ('fetch' in app && typeof app.fetch === 'function' && 'route' in app && !('listen' in app)) {
    const server = serveHono({ fetch: (app as Hono).fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  if ('inject' in app) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    return client(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  }
  const server = createServer(app as express.Express).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const NOT_AUTH = { detail: 'Not authenticated' };
const INSUFFICIENT = (scope: string) => `Bearer error="insufficient_scope", scope="${scope}"`;

let issuer: Issuer;
beforeAll(async () => {
  issuer = await startIssuer();
  closers.push(() => issuer.close());
});

describe('express-jwt / express-oauth2-jwt-bearer', () => {
  test('jwtBearer() in a guard: /status public; 401 without a token, 401 invalid_token for another audience; scopes per route (403 insufficient_scope); the claims typed; the document', async () => {
    const call = await serve(expressJwtApp(issuer.issuer));
    const reader = await issuer.sign({ sub: 'bob', scope: 'notes:read' });
    const writer = await issuer.sign({ sub: 'alice', scope: 'notes:read notes:write' });
    expect((await call('GET', '/status')).json()).toEqual({ status: 'ok' });
    const missing = await call('GET', '/v1/notes');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const other = await call('GET', '/v1/notes', bearer(await issuer.sign({ sub: 'bob', scope: 'notes:read' }, { audience: 'api://billing' })));
    expect([other.status, other.challenge]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is for another audience"']);
    const read = await call('GET', '/v1/notes', bearer(reader));
    expect([read.status, read.json()]).toEqual([200, [{ id: '1', text: 'a note', owner: 'bob' }]]);
    const denied = await call('DELETE', '/v1/notes/1', bearer(reader));
    expect([denied.status, denied.challenge, denied.json()]).toEqual([403, INSUFFICIENT('notes:write'), { detail: 'Not enough permissions' }]);
    expect((await call('DELETE', '/v1/notes/1', bearer(writer))).status).toBe(204);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    const [scheme] = Object.keys(doc.components?.securitySchemes ?? {});
    expect(doc.components?.securitySchemes?.[scheme]).toEqual({ type: 'openIdConnect', openIdConnectUrl: `${issuer.issuer}/.well-known/openid-configuration` });
    expect(doc.paths['/v1/notes'].get!.security).toEqual([{ [scheme]: ['notes:read'] }]);
    expect(doc.paths['/v1/notes/{id}'].delete!.security).toEqual([{ [scheme]: ['notes:write'] }]);
    expect(doc.paths['/status'].get!.security).toEqual([]);
  });

  test('a shared secret: jose over httpBearer(), scopes through withScopes()', async () => {
    const secret = 'a-shared-secret-of-at-least-32-bytes!';
    const call = await serve(sharedSecretApp(secret));
    const sign = (claims: Record<string, unknown>, key = secret) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1m').sign(new TextEncoder().encode(key));
    const missing = await call('GET', '/v1/notes');
    expect([missing.status, missing.challenge]).toEqual([401, 'Bearer']);
    const forged = await call('GET', '/v1/notes', bearer(await sign({ sub: 'eve', scope: 'notes:read' }, 'another-secret-of-at-least-32-bytes')));
    expect([forged.status, forged.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    const noScope = await call('GET', '/v1/notes', bearer(await sign({ sub: 'bob', scope: 'profile' })));
    expect([noScope.status, noScope.challenge]).toEqual([403, INSUFFICIENT('notes:read')]);
    expect((await call('GET', '/v1/notes', bearer(await sign({ sub: 'bob', scope: 'notes:read' })))).json()).toEqual([{ id: '1', text: 'a note', owner: 'bob' }]);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
  });
});

describe('passport-http-bearer', () => {
  test('the guard on the routes passport.authenticate() was on: 401 Bearer / invalid_token; the user; scopes per route; /status public', async () => {
    const call = await serve(profileApp());
    const missing = await call('GET', '/profile');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const bad = await call('GET', '/profile', bearer('nope'));
    expect([bad.status, bad.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/profile', bearer('bob-token'))).json()).toEqual({ id: 'u2', name: 'bob', scopes: ['notes:read'] });
    expect((await call('GET', '/notes', bearer('bob-token'))).json()).toEqual([{ id: '1', text: 'a note', owner: 'bob' }]);
    const denied = await call('DELETE', '/notes/1', bearer('bob-token'));
    expect([denied.status, denied.challenge]).toEqual([403, INSUFFICIENT('notes:write')]);
    expect((await call('DELETE', '/notes/1', bearer('alice-token'))).status).toBe(204);
    expect((await call('GET', '/status')).json()).toEqual({ status: 'ok' });
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    expect(doc.paths['/profile'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/notes/{id}'].delete!.security).toEqual([{ HTTPBearer: ['notes:write'] }]);
    expect(doc.paths['/status']).toBeUndefined(); // behind no guard: not documented
  });
});

describe('hono/bearer-auth and hono/jwk', () => {
  test('bearerAuth({ token }): the guard on /api/*; 401 Bearer / invalid_token; the value as a context variable; /page public', async () => {
    const call = await serve(apiApp('honoiscool'));
    const missing = await call('GET', '/api/page');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const wrong = await call('GET', '/api/page', bearer('honoisnotcool'));
    expect([wrong.status, wrong.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/api/page', bearer('honoiscool'))).json()).toEqual({ message: 'You are authorized', caller: 'authorized' });
    expect((await call('GET', '/page')).json()).toEqual({ message: 'Public' });
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/api/page'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/page']).toBeUndefined(); // behind no guard: not documented
  });

  test('jwk({ jwks_uri }): jwtBearer() with the same JWKS; issuer and audience checked; claims typed; scopes per route', async () => {
    const call = await serve(authApp(issuer.issuer));
    const missing = await call('GET', '/auth/page');
    expect([missing.status, missing.challenge]).toEqual([401, 'Bearer']);
    const other = await call('GET', '/auth/page', bearer(await issuer.sign({ sub: 'bob' }, { audience: 'api://billing' })));
    expect([other.status, other.challenge]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is for another audience"']);
    const reader = await issuer.sign({ sub: 'bob', scope: 'notes:read' });
    expect((await call('GET', '/auth/page', bearer(reader))).json()).toEqual({ sub: 'bob', scopes: ['notes:read'] });
    const denied = await call('DELETE', '/auth/page', bearer(reader));
    expect([denied.status, denied.challenge]).toEqual([403, INSUFFICIENT('notes:write')]);
    expect((await call('DELETE', '/auth/page', bearer(await issuer.sign({ sub: 'alice', scope: 'notes:write' })))).status).toBe(204);
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    const [scheme] = Object.keys(doc.components?.securitySchemes ?? {});
    expect(doc.components?.securitySchemes?.[scheme]).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.paths['/auth/page'].delete!.security).toEqual([{ [scheme]: ['notes:write'] }]);
  });
});

describe('@fastify/jwt and @fastify/auth', () => {
  test('anyOf(bearer, apiKey) in a guard as the route preHandler: both challenges when nothing is sent; either credential; a refused one is not replaced by the other', async () => {
    const secret = 'a-shared-secret-of-at-least-32-bytes!';
    const call = await serve(fastifyApp({ secret, apiKey: 'service-key' }));
    const jwt = await new SignJWT({ sub: 'bob' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1m').sign(new TextEncoder().encode(secret));
    const missing = await call('GET', '/notes');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer, APIKey', NOT_AUTH]);
    expect((await call('GET', '/notes', bearer(jwt))).json()).toEqual([{ id: '1', text: 'a note', owner: 'bob' }]);
    expect((await call('GET', '/notes', { 'x-api-key': 'service-key' })).json()).toEqual([{ id: '1', text: 'a note', owner: 'service' }]);
    const badKey = await call('GET', '/notes', { 'x-api-key': 'nope' });
    expect([badKey.status, badKey.challenge, badKey.json()]).toEqual([401, 'APIKey', { detail: 'Invalid API key' }]);
    const badJwt = await call('GET', '/notes', { ...bearer('not.a.jwt'), 'x-api-key': 'service-key' });
    expect([badJwt.status, badJwt.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/status')).json()).toEqual({ status: 'ok' });
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/notes'].get!.security).toEqual([{ HTTPBearer: [] }, { APIKeyHeader: [] }]);
    expect(doc.paths['/status']).toBeUndefined(); // behind no guard: not documented
  });
});

describe('NestJS guards', () => {
  test('a dependency per route instead of AuthGuard + RolesGuard + @ApiBearerAuth(): 401 with challenges, 403 insufficient_scope, the document from the routes', async () => {
    const call = await serve(nestLikeApp().app);
    const missing = await call('GET', '/notes');
    expect([missing.status, missing.challenge, missing.json()]).toEqual([401, 'Bearer', NOT_AUTH]);
    const bad = await call('GET', '/notes', bearer('nope'));
    expect([bad.status, bad.challenge]).toEqual([401, 'Bearer error="invalid_token"']);
    expect((await call('GET', '/notes', bearer('bob-token'))).json()).toEqual([{ id: '1', text: 'a note', owner: 'bob' }]);
    const denied = await call('DELETE', '/notes/7', bearer('bob-token'));
    expect([denied.status, denied.challenge]).toEqual([403, INSUFFICIENT('notes:write')]);
    expect((await call('DELETE', '/notes/7', bearer('alice-token'))).json()).toEqual({ deleted: '7' });
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/notes'].get!.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/notes/{id}'].delete!.security).toEqual([{ HTTPBearer: ['notes:write'] }]);
    expect(Object.keys(doc.paths['/notes/{id}'].delete!.responses)).toEqual(expect.arrayContaining(['401', '403']));
  });

  test("overrideGuard(): the caller replaced for one app, its scope check with it; no token needed; the document unchanged", async () => {
    const call = await serve(appForTests());
    expect((await call('GET', '/notes')).json()).toEqual([{ id: '1', text: 'a note', owner: 'test' }]);
    expect((await call('DELETE', '/notes/7')).json()).toEqual({ deleted: '7' });
    const doc = (await call('GET', '/openapi.json')).json() as OpenAPIDocument;
    expect(doc.paths['/notes/{id}'].delete!.security).toEqual([{ HTTPBearer: ['notes:write'] }]);
    const untouched = await serve(nestLikeApp().app);
    expect((await untouched('GET', '/notes')).status).toBe(401);
  });
});
