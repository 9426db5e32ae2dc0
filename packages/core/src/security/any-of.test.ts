import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { depends, security } from '../dependency/depends.js';
import { refuse } from '../dependency/refusal.js';
import { HTTPException } from '../errors/catalogue.js';
import { Overrides } from '../overrides/overrides.js';
import { query } from '../sources/params.js';
import { z } from 'zod';
import { Router } from '../router/router.js';
import { anyOf } from './any-of.js';
import { apiKeyCookie, apiKeyHeader } from './api-key.js';
import { encodeBasicCredentials } from './basic.js';
import { httpBasic } from './http-basic.js';
import { httpBearer } from './http.js';
import { oauth2AuthorizationCodeBearer, oauth2ClientCredentialsBearer, oauth2PasswordBearer } from './oauth2.js';
import { httpDigest, httpScheme } from './http.js';
import { apiKeyQuery } from './api-key.js';
import { openIdConnect } from './open-id-connect.js';
import { rejection } from './test/rejection.js';
import { securityScopes as securityScopesInput } from '../dependency/builtins.js';


describe('anyOf', () => {
  const bearer = httpBearer();
  const apiKey = apiKeyHeader({ name: 'x-api-key' });
  const basic = httpBasic({ realm: 'api' });
  const caller = anyOf(bearer, apiKey);

  test('the first scheme that finds a credential wins', async () => {
    expect(await resolve(caller, { headers: { authorization: 'Bearer t' } })).toEqual({ scheme: 'Bearer', credentials: 't' });
    expect(await resolve(caller, { headers: { 'x-api-key': 'k' } })).toBe('k');
    expect(await resolve(caller, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } })).toEqual({ scheme: 'Bearer', credentials: 't' });
    expect(await resolve(anyOf(apiKey, bearer), { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } })).toBe('k');
  });

  test('none: one 401 carrying every challenge', async () => {
    const error = await rejection(resolve(anyOf(bearer, apiKey, basic), { headers: { authorization: 'Token x' } }));
    expect(error.status).toBe(401);
    expect(error.detail).toBe('Not authenticated');
    expect(error.headers).toEqual({ 'www-authenticate': ['Bearer', 'APIKey', 'Basic realm="api"'] });
  });

  test('identical challenges are sent once', async () => {
    const error = await rejection(resolve(anyOf(bearer, oauth2PasswordBearer({ tokenUrl: 'token' })), {}));
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  test('through an app: two WWW-Authenticate lines', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/reports', { caller }, ({ caller }) => (typeof caller === 'string' ? { key: caller.length } : { token: caller.credentials.length }));
    app.include(router);
    const res = await app.request({ method: 'GET', url: '/reports' });
    expect(res.status).toBe(401);
    expect(res.body).toBe('{"detail":"Not authenticated"}');
    expect(res.headers.filter(([name]) => name === 'www-authenticate')).toEqual([
      ['www-authenticate', 'Bearer'],
      ['www-authenticate', 'APIKey'],
    ]);
    expect((await app.request({ method: 'GET', url: '/reports', headers: { 'x-api-key': 'abc' } })).json()).toEqual({ key: 3 });
    expect((await app.request({ method: 'GET', url: '/reports', headers: { authorization: 'bearer abcd' } })).json()).toEqual({ token: 4 });
  });

  test('malformed Basic credentials still answer 401, even when optional', async () => {
    const request = { headers: { authorization: 'Basic notbase64' } };
    expect((await rejection(resolve(anyOf(basic, apiKey), request))).status).toBe(401);
    expect((await rejection(resolve(anyOf([basic, apiKey], { autoError: false }), request))).status).toBe(401);
    // ... unless another alternative finds a credential
    expect(await resolve(anyOf(basic, apiKey), { headers: { authorization: 'Basic notbase64', 'x-api-key': 'k' } })).toBe('k');
    expect(await resolve(anyOf(basic, apiKey), { headers: { authorization: `Basic ${encodeBasicCredentials('u', 'p')}` } })).toEqual({
      username: 'u',
      password: 'p',
    });
  });

  test('optional: autoError false here or on an alternative gives undefined', async () => {
    expect(await resolve(anyOf([bearer, apiKey], { autoError: false }), {})).toBeUndefined();
    expect(await resolve(anyOf(bearer, apiKeyCookie({ name: 'session', autoError: false })), {})).toBeUndefined();
    expect(await resolve(anyOf(bearer, apiKeyCookie({ name: 'session', autoError: false })), { headers: { cookie: 'session=s' } })).toBe('s');
  });

  test('custom not-authenticated error and name', async () => {
    const custom = anyOf([bearer, apiKey], {
      name: 'caller',
      notAuthenticated: (schemes) => new HTTPException(403, `Use one of ${schemes.map((s) => s.name).join(', ')}`),
    });
    expect(custom.name).toBe('caller');
    const error = await rejection(resolve(custom, {}));
    expect([error.status, error.detail]).toEqual([403, 'Use one of HTTPBearer, APIKeyHeader']);
  });

  test('meta lists the alternatives for OpenAPI; nested anyOf is flattened, scopes kept', () => {
    expect(caller.meta.security).toEqual({ kind: 'anyOf', alternatives: [bearer, apiKey], optional: false });
    expect(caller.name).toBe('anyOf(HTTPBearer, APIKeyHeader)');
    const scoped = security(bearer, { scopes: ['read'] });
    expect(anyOf(scoped, apiKey).meta.security.alternatives).toEqual([scoped, apiKey]);
    const nested = anyOf(security(caller, { scopes: ['x'] }), basic);
    const alts = nested.meta.security.alternatives;
    expect(alts).toHaveLength(3);
    expect(alts[0]).toMatchObject({ dependency: bearer, scopes: ['x'] });
    expect(alts[1]).toMatchObject({ dependency: apiKey, scopes: ['x'] });
    expect(alts[2]).toBe(basic);
  });

  test('nested anyOf works at runtime', async () => {
    expect(await resolve(anyOf(anyOf([bearer, apiKey], { autoError: false }), basic), {})).toBeUndefined();
    const nested = anyOf(caller, basic);
    expect(await resolve(nested, { headers: { 'x-api-key': 'k' } })).toBe('k');
    expect((await rejection(resolve(nested, {}))).headers).toEqual({ 'www-authenticate': ['Bearer', 'APIKey', 'Basic realm="api"'] });
  });

  test('only security schemes are accepted', () => {
    expect(() => anyOf(depends(() => 1) as never)).toThrow(/not a security scheme/);
    expect(() => (anyOf as (...a: unknown[]) => unknown)()).toThrow(/at least one/);
    expect(() => anyOf(42 as never)).toThrow(/security scheme/);
  });

  test('AND: two schemes side by side are both required', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/both', { token: bearer, key: apiKey }, ({ token, key }) => ({ token: token.credentials, key }));
    app.include(router);
    expect((await app.request({ method: 'GET', url: '/both', headers: { authorization: 'Bearer t' } })).status).toBe(401);
    expect((await app.request({ method: 'GET', url: '/both', headers: { authorization: 'Bearer t', 'x-api-key': 'k' } })).json()).toEqual({
      token: 't',
      key: 'k',
    });
  });
});

