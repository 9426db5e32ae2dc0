/**
 * The opt-in cache of verified tokens (`jwtBearer({ tokenCache })`): a
 * token verified once is not verified again until it expires. Keyed by a
 * SHA-256 of the token (no token is kept), bounded (the oldest entry goes
 * first), and an entry ends at the earliest of the token's `exp`, its
 * `iat` + `maxTokenAge`, and any change of the issuer's key set (a fetch,
 * a rotation) or the key set reaching its own cache age (when jose would
 * fetch it again). Refusals are never cached: a refused token is checked
 * in full every time.
 */
import * as crypto from 'node:crypto';
import type { JWTVerifyResult } from 'jose';

/** Options of the verified-token cache. */
export interface TokenCacheOptions {
  /** Most tokens kept (default 10 000); when full, the oldest entry is dropped. */
  maxEntries?: number;
}

interface Entry {
  readonly result: JWTVerifyResult;
  /** Milliseconds since the epoch after which the entry is not used. */
  readonly until: number;
  /** The key set it was verified with (see {@link VerifiedTokens}). */
  readonly keys: unknown;
}

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A `maxTokenAge` in seconds (`300`, `'300'`, `'5m'`, `'1h'`, `'2d'`);
 * `undefined` for a form this cache cannot read (it is then refused at
 * startup with the cache on).
 *
 * @example
 * ```ts
 * ageInSeconds('15m') // 900
 * ```
 */
export function ageInSeconds(age: number | string): number | undefined {
  if (typeof age === 'number') return Number.isFinite(age) && age >= 0 ? age : undefined;
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(age);
  return match ? Number(match[1]) * UNITS[match[2] || 's'] : undefined;
}

/**
 * Verified tokens of one issuer, by a hash of the token.
 *
 * @example
 * ```ts
 * const cache = new VerifiedTokens({ maxEntries: 1000 }, () => keys.version())
 * const hit = cache.get(token) ?? cache.put(token, await keys.verify(token, checks), undefined)
 * ```
 */
export class VerifiedTokens {
  readonly #max: number;
  readonly #entries = new Map<string, Entry>();
  /** The issuer's key set as it is now (`undefined`: too old to trust without asking jose). */
  readonly #keys: () => unknown;

  /**
   * @param options bound of the cache
   * @param keys the current key set's identity (changes on every fetch), `undefined` when it is due to be fetched again
   */
  constructor(options: TokenCacheOptions, keys: () => unknown) {
    const max = options.maxEntries ?? 10_000;
    if (!Number.isInteger(max) || max < 1) throw new TypeError('tokenCache.maxEntries must be a whole number ≥ 1');
    this.#max = max;
    this.#keys = keys;
  }

  /**
   * The verification result of a token verified earlier and still valid, or `undefined`.
   *
   * @example
   * ```ts
   * const verified = cache.get(token) ?? (await keys.verify(token, checks))
   * ```
   */
  get(token: string): JWTVerifyResult | undefined {
    if (this.#entries.size === 0) return undefined;
    const key = hashOf(token);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const keys = this.#keys();
    // a copy of the claims each time: a handler changing its value changes nothing for the next request
    if (Date.now() < entry.until && keys !== undefined && keys === entry.keys) return { ...entry.result, payload: { ...entry.result.payload } };
    this.#entries.delete(key);
    // a changed key set ends every entry verified with the old one
    if (keys !== entry.keys) this.#entries.clear();
    return undefined;
  }

  /**
   * Keeps a token just verified, until its `exp` (and `iat + maxAge` when
   * given, in seconds); returns `result`.
   *
   * @example
   * ```ts
   * cache.put(token, await keys.verify(token, checks), 3600)
   * ```
   */
  put(token: string, result: JWTVerifyResult, maxAge: number | undefined): JWTVerifyResult {
    const keys = this.#keys();
    const { exp, iat } = result.payload;
    if (keys === undefined || typeof exp !== 'number') return result;
    let until = exp * 1000;
    if (maxAge !== undefined) {
      if (typeof iat !== 'number') return result;
      until = Math.min(until, (iat + maxAge) * 1000);
    }
    if (until <= Date.now()) return result;
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(hashOf(token), { result, until, keys });
    return result;
  }

  /**
   * How many tokens are kept now.
   *
   * @example
   * ```ts
   * expect(cache.size).toBe(1)
   * ```
   */
  get size(): number {
    return this.#entries.size;
  }
}

/** SHA-256 of a token, in one call where the runtime has `crypto.hash` (Node 20.12+: about half the cost of a `Hash` object). */
const hashOf: (token: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (token) => crypto.hash('sha256', token, 'base64')
    : (token) => crypto.createHash('sha256').update(token).digest('base64');
