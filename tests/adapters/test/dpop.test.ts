/**
 * DPoP (RFC 9449) through every adapter, over real HTTP: `jwtBearer({ dpop
 * })` against a test issuer, on Express, Koa, Hono and Fastify. A fresh
 * proof is accepted and the answer carries the current `DPoP-Nonce`; the
 * same proof again is a replay (401); the nonce flow (401 `use_dpop_nonce`,
 * retry with the nonce); a proof for another URL or method, two `DPoP`
 * headers, a `Host` naming the proof's host: 401 `invalid_dpop_proof`; a
 * bound token sent as Bearer: 401 (DPoP-only and DPoP-or-Bearer); the
 * public origin from a trusted proxy's forwarded headers (the socket's peer
 * address, as each framework exposes it) and from no one else; the
 * document's `http` scheme `DPoP`. And the same scheme in a guard in front
 * of an existing route of each framework (the full path as the framework
 * saw it, the proof checked before the route's own handler runs).
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, request } from 'undici';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { exportJWK, generateKeyPair } from 'jose';
import { Router, type SecurityScheme } from '../../../packages/core/src/index.js';
import { dpop, jwtBearer, memoryReplayStore, type AccessToken } from '../../../packages/jwt/src/index.js';
import { AUDIENCE, startIssuer, type TestIssuer } from '../../../packages/jwt/src/test/issuer.js';
import { badProof, badToken, clientKey, proofFor } from '../../../packages/jwt/src/dpop/test/proofs.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, harnesses, listen, pickAdapters, type Started } from '../src/harness.js';

const ORIGIN = 'https://api.example.com';
const key = await clientKey();

describe.each(harnesses)('$name: DPoP-bound tokens', (harness) => {
  const errors: unknown[] = [];
  let idp: TestIssuer;
  let started: Started;
  const viaOtherAddress = new Agent({ localAddress: '127.0.0.2' });

  beforeAll(async () => {
    idp = await startIssuer();
    const store = memoryReplayStore();
    const strict = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store, algorithms: ['ES256'] }) });
    const nonced = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store, algorithms: ['ES256'], nonce: { rotateEvery: 300 } }) });
    const either = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, schemeName: 'DPoPOrBearer', dpop: dpop({ publicOrigin: ORIGIN, store, algorithms: ['ES256'], allowBearer: true }) });
    const proxied = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ trustForwarded: { proxies: ['127.0.0.1'] }, store, algorithms: ['ES256'] }) });
    const proxiedNet = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ trustForwarded: { proxies: ['10.0.0.5', '127.0.0.0/31'] }, store, algorithms: ['ES256'] }) });
    const router = new Router();
    router.get('/me', { auth: strict }, ({ auth }) => ({ sub: auth.claims.sub }));
    router.post('/me', { auth: strict }, ({ auth }) => ({ sub: auth.claims.sub }));
    router.get('/nonced', { auth: nonced }, ({ auth }) => ({ sub: auth.claims.sub }));
    router.get('/either', { auth: either }, ({ auth }) => ({ sub: auth.claims.sub }));
    router.get('/proxied', { auth: proxied }, ({ auth }) => ({ sub: auth.claims.sub }));
    router.get('/proxied-net', { auth: proxiedNet }, ({ auth }) => ({ sub: auth.claims.sub }));
    started = await harness.start({ routers: [router], app: { onError: (e) => errors.push(e) } });
  });
  afterAll(async () => {
    await started?.close();
    await idp?.close();
    await viaOtherAddress.close();
    expect(errors).toEqual([]); // no 500 anywhere
  });

  const call = async (path: string, headers: Record<string, string | string[]> = {}, init: { method?: string; dispatcher?: Agent } = {}) => {
    const res = await request(`${started.url}${path}`, { method: (init.method ?? 'GET') as 'GET', headers, ...(init.dispatcher ? { dispatcher: init.dispatcher } : {}) });
    return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as unknown };
  };
  const boundToken = () => idp.sign({ sub: 'alice', cnf: { jkt: key.jkt }, jti: crypto.randomUUID() });
  const proof = (token: string, path: string, extra: { htm?: string; nonce?: string; origin?: string } = {}) =>
    proofFor(key, { htm: extra.htm ?? 'GET', htu: `${extra.origin ?? ORIGIN}${path}`, token, ...(extra.nonce !== undefined ? { nonce: extra.nonce } : {}) });

  test('a fresh proof: 200; the same proof again: 401 (replay); a proof for another URL or method: 401', async () => {
    const token = await boundToken();
    const first = await proof(token, '/me');
    const ok = await call('/me', { authorization: `DPoP ${token}`, dpop: first });
    expect([ok.status, ok.body]).toEqual([200, { sub: 'alice' }]);
    const replay = await call('/me', { authorization: `DPoP ${token}`, dpop: first });
    expect([replay.status, replay.headers['www-authenticate'], replay.body]).toEqual([401, badProof('The DPoP proof was already used (jti)'), { detail: 'Invalid DPoP proof' }]);
    const elsewhere = await call('/me', { authorization: `DPoP ${token}`, dpop: await proof(token, '/either') });
    expect([elsewhere.status, elsewhere.headers['www-authenticate']]).toEqual([401, badProof('The DPoP proof is for another URL (htu)')]);
    const otherMethod = await call('/me', { authorization: `DPoP ${token}`, dpop: await proof(token, '/me') }, { method: 'POST' });
    expect([otherMethod.status, otherMethod.headers['www-authenticate']]).toEqual([401, badProof('The DPoP proof is for another method (htm)')]);
    const post = await call('/me', { authorization: `DPoP ${token}`, dpop: await proof(token, '/me', { htm: 'POST' }) }, { method: 'POST' });
    expect(post.status).toBe(200);
  });

  test('every check of RFC 9449 §4.3: a proof wrong in one way is 401 invalid_dpop_proof naming it (invalid_token for the key binding)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const other = await clientKey();
    const { privateKey: strayKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(strayKey);
    const cases: [string, (token: string) => Promise<string>, string][] = [
      ['not a JWT', async () => 'not-a-jwt', badProof('The DPoP proof is not a JWT')],
      ['typ JWT', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, header: { typ: 'JWT' } }), badProof('The DPoP proof does not have typ \\"dpop+jwt\\"')],
      ['an algorithm left out (ES384)', async (t) => proofFor(await clientKey('ES384'), { htm: 'GET', htu: `${ORIGIN}/me`, token: t }), badProof('The DPoP proof is signed with an algorithm that is not allowed')],
      ['no jwk', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, header: { jwk: undefined } }), badProof('The DPoP proof has no public key (jwk)')],
      ['a private jwk', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, header: { jwk: privateJwk } }), badProof('The DPoP proof key (jwk) holds private key material')],
      ['signed by another key', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, signWith: other.privateKey }), badProof('The DPoP proof signature is invalid')],
      ['no jti', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, claims: { jti: undefined } }), badProof('The DPoP proof has no \\"jti\\" claim')],
      ['too old', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, claims: { iat: now - 600 } }), badProof('The DPoP proof is too old (iat)')],
      ['from the future', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, claims: { iat: now + 600 } }), badProof('The DPoP proof is issued in the future (iat)')],
      ['no ath', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: t, claims: { ath: undefined } }), badProof('The DPoP proof has no \\"ath\\" claim')],
      ['ath of another token', (t) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: `${t}x` }), badProof('The DPoP proof is for another access token (ath)')],
    ];
    for (const [name, make, expected] of cases) {
      const token = await boundToken();
      const res = await call('/me', { authorization: `DPoP ${token}`, dpop: await make(token) });
      expect([res.status, res.headers['www-authenticate']], name).toEqual([401, expected]);
    }
    const foreign = await idp.sign({ sub: 'alice', cnf: { jkt: other.jkt } });
    const unbound = await call('/me', { authorization: `DPoP ${foreign}`, dpop: await proof(foreign, '/me') });
    expect([unbound.status, unbound.headers['www-authenticate']]).toEqual([401, badToken('The token is bound to another key than the DPoP proof')]);
  });

  test('the query string is not part of htu; a Host header naming another host changes nothing', async () => {
    const token = await boundToken();
    expect((await call('/me?page=2', { authorization: `DPoP ${token}`, dpop: await proof(token, '/me') })).status).toBe(200);
    const spoofed = await call('/me', { authorization: `DPoP ${token}`, dpop: await proof(token, '/me', { origin: 'https://evil.example' }), host: 'evil.example' });
    expect([spoofed.status, spoofed.headers['www-authenticate']]).toEqual([401, badProof('The DPoP proof is for another URL (htu)')]);
  });

  test('two DPoP headers: 401 invalid_dpop_proof', async () => {
    const token = await boundToken();
    const res = await call('/me', { authorization: `DPoP ${token}`, dpop: [await proof(token, '/me'), await proof(token, '/me')] });
    expect([res.status, res.headers['www-authenticate']]).toEqual([401, badProof('The request has more than one DPoP header')]);
  });

  test('server nonces: 401 use_dpop_nonce with DPoP-Nonce, the retry with it is 200 and carries the nonce', async () => {
    const token = await boundToken();
    const first = await call('/nonced', { authorization: `DPoP ${token}`, dpop: await proof(token, '/nonced') });
    expect(first.status).toBe(401);
    expect(first.headers['www-authenticate']).toBe('DPoP error="use_dpop_nonce", error_description="The DPoP proof must carry the nonce of the DPoP-Nonce header", algs="ES256"');
    const nonce = first.headers['dpop-nonce'] as string;
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const retry = await call('/nonced', { authorization: `DPoP ${token}`, dpop: await proof(token, '/nonced', { nonce }) });
    expect([retry.status, retry.body, retry.headers['dpop-nonce']]).toEqual([200, { sub: 'alice' }, nonce]);
  });

  test('downgrade: a bound token as Bearer is refused — DPoP only: 401 with the DPoP challenge; DPoP or Bearer: 401 invalid_token, an unbound token as Bearer 200', async () => {
    const token = await boundToken();
    const strict = await call('/me', { authorization: `Bearer ${token}` });
    expect([strict.status, strict.headers['www-authenticate'], strict.body]).toEqual([401, 'DPoP algs="ES256"', { detail: 'Not authenticated' }]);
    const either = await call('/either', { authorization: `Bearer ${token}` });
    expect([either.status, either.headers['www-authenticate']]).toEqual([401, badToken('The token is bound to a DPoP key: send it as Authorization: DPoP with a DPoP proof')]);
    const plain = await call('/either', { authorization: `Bearer ${await idp.sign({ sub: 'bob' })}` });
    expect([plain.status, plain.body]).toEqual([200, { sub: 'bob' }]);
    const missing = await call('/either');
    expect(missing.headers['www-authenticate']).toBe('DPoP algs="ES256", Bearer');
  });

  /** A proof for the forwarded public origin sent to `path` from 127.0.0.1 (a trusted proxy) is accepted; from 127.0.0.2 the request URI cannot be known. */
  async function forwardedOnlyFromTheProxy(path: string) {
    const token = await boundToken();
    const origin = 'https://public.example.org';
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example.org' };
    const res = await call(path, { authorization: `DPoP ${token}`, dpop: await proof(token, path, { origin }), ...forwarded });
    expect([res.status, res.body]).toEqual([200, { sub: 'alice' }]);
    const stranger = await call(path, { authorization: `DPoP ${token}`, dpop: await proof(token, path, { origin }), ...forwarded }, { dispatcher: viaOtherAddress });
    expect([stranger.status, stranger.headers['www-authenticate']]).toEqual([401, badProof('The request URI cannot be known (no trusted public origin)')]);
  }

  test('trustForwarded: the forwarded origin of the listed proxy (127.0.0.1) is used; from another address the proof cannot be checked', async () => {
    await forwardedOnlyFromTheProxy('/proxied');
  });

  test('trustForwarded with a CIDR network (127.0.0.0/31): a peer inside it (127.0.0.1) is a trusted proxy, one outside (127.0.0.2) is not', async () => {
    await forwardedOnlyFromTheProxy('/proxied-net');
  });

  test('the document: http schemes DPoP on the routes (one also taking unbound Bearer tokens)', async () => {
    const document = started.d.openapi() as any;
    expect(document.components.securitySchemes.DPoP).toMatchObject({ type: 'http', scheme: 'DPoP' });
    expect(document.components.securitySchemes.DPoPOrBearer).toMatchObject({ type: 'http', scheme: 'DPoP', description: expect.stringContaining('or Bearer') });
    expect(document.paths['/me'].get.security).toEqual([{ DPoP: [] }]);
    expect(document.paths['/either'].get.security).toEqual([{ DPoPOrBearer: [] }]);
    expect(Object.keys(document.paths['/nonced'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '503']));
  });
});

