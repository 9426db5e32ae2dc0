/**
 * Where the verification keys come from: the issuer's JWKS found through
 * OpenID Connect discovery, a JWKS URL, or a key set given directly. The
 * remote cases are fetched lazily (on the first token), cached and refreshed
 * by jose (`createRemoteJWKSet`: on an unknown `kid`, at most once per
 * cooldown); when the provider cannot be reached the last keys fetched keep
 * verifying tokens (stale-if-error), only a token that needs the provider
 * (no keys yet, or an unknown `kid`) is answered
 * {@link ProviderUnavailableError}, and the provider is asked again after a
 * short, growing, bounded wait (see `Backoff`), so an outage ends soon
 * after the provider is back.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwksCache,
  type ExportedJWKSCache,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  type FlattenedJWSInput,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  type JWTVerifyResult,
} from 'jose';
import { Backoff, type RetryTimings } from './backoff.js';
import { verifyJwt } from './signature.js';

/**
 * The identity provider (its discovery document or its JWKS) could not be
 * reached or answered something unusable, and the token cannot be verified
 * without it. Answered 503 by the scheme.
 *
 * @example
 * ```ts
 * try { await keys.getKey(header, token) } catch (e) { if (e instanceof ProviderUnavailableError) retryLater(e.retryAfter) }
 * ```
 */
export class ProviderUnavailableError extends Error {
  /** Seconds after which asking the provider again makes sense. */
  readonly retryAfter: number;
  constructor(message: string, retryAfter: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
    this.retryAfter = retryAfter;
  }
}

/**
 * Timings of the remote key set (milliseconds). Two different waits:
 * `cooldownDuration` spaces the fetches a healthy provider is asked for
 * because of unknown `kid`s (a flood of made-up `kid`s costs one fetch per
 * cooldown); `retryDelay` and `maxRetryDelay` space the attempts while the
 * provider cannot be reached (short, growing, bounded: the outage ends for
 * the API at most `maxRetryDelay` after the provider is back).
 *
 * @example
 * ```ts
 * const timings: KeyTimings = { timeoutDuration: 2000, cooldownDuration: 30_000, cacheMaxAge: 600_000, retryDelay: 200, maxRetryDelay: 600 }
 * ```
 */
export interface KeyTimings extends RetryTimings {
  /** Longest wait for the discovery document or the JWKS (default 5 000; a whole number). */
  timeoutDuration?: number;
  /**
   * Least time after a key-set fetch before a token with an unknown `kid`
   * makes another one (default 30 000): the provider can rotate its keys
   * while the API runs, and a flood of tokens with made-up `kid`s costs at
   * most one fetch per cooldown. It does not delay asking a provider that
   * could not be reached again: that is `retryDelay`/`maxRetryDelay`.
   */
  cooldownDuration?: number;
  /** Age after which the cached JWKS is fetched again before use (default 600 000). */
  cacheMaxAge?: number;
}

/**
 * Where a key source finds its keys.
 *
 * @example
 * ```ts
 * const where: KeyLocation = { discoveryUrl: 'https://id.example.com/.well-known/openid-configuration', issuer: 'https://id.example.com' }
 * ```
 */
export type KeyLocation =
  | { readonly discoveryUrl: string; readonly issuer: string }
  | { readonly jwksUri: string }
  | { readonly jwks: JSONWebKeySet };

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

const { JOSEError, JWKSTimeout, JWKSInvalid, JWKSNoMatchingKey } = errors;

/** An error of fetching or reading the key set (not of the token): the provider is at fault. */
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof JOSEError)) return true; // fetch rejected (network, DNS, abort)
  return error instanceof JWKSTimeout || error instanceof JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

/**
 * The verification keys of one issuer, for jose's `jwtVerify`.
 *
 * @example
 * ```ts
 * const keys = new KeySource({ discoveryUrl: 'https://id.example.com/.well-known/openid-configuration', issuer: 'https://id.example.com' })
 * await jwtVerify(token, keys.getKey, { issuer: 'https://id.example.com', audience: 'api://reports' })
 * ```
 */
