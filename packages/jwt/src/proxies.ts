/**
 * The proxies an API trusts to tell it something about the request in a
 * header — the client certificate (`mtls({ trustedProxies })`), the public
 * scheme and host (`dpop({ trustForwarded: { proxies } })`): addresses and
 * networks (CIDR), matched against the immediate peer of the connection —
 * never an address a header claims.
 */
import { BlockList, isIP } from 'node:net';

/**
 * A list of trusted proxies.
 *
 * @example
 * ```ts
 * const proxies: ProxyList = trustedProxyList(['10.0.0.0/8', '::1'], (m) => { throw new Error(m) })
 * proxies.includes('10.1.2.3') // true
 * ```
 */
export interface ProxyList {
  /** Whether a connection from this address comes from a trusted proxy (an IPv4-mapped IPv6 address counts as its IPv4 address). */
  includes(address: string | undefined): boolean;
}

/** `::ffff:10.0.0.5` and `10.0.0.5` are the same peer. */
const plainAddress = (address: string): string => (address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address);

/**
 * The trusted proxies of a list of IP addresses and CIDR networks
 * (`'10.0.0.5'`, `'10.0.0.0/8'`, `'fd00::/8'`, `'::ffff:10.0.0.5'`); an
 * entry that is neither calls `fail` with the reason (a startup error),
 * naming the entry as `option[i]`.
 *
 * @example
 * ```ts
 * trustedProxyList(['127.0.0.1', '10.0.0.0/8'], fail).includes('::ffff:127.0.0.1') // true
 * trustedProxyList(['proxy.internal'], fail, 'trustForwarded.proxies') // fail('trustForwarded.proxies[0] must be an IP address or a CIDR network …')
 * ```
 */
export function trustedProxyList(entries: readonly unknown[], fail: (message: string) => never, option = 'trustedProxies'): ProxyList {
  const list = new BlockList();
  entries.forEach((entry, i) => {
    const text = typeof entry === 'string' ? entry.trim() : '';
    const slash = text.indexOf('/');
    const address = slash === -1 ? plainAddress(text) : text.slice(0, slash);
    const version = isIP(address);
    const type = version === 6 ? 'ipv6' : 'ipv4';
    if (version === 0) fail(`${option}[${i}] must be an IP address or a CIDR network (e.g. '10.0.0.5' or '10.0.0.0/8'), got ${JSON.stringify(entry)}`);
    if (slash === -1) {
      list.addAddress(address, type);
      return;
    }
    const bits = text.slice(slash + 1);
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (version === 6 ? 128 : 32)) fail(`${option}[${i}] has an invalid prefix length: ${JSON.stringify(entry)}`);
    list.addSubnet(address, prefix, type);
  });
  return {
    includes(address) {
      if (address === undefined) return false;
      const bare = address.replace(/%.*$/, '');
      const version = isIP(bare);
      if (version === 0) return false;
      if (list.check(bare, version === 6 ? 'ipv6' : 'ipv4')) return true;
      const plain = plainAddress(bare);
      return plain !== bare && list.check(plain, 'ipv4');
    },
  };
}
