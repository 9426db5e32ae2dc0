/**
 * What a dependency does while the store it needs cannot be reached (a
 * rate limit's counters, a DPoP scheme's replay store) — a choice made when
 * it is declared: refuse with 503 + `Retry-After` (fail closed), or go on
 * without the store; either way the outage is told to a log hook once, and
 * its end once. Every operation is bounded by the store's timeout. Never a
 * 500.
 */
import { HTTPException } from '../errors/catalogue.js';
import type { StoreStatus } from './status.js';
/**
 * While the store is down: `'refuse'` answers **503** with `Retry-After`
 * (fail closed: nothing is let through that could not be checked);
 * `'allow'` goes on without the store (a rate limit lets the request
 * through uncounted; a DPoP scheme accepts proofs without the replay
 * check).
 *
 * @example
 * ```ts
 * const choice: OnStoreDown = 'refuse'
 * ```
 */
export type OnStoreDown = 'refuse' | 'allow';
/**
 * The default `detail` of the 503 answered while a store is down.
 *
 * @example
 * ```ts
 * new StoreUnavailableError(5).detail === STORE_UNAVAILABLE // true
 * ```
 */
export declare const STORE_UNAVAILABLE = "Service temporarily unavailable, try again later";
/**
 * The 503 of a dependency whose store cannot be reached (`onStoreDown:
 * 'refuse'`): `{"detail":"Service temporarily unavailable, try again
 * later"}` (or the `detail` given) with `Retry-After`. An `HTTPException`
 * (code `DEPENDS_HTTP`), so it is answered as such — never a 500.
 *
 * @example
 * ```ts
 * throw new StoreUnavailableError(5) // 503, Retry-After: 5
 * ```
 */
export declare class StoreUnavailableError extends HTTPException {
    constructor(retryAfterSeconds: number, detail?: string);
}
/**
 * What a log hook is told by a {@link StoreOutage}: the store went down (once
 * per outage, with what is done meanwhile) or came back (once). The reason
 * is the error's kind and message with any `user:password@` removed
 * ({@link describeStoreError}) — never a key, a token or a credential.
 *
 * @example
 * ```ts
 * const onEvent = (e: StoreOutageEvent) => logger.warn({ store: e.store, since: e.since, action: e.action, reason: e.reason })
 * ```
 */
export interface StoreOutageEvent {
    /** `'down'`: the first operation that failed during an outage; `'up'`: the first that answered after it. */
    readonly store: 'down' | 'up';
    /** When the store went down (or came back). */
    readonly since: Date;
    /** What is done during the outage. */
    readonly action: OnStoreDown;
    /** Why the store was taken as down (`'down'` only), e.g. `Error: Connection is closed.` */
    readonly reason?: string;
}
/**
 * An error's kind and message for a log line: at most 200 characters, with
 * the user-info of any URL (`redis://user:password@host`) removed.
 *
 * @example
 * ```ts
 * describeStoreError(new Error('connect ECONNREFUSED redis://app:s3cret@10.0.0.5:6379')) // 'Error: connect ECONNREFUSED redis://***@10.0.0.5:6379'
 * ```
 */
export declare function describeStoreError(error: unknown): string;
/**
 * The outage options a store-backed dependency takes (`rateLimit()`,
 * `loginThrottle()`, `dpop()`), checked with {@link outageMistake}.
 *
 * @example
 * ```ts
 * const options: OutagePolicy = { onStoreDown: 'allow', storeRetryAfter: 10 }
 * ```
 */
export interface OutagePolicy {
    /** While the store cannot be reached: `'refuse'` (default — security decisions fail closed) answers 503 with `Retry-After`; `'allow'` goes on without it. */
    readonly onStoreDown?: OnStoreDown;
    /** The `Retry-After` of that 503, in seconds (default 5). */
    readonly storeRetryAfter?: number;
}
/**
 * What is wrong with outage options, for a startup error (`undefined`:
 * nothing): an `onStoreDown` other than `'refuse'`/`'allow'`, or a
 * `storeRetryAfter` that is not a whole number of seconds.
 *
 * @example
 * ```ts
 * outageMistake({ onStoreDown: 'ignore' as OnStoreDown }) // "onStoreDown must be 'refuse' or 'allow'"
 * ```
 */
