/**
 * What a limit does while its store cannot be reached — a choice made when
 * the limit is declared: refuse with 503 + `Retry-After`, or let requests
 * through uncounted; either way the outage is told to a log hook once, and
 * its end once. The policy is `@depends/core`'s {@link StoreOutage}; this
 * file adds the limit's name to what the log is told.
 */
import { outageMistake, StoreOutage, type OnStoreDown, type OutagePolicy, type StoreOutageEvent } from '@depends/core';
import type { RateLimitStore } from './stores.js';

export { STORE_UNAVAILABLE, StoreUnavailableError } from '@depends/core';
export type { OnStoreDown } from '@depends/core';

/**
 * What the log hook is told: a limit met its store down (once per outage),
 * or found it back (once). Carries the limit's name and the store error's
 * kind and message (any `user:password@` in it removed) — never a key, a
 * user name or a credential.
 *
 * @example
 * ```ts
 * const onStoreEvent = (e: StoreEvent) => logger.warn({ limit: e.limit, store: e.store, action: e.action, reason: e.reason })
 * ```
 */
export interface StoreEvent extends StoreOutageEvent {
  /** The limit's name. */
  readonly limit: string;
}

/**
 * The default log hook: one `console.warn` line when a limit meets an
 * outage, one `console.info` line when the store is back.
 *
 * @example
 * ```ts
 * logStoreEvent({ limit: 'api', store: 'down', since: new Date(), action: 'allow', reason: 'Error: Connection is closed.' })
 * // [@depends/rate-limit] limit "api": store unreachable since 2025-…; letting requests through uncounted until it answers (Error: Connection is closed.)
 * ```
 */
export function logStoreEvent(event: StoreEvent): void {
  const since = event.since.toISOString();
  if (event.store === 'up') {
    console.info(`[@depends/rate-limit] limit "${event.limit}": store answering again since ${since}; counting there again`);
    return;
  }
  const doing = event.action === 'refuse' ? 'refusing requests with 503' : 'letting requests through uncounted';
  console.warn(`[@depends/rate-limit] limit "${event.limit}": store unreachable since ${since}; ${doing} until it answers (${event.reason ?? 'unknown error'})`);
}

/**
 * The outage options every limit takes.
 *
 * @example
 * ```ts
 * const options: OutageOptions = { onStoreDown: 'allow', onStoreEvent: (e) => console.warn(e.limit, e.store) }
 * ```
 */
export interface OutageOptions extends OutagePolicy {
  /**
   * While the store cannot be reached: `'refuse'` (default — security
   * decisions fail closed) answers 503 with `Retry-After`; `'allow'` lets
   * requests through uncounted. Told to `onStoreEvent` once per outage.
   */
  readonly onStoreDown?: OnStoreDown;
  /** The `Retry-After` of that 503, in seconds (default 5). */
  readonly storeRetryAfter?: number;
  /** The log hook: told once when the limit meets an outage and once when the store is back (default {@link logStoreEvent}). */
  readonly onStoreEvent?: (event: StoreEvent) => void;
}

/**
 * One limit's way through an outage of its store: refuse or allow, and
 * the log told once per outage (with the limit's name). Options are
 * checked here: a mistake is a `TypeError` naming the limit.
 *
 * @example
 * ```ts
 * const outage = new Outage('api', memoryStore(), { onStoreDown: 'allow' })
 * await outage.run(() => limiter.get('key')) // undefined while the store is down (allow)
 * ```
 */
export class Outage extends StoreOutage {
  constructor(limit: string, store: RateLimitStore, options: OutageOptions) {
    const mistake = outageMistake(options);
    if (mistake !== undefined) throw new TypeError(`limit ${limit}: ${mistake}`);
    const log = options.onStoreEvent ?? logStoreEvent;
    super(store, { onStoreDown: options.onStoreDown, storeRetryAfter: options.storeRetryAfter, log: (event) => log({ limit, ...event }) });
  }
}
