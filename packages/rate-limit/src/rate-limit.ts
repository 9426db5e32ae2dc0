/**
 * Rate limiting as a dependency: declared on a route like any other input,
 * it refuses a request with 429 (`Retry-After` and `RateLimit-*` headers)
 * once its key has used up the limit, and documents that 429 in OpenAPI.
 * The counting is rate-limiter-flexible's; while a shared store is down the
 * limit refuses with 503 or lets requests through, as declared.
 */
import { HTTPException, type CallContext, type Dependency, type StoreHealth } from '@depends/core';
import { createDependency } from '@depends/core/schemes';
import { Counter } from './counter.js';
import { Outage, StoreUnavailableError, type OutageOptions } from './outage.js';
import { memoryStore, type RateLimitStore } from './stores.js';

/**
 * Options of {@link rateLimit}.
 *
 * @example
 * ```ts
 * const opts: RateLimitOptions = { name: 'login-ip', points: 20, duration: 900, key: clientIp, count: 'failures', onStoreDown: 'refuse' }
 * ```
 */
export interface RateLimitOptions extends OutageOptions {
  /** The limit's name: the prefix of its keys in the store (two limits sharing a store need two names). */
  readonly name: string;
  /** Requests (or failures, with `count: 'failures'`) allowed per window. */
  readonly points: number;
  /** The window, in seconds. */
  readonly duration: number;
  /** Once over the limit, refuse the key for this many seconds (default: until the window ends). */
  readonly blockDuration?: number;
  /**
   * What is counted: a dependency giving the key — the client's address
   * (`clientAddressKey()`), a user name read from the body, an API key.
   * `undefined` (or an empty string) means this request is not limited.
   */
  readonly key: Dependency<string | undefined> | Dependency<string>;
  /**
   * `'requests'` (default): every request uses a point, and the one past
   * the limit is refused. `'failures'`: a request uses nothing by itself;
   * the handler calls `fail()` when it fails (a wrong password), and
   * requests are refused while the failures reach the limit — before the
   * handler runs, so nothing expensive (hashing a password) is done.
   */
  readonly count?: 'requests' | 'failures';
  /** Where the counters live (default {@link memoryStore}; `redisStore(client)` for several instances). */
  readonly store?: RateLimitStore;
}

/**
 * What a route's handler gets from a {@link rateLimit} dependency.
 *
 * @example
 * ```ts
 * router.post('/login', { attempts: loginLimit, form }, async ({ attempts, form }) => {
 *   if (!(await check(form))) { await attempts.fail(); throw new HTTPException(400, 'Wrong credentials') }
 *   await attempts.reset()
 * })
 * ```
 */
export interface RateLimitState {
  /** The key counted under, or `undefined` when this request is not limited. */
  readonly key: string | undefined;
  /** Points allowed per window. */
  readonly limit: number;
  /** Points left in the window after this request (`limit` when nothing was counted). */
  readonly remaining: number;
  /** `'down'`: the store could not be reached and the limit let this request through uncounted (`onStoreDown: 'allow'`). */
  readonly store: 'up' | 'down';
  /**
   * Records a failure against the key (`count: 'failures'`; with
   * `'requests'` it uses one more point). With the store down it throws the
   * 503 (`'refuse'`) or records nothing (`'allow'`).
   */
  fail(): Promise<void>;
  /** Forgets the key's count (e.g. after a successful login); with the store down it does nothing. */
  reset(): Promise<void>;
}

/**
 * A limit declared with a store: the dependency, plus the health of the
 * store its counters live in, for the app's health route.
 *
 * @example
 * ```ts
 * router.get('/health', {}, () => ({ rateLimits: perIp.health() }), { public: true })
 * ```
 */
export interface StoreBacked {
  /** Whether the limit's store answers, and since when: `{ store: 'up' | 'down', since }`. */
  health(): StoreHealth;
}

/** The `detail` of a 429. */
export const TOO_MANY_REQUESTS = 'Too many requests, try again later';

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * The 429 for a key over its limit: when to retry, and the limit's state
 * (IETF RateLimit header fields).
 *
 * @example
 * ```ts
 * throw tooMany(5, { msBeforeNext: 873_000 }) // 429, Retry-After: 873
 * ```
 */
export function tooMany(points: number, res: { msBeforeNext: number }): HTTPException {
  const wait = String(seconds(res.msBeforeNext));
  return new HTTPException(429, TOO_MANY_REQUESTS, {
    'retry-after': wait,
    'ratelimit-limit': String(points),
    'ratelimit-remaining': '0',
    'ratelimit-reset': wait,
  });
}

