/**
 * `@depends/jwt`'s schemes compose with every other scheme: a provider token
 * or an API key (`anyOf`), a token and a key together (AND), scopes on the
 * token alternative, overrides of either, and the document's OR.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { DependsApp, anyOf, apiKeyHeader, depends, httpBasic, security, type ValueOf } from '@depends/core';
import { jwtBearer } from './jwt-bearer.js';
import { tokenIntrospection } from './introspection.js';
import { AUDIENCE, startIssuer } from './test/issuer.js';

const idp = await startIssuer();
afterAll(() => idp.close());
const now = () => Math.floor(Date.now() / 1000);
idp.opaque.set('opaque-reader', { sub: 'olivia', scope: 'read', aud: AUDIENCE, iss: idp.issuer, exp: now() + 300 });

const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;
const challenges = (res: { readonly headers: readonly (readonly [string, string])[] }) => res.headers.filter(([name]) => name === 'www-authenticate').map(([, value]) => value);

/** `/caller`: a token or an API key; `/read`: the same with scope `read`; `/read-token`: scope `read` on the token alternative only. */
function appWith(options: { realm?: string } = {}) {
  const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, cooldownDuration: 0, ...options });
  const apiKey = apiKeyHeader({ name: 'X-API-Key', schemeName: 'ApiKey' });
  const show = (caller: ValueOf<typeof token> | string) => (typeof caller === 'string' ? { key: caller } : { sub: caller.claims.sub, scopes: caller.scopes });
  const app = new DependsApp({ title: 'Composed' });
  app.route('GET', '/caller', { caller: anyOf(token, apiKey) }, ({ caller }) => show(caller));
  app.route('GET', '/read', { caller: security(anyOf(token, apiKey), { scopes: ['read'] }) }, ({ caller }) => show(caller));
  app.route('GET', '/read-token', { caller: anyOf(security(token, { scopes: ['read'] }), apiKey) }, ({ caller }) => show(caller));
  app.route('GET', '/both', { token, key: apiKey }, ({ token, key }) => ({ sub: token.claims.sub, key }));
  const get = (url: string, headers: Record<string, string> = {}) => app.request({ method: 'GET', url, headers });
  return { app, token, apiKey, get };
}

