/**
 * When a provider that could not be reached is asked again: soon after the
 * first failure (sub-second), then twice as long after each failure in a
 * row, never longer than a bound, each wait jittered so that API instances
 * that failed together do not come back together. A success starts over.
 * An outage therefore ends for the API at most one bounded wait after the
 * provider is back, instead of after a fixed cooldown.
 */

/**
 * The waits of a {@link Backoff} (milliseconds).
 *
 * @example
 * ```ts
 * const waits: RetryTimings = { retryDelay: 200, maxRetryDelay: 600 }
 * ```
 */
export interface RetryTimings {
  /**
   * After the provider could not be reached, how long before it is asked
   * again (default 200): each wait is a random time between half of it and
   * all of it; each further failure in a row doubles it, up to
   * `maxRetryDelay`.
   */
  retryDelay?: number;
  /**
   * The longest wait between two attempts while the provider stays
   * unreachable (default 600): an outage ends for the API at most this long
   * after the provider is back.
   */
  maxRetryDelay?: number;
}

/** Defaults of {@link RetryTimings}. */
export const RETRY_DELAY = 200;
export const MAX_RETRY_DELAY = 600;

/**
 * The retry schedule of one provider (or one of its endpoints). Requests
 * ask {@link Backoff.ready} before calling it; a failed call is recorded
 * with {@link Backoff.failed}, a successful one with
 * {@link Backoff.succeeded}. Failures of calls that started before the last
 * recorded failure belong to the same attempt (concurrent requests waiting
 * on one call, or calls made together) and count once.
 *
 * @example
 * ```ts
 * const backoff = new Backoff({ retryDelay: 200, maxRetryDelay: 600 })
 * if (!backoff.ready()) throw new ProviderUnavailableError('down', backoff.retryAfter())
 * const started = Date.now()
 * try { const keys = await fetchKeys(); backoff.succeeded(); return keys } catch (error) { backoff.failed(started); throw error }
 * ```
 */
export class Backoff {
  readonly #first: number;
  readonly #max: number;
  readonly #random: () => number;
  /** Failures in a row. */
  #failures = 0;
  /** When the last counted failure was recorded (epoch ms). */
  #failedAt = -Infinity;
  /** Until when (epoch ms) the provider is not asked. */
  #until = 0;

  /**
   * @param timings the first and the longest wait (see {@link RetryTimings})
   * @param random a number in [0, 1) (tests pass a fixed one)
   */
  constructor(timings: RetryTimings = {}, random: () => number = Math.random) {
    this.#max = timings.maxRetryDelay ?? MAX_RETRY_DELAY;
    this.#first = Math.min(timings.retryDelay ?? RETRY_DELAY, this.#max);
    this.#random = random;
  }

  /**
   * Whether the provider may be asked now (no failure, or its wait is over).
   *
   * @example
   * ```ts
   * const direct = backoff.ready() ? remoteKeys : staleKeys
   * ```
   */
  ready(now: number = Date.now()): boolean {
    return now >= this.#until;
  }

  /**
   * Records a failed call that started at `startedAt` (default: a call of
   * its own). Returns `false`, changing nothing, when it belongs to an
   * attempt already counted (it started before the last recorded failure).
   *
   * @example
   * ```ts
   * if (backoff.failed(started)) onProviderError(error) // reported once per attempt
   * ```
   */
  failed(startedAt: number = Infinity, now: number = Date.now()): boolean {
    if (startedAt <= this.#failedAt) return false;
    const wait = Math.min(this.#max, this.#first * 2 ** Math.min(this.#failures, 30));
    this.#failures++;
    this.#failedAt = now;
    this.#until = now + wait * (0.5 + this.#random() / 2);
    return true;
  }

  /**
   * Records a successful call: the next failure waits the first delay again.
   *
   * @example
   * ```ts
   * const metadata = await discover(); backoff.succeeded()
   * ```
   */
  succeeded(): void {
    this.#failures = 0;
  }

  /**
   * When the last counted failure was recorded (epoch ms; `-Infinity`
   * before any): a success seen after it (a fetch dated later) means the
   * provider was back in between.
   *
   * @example
   * ```ts
   * if (lastFetch > backoff.failedAt) backoff.succeeded()
   * ```
   */
  get failedAt(): number {
    return this.#failedAt;
  }

  /**
   * Seconds until the provider is asked again, for `Retry-After`: a whole
   * number, at least 1.
   *
   * @example
   * ```ts
   * new HTTPException(503, 'Try again', { 'retry-after': String(backoff.retryAfter()) })
   * ```
   */
  retryAfter(now: number = Date.now()): number {
    return Math.max(1, Math.ceil((this.#until - now) / 1000));
  }
}

/**
 * Checks timing options (milliseconds): each one given must be a finite
 * number, not negative. Returns the message of the first mistake, or
 * `undefined`.
 *
 * @example
 * ```ts
 * timingMistake({ retryDelay: -1 }, ['retryDelay', 'maxRetryDelay']) // 'retryDelay must be a non-negative number of milliseconds'
 * ```
 */
export function timingMistake(options: object, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) return `${name} must be a non-negative number of milliseconds`;
  }
  return undefined;
}
