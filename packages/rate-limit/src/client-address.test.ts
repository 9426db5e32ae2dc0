import { describe, expect, test } from 'vitest';
import { DependsApp, Router, header } from '@depends/core';
import { addressKey, clientAddressKey, rateLimit } from './index.js';

describe('addressKey', () => {
  test('IPv4 whole; IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
  });

  test('IPv6 by its /64: every spelling and every address of the network is one key', () => {
    const key = '2001:db8:1:2:0:0:0:0/64';
    for (const ip of ['2001:db8:1:2::a', '2001:DB8:1:2::b', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2:0:0:0:1', '2001:db8:1:2::1%eth0']) {
      expect(addressKey(ip), ip).toBe(key);
    }
    expect(addressKey('2001:db8:1:3::a')).toBe('2001:db8:1:3:0:0:0:0/64');
    expect(addressKey('::1')).toBe('0:0:0:0:0:0:0:0/64');
    expect(addressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0:0:0:0:0/64');
  });

  test('other prefixes, down to the bit', () => {
    expect(addressKey('2001:db8:1:2:ffff::1', 48)).toBe('2001:db8:1:0:0:0:0:0/48');
    expect(addressKey('2001:db8:1:2:ffff::1', 56)).toBe('2001:db8:1:0:0:0:0:0/56');
    expect(addressKey('2001:db8:1:ff:ffff::1', 56)).toBe('2001:db8:1:0:0:0:0:0/56');
    expect(addressKey('2001:db8:1:1ff:ffff::1', 56)).toBe('2001:db8:1:100:0:0:0:0/56');
    expect(addressKey('2001:db8:1:2:ffff::1', 128)).toBe('2001:db8:1:2:ffff:0:0:1/128');
    expect(addressKey('ffff::', 1)).toBe('8000:0:0:0:0:0:0:0/1');
  });

  test('what is not an IP address is kept as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('2001:db8::g')).toBe('2001:db8::g');
  });
});

describe('clientAddressKey', () => {
  test('a dependency keyed by prefix; a bad prefix fails at declaration', async () => {
    const router = new Router();
    router.get('/k', { key: clientAddressKey({ address: header('x-ip'), ipv6Prefix: 56 }) }, ({ key }) => ({ key }));
    const app = new DependsApp({ title: 'k' });
    app.include(router);
    const res = await app.request({ method: 'GET', url: '/k', headers: { 'x-ip': '2001:db8:1:2::1' } });
    expect(res.json()).toEqual({ key: '2001:db8:1:0:0:0:0:0/56' });
    expect(() => clientAddressKey({ ipv6Prefix: 0 })).toThrow(/ipv6Prefix/);
  });

  test('where the address is not known, every such request counts under one key: the limit applies to them together, never to no one', async () => {
    const limited = rateLimit({ name: 'unknown-address', points: 2, duration: 60, key: clientAddressKey() });
    const app = new DependsApp({ title: 'k' });
    // the core's test client has no framework request: no address, as on a runtime that does not tell it
    app.route('GET', '/k', { limit: limited }, ({ limit }) => ({ key: limit.key, remaining: limit.remaining }));
    const first = await app.request({ url: '/k' });
    expect([first.status, first.json()]).toEqual([200, { key: 'unknown', remaining: 1 }]);
    expect((await app.request({ url: '/k', headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(200);
    const third = await app.request({ url: '/k' });
    expect(third.status).toBe(429);
  });
});