describe('anyOf: overrides of an alternative apply inside it', () => {
  const bearer = httpBearer();
  const apiKey = apiKeyHeader({ name: 'x-api-key' });
  const caller = anyOf(bearer, apiKey);

  function appWith() {
    const app = new DependsApp();
    app.route('GET', '/key', { key: apiKey }, ({ key }) => ({ key }));
    app.route('GET', '/caller', { caller }, ({ caller }) => ({ caller }));
    return app;
  }

  test('an overridden alternative counts as found when its override gives a value: 200, as when the scheme is used alone', async () => {
    const app = appWith();
    app.overrides.set(apiKey, () => 'fake-key');
    expect((await app.request({ url: '/key' })).json()).toEqual({ key: 'fake-key' });
    const res = await app.request({ url: '/caller' });
    expect([res.status, res.json()]).toEqual([200, { caller: 'fake-key' }]);
    // the alternatives keep their order: a real bearer token before it still wins
    expect((await app.request({ url: '/caller', headers: { authorization: 'Bearer t' } })).json()).toEqual({
      caller: { scheme: 'Bearer', credentials: 't' },
    });
    app.overrides.clear();
    expect((await app.request({ url: '/caller' })).status).toBe(401);
  });

  test('the first alternative overridden wins over a real credential for the next one', async () => {
    const app = appWith();
    app.overrides.set(bearer, () => ({ scheme: 'Bearer', credentials: 'fake' }));
    expect((await app.request({ url: '/caller', headers: { 'x-api-key': 'real' } })).json()).toEqual({ caller: { scheme: 'Bearer', credentials: 'fake' } });
  });

  test('an override that gives undefined counts as missing: the next alternative, or one 401 with every challenge', async () => {
    const app = appWith();
    const seen: string[] = [];
    app.overrides.set(bearer, () => {
      seen.push('override');
      return undefined as never;
    });
    expect((await app.request({ url: '/caller', headers: { 'x-api-key': 'k' } })).json()).toEqual({ caller: 'k' });
    const res = await app.request({ url: '/caller' });
    expect([res.status, res.body]).toEqual([401, '{"detail":"Not authenticated"}']);
    expect(res.headers.filter(([name]) => name === 'www-authenticate')).toEqual([
      ['www-authenticate', 'Bearer'],
      ['www-authenticate', 'APIKey'],
    ]);
    expect(seen).toEqual(['override', 'override']);
  });

  test('an override that refuses is the answer (no fall-through to the next alternative)', async () => {
    const app = appWith();
    app.overrides.set(bearer, () => refuse(new HTTPException(403, 'Suspended')) as never);
    const res = await app.request({ url: '/caller', headers: { 'x-api-key': 'k' } });
    expect([res.status, res.json()]).toEqual([403, { detail: 'Suspended' }]);
  });

  test('async overrides and overrides with inputs of their own (validated: 422)', async () => {
    const app = appWith();
    app.overrides.set(apiKey, depends({ as: query('as', z.string()) }, async ({ as }) => `key-of-${as}`));
    expect((await app.request({ url: '/caller?as=bob' })).json()).toEqual({ caller: 'key-of-bob' });
    const invalid = await app.request({ url: '/caller' });
    expect(invalid.status).toBe(422);
    expect(invalid.json().detail).toEqual([{ type: 'missing', loc: ['query', 'as'], msg: 'Field required', input: null }]);
  });

  test('scopes reach an overridden alternative; the document does not change', async () => {
    const app = new DependsApp();
    const scoped = security(anyOf(bearer, apiKey), { scopes: ['read'] });
    app.route('GET', '/scoped', { caller: scoped }, ({ caller }) => ({ caller }));
    const before = JSON.stringify(app.openapi());
    app.overrides.set(apiKey, depends({ required: securityScopesInput }, ({ required }) => `scopes:${required.scopes.join(' ')}`));
    expect((await app.request({ url: '/scoped' })).json()).toEqual({ caller: 'scopes:read' });
    expect(JSON.stringify(app.openapi())).toBe(before);
  });

  test('resolve() with overrides, and a nested anyOf', async () => {
    const overrides = new Overrides().set(apiKey, () => 'fake-key');
    expect(await resolve(caller, {}, { overrides })).toBe('fake-key');
    expect(await resolve(anyOf(httpBasic(), caller), {}, { overrides })).toBe('fake-key');
    expect((await rejection(resolve(caller, {}))).status).toBe(401);
  });

  test('AND: an overridden scheme next to a real one', async () => {
    const app = new DependsApp();
    app.route('GET', '/both', { token: bearer, key: apiKey }, ({ token, key }) => ({ token: token.credentials, key }));
    app.overrides.set(apiKey, () => 'fake-key');
    expect((await app.request({ url: '/both', headers: { authorization: 'Bearer t' } })).json()).toEqual({ token: 't', key: 'fake-key' });
    expect((await app.request({ url: '/both' })).header('www-authenticate')).toBe('Bearer');
  });

  test('overriding the anyOf itself still replaces it whole', async () => {
    const app = appWith();
    app.overrides.set(caller, () => 'whole');
    expect((await app.request({ url: '/caller' })).json()).toEqual({ caller: 'whole' });
  });
});

