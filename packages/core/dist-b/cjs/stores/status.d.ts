/**
 * Whether a store answers, and since when: told by the store client's own
 * events (Redis connected, connection lost) and by the outcome of every
 * operation run on it (a rate limit's count, a DPoP proof's replay claim).
 * An app exposes it on its health route.
 */
/**
 * A store's health: `'up'` while it answers, `'down'` while it cannot be
 * reached, and when that last changed. JSON-serialisable for a health route
 * (`since` becomes an ISO date). It carries no error text: a public health
 * route should not show the store's address.
 *
 * @example
 * ```ts
 * const h: StoreHealth = { store: 'up', since: new Date() }
 * ```
 */
export interface StoreHealth {
    readonly store: 'up' | 'down';
    /** When the store last went down or came back (for a store that never failed: when it was created). */
    readonly since: Date;
}
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
export declare class StoreStatus {
    #private;
    /** Starts up (default) or down (a client still connecting). */
    constructor(up?: boolean);
    /** Whether the store answered last. */
    get up(): boolean;
    /** Up or down, and since when. */
    health(): StoreHealth;
    /** The store answered (a no-op while it is already up). */
    markUp(): void;
    /** The store could not be reached (a no-op while it is already down: `since` stays the outage's start). */
    markDown(): void;
}
