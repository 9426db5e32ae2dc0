/**
 * FastAPI's scope accumulation and cache rules (reference §3.3, §3.4),
 * shown with `security()`, `securityScopes` and a real scheme.
 */
import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { securityScopes } from '../dependency/builtins.js';
import { depends, security, use } from '../dependency/depends.js';
import { Router } from '../router/router.js';
import { oauth2PasswordBearer } from './oauth2.js';

function appWith(build: (router: Router) => void): DependsApp {
  const app = new DependsApp();
  const router = new Router();
  build(router);
  app.include(router);
  return app;
}

describe('scope accumulation', () => {
  test('tutorial005: items → me → scheme, outermost first', async () => {
    const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Me', items: 'Items' } });
    const getCurrentUser = depends({ required: securityScopes, token: oauth2Scheme }, ({ required, token }) => ({
      token,
      scopes: required.scopes,
      scopeStr: required.scopeStr,
    }));
    const getCurrentActiveUser = depends({ user: security(getCurrentUser, { scopes: ['me'] }) }, ({ user }) => user);
    const app = appWith((r) => {
      r.get('/users/me/items', { user: security(getCurrentActiveUser, { scopes: ['items'] }) }, ({ user }) => user);
      r.get('/users/me', { user: getCurrentActiveUser }, ({ user }) => user);
      r.get('/status', { user: getCurrentUser }, ({ user }) => user);
    });
    const headers = { authorization: 'Bearer t' };
    expect((await app.request({ method: 'GET', url: '/users/me/items', headers })).json()).toEqual({
      token: 't',
      scopes: ['items', 'me'],
      scopeStr: 'items me',
    });
    expect((await app.request({ method: 'GET', url: '/users/me', headers })).json()).toMatchObject({ scopes: ['me'] });
    expect((await app.request({ method: 'GET', url: '/status', headers })).json()).toMatchObject({ scopes: [] });
  });

  test('siblings do not leak into each other (test_security_scopes_dont_propagate)', async () => {
    const security1 = depends({ scopes: securityScopes }, ({ scopes }) => scopes.scopes);
    const security2 = depends({ scopes: securityScopes }, ({ scopes }) => scopes.scopes);
    const dep3 = depends(
      { dep1: security(security1, { scopes: ['scope1'] }), dep2: security(security2, { scopes: ['scope2'] }) },
      ({ dep1, dep2 }) => ({ dep1, dep2 }),
    );
    const app = appWith((r) => r.get('/scopes', { dep3: security(dep3, { scopes: ['scope3'] }) }, ({ dep3 }) => dep3));
    expect((await app.request({ method: 'GET', url: '/scopes' })).json()).toEqual({ dep1: ['scope3', 'scope1'], dep2: ['scope3', 'scope2'] });
  });

  test('parameterless route dependencies pass their scopes through', async () => {
    const seen: string[][] = [];
    const check = depends({ scopes: securityScopes }, ({ scopes }) => {
      seen.push([...scopes.scopes]);
    });
    const app = appWith((r) => r.get('/', {}, () => 'ok', { dependencies: [security(check, { scopes: ['a', 'b'] })] }));
    expect((await app.request({ method: 'GET', url: '/' })).status).toBe(200);
    expect(seen).toEqual([['a', 'b']]);
  });

  test('an override keeps the original use\'s scopes', async () => {
    const getUser = depends({ scopes: securityScopes }, (): unknown => 'real');
    const app = appWith((r) => r.get('/user', { user: security(getUser, { scopes: ['foo', 'bar'] }) }, ({ user }) => user));
    app.overrides.set(getUser, depends({ scopes: securityScopes }, ({ scopes }) => ({ overridden: true, scopes: scopes.scopes })));
    expect((await app.request({ method: 'GET', url: '/user' })).json()).toEqual({ overridden: true, scopes: ['foo', 'bar'] });
  });

  test('overriding a scheme: the dependency using it still gets its scopes', async () => {
    const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Me' } });
    const user = depends({ token: oauth2Scheme, required: securityScopes }, ({ token, required }) => ({ token, scopes: required.scopes }));
    const app = appWith((r) => r.get('/me', { user: security(user, { scopes: ['me'] }) }, ({ user }) => user));
    app.overrides.set(oauth2Scheme, () => 'fake-token');
    expect((await app.request({ method: 'GET', url: '/me' })).json()).toEqual({ token: 'fake-token', scopes: ['me'] });
  });
});

