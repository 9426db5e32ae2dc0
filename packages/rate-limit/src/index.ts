/**
 * `@depends/rate-limit`: rate limiting as a `@depends/core` dependency.
 * Declared among a route's inputs, it refuses a key over its limit with 429
 * (`Retry-After`, `RateLimit-*`) and documents it in OpenAPI; the counting
 * is rate-limiter-flexible's, in memory or in Redis. `loginThrottle()`
 * throttles password logins without locking users out; while a shared
 * store is down every limit refuses with 503 or lets requests through, as
 * declared.
 *
 * @example
 * ```ts
 * import { clientAddressKey, rateLimit, redisStore } from '@depends/rate-limit'
 * const perClient = rateLimit({ name: 'api', points: 100, duration: 60, key: clientAddressKey(), store: redisStore(redis), onStoreDown: 'allow' })
 * const api = new Router({ dependencies: [perClient] })
 * ```
 */
export { rateLimit, TOO_MANY_REQUESTS } from './rate-limit.js';
export type { RateLimitOptions, RateLimitState, StoreBacked } from './rate-limit.js';
export { loginThrottle, slowDownDelay } from './login-throttle.js';
export type { FailureLimit, LoginAttempt, LoginThrottleOptions, SlowDown } from './login-throttle.js';
export { logStoreEvent, STORE_UNAVAILABLE, StoreUnavailableError } from './outage.js';
export type { OnStoreDown, OutageOptions, StoreEvent } from './outage.js';
export { memoryStore, redisStore } from './stores.js';
export type { LimiterSettings, RateLimitStore, RedisStoreOptions } from './stores.js';
export { StoreStatus } from '@depends/core';
export type { StoreHealth } from '@depends/core';
export { addressKey, clientAddressKey } from './client-address.js';
export type { ClientAddressKeyOptions } from './client-address.js';
export { clientIp, ipOf } from './client-ip.js';
