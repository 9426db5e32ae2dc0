import { describe, expectTypeOf, test } from 'vitest';
import { StoreOutage, StoreStatus, watchRedisClient, type OnStoreDown, type StoreHealth, type StoreOutageEvent, type WatchedStore } from '../index.js';

describe('stores types', () => {
  const store: WatchedStore = { status: new StoreStatus(), shared: true, timeout: 2000 };
  const outage = new StoreOutage(store, { log: (event) => expectTypeOf(event).toEqualTypeOf<StoreOutageEvent>() });

  test("run() gives the operation's answer, or undefined (the store down, 'allow')", () => {
    expectTypeOf(outage.run(() => 42)).toEqualTypeOf<Promise<number | undefined>>();
    expectTypeOf(outage.run(async () => 'counted' as const)).toEqualTypeOf<Promise<'counted' | undefined>>();
    expectTypeOf(outage.action).toEqualTypeOf<OnStoreDown>();
  });

  test('a status and its health; any client can be watched', () => {
    expectTypeOf(watchRedisClient({ status: 'ready' })).toEqualTypeOf<StoreStatus>();
    expectTypeOf(store.status.health()).toEqualTypeOf<StoreHealth>();
    expectTypeOf<StoreHealth['store']>().toEqualTypeOf<'up' | 'down'>();
    // @ts-expect-error onStoreDown is 'refuse' or 'allow'
    new StoreOutage(store, { onStoreDown: 'ignore', log: () => {} });
  });
});