describe('per-request cache and scopes', () => {
  test('a dependency that does not use scopes runs once, even under scoped uses (test_security_scopes)', async () => {
    let calls = 0;
    const getDb = depends(() => ++calls);
    const getUser = depends({ db: getDb, required: securityScopes }, ({ db }) => db);
    const app = appWith((r) =>
      r.get('/', { db: getDb, user: security(getUser, { scopes: ['read'] }) }, ({ db, user }) => ({ db, user })),
    );
    expect((await app.request({ method: 'GET', url: '/' })).json()).toEqual({ db: 1, user: 1 });
    expect(calls).toBe(1);
  });

  test('a dependency with a scheme below is cached per scope set (test_security_scopes_sub_dependency)', async () => {
    const counts = { getDbSession: 0, getCurrentUser: 0, getUserMe: 0, getUserItems: 0 };
    const getDbSession = depends(() => `db_session_${++counts.getDbSession}`);
    const getCurrentUser = depends({ securityScopes, dbSession: getDbSession }, ({ securityScopes, dbSession }) => ({
      user: `user_${++counts.getCurrentUser}`,
      scopes: securityScopes.scopes,
      db_session: dbSession,
    }));
    const getUserMe = depends({ currentUser: security(getCurrentUser, { scopes: ['me'] }) }, ({ currentUser }) => ({
      user_me: `user_me_${++counts.getUserMe}`,
      current_user: currentUser,
    }));
    const getUserItems = depends({ userMe: getUserMe }, ({ userMe }) => ({
      user_items: `user_items_${++counts.getUserItems}`,
      user_me: userMe,
    }));
    const app = appWith((r) =>
      r.get('/', { userMe: getUserMe, userItems: security(getUserItems, { scopes: ['items'] }) }, ({ userMe, userItems }) => ({
        user_me: userMe,
        user_items: userItems,
      })),
    );
    const res = await app.request({ method: 'GET', url: '/' });
    expect(res.status).toBe(200);
    expect(counts).toEqual({ getDbSession: 1, getCurrentUser: 2, getUserMe: 2, getUserItems: 1 });
    expect(res.json()).toEqual({
      user_me: { user_me: 'user_me_1', current_user: { user: 'user_1', scopes: ['me'], db_session: 'db_session_1' } },
      user_items: {
        user_items: 'user_items_1',
        user_me: { user_me: 'user_me_2', current_user: { user: 'user_2', scopes: ['items', 'me'], db_session: 'db_session_1' } },
      },
    });
  });

  test('security(dep) without scopes and twice with the same scopes: 1, 2, 2', async () => {
    let counter = 0;
    // (it reads its scopes: security() over a dependency that reaches no scheme and reads no scope is refused at startup)
    const depCounter = depends({ required: securityScopes }, () => ++counter);
    const app = appWith((r) =>
      r.get(
        '/scope-counter',
        {
          count: security(depCounter),
          scopeCount1: security(depCounter, { scopes: ['scope'] }),
          scopeCount2: security(depCounter, { scopes: ['scope'] }),
        },
        ({ count, scopeCount1, scopeCount2 }) => ({ counter: count, scope_counter_1: scopeCount1, scope_counter_2: scopeCount2 }),
      ),
    );
    expect((await app.request({ method: 'GET', url: '/scope-counter' })).json()).toEqual({ counter: 1, scope_counter_1: 2, scope_counter_2: 2 });
  });

  test('a scheme is read once per scope set; useCache false reads again', async () => {
    let reads = 0;
    const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { x: 'X' } });
    const counted = depends({ token: oauth2Scheme }, ({ token }) => `${token}#${++reads}`);
    const app = appWith((r) =>
      r.get(
        '/',
        { a: counted, b: counted, c: security(counted, { scopes: ['x'] }), d: use(counted, { useCache: false }) },
        (values) => values,
      ),
    );
    expect((await app.request({ method: 'GET', url: '/', headers: { authorization: 'Bearer t' } })).json()).toEqual({
      a: 't#1',
      b: 't#1',
      c: 't#2',
      d: 't#3',
    });
  });
});
