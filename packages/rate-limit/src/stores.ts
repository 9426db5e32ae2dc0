/**
 * Where the counters live: rate-limiter-flexible's limiters, in memory (one
 * process) or in Redis (shared by every instance behind a load balancer),
 * each store with its {@link StoreStatus}.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { isNodeRedis, StoreStatus, watchRedisClient } from '@depends/core';

/** What a store is given to make one limiter: its key prefix, points, window and block time. */
export interface LimiterSettings {
  /** Prefix of every key this limiter writes (`depends-rl:<name>`). */
  readonly keyPrefix: string;
  /** Points (requests or failures) allowed per window. */
  readonly points: number;
  /** Window, in seconds. */
  readonly duration: number;
  /** Seconds a key stays refused once over the limit (0: until the window ends). */
  readonly blockDuration: number;
}

/**
 * Where the counters of one or more limits live. {@link memoryStore} and
 * {@link redisStore} make one; another rate-limiter-flexible backend
 * (Mongo, Postgres…) fits the same shape.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = { limiter: (settings) => new RateLimiterMemory(settings), status: new StoreStatus(), shared: false }
 * ```
 */
export interface RateLimitStore {
  /** Makes the rate-limiter-flexible limiter of one limit. There is no in-memory fallback: a failing operation is an outage. */
  limiter(settings: LimiterSettings): RateLimiterAbstract;
  /** Up or down, and since when (the limits mark it; `health()` reads it). */
  readonly status: StoreStatus;
  /**
   * Whether the counters live outside this process: shared by every
   * instance, and reachable or not. Only such a store can be down, so only
   * its limits document a 503.
   */
  readonly shared: boolean;
  /** Longest wait for one operation, in milliseconds, before the store counts as down (none when absent). */
  readonly timeout?: number;
}

/**
 * Counters in this process's memory (the default): right for one instance;
 * with several, each counts on its own — use {@link redisStore}. It is never
 * down.
 *
 * @example
 * ```ts
 * rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp, store: memoryStore() })
 * ```
 */
export function memoryStore(): RateLimitStore {
  return { limiter: (settings) => new RateLimiterMemory(settings), status: new StoreStatus(), shared: false };
}

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * The client is node-redis (`redis` package, v4+) rather than ioredis.
   * Default: detected (node-redis clients have `isOpen`).
   */
  readonly nodeRedis?: boolean;
  /**
   * Longest wait for one Redis operation, in milliseconds (default 2000):
   * past it the store counts as down and each limit does what its
   * `onStoreDown` says. A client that queues commands while reconnecting
   * (ioredis' default) would otherwise hold the request until Redis is back.
   */
  readonly timeout?: number;
}

/**
 * Counters in Redis, shared by every instance of the app: pass a connected
 * client you own (ioredis, or node-redis v4+). Increments are atomic (one
 * Lua script per request). Nothing is counted anywhere else: while Redis
 * cannot be reached (not connected, or an operation past `timeout`), each
 * limit refuses with 503 or lets requests through, as its `onStoreDown`
 * says, and once Redis answers again the counts are Redis's. The store's
 * `status` follows the client's `ready` / `close` / `reconnecting` / `end`
 * events too, so `health()` shows an outage without traffic.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const redis = new Redis(process.env.REDIS_URL!)
 * const perIp = rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp, store: redisStore(redis) })
 * ```
 */
export function redisStore(client: unknown, options: RedisStoreOptions = {}): RateLimitStore {
  const nodeRedis = options.nodeRedis ?? isNodeRedis(client);
  const timeout = options.timeout ?? 2000;
  if (!(timeout > 0)) throw new TypeError('redisStore(): timeout must be a positive number of milliseconds');
  const status = watchRedisClient(client);
  return {
    limiter: (settings) => new RateLimiterRedis({ ...settings, storeClient: client, useRedisPackage: nodeRedis, rejectIfRedisNotReady: true }),
    status,
    shared: true,
    timeout,
  };
}
