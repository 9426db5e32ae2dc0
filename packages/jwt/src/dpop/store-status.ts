/**
 * Whether a replay store answers, and since when: told by the store
 * client's own events (Redis connected, connection lost) and by the outcome
 * of every claim. An app shows it on its health route (`binding.health()`).
 */

/**
 * A replay store's health: `'up'` while it answers, `'down'` while it
 * cannot be reached, and when that last changed. Carries no error text (a
 * public health route must not show the store's address).
 *
 * @example
 * ```ts
 * const h: ReplayStoreHealth = { store: 'up', since: new Date() }
 * ```
 */
export interface ReplayStoreHealth {
  readonly store: 'up' | 'down';
  /** When the store last went down or came back (for a store that never failed: when it was created). */
  readonly since: Date;
}

/**
 * The up/down state of one replay store. The DPoP check marks it after each
 * claim; `redisReplayStore()` also marks it from the client's `ready` /
 * `close` / `reconnecting` / `end` events, so a health route sees an outage
 * without traffic.
 *
 * @example
 * ```ts
 * const status = new ReplayStoreStatus()
 * status.markDown()
 * status.health() // { store: 'down', since: <now> }
 * ```
 */
export class ReplayStoreStatus {
  #up: boolean;
  #since = new Date();

  /** Starts up (default) or down (a client still connecting). */
  constructor(up = true) {
    this.#up = up;
  }

  /** Whether the store answered last. */
  get up(): boolean {
    return this.#up;
  }

  /** Up or down, and since when. */
  health(): ReplayStoreHealth {
    return { store: this.#up ? 'up' : 'down', since: this.#since };
  }

  /** The store answered (a no-op while it is already up). */
  markUp(): void {
    if (this.#up) return;
    this.#up = true;
    this.#since = new Date();
  }

  /** The store could not be reached (a no-op while it is already down: `since` stays the outage's start). */
  markDown(): void {
    if (!this.#up) return;
    this.#up = false;
    this.#since = new Date();
  }
}
