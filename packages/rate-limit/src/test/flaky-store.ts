/**
 * A store that fails on demand, as Redis does when it cannot be reached:
 * memory counters underneath, `get` / `consume` / `delete` rejected while
 * `state.down` is set (with an error whose text holds a URL with a
 * password, which no log may show).
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { StoreStatus, type RateLimitStore } from '../index.js';

/**
 * A shared-looking store to switch off and on.
 *
 * @example
 * ```ts
 * const { store, state } = flakyStore()
 * state.down = true // every operation now fails
 * ```
 */
export function flakyStore(): { store: RateLimitStore; state: { down: boolean } } {
  const state = { down: false };
  const fail = () => Promise.reject(new Error('connect ECONNREFUSED redis://app:s3cret@127.0.0.1:6379'));
  const store: RateLimitStore = {
    shared: true,
    status: new StoreStatus(),
    limiter: (settings) =>
      new Proxy(new RateLimiterMemory(settings), {
        get: (target, prop, receiver) => {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function' || !['get', 'consume', 'delete'].includes(String(prop))) return value;
          return (...args: unknown[]) => (state.down ? fail() : (value as (...a: unknown[]) => unknown).apply(target, args));
        },
      }),
  };
  return { store, state };
}