/**
 * Swallows the 503 of a store that is down (what `reset()` does: forgetting
 * a count that cannot be reached is not worth refusing a request over).
 *
 * @example
 * ```ts
 * await counter.delete(key).catch(ignoreStoreDown)
 * ```
 */
export function ignoreStoreDown(error: unknown): void {
  if (!(error instanceof StoreUnavailableError)) throw error;
}

/**
 * The responses a limit documents: 429, and 503 when its store can be down
 * and it refuses then.
 *
 * @example
 * ```ts
 * responsesOf(outage) // [429, 503]
 * ```
 */
export function responsesOf(outage: Outage): number[] {
  return outage.mayRefuse ? [429, 503] : [429];
}

/**
 * Adds `health()` to a dependency (a new frozen object: the dependency is
 * the one returned, with its identity).
 *
 * @example
 * ```ts
 * const limit = withHealth(dependency, store)
 * ```
 */
export function withHealth<T>(dependency: Dependency<T>, store: RateLimitStore): Dependency<T> & StoreBacked {
  return Object.freeze({ ...dependency, health: () => store.status.health() });
}

const NOT_LIMITED = async (): Promise<void> => {};

/**
 * Rate limiting as a dependency. Put it among a route's inputs (or a
 * router's dependencies): each request is counted under the key the `key`
 * dependency gives, and once the key has used `points` in `duration`
 * seconds the request is refused with **429** `{"detail":"Too many
 * requests, try again later"}`, `Retry-After` (seconds) and
 * `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset`. The
 * operation documents that 429 with those headers. Counting is done by
 * rate-limiter-flexible, in memory by default or in Redis
 * (`store: redisStore(client)`) when the app runs on several instances.
 * While such a store is down the limit does what `onStoreDown` says:
 * `'refuse'` (default) answers **503** with `Retry-After` (and the
 * operation documents that 503), `'allow'` lets requests through
 * uncounted; either way `onStoreEvent` is told once per outage.
 * `health()` gives the store's state for a health route.
 *
 * @example
 * ```ts
 * import { clientAddressKey, rateLimit } from '@depends/rate-limit'
 * const perClient = rateLimit({ name: 'search', points: 30, duration: 60, key: clientAddressKey(), onStoreDown: 'allow' })
 * router.get('/search', { q: query('q'), limit: perClient }, ({ q }) => search(q))
 * perClient.health() // { store: 'up', since: … }
 *
 * // Failed attempts only, checked before the handler runs (for logins, loginThrottle() does more):
 * const perKey = rateLimit({ name: 'pin', points: 5, duration: 900, key: header('x-device'), count: 'failures' })
 * ```
 */
export function rateLimit(options: RateLimitOptions): Dependency<RateLimitState> & StoreBacked {
  const { name, points, duration } = options;
  if (typeof name !== 'string' || name === '') throw new TypeError('rateLimit(): name must be a non-empty string');
  if (!Number.isInteger(points) || points < 1) throw new TypeError(`rateLimit(${name}): points must be a positive integer`);
  if (!(duration > 0)) throw new TypeError(`rateLimit(${name}): duration must be a positive number of seconds`);
  const failuresOnly = options.count === 'failures';
  const store = options.store ?? memoryStore();
  const outage = new Outage(name, store, options);
  const counter = new Counter(store, { keyPrefix: `depends-rl:${name}`, points, duration, blockDuration: options.blockDuration ?? 0 }, outage);

  const state = (key: string | undefined, remaining: number, up = true): RateLimitState => ({
    key,
    limit: points,
    remaining,
    store: up ? 'up' : 'down',
    fail: key === undefined ? NOT_LIMITED : () => counter.consume(key).then(() => undefined),
    reset: key === undefined ? NOT_LIMITED : () => counter.delete(key).catch(ignoreStoreDown),
  });

  const fn = async ({ key }: { key: string | undefined }, _context: CallContext): Promise<RateLimitState> => {
    if (key === undefined || key === '') return state(undefined, points);
    if (!failuresOnly) {
      const counted = await counter.consume(key);
      if (!counted) return state(key, points, false);
      if (counted.over) throw tooMany(points, counted.res);
      return state(key, counted.res.remainingPoints);
    }
    const res = await counter.get(key);
    if (res === undefined) return state(key, points, false);
    if (res && res.consumedPoints >= points) throw tooMany(points, res);
    return state(key, res ? Math.max(0, points - res.consumedPoints) : points);
  };
  const dependency = createDependency<RateLimitState>({ key: options.key }, fn, { name: `rateLimit(${name})`, meta: { responses: responsesOf(outage) } });
  return withHealth(dependency, store);
}
