import { describe, expect, test } from 'vitest';
import { DependsApp, Router, depends, security, securityScopes, use } from '../index.js';

function counter() {
  let n = 0;
  const dep = depends(function count() {
    return ++n;
  });
  return { dep, calls: () => n };
}

describe('per-request cache (FastAPI §3.3)', () => {
  test('a dependency used twice in one request runs once, and again on the next request', async () => {
    const { dep, calls } = counter();
    const a = depends({ c: dep }, ({ c }) => c);
    const b = depends({ c: dep }, ({ c }) => c);
    const app = new DependsApp();
    app.route('GET', '/', { a, b, c: dep }, (v) => v);
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 1, b: 1, c: 1 });
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 2, b: 2, c: 2 });
    expect(calls()).toBe(2);
  });

  test('useCache: false gives a fresh value for that use only (/sub-counter-no-cache/)', async () => {
    let n = 0;
    const count = depends(() => ++n);
    const sub = depends({ c: count }, ({ c }) => c);
    const app = new DependsApp();
    app.route('GET', '/', { subcounter: sub, counter: use(count, { useCache: false }) }, ({ subcounter, counter }) => ({ counter, subcounter }));
    expect((await app.request({ url: '/' })).json()).toEqual({ counter: 2, subcounter: 1 });
  });

  test('useCache: false declared on the dependency applies to every use', async () => {
    let n = 0;
    const count = depends(() => ++n, { useCache: false });
    const app = new DependsApp();
    app.route('GET', '/', { a: count, b: count }, (v) => v);
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 1, b: 2 });
  });

  test('scopes split the cache only for the uses that carry them: 1, 2, 2', async () => {
    let n = 0;
    // (it reads its scopes: security() over a dependency that reaches no scheme and reads no scope is refused at startup)
    const dep = depends({ required: securityScopes }, () => ++n);
    const app = new DependsApp();
    app.route(
      'GET',
      '/',
      { counter: security(dep), scopeCounter1: security(dep, { scopes: ['scope'] }), scopeCounter2: security(dep, { scopes: ['scope'] }) },
      (v) => v,
    );
    expect((await app.request({ url: '/' })).json()).toEqual({ counter: 1, scopeCounter1: 2, scopeCounter2: 2 });
  });

  test('a dependency that does not use scopes is shared across scoped branches (get_db once)', async () => {
    let dbCalls = 0;
    const db = depends(() => ++dbCalls);
    const user = depends({ db, required: securityScopes }, ({ db }) => ({ db }));
    const app = new DependsApp();
    app.route('GET', '/', { db, user: security(user, { scopes: ['read'] }) }, (v) => v);
    expect((await app.request({ url: '/' })).json()).toEqual({ db: 1, user: { db: 1 } });
    expect(dbCalls).toBe(1);
  });

  test('a dependency that uses scopes runs once per scope set; its scope-free inputs once (sub-dependency case)', async () => {
    const calls = { session: 0, current: 0, me: 0 };
    const session = depends(() => ++calls.session);
    const currentUser = depends({ session, required: securityScopes }, ({ required }) => {
      calls.current++;
      return required.scopes;
    });
    const userMe = depends({ user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => {
      calls.me++;
      return user;
    });
    const app = new DependsApp();
    app.route(
      'GET',
      '/',
      { a: security(userMe, { scopes: ['items'] }), b: security(userMe, { scopes: ['admin'] }), s: session },
      (v) => v,
    );
    const res = (await app.request({ url: '/' })).json();
    expect(res).toEqual({ a: ['items', 'me'], b: ['admin', 'me'], s: 1 });
    expect(calls).toEqual({ session: 1, current: 2, me: 2 });
  });

  test('the same scopes in another order share one entry (sorted key)', async () => {
    let n = 0;
    const dep = depends({ s: securityScopes }, () => ++n);
    const app = new DependsApp();
    app.route('GET', '/', { a: security(dep, { scopes: ['a', 'b'] }), b: security(dep, { scopes: ['b', 'a'] }) }, (v) => v);
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 1, b: 1 });
  });

  test('teardown scope is part of the key: a function-scoped use is another instance', async () => {
    let n = 0;
    const gen = depends(async function* session() {
      yield ++n;
    });
    const app = new DependsApp();
    app.route(
      'GET',
      '/',
      { a: gen, b: use(gen, { scope: 'request' }), c: use(gen, { scope: 'function' }) },
      (v) => v,
    );
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 1, b: 1, c: 2 });
  });

  test('router and app dependencies share the cache with the handler inputs', async () => {
    let n = 0;
    const dep = depends(() => ++n);
    const app = new DependsApp({ dependencies: [dep] });
    const router = new Router({ dependencies: [dep] });
    router.get('/', { v: dep }, ({ v }) => v, { dependencies: [dep] });
    app.include(router);
    expect((await app.request({ url: '/' })).json()).toBe(1);
  });
});
