/**
 * Security in the document: `components.securitySchemes` entries, and each
 * operation's `security` with scopes, AND / OR / optional / public, as the
 * DESIGN says and, where we agree, exactly as FastAPI's own tests show.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp } from '../app/app.js';
import { securityScopes } from '../dependency/builtins.js';
import { createDependency, depends, security } from '../dependency/depends.js';
import { DuplicateSchemeError, ErrorCode, RouteInputError } from '../errors/catalogue.js';
import { Router } from '../router/router.js';
import {
  anyOf,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  httpBasic,
  httpBearer,
  httpDigest,
  httpScheme,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2PasswordBearer,
  oauth2PasswordForm,
  openIdConnect,
  withScopes,
} from '../security/index.js';
import { form } from '../sources/body.js';
import { header, query } from '../sources/params.js';
import type { Input, Inputs } from '../dependency/types.js';
import { analyse } from '../model/analyse.js';
import { buildDocument, checkSchemes, type SchemeRegistry } from './document.js';
import { appWith, documentOf, expectValid, fixtureScheme, op } from './test/helpers.js';

const schemeEntry = async (scheme: Parameters<typeof security>[0], valid = true) => {
  const doc = appWith((r) => r.get('/', { credential: scheme }, () => 'ok')).openapi();
  if (valid) await expectValid(doc);
  return { doc, schemes: doc.components?.securitySchemes, operation: op(doc, 'get', '/') };
};

describe('components.securitySchemes: one exact entry per scheme (FastAPI §2.1)', () => {
  test.each([
    ['apiKeyHeader', () => apiKeyHeader({ name: 'key' }), 'APIKeyHeader', { type: 'apiKey', in: 'header', name: 'key' }],
    ['apiKeyQuery', () => apiKeyQuery({ name: 'key' }), 'APIKeyQuery', { type: 'apiKey', in: 'query', name: 'key' }],
    ['apiKeyCookie', () => apiKeyCookie({ name: 'key' }), 'APIKeyCookie', { type: 'apiKey', in: 'cookie', name: 'key' }],
    ['httpScheme', () => httpScheme({ scheme: 'Other' }), 'HTTPBase', { type: 'http', scheme: 'Other' }],
    ['httpBasic (realm not emitted)', () => httpBasic({ realm: 'simple' }), 'HTTPBasic', { type: 'http', scheme: 'basic' }],
    ['httpBearer', () => httpBearer(), 'HTTPBearer', { type: 'http', scheme: 'bearer' }],
    ['httpBearer + bearerFormat', () => httpBearer({ bearerFormat: 'JWT' }), 'HTTPBearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }],
    ['httpDigest', () => httpDigest(), 'HTTPDigest', { type: 'http', scheme: 'digest' }],
    [
      'oauth2 with a password flow',
      () => oauth2({ flows: { password: { tokenUrl: 'token', scopes: { read: 'Read', write: 'Write' } } } }),
      'OAuth2',
      { type: 'oauth2', flows: { password: { scopes: { read: 'Read', write: 'Write' }, tokenUrl: 'token' } } },
    ],
    [
      'oauth2PasswordBearer',
      () => oauth2PasswordBearer({ tokenUrl: '/token' }),
      'OAuth2PasswordBearer',
      { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/token' } } },
    ],
    [
      'oauth2AuthorizationCodeBearer',
      () => oauth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token' }),
      'OAuth2AuthorizationCodeBearer',
      { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'authorize', tokenUrl: 'token', scopes: {} } } },
    ],
    ['openIdConnect', () => openIdConnect({ openIdConnectUrl: '/openid' }), 'OpenIdConnect', { type: 'openIdConnect', openIdConnectUrl: '/openid' }],
    ['any scheme + description', () => httpBearer({ description: 'X' }), 'HTTPBearer', { type: 'http', scheme: 'bearer', description: 'X' }],
  ])('%s', async (_, make, name, entry) => {
    const { schemes, operation } = await schemeEntry(make());
    expect(schemes).toStrictEqual({ [name]: entry });
    expect(operation.security).toStrictEqual([{ [name]: [] }]);
    // A scheme alone contributes no parameters and no 422 (FastAPI §2.2).
    expect(operation.parameters).toBeUndefined();
    expect(Object.keys(operation.responses)).toEqual(['200', '401']);
  });

  test('oauth2() without flows: FastAPI\'s exact entry, which validators reject (no grant type)', async () => {
    const { doc, schemes } = await schemeEntry(oauth2(), false);
    expect(schemes).toStrictEqual({ OAuth2: { type: 'oauth2', flows: {} } });
    await expect(expectValid(doc)).rejects.toThrow(/empty `flows`/);
  });

  test('schemeName names the entry; a fixture scheme (createDependency) documents the same way', async () => {
    const { schemes } = await schemeEntry(httpBearer({ schemeName: 'JWT' }));
    expect(schemes).toStrictEqual({ JWT: { type: 'http', scheme: 'bearer' } });
    const fixture = await schemeEntry(fixtureScheme('Custom', { type: 'apiKey', in: 'header', name: 'x-custom' }, { consumes: [{ in: 'header', name: 'x-custom' }] }));
    expect(fixture.schemes).toStrictEqual({ Custom: { type: 'apiKey', in: 'header', name: 'x-custom' } });
    expect(fixture.operation.security).toStrictEqual([{ Custom: [] }]);
  });

  test('schemes used by several routes appear once, in first-seen order; unused ones not at all', async () => {
    const bearer = httpBearer();
    const key = apiKeyHeader({ name: 'x-key' });
    apiKeyCookie({ name: 'never-used' });
    const doc = await documentOf((r) => {
      r.get('/a', { key }, () => 1);
      r.get('/b', { bearer, key }, () => 1);
      r.get('/c', { bearer: httpBearer() }, () => 1); // another instance, same shape
    });
    expect(Object.keys(doc.components!.securitySchemes!)).toEqual(['APIKeyHeader', 'HTTPBearer']);
  });
});

describe('scopes (FastAPI §2.2: pre-order, declaration order, union per scheme in first-seen order)', () => {
  // FastAPI docs/tutorial/security/oauth2-scopes (tutorial005) and its test.
  const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read information about the current user.', items: 'Read items.' } });
  const getCurrentUser = depends({ securityScopes, token: oauth2Scheme }, ({ token }) => ({ username: token }));
  const getCurrentActiveUser = depends({ currentUser: security(getCurrentUser, { scopes: ['me'] }) }, ({ currentUser }) => currentUser);
  const tutorial005 = () =>
    documentOf((r) => {
      r.post('/token', { form: oauth2PasswordForm }, function login_for_access_token() {
        return { access_token: 'x', token_type: 'bearer' };
      });
      r.get('/users/me/', { currentUser: getCurrentActiveUser }, function read_users_me({ currentUser }) {
        return currentUser;
      });
      r.get('/users/me/items/', { currentUser: security(getCurrentActiveUser, { scopes: ['items'] }) }, function read_own_items() {
        return [];
      });
      r.get('/status/', { currentUser: getCurrentUser }, function read_system_status() {
        return { status: 'ok' };
      });
    });

  test('tutorial005: /users/me/items/ → items, me; /users/me/ → me; /status/ → []', async () => {
    const doc = await tutorial005();
    expect(op(doc, 'get', '/users/me/items/').security).toStrictEqual([{ OAuth2PasswordBearer: ['items', 'me'] }]);
    expect(op(doc, 'get', '/users/me/').security).toStrictEqual([{ OAuth2PasswordBearer: ['me'] }]);
    expect(op(doc, 'get', '/status/').security).toStrictEqual([{ OAuth2PasswordBearer: [] }]);
    expect(op(doc, 'post', '/token').security).toStrictEqual([]);
    expect(doc.components!.securitySchemes).toStrictEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: { password: { scopes: { me: 'Read information about the current user.', items: 'Read items.' }, tokenUrl: 'token' } },
      },
    });
    // FastAPI's operation ids and summaries for the same handlers.
    expect(op(doc, 'get', '/users/me/items/').operationId).toBe('read_own_items_users_me_items__get');
    expect(op(doc, 'get', '/users/me/items/').summary).toBe('Read Own Items');
    expect(op(doc, 'post', '/token').operationId).toBe('login_for_access_token_token_post');
  });

  test('tutorial005: 401 where a credential is required, 403 where scopes are, 422 where inputs are validated', async () => {
    const doc = await tutorial005();
    const codes = (method: string, path: string) => Object.keys(op(doc, method, path).responses);
    expect(codes('get', '/users/me/items/')).toEqual(['200', '401', '403']);
    expect(codes('get', '/users/me/')).toEqual(['200', '401', '403']);
    expect(codes('get', '/status/')).toEqual(['200', '401']);
    expect(codes('post', '/token')).toEqual(['200', '400', '413']);
  });

  test('one scheme used without scopes and with ["read","write"] gives one object with the union (FastAPI #14454)', async () => {
    const scheme = oauth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token', scopes: { read: 'r', write: 'w' } });
    const plain = depends({ token: scheme }, ({ token }) => token);
    const scoped = depends({ token: security(scheme, { scopes: ['read', 'write'] }) }, ({ token }) => token);
    const doc = await documentOf((r) => r.get('/', { plain, scoped }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ OAuth2AuthorizationCodeBearer: ['read', 'write'] }]);
  });

  test('scopes come from the path to each scheme; siblings do not leak (test_security_scopes_dont_propagate)', async () => {
    const flows = { clientCredentials: { tokenUrl: '/token', scopes: { scope1: '1', scope2: '2', scope3: '3' } } };
    const a = fixtureScheme('A', { type: 'oauth2', flows });
    const b = fixtureScheme('B', { type: 'oauth2', flows });
    const dep3 = depends({ one: security(a, { scopes: ['scope1'] }), two: security(b, { scopes: ['scope2'] }) }, () => 1);
    const doc = await documentOf((r) => r.get('/', { x: security(dep3, { scopes: ['scope3'] }) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ A: ['scope3', 'scope1'], B: ['scope3', 'scope2'] }]);
  });

  test('scopes are emitted for any scheme type: security(httpBearer(), { scopes }) → {"HTTPBearer":["x"]}', async () => {
    const doc = await documentOf((r) => r.get('/', { c: security(httpBearer(), { scopes: ['x'] }) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ HTTPBearer: ['x'] }]);
    expect(Object.keys(op(doc, 'get', '/').responses)).toEqual(['200', '401', '403']);
  });

  test('parameterless dependencies pass their scopes through (test_dependency_paramless)', async () => {
    const scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { a: 'A', b: 'B' } });
    const doc = await documentOf((r) => r.get('/', {}, () => 1, { dependencies: [security(scheme, { scopes: ['a', 'b'] })] }));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ OAuth2PasswordBearer: ['a', 'b'] }]);
  });

  test('403 where a scope-enforcing dependency (withScopes) is reached with scopes; not without', async () => {
    const scheme = fixtureScheme('Token', { type: 'http', scheme: 'bearer' });
    const claims = depends({ token: scheme }, ({ token }) => ({ scope: token }));
    const user = withScopes(claims, (c) => c.scope);
    const doc = await documentOf((r) => {
      r.get('/scoped', { user: security(user, { scopes: ['me'] }) }, () => 1);
      r.get('/plain', { user }, () => 1);
    });
    expect(op(doc, 'get', '/scoped').responses['403']).toBeDefined();
    expect(op(doc, 'get', '/plain').responses['403']).toBeUndefined();
    // A fixture marked enforcesScopes counts the same way, even when the scheme has no scopes itself.
    const enforcing = createDependency({ t: scheme }, () => 1, { name: 'enforcing', meta: { enforcesScopes: true } });
    const doc2 = await documentOf((r) => r.get('/', { e: security(enforcing, { scopes: ['admin'] }) }, () => 1));
    expect(op(doc2, 'get', '/').responses['403']).toMatchObject({ description: 'Not enough permissions' });
  });
});

describe('AND / OR / optional / public', () => {
  const bearer = httpBearer();
  const key = apiKeyHeader({ name: 'x-api-key' });
  const cookieKey = apiKeyCookie({ name: 'session' });

  test('several schemes on a route are all required: ONE requirement object (FastAPI would say OR)', async () => {
    const doc = await documentOf((r) => r.get('/', { bearer, key }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ HTTPBearer: [], APIKeyHeader: [] }]);
    expect(op(doc, 'get', '/').responses['401']).toBeDefined();
  });

  test('anyOf(A, B) gives alternatives [{A:[]},{B:[]}] and a 401', async () => {
    const doc = await documentOf((r) => r.get('/', { caller: anyOf(bearer, key) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ HTTPBearer: [] }, { APIKeyHeader: [] }]);
    expect(Object.keys(op(doc, 'get', '/').responses)).toEqual(['200', '401']);
    expect(Object.keys(doc.components!.securitySchemes!)).toEqual(['HTTPBearer', 'APIKeyHeader']);
  });

  test('anyOf alternatives keep their scopes', async () => {
    const o = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { read: 'r' } });
    const doc = await documentOf((r) => r.get('/', { caller: anyOf(security(o, { scopes: ['read'] }), key) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ OAuth2PasswordBearer: ['read'] }, { APIKeyHeader: [] }]);
    expect(op(doc, 'get', '/').responses['403']).toBeDefined();
  });

  test('AND × OR is a cartesian product: cookie AND (bearer OR key)', async () => {
    const doc = await documentOf((r) => r.get('/', { session: cookieKey, caller: anyOf(bearer, key) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([
      { APIKeyCookie: [], HTTPBearer: [] },
      { APIKeyCookie: [], APIKeyHeader: [] },
    ]);
  });

  test('an optional scheme (autoError: false) gives [{}, {A:[]}] and no 401', async () => {
    const doc = await documentOf((r) => r.get('/', { maybe: httpBearer({ autoError: false }) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{}, { HTTPBearer: [] }]);
    expect(Object.keys(op(doc, 'get', '/').responses)).toEqual(['200']);
  });

  test('optional AND required: [{B:[]}, {A:[], B:[]}] with a 401', async () => {
    const doc = await documentOf((r) => r.get('/', { maybe: httpBearer({ autoError: false }), key }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ APIKeyHeader: [] }, { HTTPBearer: [], APIKeyHeader: [] }]);
    expect(op(doc, 'get', '/').responses['401']).toBeDefined();
  });

  test('the same scheme optional in one place and required in another is required', async () => {
    const doc = await documentOf((r) => r.get('/', { maybe: httpBearer({ autoError: false }), sure: bearer }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{ HTTPBearer: [] }]);
  });

  test('anyOf(..., { autoError: false }) adds the anonymous alternative first', async () => {
    const doc = await documentOf((r) => r.get('/', { caller: anyOf([bearer, key], { autoError: false }) }, () => 1));
    expect(op(doc, 'get', '/').security).toStrictEqual([{}, { HTTPBearer: [] }, { APIKeyHeader: [] }]);
    expect(op(doc, 'get', '/').responses['401']).toBeUndefined();
  });

  test('global security → top-level security; a public route → security: [] and no 401', async () => {
    const doc = await documentOf(
      (r) => {
        r.get('/private', {}, () => 1);
        r.get('/more', { key }, () => 1);
        r.get('/health', {}, () => 'ok', { public: true });
      },
      { security: [bearer] },
    );
    expect(doc.security).toStrictEqual([{ HTTPBearer: [] }]);
    expect(op(doc, 'get', '/private').security).toStrictEqual([{ HTTPBearer: [] }]);
    expect(op(doc, 'get', '/more').security).toStrictEqual([{ HTTPBearer: [], APIKeyHeader: [] }]);
    expect(op(doc, 'get', '/health').security).toStrictEqual([]);
    expect(Object.keys(op(doc, 'get', '/health').responses)).toEqual(['200']);
    expect(Object.keys(op(doc, 'get', '/private').responses)).toEqual(['200', '401']);
  });

  test('global security with scopes, and a public route that declares its own scheme', async () => {
    const o = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { api: 'API' } });
    const doc = await documentOf(
      (r) => {
        r.get('/', {}, () => 1);
        r.get('/keyed', { key }, () => 1, { public: true });
      },
      { security: [security(o, { scopes: ['api'] })] },
    );
    expect(doc.security).toStrictEqual([{ OAuth2PasswordBearer: ['api'] }]);
    expect(op(doc, 'get', '/').security).toStrictEqual([{ OAuth2PasswordBearer: ['api'] }]);
    expect(op(doc, 'get', '/keyed').security).toStrictEqual([{ APIKeyHeader: [] }]);
  });

  test('public routes and routes without schemes say so: security: [] (also without global security)', async () => {
    const doc = await documentOf((r) => {
      r.get('/open', {}, () => 1, { public: true });
      r.get('/plain', {}, () => 1);
    });
    expect(doc.security).toBeUndefined();
    expect(op(doc, 'get', '/open').security).toStrictEqual([]);
    expect(op(doc, 'get', '/plain').security).toStrictEqual([]);
  });

  test('a { kind: "public" } marker reached by a route documents it as public under global security', async () => {
    const publicMarker = createDependency({}, () => undefined, { name: 'public', meta: { security: { kind: 'public' } } });
    const doc = await documentOf((r) => r.get('/', { publicMarker }, () => 1), { security: [] });
    expect(op(doc, 'get', '/').security).toStrictEqual([]);
    const app = new DependsApp({ security: [bearer] });
    app.route('GET', '/', { publicMarker }, () => 1, { public: true });
    expect(op(app.openapi(), 'get', '/').security).toStrictEqual([]);
  });

  test('router-level and app-level dependencies count like FastAPI (test_top_level_security_scheme_in_openapi)', async () => {
    const admin = new Router({ prefix: '/admin', dependencies: [key] });
    admin.get('/users', {}, () => []);
    const api = new Router({ dependencies: [security(oauth2PasswordBearer({ tokenUrl: '/token', scopes: { api: 'API' } }), { scopes: ['api'] })] });
    api.include(admin, { dependencies: [cookieKey] });
    api.get('/', {}, () => 1);
    const app = new DependsApp({ dependencies: [bearer] });
    app.include(api);
    const doc = app.openapi();
    await expectValid(doc);
    expect(op(doc, 'get', '/').security).toStrictEqual([{ HTTPBearer: [], OAuth2PasswordBearer: ['api'] }]);
    expect(op(doc, 'get', '/admin/users').security).toStrictEqual([
      { HTTPBearer: [], OAuth2PasswordBearer: ['api'], APIKeyCookie: [], APIKeyHeader: [] },
    ]);
    // FastAPI's own fragment: `@app.get("/", dependencies=[Depends(bearer)])` → [{"HTTPBearer":[]}], no parameters, no 422.
    const single = await documentOf((r) => r.get('/', {}, () => 1, { dependencies: [httpBearer()] }));
    expect(op(single, 'get', '/').security).toStrictEqual([{ HTTPBearer: [] }]);
    expect(op(single, 'get', '/').parameters).toBeUndefined();
    expect(op(single, 'get', '/').responses['422']).toBeUndefined();
  });
});

describe('the credential is never also a parameter', () => {
  test("header('authorization') is refused at registration (OpenAPI ignores it); httpBearer() documents the credential as a scheme", async () => {
    // OpenAPI: an Authorization header parameter "SHALL be ignored": no parameter, no Authorize button, 422 instead of 401.
    expect(() => appWith((r) => r.get('/manual', { auth: header('authorization') }, () => 1))).toThrow(/httpBearer\(\)/);
    expect(() => appWith((r) => r.get('/both', { auth: header('authorization'), cred: httpBearer() }, () => 1))).toThrow(RouteInputError);
    const doc = await documentOf((r) => r.get('/scheme', { cred: httpBearer() }, () => 1));
    const scheme = op(doc, 'get', '/scheme');
    expect(scheme.parameters).toBeUndefined();
    expect(scheme.security).toStrictEqual([{ HTTPBearer: [] }]);
    expect(Object.keys(scheme.responses)).toEqual(['200', '401']);
  });

  test('Content-Type and Accept are refused as header parameters; other headers are parameters', async () => {
    expect(() => appWith((r) => r.get('/', { ct: header('content_type') }, () => 1))).toThrow(RouteInputError);
    expect(() => appWith((r) => r.get('/', { accept: header('accept', z.string().optional()) }, () => 1))).toThrow(RouteInputError);
    const doc = await documentOf((r) => r.get('/', { token: header('x_token') }, () => 1));
    expect(op(doc, 'get', '/').parameters).toStrictEqual([{ name: 'x-token', in: 'header', required: true, schema: { type: 'string' } }]);
  });

  test('the header, query key and cookie an API key scheme consumes are not parameters', async () => {
    const doc = await documentOf((r) => {
      r.get('/h', { k: apiKeyHeader({ name: 'X-API-Key' }), raw: header('x_api_key'), other: header('x_other') }, () => 1);
      r.get('/q', { k: apiKeyQuery({ name: 'api_key' }), raw: query('api_key'), page: query('page', z.number().int().optional()) }, () => 1);
      r.get('/c', { k: apiKeyCookie({ name: 'session' }), raw: form(z.object({ a: z.string() })) }, () => 1);
    });
    expect(op(doc, 'get', '/h').parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['header:x-other']);
    expect(op(doc, 'get', '/q').parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['query:page']);
    expect(op(doc, 'get', '/c').parameters).toBeUndefined();
  });
});

describe('scheme name clashes', () => {
  test('two different schemes with one name fail at startup, naming both routes', () => {
    const app = new DependsApp();
    app.route('GET', '/a', { k: apiKeyHeader({ name: 'x-a' }) }, () => 1);
    let error: unknown;
    try {
      app.route('GET', '/b', { k: apiKeyHeader({ name: 'x-b' }) }, () => 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateSchemeError);
    expect((error as DuplicateSchemeError).code).toBe(ErrorCode.DuplicateScheme);
    expect((error as Error).message).toContain('"APIKeyHeader"');
    expect((error as Error).message).toContain('GET /a');
    expect((error as Error).message).toContain('GET /b');
    expect(app.routes).toHaveLength(1);
  });

  test('checkSchemes: same shape twice is fine; a clash inside anyOf or a router dependency is found too', () => {
    const registry: SchemeRegistry = new Map();
    const route = (label: string, inputs: Inputs, dependencies: Input[] = []) => ({ label, tree: analyse({ label, dependencies, inputs }) });
    checkSchemes(route('GET /x', { b: httpBearer() }), registry);
    checkSchemes(route('GET /y', { b: httpBearer() }), registry);
    expect([...registry.keys()]).toEqual(['HTTPBearer']);
    expect(() => checkSchemes(route('GET /z', { c: anyOf(httpBearer({ bearerFormat: 'JWT' })) }), registry)).toThrow(/GET \/x.*GET \/z/);
    expect(() => checkSchemes(route('GET /w', {}, [httpBearer({ description: 'other' })]), registry)).toThrow(DuplicateSchemeError);
  });

  test('key order does not make two entries different', () => {
    const app = new DependsApp();
    app.route('GET', '/a', { s: fixtureScheme('S', { type: 'oauth2', flows: { password: { tokenUrl: '/t', scopes: {} } } }) }, () => 1);
    app.route('GET', '/b', { s: fixtureScheme('S', { flows: { password: { scopes: {}, tokenUrl: '/t' } }, type: 'oauth2' }) }, () => 1);
    expect(Object.keys(app.openapi().components!.securitySchemes!)).toEqual(['S']);
  });

  test('buildDocument checks names again (routes assembled by hand)', () => {
    const a = appWith((r) => r.get('/a', { k: apiKeyQuery({ name: 'a' }) }, () => 1));
    const b = appWith((r) => r.get('/b', { k: apiKeyQuery({ name: 'b' }) }, () => 1));
    expect(() => buildDocument([...a.routes, ...b.routes], {})).toThrow(/"APIKeyQuery".*GET \/a.*GET \/b/);
  });
});
