/**
 * Mistakes caught at startup: each fails when the route is registered, with
 * a message naming the route, the input's key path and the fix, and a
 * stable code.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp } from '../app/app.js';
import { securityScopes } from '../dependency/builtins.js';
import { createDependency, depends, security, use } from '../dependency/depends.js';
import type { Input } from '../dependency/types.js';
import { ConfigurationError, DuplicateRouteError, ErrorCode, RouteInputError } from '../errors/catalogue.js';
import { Router, routeDef } from '../router/router.js';
import { anyOf, apiKeyHeader, httpBearer, oauth2PasswordBearer, openIdConnect, withScopes } from '../security/index.js';
import { cookie, header, path, query } from '../sources/params.js';
import { analyse } from '../model/analyse.js';
import { reachesScheme } from './declarations.js';
import { placedNodes } from './tree.js';
import { unreadableFromString } from './readable.js';

/** The error registering one route throws (fails the test when none is thrown). */
function failure(method: string, path: string, inputs: Record<string, Input>, options: { dependencies?: Input[] } = {}): RouteInputError {
  try {
    new DependsApp().route(method, path, inputs as never, () => 1, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RouteInputError);
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as RouteInputError;
  }
  throw new Error(`registering ${method} ${path} did not fail`);
}

describe('a header parameter OpenAPI ignores', () => {
  test("header('authorization') fails, naming route and input, pointing to httpBearer() and apiKeyHeader({ name: 'Authorization' })", () => {
    const e = failure('GET', '/me', { auth: header('authorization') });
    expect(e.code).toBe(ErrorCode.IgnoredHeader);
    expect([e.route, e.input]).toEqual(['GET /me', 'auth']);
    expect(e.message).toMatch(/^Route GET \/me, input "auth": header\('authorization'\) declares "Authorization" as a header parameter, which OpenAPI ignores/);
    expect(e.message).toContain('422 instead of 401');
    expect(e.message).toContain('httpBearer()');
    expect(e.message).toContain("apiKeyHeader({ name: 'Authorization' })");
  });

  test('any spelling, at any depth, as a router dependency (the article: a header dependency on the router)', () => {
    const verify = depends({ token: header('Authorization', z.string().startsWith('Bearer ')) }, () => undefined);
    const router = new Router({ prefix: '/v1', dependencies: [verify] });
    router.get('/health', {}, () => 'Ok');
    const app = new DependsApp();
    expect(() => app.include(router)).toThrow('Route GET /v1/health, input "dependencies[0].token": header(\'authorization\')');
    const named = depends({ token: header('authorization') }, () => undefined, { name: 'verifyToken' });
    expect(failure('GET', '/', {}, { dependencies: [named] }).input).toBe('dependencies.verifyToken.token');
    expect(failure('GET', '/', { user: depends({ a: header('authorization', z.string().optional()) }, () => 1) }).input).toBe('user.a');
    expect(failure('GET', '/', { h: header('x', z.string(), { alias: 'AUTHORIZATION' }) }).code).toBe(ErrorCode.IgnoredHeader);
  });

  test('Accept and Content-Type fail too, each with its own fix', () => {
    const accept = failure('GET', '/', { accept: header('accept') });
    expect(accept.message).toContain('"Accept"');
    expect(accept.message).toContain('responses');
    const type = failure('POST', '/', { type: header('content_type') });
    expect(type.message).toContain('"Content-Type"');
    expect(type.message).toContain('body() or form()');
  });

  test("what a security scheme reads for itself is not a parameter: a custom scheme over header('authorization') is accepted", () => {
    const custom = createDependency({ raw: header('authorization') }, ({ raw }: { raw: string }) => raw, {
      name: 'Custom',
      meta: {
        security: {
          kind: 'scheme',
          scheme: { name: 'Custom', openapi: { type: 'http', scheme: 'bearer' }, challenge: 'Bearer', consumes: [{ in: 'header', name: 'authorization' }], optional: false, bearerChallenges: true },
        },
      },
    });
    expect(() => new DependsApp().route('GET', '/', { custom }, () => 1)).not.toThrow();
    expect(() => new DependsApp().route('GET', '/', { bearer: httpBearer(), key: apiKeyHeader({ name: 'Authorization' }), x: header('x_token') }, () => 1)).not.toThrow();
  });
});

