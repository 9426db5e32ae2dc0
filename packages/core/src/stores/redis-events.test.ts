/**
 * The Redis client's word on its connection, told to a store status. The
 * clients here are Node event emitters with ioredis' `status` / node-redis'
 * `isReady` (the real clients, against a real redis-server, are in the Redis
 * tests of @depends/rate-limit and @depends/jwt).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { isNodeRedis, redisClientReady, watchRedisClient } from './redis-events.js';

describe('redisClientReady / isNodeRedis', () => {
  test("ioredis' status, node-redis' isReady; a client that says neither is taken as ready", () => {
    expect(redisClientReady({ status: 'ready' })).toBe(true);
    expect(redisClientReady({ status: 'reconnecting' })).toBe(false);
    expect(redisClientReady({ isReady: false, isOpen: true })).toBe(false);
    expect(redisClientReady({ isReady: true, isOpen: true })).toBe(true);
    expect(redisClientReady({})).toBe(true);
    expect(redisClientReady(null)).toBe(true);
    expect(isNodeRedis({ isOpen: false })).toBe(true);
    expect(isNodeRedis({ status: 'ready' })).toBe(false);
    expect(isNodeRedis(undefined)).toBe(false);
  });
});

describe('watchRedisClient', () => {
  test('starts as the client is now, then follows ready / close / reconnecting / end', () => {
    const client = Object.assign(new EventEmitter(), { status: 'connecting' });
    const status = watchRedisClient(client);
    expect(status.health().store).toBe('down');
    client.emit('ready');
    expect(status.health().store).toBe('up');
    for (const event of ['close', 'reconnecting', 'end']) {
      client.emit(event);
      expect(status.health().store).toBe('down');
      client.emit('ready');
      expect(status.health().store).toBe('up');
    }
  });

  test('a client without events keeps the state it had', () => {
    expect(watchRedisClient({ status: 'ready' }).health().store).toBe('up');
    expect(watchRedisClient({ isReady: false }).health().store).toBe('down');
  });
});
