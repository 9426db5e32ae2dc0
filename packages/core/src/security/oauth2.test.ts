import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { Router } from '../router/router.js';
import { normaliseFlows, oauth2, oauth2AuthorizationCodeBearer, oauth2ClientCredentialsBearer, oauth2PasswordBearer } from './oauth2.js';
import { rejection } from './test/rejection.js';


async function expectBearer401(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(error.status).toBe(401);
  expect(error.detail).toBe('Not authenticated');
  expect(error.headers).toEqual({ 'www-authenticate': 'Bearer' });
}

const auth = (value: string) => ({ headers: { authorization: value } });

describe('oauth2 (base)', () => {
  const scheme = oauth2({ flows: { password: { tokenUrl: 'token', scopes: { read: 'Read', write: 'Write' } } } });

  test('the value is the raw header, whatever its scheme', async () => {
    expect(await resolve(scheme, auth('Bearer footokenbar'))).toBe('Bearer footokenbar');
    expect(await resolve(scheme, auth('Other footokenbar'))).toBe('Other footokenbar');
    expect(await resolve(scheme, auth('Bearer  spaced '))).toBe('Bearer  spaced ');
  });

  test('absent or empty → 401 Bearer; autoError false → undefined', async () => {
    await expectBearer401(resolve(scheme, {}));
    await expectBearer401(resolve(scheme, auth('')));
    expect(await resolve(oauth2({ autoError: false }), {})).toBeUndefined();
  });

  test('securitySchemes entries', () => {
    expect(scheme.meta.security.scheme.openapi).toEqual({
      type: 'oauth2',
      flows: { password: { scopes: { read: 'Read', write: 'Write' }, tokenUrl: 'token' } },
    });
    expect(oauth2().meta.security.scheme.openapi).toEqual({ type: 'oauth2', flows: {} });
    expect(oauth2().meta.security.scheme.name).toBe('OAuth2');
    expect(oauth2({ description: 'OAuth2 security scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'oauth2',
      flows: {},
      description: 'OAuth2 security scheme',
    });
  });

  test('flows: defaults, every flow kind, extensions kept, undefined dropped', () => {
    expect(
      normaliseFlows({
        implicit: { authorizationUrl: 'auth', 'x-note': 1 },
        password: { tokenUrl: 'token', refreshUrl: undefined },
        clientCredentials: { tokenUrl: 'cc', refreshUrl: 'refresh' },
        authorizationCode: { authorizationUrl: 'a', tokenUrl: 't', scopes: { s: 'S' } },
        'x-extra': true,
      }),
    ).toEqual({
      implicit: { scopes: {}, authorizationUrl: 'auth', 'x-note': 1 },
      password: { scopes: {}, tokenUrl: 'token' },
      clientCredentials: { refreshUrl: 'refresh', scopes: {}, tokenUrl: 'cc' },
      authorizationCode: { scopes: { s: 'S' }, authorizationUrl: 'a', tokenUrl: 't' },
      'x-extra': true,
    });
    expect(() => oauth2({ flows: { password: {} as never } })).toThrow(/tokenUrl/);
  });
});

describe('oauth2PasswordBearer', () => {
  const scheme = oauth2PasswordBearer({ tokenUrl: '/token' });

  test('the value is the token', async () => {
    expect(await resolve(scheme, auth('Bearer testtoken'))).toBe('testtoken');
    expect(await resolve(scheme, auth('bearer   testtoken  '))).toBe('testtoken');
  });

  test.each([
    ['missing', {}],
    ['wrong scheme', auth('Basic notreally')],
    ['non-bearer', auth('Other testtoken')],
    ['no token (FastAPI returns "")', auth('Bearer')],
    ['blank token', auth('Bearer   ')],
  ])('%s → 401 Bearer', async (_, request) => {
    await expectBearer401(resolve(scheme, request));
  });

  test('autoError false', async () => {
    const optional = oauth2PasswordBearer({ tokenUrl: '/token', autoError: false });
    expect(await resolve(optional, {})).toBeUndefined();
    expect(await resolve(optional, auth('Basic x'))).toBeUndefined();
    expect(await resolve(optional, auth('Bearer t'))).toBe('t');
  });

  test('securitySchemes entries', () => {
    expect(scheme.meta.security.scheme.openapi).toEqual({ type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/token' } } });
    expect(scheme.meta.security.scheme.name).toBe('OAuth2PasswordBearer');
    expect(scheme.meta.security.scheme.bearerChallenges).toBe(true);
    expect(
      oauth2PasswordBearer({ tokenUrl: 'token', refreshUrl: 'refresh', scopes: { me: 'Me' }, description: 'OAuth2PasswordBearer security scheme' })
        .meta.security.scheme.openapi,
    ).toEqual({
      type: 'oauth2',
      description: 'OAuth2PasswordBearer security scheme',
      flows: { password: { refreshUrl: 'refresh', scopes: { me: 'Me' }, tokenUrl: 'token' } },
    });
  });

  test('through an app', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/items', { token: scheme }, ({ token }) => ({ token: token.length }));
    app.include(router);
    expect((await app.request({ method: 'GET', url: '/items', headers: { authorization: 'Bearer testtoken' } })).json()).toEqual({ token: 9 });
    const missing = await app.request({ method: 'GET', url: '/items' });
    expect([missing.status, missing.body, missing.header('www-authenticate')]).toEqual([401, '{"detail":"Not authenticated"}', 'Bearer']);
  });
});

describe('oauth2AuthorizationCodeBearer', () => {
  const scheme = oauth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token' });

  test('value, 401 and autoError false', async () => {
    expect(await resolve(scheme, auth('Bearer testtoken'))).toBe('testtoken');
    await expectBearer401(resolve(scheme, {}));
    await expectBearer401(resolve(scheme, auth('Basic notreally')));
    expect(await resolve(oauth2AuthorizationCodeBearer({ authorizationUrl: 'a', tokenUrl: 't', autoError: false }), {})).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(scheme.meta.security.scheme.openapi).toEqual({
      type: 'oauth2',
      flows: { authorizationCode: { authorizationUrl: 'authorize', tokenUrl: 'token', scopes: {} } },
    });
    expect(scheme.meta.security.scheme.name).toBe('OAuth2AuthorizationCodeBearer');
    expect(
      oauth2AuthorizationCodeBearer({ authorizationUrl: 'a', tokenUrl: 't', refreshUrl: 'r', scopes: { read: 'Read' }, description: 'D' }).meta
        .security.scheme.openapi,
    ).toEqual({
      type: 'oauth2',
      description: 'D',
      flows: { authorizationCode: { refreshUrl: 'r', scopes: { read: 'Read' }, authorizationUrl: 'a', tokenUrl: 't' } },
    });
  });
});

describe('oauth2ClientCredentialsBearer', () => {
  const scheme = oauth2ClientCredentialsBearer({ tokenUrl: 'https://id.example.com/token', scopes: { 'jobs:run': 'Run jobs' } });

  test('value, 401 and autoError false', async () => {
    expect(await resolve(scheme, auth('Bearer machine'))).toBe('machine');
    await expectBearer401(resolve(scheme, {}));
    expect(await resolve(oauth2ClientCredentialsBearer({ tokenUrl: 't', autoError: false }), {})).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(scheme.meta.security.scheme.openapi).toEqual({
      type: 'oauth2',
      flows: { clientCredentials: { scopes: { 'jobs:run': 'Run jobs' }, tokenUrl: 'https://id.example.com/token' } },
    });
    expect(scheme.meta.security.scheme.name).toBe('OAuth2ClientCredentialsBearer');
  });
});