describe('anyOf(jwtBearer(), apiKeyHeader())', () => {
  test('builds at startup: jwtBearer is a security scheme like any other', () => {
    const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE });
    expect(() => anyOf(token, apiKeyHeader({ name: 'X-API-Key' }))).not.toThrow();
    expect(anyOf(token, apiKeyHeader({ name: 'X-API-Key' })).name).toBe('anyOf(OpenIdConnect, APIKeyHeader)');
  });

  test('a bearer token is verified by jwtBearer: a valid one gives the access token', async () => {
    const { get } = appWith();
    const res = await get('/caller', { authorization: `Bearer ${await idp.sign({ sub: 'alice', scope: 'read' })}` });
    expect([res.status, res.json()]).toEqual([200, { sub: 'alice', scopes: ['read'] }]);
  });

  test('an invalid token is a 401 invalid_token, even with an API key beside it: no fall-back to the key', async () => {
    const { get } = appWith();
    const expired = await idp.sign({ sub: 'alice', exp: now() - 60 });
    for (const headers of [{ authorization: `Bearer ${expired}` }, { authorization: `Bearer ${expired}`, 'x-api-key': 'k' }] as Record<string, string>[]) {
      const res = await get('/caller', headers);
      expect([res.status, res.json(), challenges(res)]).toEqual([401, { detail: 'Could not validate credentials' }, [refused('The token has expired')]]);
    }
    const forged = await idp.sign({ sub: 'alice' }, { key: { ...(await idp.foreignKey()), kid: idp.current().kid } });
    expect(challenges(await get('/caller', { authorization: `Bearer ${forged}`, 'x-api-key': 'k' }))).toEqual([refused('The token signature is invalid')]);
  });

  test('only an API key: the key alternative', async () => {
    const { get } = appWith();
    expect((await get('/caller', { 'x-api-key': 'script-key' })).json()).toEqual({ key: 'script-key' });
    // another Authorization scheme is not a bearer token: the key is used
    expect((await get('/caller', { authorization: 'Basic YTpi', 'x-api-key': 'script-key' })).json()).toEqual({ key: 'script-key' });
  });

  test('neither: one 401 listing every challenge (with the realm when given)', async () => {
    const res = await appWith().get('/caller');
    expect([res.status, res.body, challenges(res)]).toEqual([401, '{"detail":"Not authenticated"}', ['Bearer', 'APIKey']]);
    expect(challenges(await appWith({ realm: 'reports' }).get('/caller'))).toEqual(['Bearer realm="reports"', 'APIKey']);
  });

  test('a repeated Authorization header is a 400, not a fall-back to the key', async () => {
    const { app } = appWith();
    const token = await idp.sign({ sub: 'alice' });
    const res = await app.request({ method: 'GET', url: '/caller', headers: [['authorization', `Bearer ${token}`], ['authorization', `Bearer ${token}`], ['x-api-key', 'k']] as never });
    expect(res.status).toBe(400);
  });

  test('scopes on the anyOf or on the token alternative: a token without them is a 403 insufficient_scope; with them, and an API key, 200', async () => {
    const { get } = appWith();
    const reader = await idp.sign({ sub: 'alice', scope: 'read' });
    const nobody = await idp.sign({ sub: 'bob', scope: 'other' });
    for (const url of ['/read', '/read-token']) {
      const denied = await get(url, { authorization: `Bearer ${nobody}`, 'x-api-key': 'k' });
      expect([denied.status, denied.json(), challenges(denied)]).toEqual([403, { detail: 'Not enough permissions' }, ['Bearer error="insufficient_scope", scope="read"']]);
      expect((await get(url, { authorization: `Bearer ${reader}` })).json()).toEqual({ sub: 'alice', scopes: ['read'] });
      expect((await get(url, { 'x-api-key': 'k' })).json()).toEqual({ key: 'k' });
    }
  });

  test('AND: a token and a key both required', async () => {
    const { get } = appWith();
    const token = await idp.sign({ sub: 'alice' });
    expect((await get('/both', { authorization: `Bearer ${token}`, 'x-api-key': 'k' })).json()).toEqual({ sub: 'alice', key: 'k' });
    expect(challenges(await get('/both', { authorization: `Bearer ${token}` }))).toEqual(['APIKey']);
    expect(challenges(await get('/both', { 'x-api-key': 'k' }))).toEqual(['Bearer']);
  });

  test('overrides of the jwtBearer alternative apply inside anyOf', async () => {
    const { app, token, get } = appWith();
    app.overrides.set(token, () => ({ claims: { iss: idp.issuer, aud: AUDIENCE, exp: now() + 60, sub: 'test-user' }, scopes: ['read'], header: { alg: 'RS256' } }) as never);
    expect((await get('/caller')).json()).toEqual({ sub: 'test-user', scopes: ['read'] });
    expect((await get('/read')).json()).toEqual({ sub: 'test-user', scopes: ['read'] });
  });

  test('the document: the OR of the two schemes, both schemes, and the answers each can give', () => {
    const doc = appWith().app.openapi();
    expect(doc.components?.securitySchemes).toEqual({
      OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: idp.discoveryUrl },
      ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(doc.paths['/caller'].get!.security).toEqual([{ OpenIdConnect: [] }, { ApiKey: [] }]);
    expect(doc.paths['/read-token'].get!.security).toEqual([{ OpenIdConnect: ['read'] }, { ApiKey: [] }]);
    expect(doc.paths['/read'].get!.security).toEqual([{ OpenIdConnect: ['read'] }, { ApiKey: ['read'] }]);
    expect(doc.paths['/both'].get!.security).toEqual([{ OpenIdConnect: [], ApiKey: [] }]);
    const read = doc.paths['/read-token'].get!;
    expect(Object.keys(read.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403', '503']));
    expect(Object.keys(doc.paths['/caller'].get!.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '503']));
    expect(doc.paths['/caller'].get!.responses?.['403']).toBeUndefined();
    expect(doc.paths['/caller'].get!.parameters ?? []).toEqual([]);
  });
});

describe('tokenIntrospection() composes too', () => {
  test('an opaque token or HTTP Basic; a refused token is not a fall-back', async () => {
    const opaque = tokenIntrospection({ issuer: idp.issuer, clientId: 'api', clientSecret: 'api-secret', audience: AUDIENCE, cooldownDuration: 0 });
    const basic = httpBasic({ realm: 'scripts' });
    const caller = depends({ caller: security(anyOf(opaque, basic), { scopes: ['read'] }) }, ({ caller }) =>
      'username' in caller ? { user: caller.username } : { sub: caller.claims.sub },
    );
    const app = new DependsApp();
    app.route('GET', '/', { caller }, ({ caller }) => caller);
    const get = (headers: Record<string, string>) => app.request({ method: 'GET', url: '/', headers });
    expect((await get({ authorization: 'Bearer opaque-reader' })).json()).toEqual({ sub: 'olivia' });
    expect((await get({ authorization: `Basic ${Buffer.from('bot:pw').toString('base64')}` })).json()).toEqual({ user: 'bot' });
    const inactive = await get({ authorization: 'Bearer unknown' });
    expect([inactive.status, challenges(inactive)]).toEqual([401, [refused('The token is not active')]]);
    expect(challenges(await get({}))).toEqual(['Bearer', 'Basic realm="scripts"']);
  });
});
