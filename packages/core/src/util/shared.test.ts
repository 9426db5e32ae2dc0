import { describe, expect, test, vi } from 'vitest';
import * as first from '../index.js';
import { appFrom } from '../adapter/index.js';

/**
 * A second copy of the core in the same process, as an ES module app gets
 * when a CommonJS package it uses requires the core: the module registry
 * emptied, the core imported again (every module evaluated anew).
 */
async function secondCopy(): Promise<typeof first> {
  vi.resetModules();
  const second = (await import('../index.js')) as typeof first;
  // a copy indeed: its functions are other functions
  expect(second.depends).not.toBe(first.depends);
  expect(second.DependsApp).not.toBe(first.DependsApp);
  return second;
}

describe('two copies of the core in one process', () => {
  test('a refusal made by the other copy refuses, never reaches the handler as a value', async () => {
    const other = await secondCopy();
    const app = new first.DependsApp({ onError: () => {} });
    const user = first.depends({ auth: first.httpBearer() }, ({ auth }) => (auth.credentials === 'good' ? { name: 'alice' } : other.refuse(other.invalidToken())));
    let ran = 0;
    app.route('GET', '/me', { user }, ({ user }) => {
      ran++;
      return user;
    });
    const refused = await app.request({ url: '/me', headers: { authorization: 'Bearer bad' } });
    expect([refused.status, refused.json(), refused.header('www-authenticate'), ran]).toEqual([401, { detail: 'Could not validate credentials' }, 'Bearer error="invalid_token"', 0]);
    const accepted = await app.request({ url: '/me', headers: { authorization: 'Bearer good' } });
    expect([accepted.status, accepted.json(), ran]).toEqual([200, { name: 'alice' }, 1]);
  });

  test("the other copy's HTTPException and reply() are answered as themselves", async () => {
    const other = await secondCopy();
    const app = new first.DependsApp({ onError: () => {} });
    app.route('GET', '/missing', {}, () => {
      throw new other.HTTPException(404, 'Item not found');
    });
    app.route('POST', '/items', {}, () => other.reply({ id: 1 }, { status: 201, headers: { location: '/items/1' } }));
    const missing = await app.request({ url: '/missing' });
    expect([missing.status, missing.json()]).toEqual([404, { detail: 'Item not found' }]);
    const created = await app.request({ method: 'POST', url: '/items' });
    expect([created.status, created.header('location'), created.json()]).toEqual([201, '/items/1', { id: 1 }]);
  });

  test("the other copy's scope helpers read this copy's SecurityScopes (and refuse with 403, not a 500)", async () => {
    const other = await secondCopy();
    const app = new first.DependsApp({ onError: () => {} });
    const oauth2 = first.oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read me', items: 'Read items' } });
    const user = first.depends({ token: oauth2, required: first.securityScopes }, ({ token, required }) => {
      other.assertScopes(required, token === 'me-only' ? 'me' : 'me items');
      return { token, missing: other.missingScopes(required, 'me') };
    });
    app.route('GET', '/items', { user: first.security(user, { scopes: ['items'] }) }, ({ user }) => user);
    const refused = await app.request({ url: '/items', headers: { authorization: 'Bearer me-only' } });
    expect([refused.status, refused.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="items"']);
    const accepted = await app.request({ url: '/items', headers: { authorization: 'Bearer all' } });
    expect([accepted.status, accepted.json()]).toEqual([200, { token: 'all', missing: ['items'] }]);
    expect(other.insufficientScope(new first.SecurityScopes(['a', 'b'])).headers).toMatchObject({ 'www-authenticate': 'Bearer error="insufficient_scope", scope="a b"' });
  });

  test("an adapter given the other copy's DependsApp serves that app (its options and overrides), not a new one", async () => {
    const other = await secondCopy();
    const app = new other.DependsApp({ title: 'Notes' });
    expect(app).not.toBeInstanceOf(first.DependsApp);
    expect(appFrom(app)).toBe(app);
    expect(appFrom({ title: 'Other' })).toBeInstanceOf(first.DependsApp);
    expect(appFrom({ title: 'Other' }).openapi().info.title).toBe('Other');
  });

  test('instanceof holds across copies, for every error class of the catalogue', async () => {
    const other = await secondCopy();
    for (const name of ['DependsError', 'ConfigurationError', 'RouteInputError', 'DuplicateRouteError', 'HTTPException', 'RequestValidationError', 'OAuth2Error'] as const) {
      expect(other[name], name).toBe(first[name]);
    }
    const thrown = new other.RequestValidationError([]);
    expect(thrown).toBeInstanceOf(first.HTTPException);
    expect(thrown).toBeInstanceOf(first.DependsError);
    expect(thrown.name).toBe('RequestValidationError');
    expect([new other.HTTPException(404, 'gone').message, new other.HTTPException(404).detail]).toEqual(['gone', 'Not Found']);
  });
});
