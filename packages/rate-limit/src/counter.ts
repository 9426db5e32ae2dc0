/**
 * One limit's counters in its store: every operation run through the
 * limit's {@link Outage} — bounded by the store's timeout, its outcome
 * marked on the store's status, a failure answered 503 or let through
 * uncounted.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Outage } from './outage.js';
import type { LimiterSettings, RateLimitStore } from './stores.js';

/** A key's count after a consume: the store's answer, and whether it went past the limit. */
export interface Counted {
  readonly res: RateLimiterRes;
  readonly over: boolean;
}

/**
 * The counters of one limit. Each method answers from the store, or — the
 * store down and the limit set to `'allow'` — `undefined` (nothing
 * counted); with `'refuse'` it throws the 503.
 *
 * @example
 * ```ts
 * const counter = new Counter(memoryStore(), { keyPrefix: 'depends-rl:api', points: 5, duration: 60, blockDuration: 0 }, outage)
 * const counted = await counter.consume('203.0.113.7') // { res, over: false }
 * ```
 */
export class Counter {
  readonly #store: RateLimitStore;
  readonly #settings: LimiterSettings;
  readonly #outage: Outage;
  #limiter: RateLimiterAbstract | undefined;

  constructor(store: RateLimitStore, settings: LimiterSettings, outage: Outage) {
    this.#store = store;
    this.#settings = settings;
    this.#outage = outage;
  }

  /** Points allowed per window. */
  get points(): number {
    return this.#settings.points;
  }

  /** The key's current count (`null`: nothing counted in this window). */
  get(key: string): Promise<RateLimiterRes | null | undefined> {
    return this.#run((l) => l.get(key));
  }

  /** Counts one point (or `points`) against the key. */
  async consume(key: string, points = 1): Promise<Counted | undefined> {
    return this.#run((l) =>
      l.consume(key, points).then(
        (res): Counted => ({ res, over: false }),
        (e: unknown) => (e instanceof RateLimiterRes ? { res: e, over: true } : Promise.reject(e)),
      ),
    );
  }

  /** Forgets the key's count. */
  async delete(key: string): Promise<void> {
    await this.#run((l) => l.delete(key));
  }

  #run<T>(operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T | undefined> {
    return this.#outage.run(() => operation((this.#limiter ??= this.#store.limiter(this.#settings)))); // throws the 503 with 'refuse'
  }
}
