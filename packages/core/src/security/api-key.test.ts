import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { Router } from '../router/router.js';
import { apiKeyCookie, apiKeyHeader, apiKeyQuery } from './api-key.js';
import { rejection } from './test/rejection.js';


async function expectApiKey401(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(error.status).toBe(401);
  expect(error.detail).toBe('Not authenticated');
  expect(error.headers).toEqual({ 'www-authenticate': 'APIKey' });
}

describe('apiKeyHeader', () => {
  const key = apiKeyHeader({ name: 'key' });

  test('success: the raw value, header name case-insensitive', async () => {
    expect(await resolve(key, { headers: { key: 'secret' } })).toBe('secret');
    expect(await resolve(key, { headers: { KEY: 'secret' } })).toBe('secret');
    expect(await resolve(apiKeyHeader({ name: 'X-API-Key' }), { headers: { 'x-api-key': ' spaced ' } })).toBe(' spaced ');
  });

  test('an Authorization header is returned verbatim', async () => {
    expect(await resolve(apiKeyHeader({ name: 'Authorization' }), { headers: { authorization: 'Bearer xyz' } })).toBe('Bearer xyz');
  });

  test('a key header sent twice is a 400, even when optional (issue 10)', async () => {
    for (const scheme of [key, apiKeyHeader({ name: 'Key', autoError: false })]) {
      await expect(resolve(scheme, { headers: [['key', 'one'], ['KEY', 'two']] as [string, string][] })).rejects.toMatchObject({
        status: 400,
        detail: 'The key header was sent more than once',
        headers: undefined,
      });
    }
  });

  test('missing or empty → 401 APIKey; autoError false → undefined', async () => {
    await expectApiKey401(resolve(key, {}));
    await expectApiKey401(resolve(key, { headers: { key: '' } }));
    await expectApiKey401(resolve(key, { headers: { other: 'secret' } }));
    const optional = apiKeyHeader({ name: 'key', autoError: false });
    expect(await resolve(optional, {})).toBeUndefined();
    expect(await resolve(optional, { headers: { key: '' } })).toBeUndefined();
    expect(await resolve(optional, { headers: { key: 'x' } })).toBe('x');
  });

  test('securitySchemes entry and consumed header', () => {
    expect(key.meta.security.scheme.openapi).toEqual({ type: 'apiKey', in: 'header', name: 'key' });
    expect(key.meta.security.scheme.name).toBe('APIKeyHeader');
    expect(apiKeyHeader({ name: 'key', description: 'An API Key Header' }).meta.security.scheme.openapi).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'key',
      description: 'An API Key Header',
    });
    const named = apiKeyHeader({ name: 'X-API-Key' }).meta.security.scheme;
    expect(named.openapi).toEqual({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(named.consumes).toEqual([{ in: 'header', name: 'x-api-key' }]);
    expect(named.challenge).toBe('APIKey');
  });

  test('a missing name is a startup error', () => {
    expect(() => apiKeyHeader({ name: '' })).toThrow(/name/);
  });
});

describe('apiKeyQuery', () => {
  const key = apiKeyQuery({ name: 'key' });

  test('success; repeated keys: the last one wins', async () => {
    expect(await resolve(key, { url: '/x?key=secret' })).toBe('secret');
    expect(await resolve(key, { url: '/x?key=first&other=1&key=last' })).toBe('last');
    expect(await resolve(key, { url: '/x?key=a%20b' })).toBe('a b');
  });

  test('missing or empty → 401 APIKey; autoError false → undefined', async () => {
    await expectApiKey401(resolve(key, { url: '/x' }));
    await expectApiKey401(resolve(key, { url: '/x?key=' }));
    await expectApiKey401(resolve(key, { url: '/x?Key=secret' }));
    expect(await resolve(apiKeyQuery({ name: 'key', autoError: false }), { url: '/x?key=' })).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(key.meta.security.scheme.openapi).toEqual({ type: 'apiKey', in: 'query', name: 'key' });
    expect(key.meta.security.scheme.name).toBe('APIKeyQuery');
    expect(key.meta.security.scheme.consumes).toEqual([{ in: 'query', name: 'key' }]);
  });
});

describe('apiKeyCookie', () => {
  const key = apiKeyCookie({ name: 'key' });

  test('success among several cookie pairs; the last duplicate wins', async () => {
    expect(await resolve(key, { headers: { cookie: 'a=1; key=secret; b=2' } })).toBe('secret');
    expect(await resolve(key, { headers: { cookie: 'key=first;key=last' } })).toBe('last');
    expect(await resolve(key, { headers: { cookie: 'theme=dark;  key="quoted"  ' } })).toBe('quoted');
  });

  test('missing or empty → 401 APIKey; autoError false → undefined', async () => {
    await expectApiKey401(resolve(key, {}));
    await expectApiKey401(resolve(key, { headers: { cookie: 'a=1; b=2' } }));
    await expectApiKey401(resolve(key, { headers: { cookie: 'key=' } }));
    expect(await resolve(apiKeyCookie({ name: 'key', autoError: false }), { headers: { cookie: 'a=1' } })).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(key.meta.security.scheme.openapi).toEqual({ type: 'apiKey', in: 'cookie', name: 'key' });
    expect(key.meta.security.scheme.name).toBe('APIKeyCookie');
  });
});

describe('through an app', () => {
  test('401 body and header, the key never echoed', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/users/me', { key: apiKeyQuery({ name: 'key' }) }, ({ key }) => ({ length: key.length }));
    app.include(router);
    expect((await app.request({ method: 'GET', url: '/users/me?key=secret' })).json()).toEqual({ length: 6 });
    const missing = await app.request({ method: 'GET', url: '/users/me' });
    expect(missing.status).toBe(401);
    expect(missing.body).toBe('{"detail":"Not authenticated"}');
    expect(missing.header('www-authenticate')).toBe('APIKey');
  });
});
