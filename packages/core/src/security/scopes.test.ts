import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { SecurityScopes, securityScopes } from '../dependency/builtins.js';
import { depends, security } from '../dependency/depends.js';
import { HTTPException } from '../errors/catalogue.js';
import { Router } from '../router/router.js';
import { oauth2PasswordBearer } from './oauth2.js';
import { assertScopes, missingScopes, withScopes } from './scopes.js';
import { invalidToken } from './errors.js';

describe('missingScopes / assertScopes', () => {
  test('granted as a string, an array, a set, or nothing', () => {
    expect(missingScopes(['items', 'me'], 'me openid')).toEqual(['items']);
    expect(missingScopes(['items', 'me'], ['items', 'me'])).toEqual([]);
    expect(missingScopes(new SecurityScopes(['a', 'b']), new Set(['b']))).toEqual(['a']);
    expect(missingScopes(['a'], undefined)).toEqual(['a']);
    expect(missingScopes([], null)).toEqual([]);
  });

  test('assertScopes throws the 403 listing every required scope', () => {
    expect(() => assertScopes(['items', 'me'], 'me')).toThrow(HTTPException);
    try {
      assertScopes(new SecurityScopes(['items', 'me']), 'me');
    } catch (error) {
      expect(error).toMatchObject({
        status: 403,
        detail: 'Not enough permissions',
        headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="items me"' },
      });
    }
    expect(() => assertScopes(['me'], 'me items')).not.toThrow();
  });
});

describe('withScopes', () => {
  // Tokens are "user:scope1,scope2" for the test.
  const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself', items: 'Read items' } });
  const claims = depends({ token: oauth2Scheme }, ({ token }) => {
    const [sub, scopes] = token.split(':');
    if (!sub || scopes === undefined) throw invalidToken();
    return { sub, scope: scopes.split(',').join(' ') };
  });
  const currentUser = withScopes(claims, (c) => c.scope);

  const app = new DependsApp();
  const router = new Router();
  router.get('/status', { user: currentUser }, ({ user }) => ({ sub: user.sub }));
  router.get('/users/me', { user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => ({ sub: user.sub }));
  router.get('/users/me/items', { user: security(currentUser, { scopes: ['items', 'me'] }) }, ({ user }) => [{ owner: user.sub }]);
  app.include(router);
  const get = (url: string, token?: string) =>
    app.request({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  test('no scope required: any valid token', async () => {
    expect((await get('/status', 'alice:')).json()).toEqual({ sub: 'alice' });
  });

  test('granted scopes: 200', async () => {
    expect((await get('/users/me', 'alice:me')).status).toBe(200);
    expect((await get('/users/me/items', 'alice:me,items')).json()).toEqual([{ owner: 'alice' }]);
  });

  test('missing scope: 403 insufficient_scope with the required scopes', async () => {
    const res = await get('/users/me/items', 'alice:me');
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ detail: 'Not enough permissions' });
    expect(res.header('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="items me"');
  });

  test('no credential: 401 from the scheme; bad token: 401 invalid_token', async () => {
    const none = await get('/users/me');
    expect([none.status, none.header('www-authenticate')]).toEqual([401, 'Bearer']);
    const bad = await get('/users/me', 'garbage');
    expect([bad.status, bad.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token"']);
  });

  test('meta: enforces scopes, uses securityScopes', () => {
    expect(currentUser.meta.enforcesScopes).toBe(true);
    expect(currentUser.inputs.required).toBe(securityScopes);
    expect(currentUser.name).toBe('withScopes(anonymous)');
    expect(withScopes(claims, () => [], { name: 'currentUser' }).name).toBe('currentUser');
  });

  test('async granted scopes and a custom detail', async () => {
    const user = withScopes(depends(() => ({ id: 1 })), async () => ['read'], { detail: 'Forbidden' });
    expect(await resolve(security(user, { scopes: ['read'] }))).toEqual({ id: 1 });
    await expect(resolve(security(user, { scopes: ['write'] }))).rejects.toMatchObject({
      status: 403,
      detail: 'Forbidden',
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="write"' },
    });
  });

  test('synchronous all the way when granted() is synchronous', async () => {
    const user = withScopes(depends(() => 'u'), () => 'a');
    const fn = user.fn as (values: unknown) => unknown;
    expect(fn({ value: 'u', required: new SecurityScopes(['a']) })).toBe('u');
  });
});
