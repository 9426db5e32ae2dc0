/**
 * What a dependency does while the store it needs cannot be reached (a
 * rate limit's counters, a DPoP scheme's replay store) — a choice made when
 * it is declared: refuse with 503 + `Retry-After` (fail closed), or go on
 * without the store; either way the outage is told to a log hook once, and
 * its end once. Every operation is bounded by the store's timeout. Never a
 * 500.
 */
import { HTTPException } from '../errors/catalogue.js';
/**
 * The default `detail` of the 503 answered while a store is down.
 *
 * @example
 * ```ts
 * new StoreUnavailableError(5).detail === STORE_UNAVAILABLE // true
 * ```
 */
export const STORE_UNAVAILABLE = 'Service temporarily unavailable, try again later';
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
export class StoreUnavailableError extends HTTPException {
    constructor(retryAfterSeconds, detail = STORE_UNAVAILABLE) {
        super(503, detail, { 'retry-after': String(retryAfterSeconds) });
    }
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
export function describeStoreError(error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
    return text.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 200);
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
export function outageMistake(options) {
    const action = options.onStoreDown ?? 'refuse';
    if (action !== 'refuse' && action !== 'allow')
        return "onStoreDown must be 'refuse' or 'allow'";
    const retryAfter = options.storeRetryAfter ?? 5;
    if (!Number.isInteger(retryAfter) || retryAfter < 0)
        return 'storeRetryAfter must be a whole number of seconds';
    return undefined;
}
/** An operation that took longer than the store's timeout (the log's reason: `StoreTimeout: …`). */
class StoreTimeout extends Error {
    name = 'StoreTimeout';
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
export class StoreOutage {
    /** What is done while the store is down. */
    action;
    #store;
    #retryAfter;
    #detail;
    #log;
    #timeoutMessage;
    /** The start of the outage last told to the log (undefined: none, or it was told over). */
    #told;
    constructor(store, options) {
        this.action = options.onStoreDown ?? 'refuse';
        this.#store = store;
        this.#retryAfter = options.storeRetryAfter ?? 5;
        this.#detail = options.detail ?? STORE_UNAVAILABLE;
        this.#log = options.log;
        this.#timeoutMessage = options.timeoutMessage ?? ((ms) => `no answer from the store within ${ms} ms`);
    }
    /** Whether the dependency may answer 503 (a store that can be down, and `'refuse'`): documented in OpenAPI. */
    get mayRefuse() {
        return this.#store.shared && this.action === 'refuse';
    }
    /**
     * Runs one operation on the store, bounded by its timeout: its answer
     * (the store marked up), or — the store down — the 503 thrown
     * (`'refuse'`) or `undefined` (`'allow'`).
     */
    async run(operation) {
        let result;
        try {
            result = await this.#bounded(operation);
        }
        catch (error) {
            this.down(error); // throws the 503 with 'refuse'
            return undefined;
        }
        this.up();
        return result;
    }
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
    attempt(operation) {
        let answer;
        try {
            answer = operation();
        }
        catch (error) {
            this.down(error); // throws the 503 with 'refuse'
            return undefined;
        }
        // (the stores kit imports errors only: util/thenable's check, written out)
        if (typeof answer?.then === 'function')
            return this.run(() => answer);
        this.up();
        return answer;
    }
    /** An operation failed: the store is down. Throws the 503 (`'refuse'`) or returns (`'allow'`); tells the log once per outage. */
    down(error) {
        this.#store.status.markDown();
        const { since } = this.#store.status.health();
        if (this.#told !== since) {
            this.#told = since;
            this.#tell({ store: 'down', since, action: this.action, reason: describeStoreError(error) });
        }
        if (this.action === 'refuse')
            throw new StoreUnavailableError(this.#retryAfter, this.#detail);
    }
    /** An operation succeeded: the store is up; tells the log once when an outage it told of is over. */
    up() {
        this.#store.status.markUp();
        if (this.#told === undefined)
            return;
        this.#told = undefined;
        this.#tell({ store: 'up', since: this.#store.status.health().since, action: this.action });
    }
    async #bounded(operation) {
        const pending = new Promise((resolve) => resolve(operation()));
        const timeout = this.#store.timeout;
        if (timeout === undefined)
            return pending;
        let timer;
        try {
            return await Promise.race([pending, new Promise((_, reject) => (timer = setTimeout(() => reject(new StoreTimeout(this.#timeoutMessage(timeout))), timeout)))]);
        }
        finally {
            clearTimeout(timer);
            pending.catch(() => { }); // an operation that fails after its timeout is not an unhandled rejection
        }
    }
    #tell(event) {
        try {
            this.#log(event);
        }
        catch {
            // a failing log hook never changes the answer
        }
    }
}
//# sourceMappingURL=outage.js.map