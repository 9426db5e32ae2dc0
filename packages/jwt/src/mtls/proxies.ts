/**
 * The TLS-terminating proxies trusted to name the client certificate in a
 * header: addresses and networks (CIDR), matched against the immediate
 * peer of the connection — never an address a header claims.
 */
import { BlockList, isIP } from 'node:net';

/**
 * Addresses trusted to set the client-certificate header.
 *
 * @example
 * ```ts
 * const proxies: TrustedProxies = trustedProxyList(['10.0.0.0/8', '::1'], (m) => { throw new Error(m) })
 * proxies.includes('10.1.2.3') // true
 * ```
 */
export interface TrustedProxies {
  /** Whether a connection from this address comes from a trusted proxy (an IPv4-mapped IPv6 address counts as its IPv4 address). */
  includes(address: string | undefined): boolean;
}

/**
 * The trusted proxies of a list of IP addresses and CIDR networks
 * (`'10.0.0.5'`, `'10.0.0.0/8'`, `'fd00::/8'`); an entry that is neither
 * calls `fail` with the reason (a startup error).
 *
 * @example
 * ```ts
 * trustedProxyList(['127.0.0.1', '10.0.0.0/8'], fail).includes('::ffff:127.0.0.1') // true
 * ```
 */
export function trustedProxyList(entries: readonly unknown[], fail: (message: string) => never): TrustedProxies {
  const list = new BlockList();
  entries.forEach((entry, i) => {
    const text = typeof entry === 'string' ? entry.trim() : '';
    const slash = text.indexOf('/');
    const address = slash === -1 ? text : text.slice(0, slash);
    const version = isIP(address);
    const type = version === 6 ? 'ipv6' : 'ipv4';
    if (version === 0) fail(`trustedProxies[${i}] must be an IP address or a CIDR network (e.g. '10.0.0.5' or '10.0.0.0/8'), got ${JSON.stringify(entry)}`);
    if (slash === -1) {
      list.addAddress(address, type);
      return;
    }
    const bits = text.slice(slash + 1);
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (version === 6 ? 128 : 32)) fail(`trustedProxies[${i}] has an invalid prefix length: ${JSON.stringify(entry)}`);
    list.addSubnet(address, prefix, type);
  });
  return {
    includes(address) {
      if (address === undefined) return false;
      const bare = address.replace(/%.*$/, '');
      const version = isIP(bare);
      return version !== 0 && list.check(bare, version === 6 ? 'ipv6' : 'ipv4');
    },
  };
}
