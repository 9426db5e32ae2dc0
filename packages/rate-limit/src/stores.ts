/**
 * Where the counters live: rate-limiter-flexible's limiters, in memory (one
 * process) or in Redis (shared by every instance behind a load balancer).
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

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
 * Makes the rate-limiter-flexible limiter of one `rateLimit()` declaration.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = (settings) => new RateLimiterMemory(settings)
 * ```
 */
export type RateLimitStore = (settings: LimiterSettings) => RateLimiterAbstract;

/**
 * Counters in this process's memory (the default): right for one instance;
 * with several, each counts on its own — use {@link redisStore}.
 *
 * @example
 * ```ts
 * rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp, store: memoryStore() })
 * ```
 */
export function memoryStore(): RateLimitStore {
  return (settings) => new RateLimiterMemory(settings);
}

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * The client is node-redis (`redis` package, v4+) rather than ioredis.
   * Default: detected (node-redis clients have `isOpen`).
   */
  readonly nodeRedis?: boolean;
  /**
   * While Redis cannot be reached, count in this process's memory instead of
   * failing the request (default `true`): limits then hold per instance
   * until Redis is back.
   */
  readonly insurance?: boolean;
}

/**
 * Counters in Redis, shared by every instance of the app: pass a connected
 * client you own (ioredis, or node-redis v4+). Increments are atomic (one
 * Lua script per request). While Redis is down the limiter counts in memory
 * unless `insurance: false`, in which case requests fail with 500.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const redis = new Redis(process.env.REDIS_URL!)
 * const perIp = rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp, store: redisStore(redis) })
 * ```
 */
export function redisStore(client: unknown, options: RedisStoreOptions = {}): RateLimitStore {
  const nodeRedis = options.nodeRedis ?? (typeof client === 'object' && client !== null && 'isOpen' in client);
  return (settings) =>
    new RateLimiterRedis({
      ...settings,
      storeClient: client,
      useRedisPackage: nodeRedis,
      rejectIfRedisNotReady: true,
      ...(options.insurance === false ? {} : { insuranceLimiter: new RateLimiterMemory(settings) }),
    });
}
