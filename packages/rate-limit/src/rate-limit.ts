/**
 * Rate limiting as a dependency: declared on a route like any other input,
 * it refuses a request with 429 (`Retry-After` and `RateLimit-*` headers)
 * once its key has used up the limit, and documents that 429 in OpenAPI.
 * The counting is rate-limiter-flexible's.
 */
import { HTTPException, type CallContext, type Dependency } from '@depends/core';
import { createDependency } from '@depends/core/schemes';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryStore, type RateLimitStore } from './stores.js';

/**
 * Options of {@link rateLimit}.
 *
 * @example
 * ```ts
 * const opts: RateLimitOptions = { name: 'login-ip', points: 20, duration: 900, key: clientIp, count: 'failures' }
 * ```
 */
export interface RateLimitOptions {
  /** The limit's name: the prefix of its keys in the store (two limits sharing a store need two names). */
  readonly name: string;
  /** Requests (or failures, with `count: 'failures'`) allowed per window. */
  readonly points: number;
  /** The window, in seconds. */
  readonly duration: number;
  /** Once over the limit, refuse the key for this many seconds (default: until the window ends). */
  readonly blockDuration?: number;
  /**
   * What is counted: a dependency giving the key — the client's IP
   * (`clientIp`), a user name read from the body, an API key. `undefined`
   * (or an empty string) means this request is not limited.
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
  /** Points left in the window after this request (`limit` when nothing was counted yet). */
  readonly remaining: number;
  /** Records a failure against the key (`count: 'failures'`; with `'requests'` it uses one more point). */
  fail(): Promise<void>;
  /** Forgets the key's count (e.g. after a successful login). */
  reset(): Promise<void>;
}

/** The `detail` of a 429. */
export const TOO_MANY_REQUESTS = 'Too many requests, try again later';

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** The 429 for a key over its limit: when to retry, and the limit's state (IETF RateLimit header fields). */
function tooMany(points: number, res: { msBeforeNext: number }): HTTPException {
  const wait = String(seconds(res.msBeforeNext));
  return new HTTPException(429, TOO_MANY_REQUESTS, {
    'retry-after': wait,
    'ratelimit-limit': String(points),
    'ratelimit-remaining': '0',
    'ratelimit-reset': wait,
  });
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
 *
 * @example
 * ```ts
 * import { clientIp, rateLimit } from '@depends/rate-limit'
 * const perIp = rateLimit({ name: 'search', points: 30, duration: 60, key: clientIp })
 * router.get('/search', { q: query('q'), limit: perIp }, ({ q }) => search(q))
 *
 * // Failed logins only, per user name, checked before any password hashing:
 * const username = depends({ form: oauth2PasswordForm }, ({ form }) => form.username.toLowerCase())
 * const perUser = rateLimit({ name: 'login-user', points: 5, duration: 900, key: username, count: 'failures' })
 * ```
 */
export function rateLimit(options: RateLimitOptions): Dependency<RateLimitState> {
  const { name, points, duration } = options;
  if (typeof name !== 'string' || name === '') throw new TypeError('rateLimit(): name must be a non-empty string');
  if (!Number.isInteger(points) || points < 1) throw new TypeError(`rateLimit(${name}): points must be a positive integer`);
  if (!(duration > 0)) throw new TypeError(`rateLimit(${name}): duration must be a positive number of seconds`);
  const failuresOnly = options.count === 'failures';
  let limiter: RateLimiterAbstract | undefined;
  const store = options.store ?? memoryStore();
  const get = (): RateLimiterAbstract =>
    (limiter ??= store({ keyPrefix: `depends-rl:${name}`, points, duration, blockDuration: options.blockDuration ?? 0 }));

  const consume = async (key: string): Promise<number> => {
    try {
      return (await get().consume(key)).remainingPoints;
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(points, error);
      throw error; // the store failed (Redis without insurance): a server error
    }
  };
  const state = (key: string | undefined, remaining: number): RateLimitState => ({
    key,
    limit: points,
    remaining,
    fail: key === undefined ? NOT_LIMITED : () => consume(key).then(() => undefined, (e: unknown) => (e instanceof HTTPException ? undefined : Promise.reject(e))),
    reset: key === undefined ? NOT_LIMITED : () => get().delete(key).then(() => undefined),
  });

  const fn = async ({ key }: { key: string | undefined }, _context: CallContext): Promise<RateLimitState> => {
    if (key === undefined || key === '') return state(undefined, points);
    if (!failuresOnly) return state(key, await consume(key));
    const res = await get().get(key);
    if (res && res.consumedPoints >= points) throw tooMany(points, res);
    return state(key, res ? Math.max(0, points - res.consumedPoints) : points);
  };
  return createDependency<RateLimitState>({ key: options.key }, fn, { name: `rateLimit(${name})`, meta: { responses: [429] } });
}
