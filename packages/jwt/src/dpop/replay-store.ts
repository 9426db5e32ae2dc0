/**
 * Where the DPoP proofs already seen are remembered: in this process's
 * memory (one instance), or in Redis (every instance behind a load
 * balancer). A store only needs one operation: claim a key for some
 * milliseconds if nobody has claimed it yet.
 */
import { isNodeRedis, redisClientReady, StoreStatus, watchRedisClient } from '@depends/core';

/**
 * A replay store: `claim(key, ttlMs)` resolves `true` when the key was
 * unseen (and is now remembered for `ttlMs`), `false` when it was already
 * claimed; it rejects (or does not answer within `timeout`) when the store
 * cannot be reached — an outage, handled as the scheme's `onStoreDown` says.
 *
 * @example
 * ```ts
 * const seen = new Set<string>()
 * const store: ReplayStore = { claim: async (key) => (seen.has(key) ? false : (seen.add(key), true)), status: new StoreStatus(), shared: false }
 * ```
 */
export interface ReplayStore {
  claim(key: string, ttlMs: number): boolean | Promise<boolean>;
  /** Up or down, and since when (the DPoP check marks it; `health()` reads it). */
  readonly status: StoreStatus;
  /** Whether the keys live outside this process (shared by every instance, and so possibly unreachable). */
  readonly shared: boolean;
  /** Longest wait for one claim, in milliseconds, before the store counts as down (none when absent). */
  readonly timeout?: number;
}

/**
 * Proofs remembered in this process's memory: right for one instance (with
 * several, a proof replayed at another instance is not seen — use
 * {@link redisReplayStore}). Entries are dropped once their window is over;
 * it is never down.
 *
 * @example
 * ```ts
 * jwtBearer({ issuer, audience, dpop: dpop({ publicOrigin: 'https://api.example.com', store: memoryReplayStore() }) })
 * ```
 */
export function memoryReplayStore(): ReplayStore {
  // key → expiry (ms); every claim has about the same lifetime, so insertion order is nearly expiry order
  const seen = new Map<string, number>();
  const sweep = (now: number): void => {
    for (const [key, until] of seen) {
      if (until > now) break;
      seen.delete(key);
    }
  };
  return {
    claim(key, ttlMs) {
      const now = Date.now();
      sweep(now);
      const until = seen.get(key);
      if (until !== undefined && until > now) return false;
      seen.delete(key);
      seen.set(key, now + ttlMs);
      return true;
    },
    status: new StoreStatus(),
    shared: false,
  };
}

/**
 * The part of a Redis client the store uses: `set` with `NX` and `PX`
 * (ioredis: `set(key, value, 'PX', ms, 'NX')`; node-redis v4+:
 * `set(key, value, { PX: ms, NX: true })`), and optionally `on` for its
 * connection events. `ioredis` or `redis` is the app's own dependency.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const client: ReplayRedisClient = new Redis(process.env.REDIS_URL!)
 * ```
 */
export interface ReplayRedisClient {
  set(key: string, value: string, ...options: any[]): Promise<unknown>;
}

/**
 * Options of {@link redisReplayStore}.
 *
 * @example
 * ```ts
 * const options: RedisReplayStoreOptions = { prefix: 'reports-dpop:', timeout: 500 }
 * ```
 */
export interface RedisReplayStoreOptions {
  /** Prefix of every key (default `depends-dpop:`). */
  readonly prefix?: string;
  /** Longest wait for one claim, in milliseconds (default 2000): past it the store counts as down. */
  readonly timeout?: number;
  /** The client is node-redis (`redis` v4+) rather than ioredis. Default: detected (node-redis clients have `isOpen`). */
  readonly nodeRedis?: boolean;
}

/**
 * Proofs remembered in Redis, shared by every instance of the app: one
 * `SET key 1 NX PX <window>` per accepted proof (atomic: of two instances
 * given the same proof at once, one wins). Pass a connected client you own
 * (ioredis, or node-redis v4+). While Redis cannot be reached (not
 * connected, or a claim past `timeout`) the DPoP check does what its
 * `onStoreDown` says — refuse with 503 (default) or accept without the
 * replay check — and never counts anything elsewhere.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const store = redisReplayStore(new Redis(process.env.REDIS_URL!))
 * const bound = dpop({ publicOrigin: 'https://api.example.com', store })
 * ```
 */
export function redisReplayStore(client: ReplayRedisClient, options: RedisReplayStoreOptions = {}): ReplayStore {
  if (typeof (client as { set?: unknown } | null)?.set !== 'function') throw new TypeError('redisReplayStore(): client must be a Redis client (ioredis or node-redis)');
  const nodeRedis = options.nodeRedis ?? isNodeRedis(client);
  const timeout = options.timeout ?? 2000;
  if (!(timeout > 0)) throw new TypeError('redisReplayStore(): timeout must be a positive number of milliseconds');
  const prefix = options.prefix ?? 'depends-dpop:';
  const status = watchRedisClient(client);
  return {
    async claim(key, ttlMs) {
      // a client that queues commands while reconnecting would hold the request: not ready is down
      if (!redisClientReady(client)) throw new Error('Redis client is not ready');
      const ms = Math.max(1, Math.ceil(ttlMs));
      const answer = nodeRedis ? await client.set(prefix + key, '1', { PX: ms, NX: true }) : await client.set(prefix + key, '1', 'PX', ms, 'NX');
      return answer === 'OK';
    },
    status,
    shared: true,
    timeout,
  };
}
