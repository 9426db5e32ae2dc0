/**
 * A client address as a limit's key: an IPv4 address whole, an IPv6
 * address by its network prefix (/64 by default) — one IPv6 client
 * usually holds a whole /64, and would otherwise get a fresh limit per
 * address.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { depends, type Dependency } from '@depends/core';
import { clientIp } from './client-ip.js';

/** The 8 groups of an IPv6 address (`::` expanded, an embedded IPv4 tail turned into two groups); `undefined` if malformed. */
function groupsOf(ip: string): number[] | undefined {
  let text = ip;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = part(halves[0]);
  const rest = halves.length === 2 ? part(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...Array<number>(8 - head.length - rest.length).fill(0), ...rest] : head;
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

/**
 * The key of a client address: an IPv4 address as it is (an IPv4-mapped
 * IPv6 address `::ffff:a.b.c.d` as its IPv4 address), an IPv6 address as
 * its first `ipv6Prefix` bits (default 64) written out in full with the
 * prefix length, so that every address of one /64 shares a key. A zone
 * (`%eth0`) is dropped. Anything that is not an IP address is returned as
 * it is.
 *
 * @example
 * ```ts
 * addressKey('203.0.113.7')              // '203.0.113.7'
 * addressKey('::ffff:203.0.113.7')       // '203.0.113.7'
 * addressKey('2001:db8:1:2::a')          // '2001:db8:1:2:0:0:0:0/64'
 * addressKey('2001:db8:1:2:ffff::1', 48) // '2001:db8:1:0:0:0:0:0/48'
 * ```
 */
export function addressKey(ip: string, ipv6Prefix = 64): string {
  if (isIPv4(ip)) return ip;
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return ip;
  const groups = groupsOf(bare.toLowerCase());
  if (!groups) return ip;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  const masked = groups.map((g, i) => {
    const bits = Math.min(16, Math.max(0, ipv6Prefix - i * 16));
    return bits === 0 ? 0 : g & (0xffff << (16 - bits)) & 0xffff;
  });
  return `${masked.map((g) => g.toString(16)).join(':')}/${ipv6Prefix}`;
}

/** Options of {@link clientAddressKey}. */
export interface ClientAddressKeyOptions {
  /** How many leading bits of an IPv6 address make one client (default 64; 128 keys each address apart). */
  readonly ipv6Prefix?: number;
  /** Where the address comes from (default {@link clientIp}: the framework's, following its trust-proxy setting). */
  readonly address?: Dependency<string | undefined>;
}

/**
 * Checks an IPv6 prefix length.
 *
 * @example
 * ```ts
 * checkPrefix(64, 'loginThrottle(token)') // 64
 * ```
 */
export function checkPrefix(prefix: number, where: string): number {
  if (!Number.isInteger(prefix) || prefix < 1 || prefix > 128) throw new TypeError(`${where}: ipv6Prefix must be a whole number from 1 to 128`);
  return prefix;
}

/**
 * The key of every request whose client address is not known: one bucket
 * for them all, so that a per-client limit applies to them together.
 *
 * @example
 * ```ts
 * UNKNOWN_ADDRESS // 'unknown'
 * ```
 */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * A dependency giving the client's address as a limit key
 * ({@link addressKey}: IPv4 whole, IPv6 by /64). Where the runtime does
 * not tell the address (Hono on Workers, unless `address` reads it),
 * every such request is counted under one key, `unknown`: the
 * limit then applies to them together, never to no one (as
 * `loginThrottle()` counts them). Use it rather than `clientIp` for a
 * per-client limit, which an IPv6 client could otherwise leave by changing
 * address within its /64.
 *
 * @example
 * ```ts
 * const perClient = rateLimit({ name: 'api', points: 100, duration: 60, key: clientAddressKey() })
 * const perHost = clientAddressKey({ ipv6Prefix: 128 })
 * ```
 */
export function clientAddressKey(options: ClientAddressKeyOptions = {}): Dependency<string> {
  const prefix = checkPrefix(options.ipv6Prefix ?? 64, 'clientAddressKey()');
  return depends({ ip: options.address ?? clientIp }, ({ ip }) => (ip === undefined || ip === '' ? UNKNOWN_ADDRESS : addressKey(ip, prefix)), {
    name: `clientAddressKey(/${prefix})`,
  });
}
