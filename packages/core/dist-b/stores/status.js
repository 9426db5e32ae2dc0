/**
 * Whether a store answers, and since when: told by the store client's own
 * events (Redis connected, connection lost) and by the outcome of every
 * operation run on it (a rate limit's count, a DPoP proof's replay claim).
 * An app exposes it on its health route.
 */
/**
 * The up/down state of one store, shared by everything that uses it (every
 * limit counted in a `@depends/rate-limit` store, the DPoP schemes of one
 * replay store). Each operation's outcome marks it ({@link StoreOutage});
 * {@link watchRedisClient} also marks it from a Redis client's `ready` /
 * `close` / `reconnecting` / `end` events, so a health route sees an outage
 * even when no request uses the store.
 *
 * @example
 * ```ts
 * const status = new StoreStatus()
 * status.markDown()
 * status.health() // { store: 'down', since: <now> }
 * ```
 */
export class StoreStatus {
    #up;
    #since = new Date();
    /** Starts up (default) or down (a client still connecting). */
    constructor(up = true) {
        this.#up = up;
    }
    /** Whether the store answered last. */
    get up() {
        return this.#up;
    }
    /** Up or down, and since when. */
    health() {
        return { store: this.#up ? 'up' : 'down', since: this.#since };
    }
    /** The store answered (a no-op while it is already up). */
    markUp() {
        if (this.#up)
            return;
        this.#up = true;
        this.#since = new Date();
    }
    /** The store could not be reached (a no-op while it is already down: `since` stays the outage's start). */
    markDown() {
        if (!this.#up)
            return;
        this.#up = false;
        this.#since = new Date();
    }
}
//# sourceMappingURL=status.js.map