import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, Router, depends, query, security, securityScopes } from '../index.js';

const commonParameters = depends({ q: query('q', z.string().optional()), skip: query('skip', z.number().default(0)) }, (v) => v);
const usersRouter = new Router();
usersRouter.get('/users', { commons: commonParameters }, ({ commons }) => ({ message: 'Hello Users!', params: commons }));

function makeApp() {
  const app = new DependsApp();
  app.include(usersRouter);
  return app;
}

describe('overrides (FastAPI §3.6)', () => {
  test('an override replaces the dependency for its app only; another app is untouched', async () => {
    const a = makeApp();
    const b = makeApp();
    a.overrides.set(commonParameters, () => ({ q: 'fake', skip: 5 }));
    expect((await a.request({ url: '/users' })).json()).toEqual({ message: 'Hello Users!', params: { q: 'fake', skip: 5 } });
    expect((await b.request({ url: '/users?q=x' })).json()).toEqual({ message: 'Hello Users!', params: { q: 'x', skip: 0 } });
    a.overrides.clear();
    expect((await a.request({ url: '/users' })).json()).toEqual({ message: 'Hello Users!', params: { skip: 0 } });
  });

  test("the override's own inputs become required (and the original's are not)", async () => {
    const app = makeApp();
    app.overrides.set(commonParameters, depends({ k: query('k') }, ({ k }) => ({ q: k, skip: 0 })));
    const missing = await app.request({ url: '/users?q=ignored' });
    expect(missing.status).toBe(422);
    expect(missing.json().detail).toEqual([{ type: 'missing', loc: ['query', 'k'], msg: 'Field required', input: null }]);
    expect((await app.request({ url: '/users?k=v' })).json().params).toEqual({ q: 'v', skip: 0 });
  });

  test('an override applies at any depth', async () => {
    const leaf = depends(() => 'real');
    const mid = depends({ leaf }, ({ leaf }) => `mid(${leaf})`);
    const app = new DependsApp();
    app.route('GET', '/', { mid }, ({ mid }) => mid);
    app.overrides.set(leaf, () => 'fake');
    expect((await app.request({ url: '/' })).json()).toBe('mid(fake)');
  });

  test('the override keeps the scopes of the original use', async () => {
    const getUser = depends({ s: securityScopes }, ({ s }) => ({ who: 'real', scopes: s.scopes }));
    const app = new DependsApp();
    app.route('GET', '/user', { user: security(getUser, { scopes: ['foo', 'bar'] }) }, ({ user }) => user);
    app.overrides.set(getUser, depends({ s: securityScopes }, ({ s }) => ({ who: 'fake', scopes: s.scopes })));
    expect((await app.request({ url: '/user' })).json()).toEqual({ who: 'fake', scopes: ['foo', 'bar'] });
  });

  test("caching follows the original's key: an overridden dependency used twice runs once", async () => {
    const original = depends(() => 0);
    let n = 0;
    const app = new DependsApp();
    app.route('GET', '/', { a: original, b: original }, (v) => v);
    app.overrides.set(original, () => ++n);
    expect((await app.request({ url: '/' })).json()).toEqual({ a: 1, b: 1 });
  });

  test('use() sets an override for one block and restores what was there', async () => {
    const dep = depends(() => 'real');
    const app = new DependsApp();
    app.route('GET', '/', { dep }, ({ dep }) => dep);
    app.overrides.set(dep, () => 'outer');
    const handle = app.overrides.use(dep, () => 'inner');
    expect((await app.request({ url: '/' })).json()).toBe('inner');
    handle.dispose();
    expect((await app.request({ url: '/' })).json()).toBe('outer');
  });

  test('an override that creates a cycle is reported (500 to the client, the cycle to onError)', async () => {
    const a = depends(() => 'a', { name: 'a' });
    const b = depends({ a }, ({ a }) => a, { name: 'b' });
    const errors: Error[] = [];
    const app = new DependsApp({ onError: (e) => errors.push(e as Error) });
    app.route('GET', '/', { b }, ({ b }) => b);
    app.overrides.set(a, depends({ b }, ({ b }) => b));
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(500);
    expect(errors[0].message).toBe('Dependency cycle in route GET /: b -> a -> b');
  });
});
