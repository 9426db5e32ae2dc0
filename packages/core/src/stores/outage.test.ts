/**
 * The outage policy of a store-backed dependency, through a route: the
 * store down, `'refuse'` answers 503 + Retry-After (never a 500) and
 * `'allow'` goes on; the log is told once per outage and once at its end,
 * with credentials removed; a hung store counts as down after its timeout.
 */
import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { depends } from '../dependency/depends.js';
import { describeStoreError, outageMistake, StoreOutage, StoreUnavailableError, STORE_UNAVAILABLE, type StoreOutageEvent, type StoreOutageOptions, type WatchedStore } from './outage.js';
import { StoreStatus } from './status.js';

/** A store whose one operation fails while `down` is set (or never answers while `hung`). */
function flakyStore(timeout?: number) {
  const state = { down: false, hung: false };
  const store: WatchedStore = { status: new StoreStatus(), shared: true, timeout };
  const read = (): Promise<string> => {
    if (state.hung) return new Promise<string>(() => {});
    if (state.down) return Promise.reject(new Error('connect ECONNREFUSED redis://app:s3cret@10.0.0.5:6379'));
    return Promise.resolve('counted');
  };
  return { state, store, read };
}

/** An app whose `/work` runs the store's operation through the outage policy. */
function appWith(store: WatchedStore, read: () => Promise<string>, options: Omit<StoreOutageOptions, 'log'>) {
  const events: StoreOutageEvent[] = [];
  const outage = new StoreOutage(store, { ...options, log: (e) => events.push(e) });
  const app = new DependsApp();
  const counted = depends({}, async () => (await outage.run(read)) ?? 'not counted');
  app.route('GET', '/work', { counted }, ({ counted }) => ({ counted }));
  return { app, events, outage, get: () => app.request({ method: 'GET', url: '/work' }) };
}

describe('StoreOutage', () => {
  test("'refuse' (the default): 503 + Retry-After while the store is down, told once per outage, and once when it is back", async () => {
    const { state, store, read } = flakyStore();
    const { events, get, outage } = appWith(store, read, {});
    expect(outage.mayRefuse).toBe(true);
    expect((await get()).json()).toEqual({ counted: 'counted' });
    state.down = true;
    for (let i = 0; i < 3; i++) {
      const res = await get();
      expect([res.status, res.header('retry-after'), res.json()]).toEqual([503, '5', { detail: STORE_UNAVAILABLE }]);
    }
    expect(store.status.health().store).toBe('down');
    state.down = false;
    expect((await get()).json()).toEqual({ counted: 'counted' });
    expect(store.status.health().store).toBe('up');
    expect(events.map((e) => [e.store, e.action, e.reason])).toEqual([
      ['down', 'refuse', 'Error: connect ECONNREFUSED redis://***@10.0.0.5:6379'],
      ['up', 'refuse', undefined],
    ]);
    expect(events[0].since).toBeInstanceOf(Date);
  });

  test("'allow': the request goes on without the store; the detail and Retry-After of a refusal can be the caller's own", async () => {
    const { state, store, read } = flakyStore();
    const allowing = appWith(store, read, { onStoreDown: 'allow' });
    const refusing = appWith(store, read, { storeRetryAfter: 30, detail: 'The replay store cannot be reached' });
    state.down = true;
    const allowed = await allowing.get();
    expect([allowed.status, allowed.json()]).toEqual([200, { counted: 'not counted' }]);
    expect(allowing.outage.mayRefuse).toBe(false);
    const refused = await refusing.get();
    expect([refused.status, refused.header('retry-after'), refused.json()]).toEqual([503, '30', { detail: 'The replay store cannot be reached' }]);
    expect(allowing.events.map((e) => e.action)).toEqual(['allow']);
  });

  test('a store that does not answer within its timeout is down; a log hook that throws changes no answer', async () => {
    const { state, store, read } = flakyStore(50);
    const outage = new StoreOutage(store, {
      log: () => {
        throw new Error('log failed');
      },
      timeoutMessage: (ms) => `the test store did not answer within ${ms} ms`,
    });
    const reasons: string[] = [];
    const told = new StoreOutage(store, { onStoreDown: 'allow', log: (e) => reasons.push(e.reason ?? '') });
    state.hung = true;
    await expect(outage.run(read)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await told.run(read)).toBeUndefined();
    expect(reasons).toEqual(['StoreTimeout: no answer from the store within 50 ms']);
    state.hung = false;
    expect(await outage.run(read)).toBe('counted');
  });

  test('a store in this process is never documented as refusing', () => {
    const outage = new StoreOutage({ status: new StoreStatus(), shared: false }, { log: () => {} });
    expect(outage.mayRefuse).toBe(false);
  });
});

describe('outageMistake / describeStoreError', () => {
  test('options checked for a startup error', () => {
    expect(outageMistake({})).toBeUndefined();
    expect(outageMistake({ onStoreDown: 'allow', storeRetryAfter: 0 })).toBeUndefined();
    expect(outageMistake({ onStoreDown: 'ignore' as never })).toBe("onStoreDown must be 'refuse' or 'allow'");
    expect(outageMistake({ storeRetryAfter: 1.5 })).toBe('storeRetryAfter must be a whole number of seconds');
    expect(outageMistake({ storeRetryAfter: -1 })).toBe('storeRetryAfter must be a whole number of seconds');
  });

  test('an error for a log line: kind and message, no user-info, at most 200 characters', () => {
    expect(describeStoreError(new TypeError('redis://user:pw@host:6379 and rediss://x@y'))).toBe('TypeError: redis://***@host:6379 and rediss://***@y');
    expect(describeStoreError('Connection is closed.')).toBe('Connection is closed.');
    expect(describeStoreError(42)).toBe('unknown error');
    expect(describeStoreError(new Error('x'.repeat(500)))).toHaveLength(200);
  });
});

describe('StoreOutage.attempt: synchronous for a store that answers at once', () => {
  test('an answer given at once comes back at once (no promise) and marks the store up; a synchronous failure is an outage: the 503 thrown with refuse, undefined with allow', () => {
    const store: WatchedStore = { status: new StoreStatus(), shared: true };
    const events: StoreOutageEvent[] = [];
    const refusing = new StoreOutage(store, { log: (e) => events.push(e) });
    const allowing = new StoreOutage(store, { onStoreDown: 'allow', log: () => {} });
    expect(refusing.attempt(() => 'counted')).toBe('counted');
    expect(store.status.health().store).toBe('up');
    const failing = () => {
      throw new Error('connect ECONNREFUSED redis://app:s3cret@10.0.0.5:6379');
    };
    expect(() => refusing.attempt(failing)).toThrow(StoreUnavailableError);
    expect(store.status.health().store).toBe('down');
    expect(allowing.attempt(failing)).toBeUndefined();
    expect(refusing.attempt(() => false)).toBe(false);
    expect(store.status.health().store).toBe('up');
    expect(events.map((e) => [e.store, e.reason])).toEqual([
      ['down', 'Error: connect ECONNREFUSED redis://***@10.0.0.5:6379'],
      ['up', undefined],
    ]);
  });

  test('a promise goes the way of run(): its answer, or after the timeout an outage', async () => {
    const { state, store, read } = flakyStore(50);
    const allowing = new StoreOutage(store, { onStoreDown: 'allow', log: () => {} });
    const answered = allowing.attempt(read);
    expect(answered).toBeInstanceOf(Promise);
    expect(await answered).toBe('counted');
    state.hung = true;
    expect(await allowing.attempt(read)).toBeUndefined();
    expect(store.status.health().store).toBe('down');
  });
});