export class KeySource {
  readonly #location: KeyLocation;
  readonly #timeout: number;
  readonly #cooldown: number;
  readonly #maxAge: number;
  readonly #report: (error: unknown) => void;
  #remote: RemoteSet | undefined;
  #discovering: Promise<RemoteSet> | undefined;
  /** When the provider is asked again after failures. */
  readonly #backoff: Backoff;
  /** The last failure counted: the requests waiting on one fetch are all given its error, and it counts once. */
  #downError: unknown;
  /** The key set jose fetched last (jose writes it here on every fetch). */
  readonly #cache: Partial<ExportedJWKSCache> = {};
  /** A local verifier over {@link KeySource.#cache}'s keys, for when the provider is down. */
  #stale: { uat: number; getKey: ReturnType<typeof createLocalJWKSet> } | undefined;
  readonly #local: ReturnType<typeof createLocalJWKSet> | undefined;

  /**
   * @param location the discovery document, a JWKS URL, or the keys themselves
   * @param timings fetch timeout, cooldown and cache age (jose's defaults), and the waits between attempts while the provider is unreachable
   * @param report receives each failed attempt to reach the provider (for logs)
   */
  constructor(location: KeyLocation, timings: KeyTimings = {}, report: (error: unknown) => void = () => {}) {
    this.#location = location;
    this.#timeout = timings.timeoutDuration ?? 5000;
    this.#cooldown = timings.cooldownDuration ?? 30_000;
    this.#maxAge = timings.cacheMaxAge ?? 600_000;
    this.#backoff = new Backoff(timings);
    this.#report = report;
    if ('jwks' in location) this.#local = createLocalJWKSet(location.jwks);
    else if ('jwksUri' in location) this.#remote = this.#remoteSet(location.jwksUri);
  }

