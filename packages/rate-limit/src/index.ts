/**
 * `@depends/rate-limit`: rate limiting as a `@depends/core` dependency.
 * Declared among a route's inputs, it refuses a key over its limit with 429
 * (`Retry-After`, `RateLimit-*`) and documents it in OpenAPI; the counting
 * is rate-limiter-flexible's, in memory or in Redis.
 *
 * @example
 * ```ts
 * import { clientIp, rateLimit, redisStore } from '@depends/rate-limit'
 * const perIp = rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp, store: redisStore(redis) })
 * const api = new Router({ dependencies: [perIp] })
 * ```
 */
export { rateLimit, TOO_MANY_REQUESTS } from './rate-limit.js';
export type { RateLimitOptions, RateLimitState } from './rate-limit.js';
export { memoryStore, redisStore } from './stores.js';
export type { LimiterSettings, RateLimitStore, RedisStoreOptions } from './stores.js';
export { clientIp, ipOf } from './client-ip.js';
