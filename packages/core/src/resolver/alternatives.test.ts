/**
 * `anyOf` in the plan: one step whose alternatives are branches of steps,
 * run only when chosen, with overrides, teardown and the per-request cache
 * as everywhere else.
 */
import { describe, expect, test } from 'vitest';
import { DependsApp, anyOf, apiKeyHeader, depends, httpBearer } from '../index.js';
import { createRequestView } from '../request/view.js';

describe('anyOf in the plan', () => {
  const bearer = httpBearer();
  const apiKey = apiKeyHeader({ name: 'x-api-key' });
  const caller = anyOf(bearer, apiKey);

  test('an anyOf of synchronous schemes answers synchronously', () => {
    const app = new DependsApp();
    const route = app.route('GET', '/', { caller }, ({ caller }) => ({ caller }));
    const outcome = app.handle(route, createRequestView({ headers: { 'x-api-key': 'k' } }));
    expect(outcome).not.toBeInstanceOf(Promise);
    expect((outcome as { answer: { body: string } }).answer.body).toBe('{"caller":"k"}');
  });

  test('only the chosen alternative runs, and its teardown runs after the answer', async () => {
    const log: string[] = [];
    const app = new DependsApp();
    app.route('GET', '/', { caller }, ({ caller }) => ({ caller }));
    app.overrides.set(bearer, () => {
      log.push('bearer');
      return undefined as never;
    });
    app.overrides.set(
      apiKey,
      depends(async function* () {
        log.push('key');
        yield 'generated-key';
        log.push('key closed');
      }),
    );
    const res = await app.request({ url: '/' });
    expect([res.status, res.json()]).toEqual([200, { caller: 'generated-key' }]);
    expect(log).toEqual(['bearer', 'key', 'key closed']);
  });

  test('a chosen alternative is not run when an earlier alternative was found', async () => {
    const log: string[] = [];
    const app = new DependsApp();
    app.route('GET', '/', { caller }, ({ caller }) => ({ caller }));
    app.overrides.set(apiKey, () => {
      log.push('key');
      return 'fake';
    });
    expect((await app.request({ url: '/', headers: { authorization: 'Bearer t' } })).json()).toEqual({ caller: { scheme: 'Bearer', credentials: 't' } });
    expect(log).toEqual([]);
  });

  test('an alternative already resolved before the anyOf is read from its slot, not run again', async () => {
    let runs = 0;
    const app = new DependsApp();
    app.route('GET', '/', { key: apiKey, caller }, ({ key, caller }) => ({ key, caller }));
    app.overrides.set(apiKey, () => `fake-${++runs}`);
    expect((await app.request({ url: '/' })).json()).toEqual({ key: 'fake-1', caller: 'fake-1' });
    expect(runs).toBe(1);
  });

  test('a credential header sent twice is a 400 from the alternative that reads it', async () => {
    const app = new DependsApp();
    app.route('GET', '/', { caller: anyOf(apiKey, bearer) }, ({ caller }) => ({ caller }));
    const res = await app.request({ url: '/', headers: [['x-api-key', 'a'], ['x-api-key', 'b']] as never });
    expect([res.status, res.json()]).toEqual([400, { detail: 'The x-api-key header was sent more than once' }]);
  });
});
