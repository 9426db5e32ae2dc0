/**
 * Server-issued DPoP nonces (RFC 9449 §9): the nonce of a time window,
 * derived with HMAC-SHA256 from a key and the window's number, so that it
 * rotates by itself and every instance given the same `secret` issues and
 * accepts the same nonces without sharing any state.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Options of server nonces (`dpop({ nonce })`).
 *
 * @example
 * ```ts
 * const nonce: DpopNonceOptions = { rotateEvery: 120, secret: process.env.DPOP_NONCE_SECRET! }
 * ```
 */
export interface DpopNonceOptions {
  /** Seconds a nonce is issued for (default 300); the previous window's nonce is still accepted. */
  readonly rotateEvery?: number;
  /**
   * The key nonces are derived from (at least 32 characters). Give the
   * same secret to every instance behind a load balancer, so a nonce one
   * issued is accepted by the others. Default: random, for this process only.
   */
  readonly secret?: string;
}

/**
 * The nonces of one DPoP scheme: `current()` is sent in `DPoP-Nonce`;
 * `accepts(nonce)` is true for the current window's nonce and the
 * previous one's (a client that fetched it just before the rotation).
 *
 * @example
 * ```ts
 * const nonces = new DpopNonces({ rotateEvery: 60 })
 * nonces.accepts(nonces.current()) // true
 * ```
 */
export class DpopNonces {
  readonly #key: Buffer;
  readonly #period: number;

  constructor(options: DpopNonceOptions = {}) {
    const rotateEvery = options.rotateEvery ?? 300;
    if (!(typeof rotateEvery === 'number' && rotateEvery > 0 && Number.isFinite(rotateEvery))) {
      throw new TypeError('nonce.rotateEvery must be a positive number of seconds');
    }
    if (options.secret !== undefined && (typeof options.secret !== 'string' || options.secret.length < 32)) {
      throw new TypeError('nonce.secret must be a string of at least 32 characters (the same on every instance)');
    }
    this.#period = rotateEvery * 1000;
    this.#key = options.secret === undefined ? randomBytes(32) : Buffer.from(options.secret, 'utf8');
  }

  #of(window: number): string {
    return createHmac('sha256', this.#key).update(`dpop-nonce:${window}`).digest('base64url');
  }

  #window(): number {
    return Math.floor(Date.now() / this.#period);
  }

  /** The nonce to send now. */
  current(): string {
    return this.#of(this.#window());
  }

  /** Whether a proof's nonce is this window's or the previous one's (compared in constant time). */
  accepts(nonce: unknown): boolean {
    if (typeof nonce !== 'string') return false;
    const given = Buffer.from(nonce);
    const window = this.#window();
    let ok = false;
    for (const candidate of [this.#of(window), this.#of(window - 1)]) {
      const expected = Buffer.from(candidate);
      if (given.length === expected.length && timingSafeEqual(given, expected)) ok = true;
    }
    return ok;
  }
}