/** A guard with a DPoP scheme (nonces on) in front of an existing `GET /api/items`, answering the token's subject. */
type GuardedApp = { readonly name: string; start(token: SecurityScheme<AccessToken>): Promise<{ url: string; close(): Promise<void> }> };

const guardedApps: readonly GuardedApp[] = pickAdapters<GuardedApp>([
  {
    name: 'express',
    async start(token) {
      const app = express();
      const d = expressDepends();
      const auth = d.guard({ token });
      const api = express.Router();
      api.get('/items', (req, res) => res.json({ sub: auth.values(req).token.claims.sub }));
      app.use('/api', auth, api); // mounted: the proof names the full path all the same
      const server = createServer(app).listen(0, '127.0.0.1');
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'koa',
    async start(token) {
      const [{ default: Koa }, { Router: KoaRouter }, { createDepends }] = await Promise.all([import('koa'), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
      const app = new Koa();
      const router = new KoaRouter({ prefix: '/api' });
      const d = createDepends();
      const auth = d.guard({ token });
      app.use(auth);
      router.get('/items', (ctx) => void (ctx.body = { sub: auth.values(ctx).token.claims.sub }));
      app.use(router.routes());
      const server = createServer(app.callback()).listen(0, '127.0.0.1');
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'hono',
    async start(token) {
      const app = new Hono();
      const d = honoDepends();
      const auth = d.guard({ token });
      app.use(auth);
      app.get('/api/items', (c) => c.json({ sub: auth.values(c).token.claims.sub }));
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as ReturnType<typeof createServer>;
      return { url: await listen(server), close: closer(server) };
    },
  },
  {
    name: 'fastify',
    async start(token) {
      const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
      const app = Fastify();
      const d = createDepends();
      const auth = d.guard({ token });
      app.addHook('preHandler', auth);
      app.get('/api/items', async (request) => ({ sub: auth.values(request).token.claims.sub }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { url: await listen(app.server), close: () => app.close() };
    },
  },
]);

describe.each(guardedApps)('$name: a guard with a DPoP scheme in front of an existing route', (guarded) => {
  let idp: TestIssuer;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    idp = await startIssuer();
    const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'], nonce: true }) });
    server = await guarded.start(token);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.close();
  });

  const call = async (headers: Record<string, string>) => {
    const res = await request(`${server.url}/api/items?page=1`, { headers });
    return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as unknown };
  };

  test('the nonce flow, then a fresh proof for the full path 200; the same proof again 401; the token as Bearer 401', async () => {
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const htu = `${ORIGIN}/api/items`;
    const first = await call({ authorization: `DPoP ${token}`, dpop: await proofFor(key, { htm: 'GET', htu, token }) });
    expect([first.status, first.headers['www-authenticate']]).toEqual([401, expect.stringContaining('DPoP error="use_dpop_nonce"')]);
    const nonce = first.headers['dpop-nonce'] as string;
    const proof = await proofFor(key, { htm: 'GET', htu, token, nonce });
    const ok = await call({ authorization: `DPoP ${token}`, dpop: proof });
    // the framework's own handler answered; the guard set the current nonce on its response
    expect([ok.status, ok.body, ok.headers['dpop-nonce']]).toEqual([200, { sub: 'alice' }, nonce]);
    const replay = await call({ authorization: `DPoP ${token}`, dpop: proof });
    expect([replay.status, replay.headers['www-authenticate'], replay.headers['dpop-nonce']]).toEqual([401, badProof('The DPoP proof was already used (jti)'), nonce]);
    const bearer = await call({ authorization: `Bearer ${token}` });
    expect([bearer.status, bearer.headers['www-authenticate']]).toEqual([401, 'DPoP algs="ES256"']);
    const relative = await call({ authorization: `DPoP ${token}`, dpop: await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/items`, token, nonce }) });
    expect([relative.status, relative.headers['www-authenticate']]).toEqual([401, badProof('The DPoP proof is for another URL (htu)')]);
  });
});
