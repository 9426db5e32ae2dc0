/**
 * A Redis client's own word on whether it can run commands — its status
 * now, and its connection events — told to a {@link StoreStatus}, so a
 * health route sees an outage without traffic. Structural: any client with
 * ioredis' `status` or node-redis' `isReady`, and `on(event, listener)`;
 * neither library is a dependency.
 */
import { StoreStatus } from './status.js';
const isEmitter = (c) => typeof c === 'object' && c !== null && typeof c.on === 'function';
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
export function redisClientReady(client) {
    const c = client;
    if (typeof c?.status === 'string')
        return c.status === 'ready';
    if (typeof c?.isReady === 'boolean')
        return c.isReady;
    return true;
}
/**
 * Whether a Redis client is node-redis (`redis` v4+: it has `isOpen`)
 * rather than ioredis.
 *
 * @example
 * ```ts
 * const nodeRedis = options.nodeRedis ?? isNodeRedis(client)
 * ```
 */
export function isNodeRedis(client) {
    return typeof client === 'object' && client !== null && 'isOpen' in client;
}
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
export function watchRedisClient(client) {
    const status = new StoreStatus(redisClientReady(client));
    if (isEmitter(client)) {
        client.on('ready', () => status.markUp());
        for (const event of ['close', 'reconnecting', 'end'])
            client.on(event, () => status.markDown());
    }
    return status;
}
//# sourceMappingURL=redis-events.js.map