describe('security() over a dependency that does nothing with it', () => {
  test('fails when no scheme is reached and no scope is read', () => {
    const tokenHolder = depends({ token: header('x_token') }, function tokenHolder({ token }) {
      return token;
    });
    const e = failure('GET', '/me', { user: security(tokenHolder, { scopes: ['me'] }) });
    expect(e.code).toBe(ErrorCode.SecurityWithoutScheme);
    expect(e.message).toMatch(/^Route GET \/me, input "user": security\(tokenHolder\) is declared over a dependency that reaches no security scheme/);
    expect(e.message).toContain('httpBearer()');
    // without scopes too, and as a route dependency
    expect(failure('GET', '/', {}, { dependencies: [security(tokenHolder)] }).input).toBe('dependencies.tokenHolder');
    // use() is not security(): a plain use is fine
    expect(() => new DependsApp().route('GET', '/', { user: use(tokenHolder) }, () => 1)).not.toThrow();
  });

  test('passes over a scheme at any depth, an anyOf, a scopes reader or withScopes', () => {
    const bearer = httpBearer();
    const user = depends({ token: bearer }, ({ token }) => token.credentials);
    const outer = depends({ user }, ({ user }) => user);
    const reader = depends({ s: securityScopes }, ({ s }) => s.scopes);
    const app = new DependsApp();
    app.route('GET', '/a', { u: security(outer, { scopes: ['x'] }) }, () => 1);
    app.route('GET', '/b', { u: security(anyOf(bearer, apiKeyHeader({ name: 'x-key' }))) }, () => 1);
    app.route('GET', '/c', { u: security(reader, { scopes: ['x'] }) }, () => 1);
    app.route('GET', '/d', { u: security(withScopes(user, () => ['x']), { scopes: ['x'] }) }, () => 1);
    expect(app.routes).toHaveLength(4);
    expect([reachesScheme(outer), reachesScheme(reader), reachesScheme(depends(() => 1))]).toEqual([true, true, false]);
  });
});

describe('a parameter schema that cannot be read from a string', () => {
  test('z.object for a query parameter fails, naming route, key and what to use instead', () => {
    const e = failure('GET', '/items', { filter: query('filter', z.object({ a: z.string() })) });
    expect(e.code).toBe(ErrorCode.UnreadableParameter);
    expect(e.message).toMatch(/^Route GET \/items, input "filter": query\('filter'\) is read from a string, but its schema is an object/);
    expect(e.message).toContain('one query() per field');
    expect(failure('GET', '/', { h: header('x_ids', z.array(z.array(z.string()))) }).message).toContain('an array of arrays');
    expect(failure('GET', '/', { c: cookie('prefs', z.record(z.string(), z.string())) }).message).toContain('A cookie holds one string');
    expect(failure('GET', '/{id}', { id: path('id', z.array(z.string())) }).message).toContain('only header and query parameters can repeat');
    expect(failure('GET', '/', { since: query('since', z.date()) }).message).toContain('z.coerce.date()');
  });

  test('what each kind of schema gives', () => {
    const readable = [
      z.string(), z.email(), z.number().int(), z.coerce.number(), z.boolean(), z.stringbool(), z.bigint(), z.enum(['a', 'b']),
      z.literal('x'), z.coerce.date(), z.iso.datetime(), z.string().transform((s) => s.length), z.string().optional().default('x'),
      z.union([z.string(), z.object({})]), z.any(), z.preprocess((v) => v, z.number()), z.templateLiteral(['a', z.number()]),
    ];
    for (const schema of readable) expect(unreadableFromString(schema, false)).toBeUndefined();
    expect(unreadableFromString(z.array(z.number()), true)).toBeUndefined();
    expect(unreadableFromString(z.array(z.number()).optional(), false)).toMatch(/^an array/);
    expect(unreadableFromString(z.object({}).optional(), true)).toBe('an object');
    expect(unreadableFromString(z.array(z.object({})), true)).toBe('an array whose items are an object');
    expect(unreadableFromString(z.tuple([z.string()]), true)).toBe('a tuple');
    expect(unreadableFromString(z.union([z.object({}), z.record(z.string(), z.string())]), true)).toBe('an object');
  });
});

describe('path() on a route without that parameter', () => {
  test("path('id') on /items/{item_id} fails, suggesting the route's own names", () => {
    const e = failure('GET', '/items/{item_id}', { id: path('id') });
    expect(e.code).toBe(ErrorCode.UnknownPathParameter);
    expect(e.message).toBe(
      "Route GET /items/{item_id}, input \"id\": path('id') reads the path parameter \"id\", but /items/{item_id} has no {id}: it would be missing on every request. Use path('item_id'), or add {id} to the path.",
    );
    expect(failure('GET', '/items', { id: path('id') }).message).toContain("query('id')");
    expect(() => new DependsApp().route('GET', '/items/:id', { id: path('id') }, () => 1)).not.toThrow();
  });

  test('a wrapped handler whose path is not known yet is checked once it is registered with its path', () => {
    const app = new DependsApp();
    const def = routeDef('GET', '/', { id: path('id') }, () => 1);
    expect(() => app.prepare(def, 'handler show')).not.toThrow();
    expect(() => app.add({ ...def, path: '/things/:id' })).not.toThrow();
    expect(() => app.add({ ...def, path: '/other/:key' })).toThrow(RouteInputError);
  });
});

