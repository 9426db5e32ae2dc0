/**
 * The trusted proxies of mtls({ trustedProxies }) and dpop({ trustForwarded }):
 * addresses and CIDR networks, matched against the connection's peer.
 */
import { describe, expect, test } from 'vitest';
import { trustedProxyList } from './proxies.js';

describe('trustedProxyList', () => {
  const fail = (message: string): never => {
    throw new Error(message);
  };

  test('addresses and networks, IPv4 and IPv6; an IPv4-mapped IPv6 peer counts as its IPv4 address', () => {
    const proxies = trustedProxyList(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1'], fail);
    expect(['10.1.2.3', '::ffff:10.1.2.3', '192.168.1.7', 'fd12::1', '::1'].map((a) => proxies.includes(a))).toEqual([true, true, true, true, true]);
    expect(['11.0.0.1', '192.168.1.8', 'fe80::1', '127.0.0.1', undefined, 'proxy'].map((a) => proxies.includes(a))).toEqual([false, false, false, false, false, false]);
  });

  test('an IPv4-mapped IPv6 entry is its IPv4 address, for an IPv4 peer and a mapped one', () => {
    const proxies = trustedProxyList(['::ffff:127.0.0.1', '::FFFF:10.0.0.5'], fail);
    expect(['127.0.0.1', '::ffff:127.0.0.1', '10.0.0.5', '::ffff:10.0.0.5'].map((a) => proxies.includes(a))).toEqual([true, true, true, true]);
    expect(['127.0.0.2', '::1', 'fe80::1%eth0'].map((a) => proxies.includes(a))).toEqual([false, false, false]);
    expect(trustedProxyList(['fe80::1'], fail).includes('fe80::1%eth0')).toBe(true);
  });

  test('an entry that is not an address or network fails', () => {
    expect(() => trustedProxyList(['10.0.0.0/x'], fail)).toThrow(/invalid prefix length/);
    expect(() => trustedProxyList(['::1/129'], fail)).toThrow(/invalid prefix length/);
    expect(() => trustedProxyList([42], fail)).toThrow(/trustedProxies\[0\] must be an IP address/);
    expect(() => trustedProxyList(['10.0.0.5', 'proxy.internal'], fail, 'trustForwarded.proxies')).toThrow(/trustForwarded\.proxies\[1\] must be an IP address/);
  });
});
