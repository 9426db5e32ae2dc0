/**
 * What a DPoP scheme does while its replay store cannot be reached — a
 * choice made when the scheme is declared: refuse with 503 + `Retry-After`
 * (default: a proof that cannot be checked for replay is not accepted), or
 * accept proofs without the replay check; either way the outage is told to
 * a log hook once, and its end once. Never a 500. The policy is
 * `@depends/core`'s {@link StoreOutage}; the DPoP messages are here.
 */
import { StoreOutage, type OnStoreDown, type StoreOutageEvent } from '@depends/core';
import type { ReplayStore } from './replay-store.js';

/**
 * The `detail` of the 503 while the replay store is down.
 *
 * @example
 * ```ts
 * expect(res.json()).toEqual({ detail: REPLAY_STORE_UNAVAILABLE })
 * ```
 */
export const REPLAY_STORE_UNAVAILABLE = 'The DPoP replay store cannot be reached, try again later';

/**
 * The default log hook: one `console.warn` line when the store goes down,
 * one `console.info` line when it is back.
 *
 * @example
 * ```ts
 * logReplayStoreEvent({ store: 'down', since: new Date(), action: 'refuse', reason: 'Error: Connection is closed.' })
 * ```
 */
export function logReplayStoreEvent(event: StoreOutageEvent): void {
  const since = event.since.toISOString();
  if (event.store === 'up') {
    console.info(`[@depends/jwt] DPoP replay store answering again since ${since}`);
    return;
  }
  const doing = event.action === 'refuse' ? 'refusing DPoP requests with 503' : 'accepting DPoP proofs WITHOUT the replay check';
  console.warn(`[@depends/jwt] DPoP replay store unreachable since ${since}; ${doing} until it answers (${event.reason ?? 'unknown error'})`);
}

/**
 * One scheme's way to its replay store: a claim (with the store's timeout)
 * whose failure is an outage, answered as `onStoreDown` says.
 *
 * @example
 * ```ts
 * const replay = new ReplayGuard(memoryReplayStore(), {})
 * await replay.claim('key', 65_000) // true: first time
 * ```
 */
export class ReplayGuard extends StoreOutage {
  readonly #store: ReplayStore;

  constructor(store: ReplayStore, options: { onStoreDown?: OnStoreDown; storeRetryAfter?: number; onStoreEvent?: (event: StoreOutageEvent) => void }) {
    super(store, {
      onStoreDown: options.onStoreDown,
      storeRetryAfter: options.storeRetryAfter,
      detail: REPLAY_STORE_UNAVAILABLE,
      log: options.onStoreEvent ?? logReplayStoreEvent,
      timeoutMessage: (ms) => `the replay store did not answer within ${ms} ms`,
    });
    this.#store = store;
  }

  /**
   * Claims a proof: `true` when unseen (or the store is down and the
   * choice is `'allow'`), `false` when seen before; throws the 503 when
   * the store is down and the choice is `'refuse'`. Synchronous when the
   * store answers synchronously.
   */
  claim(key: string, ttlMs: number): boolean | Promise<boolean> {
    const claimed = this.attempt(() => {
      const answer = this.#store.claim(key, ttlMs);
      return typeof answer === 'boolean' ? answer : Promise.resolve(answer).then(Boolean);
    });
    // undefined: the store is down and 'allow' — accepted without the replay check
    return claimed instanceof Promise ? claimed.then((c) => c ?? true) : (claimed ?? true);
  }
}