  /**
   * The key for a token's protected header (jose's `JWTVerifyGetKey`).
   * Throws jose's `JWKSNoMatchingKey` for a key the provider does not
   * have, and {@link ProviderUnavailableError} when the provider is needed
   * and cannot be reached.
   *
   * @example
   * ```ts
   * await jwtVerify(token, keys.getKey, { audience: 'api://reports' })
   * ```
   */
  readonly getKey: JWTVerifyGetKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
    if (this.#local) return this.#local(header, token);
    if (!this.#backoff.ready()) return this.#fromStale(header, token, this.#downError);
    let remote: RemoteSet;
    try {
      remote = this.#remote ?? (await (this.#discovering ??= this.#discover()));
    } catch (error) {
      throw this.#down(error);
    }
    try {
      return await remote(header, token);
    } catch (error) {
      if (!isFetchFailure(error)) throw error;
      this.#down(error);
      return this.#fromStale(header, token, error);
    }
  };

  /**
   * Verifies a token with these keys: jose's key set and claims checks, the
   * signature checked by {@link verifyJwt}. While the
   * provider is healthy jose's own key set is used directly (nothing is
   * added to the hot path). When this rejects, hand the error to
   * {@link KeySource.recover}: if fetching from the provider failed, it
   * verifies the token again with the last keys fetched.
   *
   * @example
   * ```ts
   * const result = await keys.verify(token, checks).catch((e) => keys.recover(e, token, checks) ?? Promise.reject(e))
   * ```
   */
  verify(token: string, options: JWTVerifyOptions): Promise<JWTVerifyResult> {
    const direct = this.#local ?? (this.#remote !== undefined && this.#backoff.ready() ? this.#remote : undefined);
    return verifyJwt(token, direct ?? this.getKey, options);
  }

  /**
   * After {@link KeySource.verify} rejected with `error`: when the provider
   * could not be reached, marks it down and verifies the token again through
   * {@link KeySource.getKey} (the last keys fetched, or
   * {@link ProviderUnavailableError}); `undefined` when the error is the
   * token's own.
   *
   * @example
   * ```ts
   * try { return await keys.verify(token, checks) } catch (e) { const again = keys.recover(e, token, checks); if (!again) throw e; return await again }
   * ```
   */
  recover(error: unknown, token: string, options: JWTVerifyOptions): Promise<JWTVerifyResult> | undefined {
    if (this.#local || error instanceof ProviderUnavailableError || !isFetchFailure(error)) return undefined;
    this.#down(error);
    return verifyJwt(token, this.getKey, options);
  }

  /**
   * The keys currently cached (`undefined` before the first fetch).
   *
   * @example
   * ```ts
   * keys.cachedKeys()?.keys.map((k) => k.kid)
   * ```
   */
  cachedKeys(): JSONWebKeySet | undefined {
    if ('jwks' in this.#location) return this.#location.jwks;
    return this.#cache.jwks;
  }

  /**
   * The identity of the key set verifying tokens now: it changes whenever
   * the set is fetched again; `undefined` before the first fetch and once
   * the set is older than its cache age (jose would fetch it again).
   *
   * @example
   * ```ts
   * const before = keys.version(); await keys.verify(token, checks); keys.version() === before
   * ```
   */
  version(): unknown {
    if ('jwks' in this.#location) return this.#location.jwks;
    const { jwks, uat } = this.#cache;
    return uat !== undefined && Date.now() - uat < this.#maxAge ? jwks : undefined;
  }

  #remoteSet(url: string): RemoteSet {
    return createRemoteJWKSet(new URL(url), {
      timeoutDuration: this.#timeout,
      cooldownDuration: this.#cooldown,
      cacheMaxAge: this.#maxAge,
      [jwksCache]: this.#cache as ExportedJWKSCache,
    });
  }

  /** A fetch failed: counted once per attempt (every request waiting on it is given the same error), reported, and the provider left alone for the next wait. */
  #down(error: unknown): ProviderUnavailableError {
    if (error !== this.#downError) {
      // a key set fetched since the last failure: the provider was back in between, the waits start over
      if ((this.#cache.uat ?? -Infinity) > this.#backoff.failedAt) this.#backoff.succeeded();
      this.#backoff.failed();
      this.#downError = error;
      this.#report(error);
    }
    return this.#unavailable(error);
  }

  #unavailable(cause: unknown): ProviderUnavailableError {
    return new ProviderUnavailableError('The identity provider cannot be reached to verify the token', this.#backoff.retryAfter(), { cause });
  }

  /** The provider is down: verify with the last keys fetched, if they have this one. */
  async #fromStale(header: JWTHeaderParameters, token: FlattenedJWSInput, cause: unknown) {
    const { jwks, uat } = this.#cache;
    if (!jwks || uat === undefined) throw this.#unavailable(cause);
    if (this.#stale?.uat !== uat) this.#stale = { uat, getKey: createLocalJWKSet(jwks) };
    try {
      return await this.#stale.getKey(header, token);
    } catch (error) {
      // A key the cached set does not have may be a new one the provider cannot tell us about now.
      if (error instanceof JWKSNoMatchingKey) throw this.#unavailable(cause);
      throw error;
    }
  }

  async #discover(): Promise<RemoteSet> {
    const location = this.#location as { discoveryUrl: string; issuer: string };
    try {
      const response = await fetch(location.discoveryUrl, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeout),
      });
      if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
      const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (metadata.issuer !== location.issuer) {
        throw new Error(`discovery names the issuer ${JSON.stringify(metadata.issuer)}, not ${JSON.stringify(location.issuer)}`);
      }
      if (typeof metadata.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
      this.#backoff.succeeded();
      return (this.#remote = this.#remoteSet(metadata.jwks_uri));
    } finally {
      this.#discovering = undefined;
    }
  }
}
