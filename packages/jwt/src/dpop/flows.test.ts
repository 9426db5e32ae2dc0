/**
 * The DPoP flows beside the §4.3 checks: server nonces (RFC 9449 §9:
 * `use_dpop_nonce`, retry, rotation), downgrade (§7.2: a bound token sent
 * as Bearer), the DPoP-only and DPoP-or-Bearer modes and their challenges,
 * composition (tokenIntrospection, `anyOf`), the document, the replay
 * store's health, and the startup errors.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, StoreStatus, anyOf, apiKeyHeader } from '@depends/core';
import { createRequestView } from '@depends/core/adapter';
import { jwtBearer } from '../jwt-bearer.js';
import { tokenIntrospection } from '../introspection.js';
import { protectedResource } from '../protected-resource.js';
import { AUDIENCE, startIssuer } from '../test/issuer.js';
import { dpop, type DpopOptions } from './dpop.js';
import { memoryReplayStore, type ReplayStore } from './replay-store.js';
import { badProof, badToken, clientKey, proofFor } from './test/proofs.js';

const idp = await startIssuer();
afterAll(() => idp.close());
const ORIGIN = 'https://api.example.com';
const now = () => Math.floor(Date.now() / 1000);
const key = await clientKey();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function appWith(options: Partial<DpopOptions> = {}) {
  const binding = dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'], ...options });
  const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: binding });
  const app = new DependsApp({ title: 'DPoP' });
  app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('GET', '/health', {}, () => ({ replay: binding.health().store }), { public: true });
  return { app, binding, token };
}

const get = (app: DependsApp, headers: Record<string, string> = {}) => app.request({ method: 'GET', url: '/me', headers });
const withProof = async (app: DependsApp, token: string, nonce?: string) =>
  get(app, { authorization: `DPoP ${token}`, dpop: await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token, ...(nonce !== undefined ? { nonce } : {}) }) });

describe('server nonces (RFC 9449 §9)', () => {
  test('a proof without the nonce: 401 use_dpop_nonce with DPoP-Nonce; the retry with it is accepted and the answer carries the current nonce', async () => {
    const { app } = appWith({ nonce: { rotateEvery: 300 } });
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const first = await withProof(app, token);
    expect(first.status).toBe(401);
    expect(first.header('www-authenticate')).toBe('DPoP error="use_dpop_nonce", error_description="The DPoP proof must carry the nonce of the DPoP-Nonce header", algs="ES256"');
    const nonce = first.header('dpop-nonce');
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const retry = await withProof(app, token, nonce);
    expect([retry.status, retry.json(), retry.header('dpop-nonce')]).toEqual([200, { sub: 'alice' }, nonce]);
    // a nonce the server never issued
    const forged = await withProof(app, token, 'A'.repeat(43));
    expect([forged.status, forged.header('dpop-nonce')]).toEqual([401, nonce]);
    expect(forged.header('www-authenticate')).toContain('error="use_dpop_nonce"');
    // a refused proof's answer carries the nonce too
    const other = await get(app, { authorization: `DPoP ${token}`, dpop: 'not-a-jwt' });
    expect([other.status, other.header('dpop-nonce')]).toEqual([401, nonce]);
  });

  test('nonces rotate: the previous one is still accepted, one two rotations old is not', async () => {
    const { app } = appWith({ nonce: { rotateEvery: 1 } });
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const nonce = (await withProof(app, token)).header('dpop-nonce')!;
    await sleep(2100); // at least two windows later
    const stale = await withProof(app, token, nonce);
    expect(stale.status).toBe(401);
    expect(stale.header('www-authenticate')).toContain('error="use_dpop_nonce"');
    const fresh = stale.header('dpop-nonce')!;
    expect(fresh).not.toBe(nonce);
    expect((await withProof(app, token, fresh)).status).toBe(200);
  });

  test('instances given the same secret accept each other\'s nonces', async () => {
    const secret = 'a shared nonce secret of 32+ characters';
    const one = appWith({ nonce: { secret } });
    const two = appWith({ nonce: { secret } });
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const nonce = (await withProof(one.app, token)).header('dpop-nonce')!;
    expect((await withProof(two.app, token, nonce)).status).toBe(200);
  });
});

describe('downgrade (RFC 9449 §7.2) and the two modes', () => {
  test('DPoP only: no credential or a Bearer token (bound or not) is 401 with the DPoP challenge only', async () => {
    const { app } = appWith();
    const boundToken = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const plain = await idp.sign({ sub: 'alice' });
    for (const headers of [{}, { authorization: `Bearer ${boundToken}` }, { authorization: `Bearer ${plain}` }] as Record<string, string>[]) {
      const res = await get(app, headers);
      expect([res.status, res.header('www-authenticate'), res.json()]).toEqual([401, 'DPoP algs="ES256"', { detail: 'Not authenticated' }]);
    }
    // a bound token with its proof, but sent as Bearer: still refused
    const res = await get(app, { authorization: `Bearer ${boundToken}`, dpop: await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: boundToken }) });
    expect(res.status).toBe(401);
  });

  test('DPoP or Bearer (allowBearer): an unbound token as Bearer is accepted; a bound one as Bearer is refused invalid_token; the challenge lists both', async () => {
    const { app } = appWith({ allowBearer: true });
    const missing = await get(app);
    expect([missing.status, missing.header('www-authenticate')]).toEqual([401, 'DPoP algs="ES256", Bearer']);
    const plain = await get(app, { authorization: `Bearer ${await idp.sign({ sub: 'bob' })}` });
    expect([plain.status, plain.json()]).toEqual([200, { sub: 'bob' }]);
    const boundToken = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const downgraded = await get(app, { authorization: `Bearer ${boundToken}` });
    expect([downgraded.status, downgraded.header('www-authenticate')]).toEqual([
      401,
      badToken('The token is bound to a DPoP key: send it as Authorization: DPoP with a DPoP proof'),
    ]);
    expect((await withProof(app, boundToken)).status).toBe(200);
    // an expired plain token keeps jwtBearer's Bearer answer
    const expired = await get(app, { authorization: `Bearer ${await idp.sign({ sub: 'bob', exp: now() - 60 })}` });
    expect(expired.header('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The token has expired"');
  });
});

describe('reading the credential', () => {
  test('Authorization is looked up once per request, DPoP or Bearer; sent twice, it is the 400 invalid_request with the Bearer challenge', async () => {
    const binding = dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'], allowBearer: true });
    const app = new DependsApp({ onError: () => {} });
    const route = app.route('GET', '/me', { auth: jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: binding }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    const boundToken = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const sent: Record<string, string>[] = [
      { authorization: `DPoP ${boundToken}`, dpop: await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token: boundToken }) },
      { authorization: `Bearer ${await idp.sign({ sub: 'bob' })}` },
    ];
    for (const headers of sent) {
      const view = createRequestView({ method: 'GET', url: '/me', headers: { host: 'api.example.com', ...headers } });
      const lookups: string[] = [];
      const counted = Object.create(view, {
        header: { value: (name: string) => (lookups.push(name), view.header(name)) },
        headerAll: { value: (name: string) => (lookups.push(name), view.headerAll(name)) },
      }) as typeof view;
      const outcome = await app.handle(route, counted);
      expect(outcome.answer.status).toBe(200);
      expect(lookups.filter((name) => name.toLowerCase() === 'authorization')).toEqual(['authorization']);
    }
    const twice = await app.request({ method: 'GET', url: '/me', headers: [['authorization', `DPoP ${boundToken}`], ['authorization', 'Bearer x']] });
    expect([twice.status, twice.header('www-authenticate')]).toEqual([
      400,
      'Bearer error="invalid_request", error_description="The authorization header was sent more than once"',
    ]);
  });
});

describe('a scheme without dpop', () => {
  test('refuses a DPoP-bound token sent as Bearer (RFC 9449 §7.2: it would work without its key), and takes unbound ones', async () => {
    const plainScheme = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE });
    const app = new DependsApp();
    app.route('GET', '/me', { auth: plainScheme }, ({ auth }) => ({ sub: auth.claims.sub }));
    const boundToken = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const res = await get(app, { authorization: `Bearer ${boundToken}` });
    expect([res.status, res.header('www-authenticate')]).toEqual([
      401,
      'Bearer error="invalid_token", error_description="The token is bound to a DPoP key: send it as Authorization: DPoP with a DPoP proof"',
    ]);
    expect((await get(app, { authorization: `Bearer ${await idp.sign({ sub: 'bob' })}` })).json()).toEqual({ sub: 'bob' });
  });
});

describe('composition', () => {
  test('tokenIntrospection({ dpop }): cnf.jkt from the introspection response', async () => {
    const boundToken = 'opaque-bound-token';
    idp.opaque.set(boundToken, { sub: 'olivia', aud: AUDIENCE, iss: idp.issuer, exp: now() + 300, cnf: { jkt: key.jkt } });
    idp.opaque.set('opaque-other-key', { sub: 'oscar', aud: AUDIENCE, iss: idp.issuer, exp: now() + 300, cnf: { jkt: (await clientKey()).jkt } });
    const scheme = tokenIntrospection({
      issuer: idp.issuer,
      clientId: 'api',
      clientSecret: 'api-secret',
      audience: AUDIENCE,
      dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'] }),
    });
    const app = new DependsApp();
    app.route('GET', '/me', { auth: scheme }, ({ auth }) => ({ sub: auth.claims.sub }));
    const res = await withProof(app, boundToken);
    expect([res.status, res.json()]).toEqual([200, { sub: 'olivia' }]);
    const wrong = await withProof(app, 'opaque-other-key');
    expect([wrong.status, wrong.header('www-authenticate')]).toEqual([401, badToken('The token is bound to another key than the DPoP proof')]);
    const inactive = await withProof(app, 'unknown-token');
    expect([inactive.status, inactive.header('www-authenticate')]).toEqual([401, badToken('The token is not active')]);
  });

  test('anyOf(jwtBearer({ dpop }), apiKeyHeader()): a DPoP request goes to the DPoP scheme, a key to the key; a 401 lists both challenges', async () => {
    const { token } = appWith();
    const app = new DependsApp();
    app.route('GET', '/me', { who: anyOf(token, apiKeyHeader({ name: 'X-API-Key' })) }, ({ who }) => (typeof who === 'string' ? { key: who } : { sub: who.claims.sub }));
    const boundToken = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    expect((await withProof(app, boundToken)).json()).toEqual({ sub: 'alice' });
    expect((await get(app, { 'x-api-key': 'k1' })).json()).toEqual({ key: 'k1' });
    const none = await get(app);
    expect(none.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)).toEqual(['DPoP algs="ES256"', 'APIKey']);
    // a bad proof is the answer: no fall-back to the key
    const bad = await get(app, { authorization: `DPoP ${boundToken}`, dpop: 'nope', 'x-api-key': 'k1' });
    expect([bad.status, bad.header('www-authenticate')]).toEqual([401, badProof('The DPoP proof is not a JWT')]);
  });
});

describe('several issuers', () => {
  test('jwtBearer({ issuers, dpop }): each issuer\'s bound tokens are checked with its keys; a token of an unlisted issuer is refused', async () => {
    const other = await startIssuer();
    try {
      const token = jwtBearer({
        issuers: [
          { issuer: idp.issuer, audience: AUDIENCE },
          { issuer: other.issuer, audience: AUDIENCE },
        ],
        dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'] }),
      });
      const app = new DependsApp();
      app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub, issuer: auth.issuer }));
      for (const issuer of [idp, other]) {
        const res = await withProof(app, await issuer.sign({ sub: 'alice', cnf: { jkt: key.jkt } }));
        expect([res.status, res.json()]).toEqual([200, { sub: 'alice', issuer: issuer.issuer }]);
      }
      const foreign = await withProof(app, await idp.sign({ sub: 'alice', iss: 'https://evil.example', cnf: { jkt: key.jkt } }));
      expect([foreign.status, foreign.header('www-authenticate')]).toEqual([401, badToken('The token is from another issuer')]);
    } finally {
      await other.close();
    }
  });
});

describe('the document', () => {
  test('an http scheme with scheme DPoP, described; 401/403/503 on the route', async () => {
    const { app } = appWith({ allowBearer: true });
    const doc = app.openapi() as any;
    expect(doc.components.securitySchemes.DPoP).toEqual({
      type: 'http',
      scheme: 'DPoP',
      description: expect.stringContaining('RFC 9449'),
    });
    expect(doc.components.securitySchemes.DPoP.description).toContain('Bearer for a token not bound to a key');
    expect(doc.paths['/me'].get.security).toEqual([{ DPoP: [] }]);
    expect(Object.keys(doc.paths['/me'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '503']));
  });
});

describe('protected resource metadata (RFC 9728)', () => {
  test('a DPoP scheme given the resource: its algorithms in dpop_signing_alg_values_supported, DPoP required when every scheme of the resource is DPoP-only; its challenges name the metadata', async () => {
    const only = protectedResource({ resource: ORIGIN });
    const token = jwtBearer({ issuer: idp.issuer, audience: ORIGIN, resource: only, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256', 'EdDSA'] }) });
    const app = new DependsApp();
    app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub }));
    expect(only.metadata(app.openapi())).toMatchObject({ dpop_signing_alg_values_supported: ['ES256', 'EdDSA'], dpop_bound_access_tokens_required: true });
    const res = await get(app);
    expect(res.header('www-authenticate')).toBe(`DPoP algs="ES256 EdDSA", resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource"`);

    const mixed = protectedResource({ resource: ORIGIN });
    const either = jwtBearer({ issuer: idp.issuer, audience: ORIGIN, resource: mixed, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'], allowBearer: true }) });
    const other = new DependsApp();
    other.route('GET', '/me', { auth: either }, ({ auth }) => ({ sub: auth.claims.sub }));
    const metadata = mixed.metadata(other.openapi());
    expect(metadata.dpop_signing_alg_values_supported).toEqual(['ES256']);
    expect(metadata.dpop_bound_access_tokens_required).toBeUndefined();
  });
});

describe('the replay store', () => {
  test('health() gives the store\'s state; an outage of a store with onStoreDown "refuse" is a 503 with Retry-After, with "allow" the proof is accepted', async () => {
    const status = new StoreStatus();
    let down = false;
    const events: string[] = [];
    const flaky: ReplayStore = {
      claim: async () => {
        if (down) throw new Error('connect ECONNREFUSED redis://user:secret@10.0.0.5:6379');
        return true;
      },
      status,
      shared: true,
    };
    const refusing = appWith({ store: flaky, onStoreEvent: (e) => events.push(`${e.store}:${e.action}:${e.reason ?? ''}`) });
    const allowing = appWith({ store: flaky, onStoreDown: 'allow', onStoreEvent: () => {} });
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    expect((await withProof(refusing.app, token)).status).toBe(200);
    down = true;
    const refused = await withProof(refusing.app, token);
    expect([refused.status, refused.header('retry-after'), refused.json()]).toEqual([503, '5', { detail: 'The DPoP replay store cannot be reached, try again later' }]);
    expect(refusing.binding.health().store).toBe('down');
    expect((await refusing.app.request({ method: 'GET', url: '/health' })).json()).toEqual({ replay: 'down' });
    expect((await withProof(allowing.app, token)).status).toBe(200);
    down = false;
    expect((await withProof(refusing.app, token)).status).toBe(200);
    expect(refusing.binding.health().store).toBe('up');
    expect(events).toEqual(['down:refuse:Error: connect ECONNREFUSED redis://***@10.0.0.5:6379', 'up:refuse:']);
  });

  test('a store that answers synchronously (true, false, or a throw) is used the same way: replay refused, an outage a 503 or allowed', async () => {
    const seen = new Set<string>();
    let down = false;
    const keys: string[] = [];
    const sync: ReplayStore = {
      claim: (k) => {
        if (down) throw new Error('store gone');
        keys.push(k);
        return seen.has(k) ? false : (seen.add(k), true);
      },
      status: new StoreStatus(),
      shared: true,
    };
    const refusing = appWith({ store: sync, onStoreEvent: () => {} });
    const allowing = appWith({ store: sync, onStoreDown: 'allow', onStoreEvent: () => {} });
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const proof = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const send = (app: DependsApp, dpopProof: string) => app.request({ method: 'GET', url: '/me', headers: { authorization: `DPoP ${token}`, dpop: dpopProof } });
    expect((await send(refusing.app, proof)).status).toBe(200);
    expect((await send(refusing.app, proof)).status).toBe(401);
    // a long jti is hashed into the key; the same long jti twice is still a replay
    const long = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token, claims: { jti: 'j'.repeat(500) } });
    expect((await send(refusing.app, long)).status).toBe(200);
    expect((await send(refusing.app, long)).status).toBe(401);
    expect(keys.every((k) => k.length <= 43 + 1 + 64)).toBe(true);
    down = true;
    const fresh = () => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const refused = await send(refusing.app, await fresh());
    expect([refused.status, refused.header('retry-after')]).toEqual([503, '5']);
    expect(refusing.binding.health().store).toBe('down');
    expect((await send(allowing.app, await fresh())).status).toBe(200);
    down = false;
    expect((await send(refusing.app, await fresh())).status).toBe(200);
    expect(refusing.binding.health().store).toBe('up');
  });

  test('a store that does not answer within its timeout is down', async () => {
    const hung: ReplayStore = { claim: () => new Promise<boolean>(() => {}), status: new StoreStatus(), shared: true, timeout: 50 };
    const { app } = appWith({ store: hung, onStoreEvent: () => {} });
    const res = await withProof(app, await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } }));
    expect([res.status, res.header('retry-after')]).toEqual([503, '5']);
  });
});

describe('startup errors', () => {
  const store = memoryReplayStore();
  test.each([
    ['no store', { publicOrigin: ORIGIN }, /store is required/],
    ['no public origin', { store }, /publicOrigin is required .*never against the Host header/],
    ['both origin and proxies', { store, publicOrigin: ORIGIN, trustForwarded: { proxies: ['10.0.0.5'] } }, /not both/],
    ['an origin with a path', { store, publicOrigin: 'https://api.example.com/v1' }, /origin only/],
    ['a relative origin', { store, publicOrigin: 'api.example.com' }, /absolute URL/],
    ['no proxies', { store, trustForwarded: { proxies: [] } }, /proxies/],
    ['alg none', { store, publicOrigin: ORIGIN, algorithms: ['none'] }, /"none" is not accepted/],
    ['HS256', { store, publicOrigin: ORIGIN, algorithms: ['HS256'] }, /"HS256" is not accepted/],
    ['a short nonce secret', { store, publicOrigin: ORIGIN, nonce: { secret: 'short' } }, /at least 32 characters/],
    ['a bad onStoreDown', { store, publicOrigin: ORIGIN, onStoreDown: 'ignore' }, /onStoreDown/],
  ])('%s', (_name, options, message) => {
    let error: unknown;
    try {
      dpop(options as DpopOptions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('DEPENDS_INVALID_SCHEME_OPTION');
    expect((error as Error).message).toMatch(message);
  });
});
