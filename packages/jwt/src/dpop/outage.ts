/**
 * What a DPoP scheme does while its replay store cannot be reached — a
 * choice made when the scheme is declared: refuse with 503 + `Retry-After`
 * (default: a proof that cannot be checked for replay is not accepted), or
 * accept proofs without the replay check; either way the outage is told to
 * a log hook once, and its end once. Never a 500.
 */
import { HTTPException } from '@depends/core';
import type { ReplayStore } from './replay-store.js';

/**
 * While the replay store is down: `'refuse'` answers **503** with
 * `Retry-After`; `'allow'` accepts proofs that pass every other check,
 * without knowing whether they were seen before.
 *
 * @example
 * ```ts
 * const choice: OnReplayStoreDown = 'refuse'
 * ```
 */
export type OnReplayStoreDown = 'refuse' | 'allow';

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
 * What the log hook is told: the replay store went down (once per outage,
 * with what the scheme does) or came back (once). The reason is the error's
 * kind and message with any `user:password@` removed — never a proof, a
 * token or a key.
 *
 * @example
 * ```ts
 * const onStoreEvent = (e: ReplayStoreEvent) => logger.warn({ dpop: e.store, action: e.action, reason: e.reason })
 * ```
 */
export interface ReplayStoreEvent {
  readonly store: 'down' | 'up';
  readonly since: Date;
  readonly action: OnReplayStoreDown;
  readonly reason?: string;
}

/**
 * The default log hook: one `console.warn` line when the store goes down,
 * one `console.info` line when it is back.
 *
 * @example
 * ```ts
 * logReplayStoreEvent({ store: 'down', since: new Date(), action: 'refuse', reason: 'Error: Connection is closed.' })
 * ```
 */
export function logReplayStoreEvent(event: ReplayStoreEvent): void {
  const since = event.since.toISOString();
  if (event.store === 'up') {
    console.info(`[@depends/jwt] DPoP replay store answering again since ${since}`);
    return;
  }
  const doing = event.action === 'refuse' ? 'refusing DPoP requests with 503' : 'accepting DPoP proofs WITHOUT the replay check';
  console.warn(`[@depends/jwt] DPoP replay store unreachable since ${since}; ${doing} until it answers (${event.reason ?? 'unknown error'})`);
}

const describe = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return text.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 200);
};

/** A claim that did not answer in time. */
class ClaimTimeout extends Error {
  constructor(ms: number) {
    super(`the replay store did not answer within ${ms} ms`);
    this.name = 'ClaimTimeout';
  }
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
export class ReplayGuard {
  readonly action: OnReplayStoreDown;
  readonly #store: ReplayStore;
  readonly #retryAfter: number;
  readonly #log: (event: ReplayStoreEvent) => void;
  #told: Date | undefined;

  constructor(store: ReplayStore, options: { onStoreDown?: OnReplayStoreDown; storeRetryAfter?: number; onStoreEvent?: (event: ReplayStoreEvent) => void }) {
    this.action = options.onStoreDown ?? 'refuse';
    this.#store = store;
    this.#retryAfter = options.storeRetryAfter ?? 5;
    this.#log = options.onStoreEvent ?? logReplayStoreEvent;
  }

  /** Whether the scheme may answer 503 for the store (a shared store, and `'refuse'`). */
  get mayRefuse(): boolean {
    return this.#store.shared && this.action === 'refuse';
  }

  /**
   * Claims a proof: `true` when unseen (or the store is down and the
   * choice is `'allow'`), `false` when seen before; throws the 503 when
   * the store is down and the choice is `'refuse'`.
   */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    let seen: boolean;
    try {
      seen = !(await this.#withTimeout(key, ttlMs));
    } catch (error) {
      this.#down(error);
      return true; // 'allow': accepted without the replay check
    }
    this.#up();
    return !seen;
  }

  async #withTimeout(key: string, ttlMs: number): Promise<boolean> {
    const timeout = this.#store.timeout;
    const claimed = Promise.resolve().then(() => this.#store.claim(key, ttlMs));
    if (timeout === undefined) return claimed;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([claimed, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ClaimTimeout(timeout)), timeout)))]);
    } finally {
      clearTimeout(timer);
      claimed.catch(() => {}); // a claim that answers after its timeout is not an unhandled rejection
    }
  }

  #down(error: unknown): void {
    this.#store.status.markDown();
    const { since } = this.#store.status.health();
    if (this.#told !== since) {
      this.#told = since;
      this.#tell({ store: 'down', since, action: this.action, reason: describe(error) });
    }
    if (this.action === 'refuse') throw new HTTPException(503, REPLAY_STORE_UNAVAILABLE, { 'retry-after': String(this.#retryAfter) });
  }

  #up(): void {
    this.#store.status.markUp();
    if (this.#told === undefined) return;
    this.#told = undefined;
    this.#tell({ store: 'up', since: this.#store.status.health().since, action: this.action });
  }

  #tell(event: ReplayStoreEvent): void {
    try {
      this.#log(event);
    } catch {
      // a failing log hook never changes the answer
    }
  }
}
