/**
 * A Redis client's own word on whether it can run commands — its status
 * now, and its connection events — told to a {@link StoreStatus}, so a
 * health route sees an outage without traffic. Structural: any client with
 * ioredis' `status` or node-redis' `isReady`, and `on(event, listener)`;
 * neither library is a dependency.
 */
import { StoreStatus } from './status.js';
/**
 * Whether a Redis client says it can run commands now: ioredis' `status`
 * (`'ready'`), node-redis' `isReady`; a client that says neither is taken
 * as ready.
 *
 * @example
 * ```ts
 * if (!redisClientReady(client)) throw new Error('Redis client is not ready') // rather than a command queued until Redis is back
 * ```
 */
export declare function redisClientReady(client: unknown): boolean;
/**
 * Whether a Redis client is node-redis (`redis` v4+: it has `isOpen`)
 * rather than ioredis.
 *
 * @example
 * ```ts
 * const nodeRedis = options.nodeRedis ?? isNodeRedis(client)
 * ```
 */
export declare function isNodeRedis(client: unknown): boolean;
/**
 * A store status that follows a Redis client: up or down as the client is
 * ready now ({@link redisClientReady}), then marked up on its `ready` event
 * and down on `close` / `reconnecting` / `end`.
 *
 * @example
 * ```ts
 * const status = watchRedisClient(redis) // the app's ioredis or node-redis client
 * status.health() // { store: 'down', since: … } until the client is ready
 * ```
 */
export declare function watchRedisClient(client: unknown): StoreStatus;
