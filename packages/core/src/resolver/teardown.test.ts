import { describe, expect, test } from 'vitest';
import { DependsApp, HTTPException, depends, use } from '../index.js';
import { DependencyScopeError } from '../errors/catalogue.js';
import { createRequestView } from '../request/view.js';

class CustomError extends Error {}

describe('teardown (FastAPI §3.5)', () => {
  test('normal order: setup in resolution order, function scope closes before the answer, request scope after finish(), LIFO', async () => {
    const log: string[] = [];
    const a = depends(async function* a() {
      log.push('a:setup');
      yield 'a';
      log.push('a:exit');
    });
    const b = depends(
      { a },
      async function* b() {
        log.push('b:setup');
        yield 'b';
        log.push('b:exit');
      },
    );
    const f = depends(
      async function* f() {
        log.push('f:setup');
        yield 'f';
        log.push('f:exit');
      },
      { scope: 'function' },
    );
    const app = new DependsApp();
    const route = app.route('GET', '/', { b, f }, () => {
      log.push('handler');
      return 'ok';
    });
    const outcome = await app.handle(route, createRequestView());
    expect(outcome.hasTeardown).toBe(true);
    log.push(`answer:${outcome.answer.status}`);
    await outcome.finish();
    expect(log).toEqual(['a:setup', 'b:setup', 'f:setup', 'handler', 'f:exit', 'answer:200', 'b:exit', 'a:exit']);
  });

  test('context_b finishes before context_a and still sees it open', async () => {
    const state = { a: 'not started', b: 'not started' };
    const ctxA = depends(async function* contextA() {
      state.a = 'started a';
      try {
        yield state;
      } finally {
        state.a = 'finished a';
      }
    });
    const ctxB = depends({ s: ctxA }, async function* contextB({ s }) {
      state.b = 'started b';
      try {
        yield s;
      } finally {
        state.b = `finished b with a: ${s.a}`;
      }
    });
    const app = new DependsApp();
    app.route('GET', '/', { s: ctxB }, ({ s }) => ({ ...s }));
    const res = await app.request({ url: '/' });
    expect(res.json()).toEqual({ a: 'started a', b: 'started b' });
    expect(state).toEqual({ a: 'finished a', b: 'finished b with a: started a' });
  });

  test('an error is thrown into each open generator; one may translate it (CustomError -> 418)', async () => {
    const log: string[] = [];
    const session = depends(async function* session() {
      try {
        yield 'session';
      } catch (e) {
        log.push('caught');
        if (e instanceof CustomError) throw new HTTPException(418, 'Session error');
        throw e;
      } finally {
        log.push('finally');
      }
    });
    const app = new DependsApp();
    app.route('GET', '/', { session }, () => {
      throw new CustomError('boom');
    });
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(418);
    expect(res.json()).toEqual({ detail: 'Session error' });
    expect(log).toEqual(['caught', 'finally']);
  });

  test('on error both stacks close before the answer is produced; outer generators see the translated error', async () => {
    const seen: string[] = [];
    const outer = depends(async function* outer() {
      try {
        yield 1;
      } catch (e) {
        seen.push(`outer:${(e as HTTPException).status}`);
        throw e;
      }
    });
    const inner = depends({ outer }, async function* inner() {
      try {
        yield 2;
      } catch (e) {
        seen.push(`inner:${(e as Error).message}`);
        throw new HTTPException(409, 'Conflict');
      }
    });
    const app = new DependsApp();
    const route = app.route('GET', '/', { inner }, () => {
      throw new Error('db unique');
    });
    const outcome = await app.handle(route, createRequestView());
    expect(seen).toEqual(['inner:db unique', 'outer:409']);
    expect(outcome.answer.status).toBe(409);
  });

  test('a generator that swallows the error makes the request a 500 and leaks nothing', async () => {
    const errors: unknown[] = [];
    const swallow = depends(async function* swallow() {
      try {
        yield 1;
      } catch {
        // swallowed: no re-raise
      }
    });
    const app = new DependsApp({ onError: (e) => errors.push(e) });
    app.route('GET', '/', { swallow }, () => {
      throw new HTTPException(400, 'bad');
    });
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(500);
    expect(res.body).toBe('{"detail":"Internal Server Error"}');
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('swallow');
  });

  test('raising after yield in function scope becomes the answer (503)', async () => {
    const dep = depends(
      async function* f() {
        yield 1;
        throw new HTTPException(503, 'Exception after yield');
      },
      { scope: 'function' },
    );
    const app = new DependsApp();
    app.route('GET', '/', { dep }, () => 'ok');
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(503);
  });

  test('raising after yield in request scope: the answer was already produced; the error goes to onError', async () => {
    const errors: unknown[] = [];
    const dep = depends(async function* r() {
      yield 1;
      throw new Error('late');
    });
    const app = new DependsApp({ onError: (e) => errors.push(e) });
    const route = app.route('GET', '/', { dep }, () => 'ok');
    const outcome = await app.handle(route, createRequestView());
    expect(outcome.answer.status).toBe(200);
    await outcome.finish();
    expect((errors[0] as Error).message).toBe('late');
  });

  test('a dependency that failed during setup runs no exit code; earlier ones still close', async () => {
    const log: string[] = [];
    const ok = depends(async function* ok() {
      try {
        yield 1;
      } finally {
        log.push('ok:closed');
      }
    });
    const broken = depends({ ok }, async function* broken() {
      log.push('broken:setup');
      throw new HTTPException(403, 'nope');
      yield 2; // eslint-disable-line no-unreachable
    });
    const app = new DependsApp();
    app.route('GET', '/', { broken }, () => 'never');
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(403);
    expect(log).toEqual(['broken:setup', 'ok:closed']);
  });

  test('sync generators and disposables are torn down too', async () => {
    const log: string[] = [];
    const sync = depends(function* sync() {
      yield 's';
      log.push('sync:exit');
    });
    const disposable = depends(() => ({ v: 'd', [Symbol.dispose]: () => void log.push('disposed') }));
    const asyncDisposable = depends(() => ({ v: 'ad', [Symbol.asyncDispose]: async () => void log.push('async-disposed') }));
    const app = new DependsApp();
    app.route('GET', '/', { sync, disposable, asyncDisposable }, ({ sync, disposable, asyncDisposable }) => [sync, disposable.v, asyncDisposable.v]);
    const res = await app.request({ url: '/' });
    expect(res.json()).toEqual(['s', 'd', 'ad']);
    expect(log).toEqual(['async-disposed', 'disposed', 'sync:exit']);
  });

  test('scope rule: a request-scoped generator cannot depend on a function-scoped one (registration error)', () => {
    const fn = depends(async function* funcDep() {
      yield 1;
    }, { scope: 'function' });
    const req = depends({ fn }, async function* session() {
      yield 2;
    });
    const app = new DependsApp();
    expect(() => app.route('GET', '/items', { req }, () => 1)).toThrow(DependencyScopeError);
    expect(() => app.route('GET', '/items', { req }, () => 1)).toThrow(
      'In route GET /items: The dependency "session" has a scope of "request", it cannot depend on dependencies with scope "function".',
    );
  });

  test('scope rule: also when the function scope is given on the use', () => {
    const fn = depends(async function* funcDep() {
      yield 1;
    });
    const req = depends({ fn: use(fn, { scope: 'function' }) }, async function* session() {
      yield 2;
    });
    expect(() => new DependsApp().route('GET', '/', { req }, () => 1)).toThrow(DependencyScopeError);
  });

  test('a plain dependency may depend on a function-scoped one', async () => {
    const fn = depends(async function* funcDep() {
      yield 1;
    }, { scope: 'function' });
    const plain = depends({ fn }, ({ fn }) => fn + 1);
    const app = new DependsApp();
    app.route('GET', '/', { plain }, ({ plain }) => plain);
    expect((await app.request({ url: '/' })).json()).toBe(2);
  });

  test('an unexpected error answers 500 without leaking and teardown still runs', async () => {
    const log: string[] = [];
    const errors: unknown[] = [];
    const db = depends(async function* db() {
      try {
        yield 'conn';
      } finally {
        log.push('closed');
      }
    });
    const app = new DependsApp({ onError: (e) => errors.push(e) });
    app.route('GET', '/', { db }, () => {
      throw new Error('secret internal detail');
    });
    const res = await app.request({ url: '/' });
    expect(res.status).toBe(500);
    expect(res.body).toBe('{"detail":"Internal Server Error"}');
    expect(res.body).not.toContain('secret');
    expect(log).toEqual(['closed']);
    expect(errors).toHaveLength(1);
  });
});

describe('exit stacks per request', () => {
  test('a request with teardowns and the requests without any never share a stack (each stack is made on its first exit)', async () => {
    const closed: string[] = [];
    const tx = depends(function* transaction() {
      yield 'tx';
      closed.push('tx');
    });
    const plain = depends(() => 'plain');
    const app = new DependsApp();
    const withTx = app.route('GET', '/tx', { tx }, ({ tx }) => tx);
    const without = app.route('GET', '/plain', { plain }, ({ plain }) => plain);
    const view = () => createRequestView({ method: 'GET', url: '/' });
    for (let i = 0; i < 3; i++) {
      const a = await app.handle(without, view());
      expect(a.hasTeardown).toBe(false);
      const b = await app.handle(withTx, view());
      expect(b.hasTeardown).toBe(true);
      const c = await app.handle(without, view());
      expect(c.hasTeardown).toBe(false);
      await b.finish();
      await a.finish();
      await c.finish();
    }
    expect(closed).toEqual(['tx', 'tx', 'tx']);
  });
});
