import { afterAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { anyOf, apiKeyHeader, ConfigurationError, DependsApp, Router, security } from '@depends/core';
import { validateOpenApi } from '../../core/src/openapi/test/validate.js';
import { jwtBearer } from './jwt-bearer.js';
import { protectedResource } from './protected-resource.js';
import { AUDIENCE, startIssuer, type TestIssuer } from './test/issuer.js';

// Two issuers the API trusts, each with its own audience, algorithms and claims; a third it does not.
const staff: TestIssuer = await startIssuer();
const partner: TestIssuer = await startIssuer();
const stranger: TestIssuer = await startIssuer();
afterAll(() => Promise.all([staff.close(), partner.close(), stranger.close()]));

const PARTNER_AUDIENCE = 'api://tests-partners';

function appWith() {
  const token = jwtBearer({
    issuers: [
      { issuer: staff.issuer, audience: AUDIENCE, claims: z.object({ team: z.string() }), cooldownDuration: 0 },
      { issuer: partner.issuer, audience: PARTNER_AUDIENCE, algorithms: ['RS256', 'PS256'], cooldownDuration: 0 },
    ],
  });
  const router = new Router();
  router.get('/me', { auth: token }, ({ auth }) =>
    auth.issuer === staff.issuer ? { issuer: auth.issuer, sub: auth.claims.sub, team: auth.claims.team } : { issuer: auth.issuer, sub: auth.claims.sub },
  );
  router.get('/read', { auth: security(token, { scopes: ['read'] }) }, ({ auth }) => ({ issuer: auth.issuer, scopes: auth.scopes }));
  const app = new DependsApp({ title: 'Several issuers' });
  app.include(router);
  const get = (url: string, token?: string) => app.request({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { app, get };
}

const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;
/** Every request any of the three issuers has served (discovery and JWKS). */
const fetches = () => [staff, partner, stranger].map((i) => Object.values(i.hits).reduce((a, b) => a + b, 0));

describe('jwtBearer({ issuers }): the issuer chosen from an allow-list', () => {
  const { app, get } = appWith();

  test('tokens of both issuers are accepted; the value names the issuer that verified it, with its own claims', async () => {
    const a = await get('/me', await staff.sign({ sub: 'alice', team: 'ops' }));
    expect([a.status, a.json()]).toEqual([200, { issuer: staff.issuer, sub: 'alice', team: 'ops' }]);
    const b = await get('/me', await partner.sign({ sub: 'bob', aud: PARTNER_AUDIENCE }));
    expect([b.status, b.json()]).toEqual([200, { issuer: partner.issuer, sub: 'bob' }]);
    // each issuer's keys come from its own discovery and JWKS
    expect(staff.hits['/jwks']).toBe(1);
    expect(partner.hits['/jwks']).toBe(1);
  });

  test("each issuer's own checks: audience, claims schema, algorithms, keys", async () => {
    // a staff token for the partners' audience, and a partner token for the staff's
    let res = await get('/me', await staff.sign({ sub: 'alice', team: 'ops', aud: PARTNER_AUDIENCE }));
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused('The token is for another audience')]);
    res = await get('/me', await partner.sign({ sub: 'bob' }));
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused('The token is for another audience')]);
    // the staff claims schema (team) is the staff's only
    res = await get('/me', await staff.sign({ sub: 'alice' }));
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused('The token has invalid claims')]);
    // a token naming the partner but signed with the staff's key: the partner's keys decide
    res = await get('/me', await partner.sign({ sub: 'mallory', aud: PARTNER_AUDIENCE }, { key: staff.current() }));
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused('The token is signed with an unknown key')]);
  });

  test('scopes are enforced whichever issuer verified the token', async () => {
    const ok = await get('/read', await partner.sign({ aud: PARTNER_AUDIENCE, scope: 'read' }));
    expect([ok.status, ok.json()]).toEqual([200, { issuer: partner.issuer, scopes: ['read'] }]);
    const lacking = await get('/read', await staff.sign({ team: 'ops', scope: 'write' }));
    expect([lacking.status, lacking.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="read"']);
  });

  test('a token from an issuer not in the list: 401 invalid_token, and no provider is asked (nor a URL of the token fetched)', async () => {
    const before = fetches();
    const fresh = appWith(); // nothing fetched yet by this app either
    for (const token of [
      await stranger.sign({ sub: 'eve' }),
      await stranger.sign({ sub: 'eve', iss: `${staff.issuer}/` }), // close to a listed issuer, not equal
      await stranger.sign({ sub: 'eve', iss: staff.issuer.toUpperCase() }),
    ]) {
      for (const { get: ask } of [fresh, { get }]) {
        const res = await ask('/me', token);
        expect([res.status, res.json(), res.header('www-authenticate')]).toEqual([401, { detail: 'Could not validate credentials' }, refused('The token is from another issuer')]);
      }
    }
    const noIss = await get('/me', await stranger.sign({ iss: undefined }));
    expect([noIss.status, noIss.header('www-authenticate')]).toEqual([401, refused('The token is malformed')]);
    const garbage = await get('/me', 'not-a-jwt');
    expect([garbage.status, garbage.header('www-authenticate')]).toEqual([401, refused('The token is malformed')]);
    expect(fetches()).toEqual(before);
    expect(Object.keys(stranger.hits)).toEqual([]);
  });

  test('one issuer rotates its keys during the run: its new tokens are accepted after the refresh, the other issuer is unaffected', async () => {
    const staffJwks = staff.hits['/jwks'];
    const oldPartnerToken = await partner.sign({ sub: 'bob', aud: PARTNER_AUDIENCE });
    expect((await get('/me', oldPartnerToken)).status).toBe(200);
    const partnerJwks = partner.hits['/jwks'];
    await partner.rotate({ keep: false });
    const res = await get('/me', await partner.sign({ sub: 'bob', aud: PARTNER_AUDIENCE }));
    expect([res.status, res.json()]).toEqual([200, { issuer: partner.issuer, sub: 'bob' }]);
    expect(partner.hits['/jwks']).toBe(partnerJwks + 1); // one refresh, of the partner's key set only
    // the old key is gone from the partner's set; the staff's tokens and cache are untouched
    const old = await get('/me', oldPartnerToken);
    expect([old.status, old.header('www-authenticate')]).toEqual([401, refused('The token is signed with an unknown key')]);
    expect((await get('/me', await staff.sign({ sub: 'alice', team: 'ops' }))).json()).toEqual({ issuer: staff.issuer, sub: 'alice', team: 'ops' });
    expect(staff.hits['/jwks']).toBe(staffJwks);
  });

  test('the document: one openIdConnect scheme per issuer at its discovery, the operations listing them as alternatives; it validates', async () => {
    const doc = app.openapi();
    const name = (issuer: string) => `OpenIdConnect-127.0.0.1-${new URL(issuer).port}`;
    expect(doc.components?.securitySchemes).toEqual({
      [name(staff.issuer)]: { type: 'openIdConnect', openIdConnectUrl: staff.discoveryUrl, description: `A JWT access token from ${staff.issuer}.` },
      [name(partner.issuer)]: { type: 'openIdConnect', openIdConnectUrl: partner.discoveryUrl, description: `A JWT access token from ${partner.issuer}.` },
    });
    expect(doc.paths['/read'].get!.security).toEqual([{ [name(staff.issuer)]: ['read'] }, { [name(partner.issuer)]: ['read'] }]);
    expect(doc.paths['/me'].get!.security).toEqual([{ [name(staff.issuer)]: [] }, { [name(partner.issuer)]: [] }]);
    expect(Object.keys(doc.paths['/read'].get!.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403', '503']));
    const verdict = await validateOpenApi(doc);
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
  });
});

describe('jwtBearer({ issuers }): one provider unreachable', () => {
  test("its tokens are answered 503 with Retry-After; the other issuer's are verified; it is asked again once back", async () => {
    const up = await startIssuer();
    const down = await startIssuer({ down: true });
    try {
      const token = jwtBearer({ issuers: [{ issuer: up.issuer, audience: AUDIENCE }, { issuer: down.issuer, audience: AUDIENCE }] });
      const app = new DependsApp();
      app.route('GET', '/me', { auth: token }, ({ auth }) => ({ issuer: auth.issuer }));
      const get = async (t: string) => app.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${t}` } });
      const waiting = await get(await down.sign({ sub: 'bob' }));
      expect([waiting.status, waiting.json()]).toEqual([503, { detail: 'The identity provider cannot be reached to verify the token' }]);
      expect(Number(waiting.header('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await get(await up.sign({ sub: 'alice' }))).json()).toEqual({ issuer: up.issuer });
      await down.listen();
      await new Promise((r) => setTimeout(r, 700)); // past the longest retry wait (maxRetryDelay, 600 ms)
      expect((await get(await down.sign({ sub: 'bob' }))).json()).toEqual({ issuer: down.issuer });
    } finally {
      await Promise.all([up.close(), down.close()]);
    }
  });
});

describe('jwtBearer({ issuers }): mistakes refused at startup', () => {
  const entry = { issuer: 'https://a.example', audience: 'api://x' };
  test.each([
    ['an empty list', () => jwtBearer({ issuers: [] }), 'issuers must be a non-empty list'],
    ['an issuer listed twice', () => jwtBearer({ issuers: [entry, { ...entry, audience: 'api://y' }] }), 'issuers[1]: "https://a.example" is listed twice'],
    ['issuer and issuers', () => jwtBearer({ issuers: [entry], issuer: 'https://a.example' } as never), 'give either issuer or issuers, not both'],
    ['an entry without audience', () => jwtBearer({ issuers: [entry, { issuer: 'https://b.example' } as never] }), 'issuers[1]: audience must be a non-empty string'],
    ['an entry accepting HS256', () => jwtBearer({ issuers: [{ ...entry, algorithms: ['HS256'] }] }), 'issuers[0]: "HS256" is not accepted'],
    ['an entry with a relative jwksUri', () => jwtBearer({ issuers: [{ ...entry, jwksUri: '/jwks' }] }), 'issuers[0]: jwksUri must be an absolute URL'],
    [
      'resource with an issuer that does not expect it as audience',
      () =>
        jwtBearer({
          issuers: [{ ...entry, audience: 'https://api.example.com' }, { issuer: 'https://b.example', audience: 'api://x' }],
          resource: protectedResource({ resource: 'https://api.example.com' }),
        }),
      'the resource URI https://api.example.com is not among the audiences it expects (api://x)',
    ],
    [
      'two issuers documented under one name',
      () => jwtBearer({ issuers: [entry, { issuer: 'https://b.example', audience: 'api://x', schemeName: 'OpenIdConnect-a.example' }] }),
      'issuers[1] and issuers[0] would both be documented as "OpenIdConnect-a.example": give each its own schemeName',
    ],
    ['a schemeName OpenAPI cannot name a component', () => jwtBearer({ issuers: [{ ...entry, schemeName: 'Staff login' }] }), 'issuers[0]: schemeName must be a non-empty name'],
    ['a profile that does not exist', () => jwtBearer({ issuers: [entry], profile: 'rfc7519' as never }), "issuers[0]: profile must be 'rfc9068'"],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(message);
  });
});

describe('jwtBearer({ issuers }) documented per issuer, with a protected resource, composed', () => {
  const RESOURCE = 'https://api.example.com';
  const both = () => [
    { issuer: staff.issuer, audience: [AUDIENCE, RESOURCE], schemeName: 'StaffLogin', description: 'Staff sign-in' },
    { issuer: partner.issuer, audience: RESOURCE, jwks: { keys: [] } },
  ];

  test('entry schemeName and description; an issuer given its keys is an HTTP bearer; names stay put across builds', async () => {
    const token = jwtBearer({ issuers: both() });
    const app = new DependsApp();
    app.route('GET', '/me', { auth: token }, ({ auth }) => ({ issuer: auth.issuer }));
    const schemes = app.openapi().components?.securitySchemes;
    expect(schemes).toEqual({
      StaffLogin: { type: 'openIdConnect', openIdConnectUrl: staff.discoveryUrl, description: 'Staff sign-in' },
      [`JWTBearer-127.0.0.1-${new URL(partner.issuer).port}`]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `A JWT access token from ${partner.issuer}.` },
    });
    expect(Object.keys(jwtBearer({ issuers: both() }) && app.openapi().components!.securitySchemes!)).toEqual(Object.keys(schemes!));
    const verdict = await validateOpenApi(app.openapi());
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
  });

  test("resource: every issuer in the metadata's authorization_servers; every challenge names the metadata", async () => {
    const resource = protectedResource({ resource: RESOURCE });
    const token = jwtBearer({ issuers: both(), resource });
    const app = new DependsApp();
    app.route('GET', '/read', { auth: security(token, { scopes: ['read'] }) }, ({ auth }) => ({ issuer: auth.issuer }));
    const metadata = resource.metadata(app.openapi());
    expect(metadata.authorization_servers).toEqual([staff.issuer, partner.issuer]);
    expect(metadata.scopes_supported).toEqual(['read']);
    const at = `resource_metadata="${resource.metadataUrl}"`;
    const none = await app.request({ method: 'GET', url: '/read' });
    expect([none.status, none.header('www-authenticate')]).toEqual([401, `Bearer ${at}`]);
    const other = await app.request({ method: 'GET', url: '/read', headers: { authorization: `Bearer ${await stranger.sign({ sub: 'eve', aud: RESOURCE })}` } });
    expect([other.status, other.header('www-authenticate')]).toEqual([401, `${refused('The token is from another issuer')}, ${at}`]);
    const noScope = await app.request({ method: 'GET', url: '/read', headers: { authorization: `Bearer ${await staff.sign({ sub: 'alice', aud: RESOURCE })}` } });
    expect([noScope.status, noScope.header('www-authenticate')]).toEqual([403, `Bearer error="insufficient_scope", scope="read", ${at}`]);
    const ok = await app.request({ method: 'GET', url: '/read', headers: { authorization: `Bearer ${await staff.sign({ sub: 'alice', aud: RESOURCE, scope: 'read' })}` } });
    expect([ok.status, ok.json()]).toEqual([200, { issuer: staff.issuer }]);
  });

  test('inside anyOf with an API key: the alternatives are flattened (one per issuer, then the key); autoError: false gives undefined', async () => {
    const token = jwtBearer({ issuers: [{ issuer: staff.issuer, audience: AUDIENCE }, { issuer: partner.issuer, audience: AUDIENCE }] });
    const app = new DependsApp();
    app.route('GET', '/either', { auth: anyOf(token, apiKeyHeader({ name: 'x-api-key', schemeName: 'ApiKey' })) }, ({ auth }) =>
      typeof auth === 'string' ? { key: true } : { issuer: auth.issuer },
    );
    const optional = jwtBearer({ issuers: [{ issuer: staff.issuer, audience: AUDIENCE }], autoError: false });
    app.route('GET', '/maybe', { auth: optional }, ({ auth }) => ({ anonymous: auth === undefined }));
    const doc = app.openapi();
    expect(doc.paths['/either'].get!.security!.map((r) => Object.keys(r)[0])).toEqual([
      `OpenIdConnect-127.0.0.1-${new URL(staff.issuer).port}`,
      `OpenIdConnect-127.0.0.1-${new URL(partner.issuer).port}`,
      'ApiKey',
    ]);
    expect(doc.paths['/maybe'].get!.security).toEqual([{}, { [`OpenIdConnect-127.0.0.1-${new URL(staff.issuer).port}`]: [] }]);
    const byKey = await app.request({ method: 'GET', url: '/either', headers: { 'x-api-key': 'k' } });
    expect(byKey.json()).toEqual({ key: true });
    const byPartner = await app.request({ method: 'GET', url: '/either', headers: { authorization: `Bearer ${await partner.sign({ sub: 'bob' })}` } });
    expect(byPartner.json()).toEqual({ issuer: partner.issuer });
    expect((await app.request({ method: 'GET', url: '/maybe' })).json()).toEqual({ anonymous: true });
    const none = await app.request({ method: 'GET', url: '/either' });
    expect([none.status, none.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)]).toEqual([401, ['Bearer', 'APIKey']]);
  });
});
