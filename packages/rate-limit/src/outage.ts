/**
 * What a limit does while its store cannot be reached — a choice made when
 * the limit is declared: refuse with 503 + `Retry-After`, or let requests
 * through uncounted; either way the outage is told to a log hook once, and
 * its end once.
 */
import { HTTPException } from '@depends/core';
import type { RateLimitStore } from './stores.js';

/**
 * While the store is down: `'refuse'` answers **503** with `Retry-After`
 * (fail closed: nothing is let through that could not be counted);
 * `'allow'` lets the request through uncounted (the limit does not hold
 * until the store is back).
 *
 * @example
 * ```ts
 * const choice: OnStoreDown = 'refuse'
 * ```
 */
export type OnStoreDown = 'refuse' | 'allow';

/** The `detail` of the 503 a limit answers while its store is down. */
export const STORE_UNAVAILABLE = 'Service temporarily unavailable, try again later';

/**
 * The 503 of a limit whose store cannot be reached (`onStoreDown:
 * 'refuse'`): `{"detail":"Service temporarily unavailable, try again
 * later"}` with `Retry-After`. An `HTTPException` (code `DEPENDS_HTTP`),
 * so it is answered as such — never a 500.
 *
 * @example
 * ```ts
 * throw new StoreUnavailableError(5) // 503, Retry-After: 5
 * ```
 */
export class StoreUnavailableError extends HTTPException {
  constructor(retryAfterSeconds: number) {
    super(503, STORE_UNAVAILABLE, { 'retry-after': String(retryAfterSeconds) });
  }
}

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
export interface StoreEvent {
  /** The limit's name. */
  readonly limit: string;
  /** `'down'`: the first request this limit served during an outage; `'up'`: the first after it. */
  readonly store: 'down' | 'up';
  /** When the store went down (or came back). */
  readonly since: Date;
  /** What the limit does during the outage. */
  readonly action: OnStoreDown;
  /** Why the store was taken as down (`'down'` only), e.g. `Error: Connection is closed.` */
  readonly reason?: string;
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
 * An error's kind and message for a log line: at most 200 characters, with
 * the user-info of any URL (`redis://user:password@host`) removed.
 *
 * @example
 * ```ts
 * describeError(new Error('connect ECONNREFUSED redis://app:s3cret@10.0.0.5:6379')) // 'Error: connect ECONNREFUSED redis://***@10.0.0.5:6379'
 * ```
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
  return text.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 200);
}

/** The outage options every limit takes. */
export interface OutageOptions {
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
 * the log told once per outage.
 *
 * @example
 * ```ts
 * const outage = new Outage('api', memoryStore(), { onStoreDown: 'allow' })
 * outage.down(new Error('Connection is closed.')) // logs once, then returns (allow)
 * ```
 */
export class Outage {
  readonly action: OnStoreDown;
  readonly #limit: string;
  readonly #store: RateLimitStore;
  readonly #retryAfter: number;
  readonly #log: (event: StoreEvent) => void;
  /** The start of the outage last told to the log (undefined: none, or it was told over). */
  #told: Date | undefined;

  constructor(limit: string, store: RateLimitStore, options: OutageOptions) {
    const action = options.onStoreDown ?? 'refuse';
    if (action !== 'refuse' && action !== 'allow') throw new TypeError(`limit ${limit}: onStoreDown must be 'refuse' or 'allow'`);
    const retryAfter = options.storeRetryAfter ?? 5;
    if (!Number.isInteger(retryAfter) || retryAfter < 0) throw new TypeError(`limit ${limit}: storeRetryAfter must be a whole number of seconds`);
    this.action = action;
    this.#limit = limit;
    this.#store = store;
    this.#retryAfter = retryAfter;
    this.#log = options.onStoreEvent ?? logStoreEvent;
  }

  /** Whether this limit may answer 503 (a store that can be down, and `'refuse'`): documented in OpenAPI. */
  get mayRefuse(): boolean {
    return this.#store.shared && this.action === 'refuse';
  }

  /** An operation failed: the store is down. Throws the 503 (`'refuse'`) or returns (`'allow'`); tells the log once per outage. */
  down(error: unknown): void {
    this.#store.status.markDown();
    const { since } = this.#store.status.health();
    if (this.#told !== since) {
      this.#told = since;
      this.#tell({ limit: this.#limit, store: 'down', since, action: this.action, reason: describeError(error) });
    }
    if (this.action === 'refuse') throw new StoreUnavailableError(this.#retryAfter);
  }

  /** An operation succeeded: the store is up; tells the log once when an outage it told of is over. */
  up(): void {
    this.#store.status.markUp();
    if (this.#told === undefined) return;
    this.#told = undefined;
    this.#tell({ limit: this.#limit, store: 'up', since: this.#store.status.health().since, action: this.action });
  }

  #tell(event: StoreEvent): void {
    try {
      this.#log(event);
    } catch {
      // a failing log hook never changes the answer
    }
  }
}