describe('a scope the OAuth2 scheme does not declare', () => {
  const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself', items: 'Read items' } });
  const user = depends({ token: oauth2Scheme }, ({ token }) => token);

  test('fails, naming the key where the scope was required and the declared scopes', () => {
    const me = depends({ user: security(user, { scopes: ['me'] }) }, ({ user }) => user);
    const e = failure('GET', '/items', { me: security(me, { scopes: ['itmes'] }) });
    expect(e.code).toBe(ErrorCode.UndeclaredScope);
    expect(e.input).toBe('me');
    expect(e.message).toContain('scope "itmes" is not declared by the OAuth2 scheme "OAuth2PasswordBearer" (it declares: me, items)');
    expect(e.message).toContain("scopes: { 'itmes': 'What it allows' }");
    const none = oauth2PasswordBearer({ tokenUrl: 'token' });
    expect(failure('GET', '/', {}, { dependencies: [security(none, { scopes: ['a'] })] }).message).toContain('it declares none');
  });

  test('declared scopes pass; other scheme types take any scope', () => {
    const app = new DependsApp();
    app.route('GET', '/a', { u: security(user, { scopes: ['items', 'me'] }) }, () => 1);
    app.route('GET', '/b', { u: security(httpBearer(), { scopes: ['anything'] }) }, () => 1);
    app.route('GET', '/c', { u: security(openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' }), { scopes: ['openid'] }) }, () => 1);
    expect(app.routes).toHaveLength(3);
  });
});

describe('the same method and path declared twice', () => {
  test('fails naming both forms; parameter names do not make two paths different', () => {
    const app = new DependsApp();
    app.route('GET', '/items/{id}', {}, () => 1);
    app.route('POST', '/items/{id}', {}, () => 1);
    app.route('GET', '/items', {}, () => 1);
    let error: unknown;
    try {
      app.route('get', '/items/:key', {}, () => 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateRouteError);
    expect((error as DuplicateRouteError).code).toBe(ErrorCode.DuplicateRoute);
    expect((error as Error).message).toMatch(/^Route GET \/items\/\{id\} is declared twice \(the second time as GET \/items\/\{key\}\)/);
    const router = new Router();
    router.get('/x', {}, () => 1);
    const twice = new DependsApp();
    twice.include(router);
    expect(() => twice.include(router)).toThrow('Route GET /x is declared twice:');
    expect(app.routes).toHaveLength(3);
  });
});

describe('an input that is not a dependency', () => {
  test('undefined (an import cycle) names the route and the key', () => {
    const e = failure('GET', '/me', { user: undefined as never });
    expect(e.code).toBe(ErrorCode.NotADependency);
    expect(e.message).toMatch(/^Route GET \/me, input "user": it is undefined, not a dependency: usually an import cycle/);
    expect(failure('GET', '/', {}, { dependencies: [httpBearer(), undefined as never] }).input).toBe('dependencies[1]');
    expect(failure('GET', '/', { u: security(undefined as never, { scopes: ['a'] }) }).input).toBe('u');
    expect(failure('GET', '/', { n: 42 as never }).message).toContain('it is number, not a dependency');
  });

  test('inside depends(), the dependency and the key are named at declaration', () => {
    expect(() => depends({ db: undefined as never }, () => 1)).toThrow(/^Input "db" of dependency "anonymous" is undefined, not a dependency: usually an import cycle/);
    expect(() => depends({ db: use(undefined as never) }, function load() {})).toThrow('Input "db" of dependency "load" is a use() of undefined');
  });
});

describe('placedNodes', () => {
  test('outer dependencies first, then the handler inputs, with key paths and where each scope was required', () => {
    const scheme = oauth2PasswordBearer({ tokenUrl: 't', scopes: { a: 'A', b: 'B' } });
    const user = depends({ token: scheme }, ({ token }) => token);
    const tree = analyse({ label: 'GET /', inputs: { u: security(user, { scopes: ['b'] }), q: query('q') }, dependencies: [security(scheme, { scopes: ['a'] })] });
    expect(placedNodes(tree).map((n) => [n.key, n.scopes.map(([s, k]) => `${s}@${k}`), n.withinScheme])).toEqual([
      ['dependencies.OAuth2PasswordBearer', ['a@dependencies.OAuth2PasswordBearer'], false],
      ['u', ['b@u'], false],
      ['u.token', ['b@u'], false],
      ['q', [], false],
    ]);
  });
});