export declare function outageMistake(options: OutagePolicy): string | undefined;
/**
 * What a {@link StoreOutage} needs of its store: its status, whether it can
 * be down at all (it lives outside the process), and its timeout.
 *
 * @example
 * ```ts
 * const store: WatchedStore = { status: new StoreStatus(), shared: true, timeout: 2000 }
 * ```
 */
export interface WatchedStore {
    /** Up or down, and since when (marked after each operation). */
    readonly status: StoreStatus;
    /** Whether the store lives outside this process (shared by every instance, and so possibly unreachable). */
    readonly shared: boolean;
    /** Longest wait for one operation, in milliseconds, before the store counts as down (none when absent). */
    readonly timeout?: number;
}
/**
 * Options of a {@link StoreOutage}: the policy (checked beforehand with
 * {@link outageMistake}), the 503's `detail`, the log hook, and the message
 * of a timed-out operation.
 *
 * @example
 * ```ts
 * const options: StoreOutageOptions = { onStoreDown: 'refuse', detail: 'The replay store cannot be reached', log: (e) => console.warn(e.store) }
 * ```
 */
export interface StoreOutageOptions extends OutagePolicy {
    /** The `detail` of the 503 (default {@link STORE_UNAVAILABLE}). */
    readonly detail?: string;
    /** Told once when an outage starts and once when it is over; a hook that throws changes nothing. */
    readonly log: (event: StoreOutageEvent) => void;
    /** The message of the error an operation past the store's timeout fails with (default `no answer from the store within <ms> ms`). */
    readonly timeoutMessage?: (ms: number) => string;
}
/**
 * One dependency's way through outages of its store: each operation run
 * with the store's timeout; a failure marks the store down and refuses
 * (503 + `Retry-After`) or returns `undefined` (`'allow'`); a success marks
 * it up; the log is told once per outage and once at its end.
 *
 * @example
 * ```ts
 * const outage = new StoreOutage({ status: new StoreStatus(), shared: true, timeout: 2000 }, { onStoreDown: 'allow', log: (e) => console.warn(e) })
 * const answer = await outage.run(() => redis.get('key')) // undefined while Redis is down
 * ```
 */
export declare class StoreOutage {
    #private;
    /** What is done while the store is down. */
    readonly action: OnStoreDown;
    constructor(store: WatchedStore, options: StoreOutageOptions);
    /** Whether the dependency may answer 503 (a store that can be down, and `'refuse'`): documented in OpenAPI. */
    get mayRefuse(): boolean;
    /**
     * Runs one operation on the store, bounded by its timeout: its answer
     * (the store marked up), or — the store down — the 503 thrown
     * (`'refuse'`) or `undefined` (`'allow'`).
     */
    run<T>(operation: () => T | PromiseLike<T>): Promise<T | undefined>;
    /**
     * {@link StoreOutage.run} for an operation that may answer at once (a
     * store in memory): its answer synchronously — no promise, no timeout —
     * when it gives one, a synchronous failure counting as an outage; a
     * promise goes through {@link StoreOutage.run} (timeout included).
     *
     * @example
     * ```ts
     * const claimed = outage.attempt(() => store.claim(key, ttl)) // boolean | undefined, or a promise of one
     * ```
     */
    attempt<T>(operation: () => T | PromiseLike<T>): T | undefined | Promise<T | undefined>;
    /** An operation failed: the store is down. Throws the 503 (`'refuse'`) or returns (`'allow'`); tells the log once per outage. */
    down(error: unknown): void;
    /** An operation succeeded: the store is up; tells the log once when an outage it told of is over. */
    up(): void;
}