describe('every core scheme composes with every other', () => {
  // Each scheme, and a request that carries a credential for it.
  const schemes = {
    httpBearer: [httpBearer(), { headers: { authorization: 'Bearer tok' } }],
    httpBasic: [httpBasic({ realm: 'r' }), { headers: { authorization: `Basic ${encodeBasicCredentials('u', 'p')}` } }],
    httpDigest: [httpDigest(), { headers: { authorization: 'Digest username="u"' } }],
    httpScheme: [httpScheme({ scheme: 'Other' }), { headers: { authorization: 'Other x' } }],
    apiKeyHeader: [apiKeyHeader({ name: 'x-key' }), { headers: { 'x-key': 'hk' } }],
    apiKeyQuery: [apiKeyQuery({ name: 'key' }), { url: '/?key=qk' }],
    apiKeyCookie: [apiKeyCookie({ name: 'sid' }), { headers: { cookie: 'sid=ck' } }],
    oauth2PasswordBearer: [oauth2PasswordBearer({ tokenUrl: 'token' }), { headers: { authorization: 'Bearer pw' } }],
    oauth2AuthorizationCodeBearer: [oauth2AuthorizationCodeBearer({ authorizationUrl: 'auth', tokenUrl: 'token' }), { headers: { authorization: 'Bearer code' } }],
    oauth2ClientCredentialsBearer: [oauth2ClientCredentialsBearer({ tokenUrl: 'token' }), { headers: { authorization: 'Bearer cc' } }],
    openIdConnect: [openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' }), { headers: { authorization: 'Bearer oidc' } }],
  } as const;
  type Name = keyof typeof schemes;
  const names = Object.keys(schemes) as Name[];
  const pairs = names.flatMap((a) => names.filter((b) => b !== a).map((b) => [a, b] as const));
  const alone = async (name: Name, request: object) => resolve(schemes[name][0] as never, request).then((value) => ({ value }), () => undefined);

  test.each(pairs)('anyOf(%s, %s): each credential as when the scheme is used alone; neither: one 401 with both challenges', async (a, b) => {
    const [first, firstRequest] = schemes[a];
    const [second, secondRequest] = schemes[b];
    const either = anyOf(first as never, second as never);
    for (const request of [firstRequest, secondRequest]) {
      // the first alternative that finds the credential gives it, exactly as that scheme alone would
      const expected = (await alone(a, request)) ?? (await alone(b, request));
      expect(expected).toBeDefined();
      expect(await resolve(either, request)).toEqual(expected!.value);
    }
    const none = await rejection(resolve(either, {}));
    const lines = [...new Set([first.meta.security.scheme.challenge, second.meta.security.scheme.challenge])];
    expect([none.status, none.headers]).toEqual([401, { 'www-authenticate': lines.length === 1 ? lines[0] : lines }]);
  });
});
