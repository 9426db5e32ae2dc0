import { describe, expectTypeOf, test } from 'vitest';
import { Router, depends, header, httpBasic, type ValueOf } from '@depends/core';
import { clientAddressKey, loginThrottle, rateLimit, type LoginAttempt, type RateLimitState, type StoreHealth } from './index.js';

describe('limit value types', () => {
  test('rateLimit and loginThrottle give the handler their state, and carry health()', () => {
    const limit = rateLimit({ name: 'a', points: 1, duration: 1, key: clientAddressKey() });
    const throttle = loginThrottle({ name: 't', username: depends({ b: httpBasic() }, ({ b }) => b.username) });
    expectTypeOf<ValueOf<typeof limit>>().toEqualTypeOf<RateLimitState>();
    // always a key: an unknown address is counted under one ('unknown'), never left unlimited
    expectTypeOf<ValueOf<ReturnType<typeof clientAddressKey>>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<typeof throttle>>().toEqualTypeOf<LoginAttempt>();
    expectTypeOf(limit.health()).toEqualTypeOf<StoreHealth>();
    expectTypeOf(throttle.health().store).toEqualTypeOf<'up' | 'down'>();
    new Router().get('/login', { limit, attempt: throttle }, ({ limit, attempt }) => {
      expectTypeOf(limit.store).toEqualTypeOf<'up' | 'down'>();
      expectTypeOf(attempt.failed).toEqualTypeOf<() => Promise<void>>();
      expectTypeOf(attempt.delayed).toEqualTypeOf<number>();
      return 'ok';
    });
  });

  test('a user name dependency may give undefined; onStoreDown takes only the two choices', () => {
    const optional = depends({ who: header('x-user') }, ({ who }): string | undefined => who || undefined);
    expectTypeOf(loginThrottle({ name: 'h', username: optional })).toHaveProperty('health');
    // @ts-expect-error not a choice
    rateLimit({ name: 'b', points: 1, duration: 1, key: clientAddressKey(), onStoreDown: 'memory' });
  });
});
