/**
 * `dpop()`: DPoP (RFC 9449) for the provider-backed bearer schemes. Given
 * to `jwtBearer({ dpop })` or `tokenIntrospection({ dpop })`, it makes the
 * scheme accept sender-constrained tokens: `Authorization: DPoP <token>`
 * with a `DPoP` proof signed by the key the token is bound to (`cnf.jkt`),
 * every check of §4.3, a required replay store, optional server nonces,
 * and no downgrade to `Bearer` for a bound token.
 */
import { ConfigurationError, ErrorCode, outageMistake, type OnStoreDown, type StoreHealth, type StoreOutageEvent } from '@depends/core';
import { DpopNonces, type DpopNonceOptions } from './nonces.js';
import { ReplayGuard } from './outage.js';
import type { ReplayStore } from './replay-store.js';
import { trustedProxyList, type ProxyList } from '../proxies.js';
import { originSource, publicOriginOf, type TrustedProxies } from './request-uri.js';

/**
 * The proof algorithms accepted by default: the asymmetric JWS algorithms
 * (`none` and `HS*` are never accepted: a proof is signed with the client's
 * private key and checked with the public key it carries).
 *
 * @example
 * ```ts
 * dpop({ publicOrigin, store, algorithms: DPOP_ALGORITHMS.filter((a) => a.startsWith('ES')) })
 * ```
 */
export const DPOP_ALGORITHMS: readonly string[] = Object.freeze(['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512', 'EdDSA', 'Ed25519']);

/**
 * Options of {@link dpop}.
 *
 * @example
 * ```ts
 * const options: DpopOptions = { publicOrigin: 'https://api.example.com', store: memoryReplayStore(), algorithms: ['ES256'], nonce: { rotateEvery: 120 } }
 * ```
 */
export interface DpopOptions {
  /**
   * The API's public origin (`https://api.example.com`): a proof's `htu`
   * must be this origin plus the request's path. Required, unless
   * `trustForwarded` names the proxies whose forwarded headers say it.
   * Never taken from `Host`.
   */
  publicOrigin?: string;
  /**
   * Instead of `publicOrigin`: believe `X-Forwarded-Proto` and
   * `X-Forwarded-Host` from these proxies only (by the socket's peer
   * address, matched against their addresses or CIDR networks); a request
   * from anyone else, or without one value of each, has its proof refused.
   */
  trustForwarded?: TrustedProxies;
  /**
   * Where proofs already seen are remembered for their window:
   * `memoryReplayStore()` (one instance) or `redisReplayStore(client)`
   * (several). Required: a proof accepted twice is a stolen request.
   */
  store: ReplayStore;
  /** Accepted proof algorithms (default {@link DPOP_ALGORITHMS}); `none` and `HS*` are refused at startup. Sent as `algs` in challenges. */
  algorithms?: readonly string[];
  /** Seconds a proof is accepted after its `iat` (default 60); proofs are remembered that long. */
  maxAge?: number;
  /** Leeway for the client's clock, in seconds (default 5). */
  clockTolerance?: number;
  /**
   * Server nonces (RFC 9449 §9): a proof must carry the current (or
   * previous) nonce, or is answered 401 `use_dpop_nonce` with `DPoP-Nonce`;
   * every answer carries the current nonce. `true` for the defaults.
   */
  nonce?: DpopNonceOptions | true;
  /**
   * Also accept tokens that are not bound to a key as plain `Bearer` (the
   * challenge lists `DPoP algs="…"` and `Bearer`). A bound token sent as
   * `Bearer` is refused either way (RFC 9449 §7.2). Default `false`:
   * DPoP only.
   */
  allowBearer?: boolean;
  /** While the store cannot be reached: `'refuse'` (default) answers 503 + `Retry-After`; `'allow'` accepts proofs without the replay check. */
  onStoreDown?: OnStoreDown;
  /** The `Retry-After` of that 503, in seconds (default 5). */
  storeRetryAfter?: number;
  /** Told once when the store goes down and once when it is back (default: a console line). */
  onStoreEvent?: (event: StoreOutageEvent) => void;
}

/**
 * What {@link dpop} gives: the DPoP settings of one or more schemes, and
 * the replay store's health for a health route.
 *
 * @example
 * ```ts
 * const bound = dpop({ publicOrigin: 'https://api.example.com', store: redisReplayStore(redis) })
 * router.get('/health', {}, () => ({ dpopReplayStore: bound.health() }))
 * ```
 */
export interface DpopBinding {
  readonly kind: 'dpop';
  /** The accepted proof algorithms (the challenges' `algs`). */
  readonly algorithms: readonly string[];
  readonly maxAge: number;
  readonly clockTolerance: number;
  readonly allowBearer: boolean;
  /** The server's nonces, when on. */
  readonly nonces: DpopNonces | undefined;
  /** Where the request URI's origin comes from (`undefined`: not known, the proof is refused). */
  readonly originOf: ReturnType<typeof originSource>;
  /** The replay check with the outage choice. */
  readonly replay: ReplayGuard;
  /** The replay store: up or down, and since when. */
  health(): StoreHealth;
}

const invalid = (message: string): never => {
  throw new ConfigurationError(ErrorCode.InvalidSchemeOption, `Security scheme option dpop: ${message}`);
};

/**
 * DPoP (RFC 9449) settings for `jwtBearer({ dpop })` or
 * `tokenIntrospection({ dpop })`. The scheme then reads `Authorization:
 * DPoP <token>` and the `DPoP` proof header and checks, answering 401
 * `DPoP error="invalid_dpop_proof"` with what failed: one `DPoP` header; a
 * JWT with `typ` `dpop+jwt`; an allowed asymmetric `alg`; a public `jwk`
 * with nothing private; its signature; `htm` = the method; `htu` = the
 * public origin + path (no query or fragment, RFC 3986 normalised); `iat`
 * within `maxAge`; `ath` = the token's hash; the server's nonce when on
 * (401 `use_dpop_nonce` + `DPoP-Nonce`); then the token as the scheme
 * verifies it, bound to the proof's key (`cnf.jkt`, else 401 `DPoP
 * error="invalid_token"`); and last its `jti` never seen in the store
 * (else 401: a replay). A bound token sent as `Bearer` is refused; an
 * unbound token is accepted as `Bearer` only with `allowBearer`. Documented
 * as an `http` scheme with `scheme: DPoP`.
 *
 * Startup errors (`DEPENDS_INVALID_SCHEME_OPTION`): no `store`; neither
 * `publicOrigin` nor `trustForwarded` (or both); a `publicOrigin` that is
 * not an http(s) origin; `none`/`HS*`/unknown algorithms.
 *
 * @example
 * ```ts
 * import { dpop, jwtBearer, memoryReplayStore } from '@depends/jwt'
 *
 * const token = jwtBearer({
 *   issuer: 'https://id.example.com',
 *   audience: 'api://reports',
 *   dpop: dpop({ publicOrigin: 'https://api.example.com', store: memoryReplayStore(), nonce: { rotateEvery: 300 } }),
 * })
 * api.get('/reports', { auth: security(token, { scopes: ['reports:read'] }) }, ({ auth }) => reports.of(auth.claims.sub))
 * ```
 */
export function dpop(options: DpopOptions): DpopBinding {
  if (!options || typeof options !== 'object') invalid('options are required ({ publicOrigin, store })');
  const store = options.store as ReplayStore | undefined;
  if (!store || typeof store.claim !== 'function' || !store.status) {
    invalid('store is required: memoryReplayStore() for one instance, redisReplayStore(client) for several (a proof must never be accepted twice)');
  }
  const hasOrigin = options.publicOrigin !== undefined;
  const hasProxies = options.trustForwarded !== undefined;
  if (hasOrigin === hasProxies) {
    invalid(
      hasOrigin
        ? 'give publicOrigin or trustForwarded, not both'
        : 'publicOrigin is required (e.g. "https://api.example.com"): a proof\'s htu is checked against it, never against the Host header; behind a proxy that sets X-Forwarded-Proto/-Host, name it with trustForwarded: { proxies: ["10.0.0.5"] } instead',
    );
  }
  let publicOrigin: string | undefined;
  let proxies: ProxyList | undefined;
  if (hasOrigin) {
    const checked = publicOriginOf(options.publicOrigin);
    if ('mistake' in checked) invalid(`publicOrigin ${JSON.stringify(options.publicOrigin)} ${checked.mistake}`);
    else publicOrigin = checked.origin;
  } else {
    const listed = options.trustForwarded?.proxies;
    if (!Array.isArray(listed) || listed.length === 0) invalid('trustForwarded.proxies must list the proxies\' addresses or networks (e.g. ["10.0.0.5"] or ["10.0.0.0/8"])');
    proxies = trustedProxyList(listed!, invalid, 'trustForwarded.proxies');
  }
  const algorithms = [...(options.algorithms ?? DPOP_ALGORITHMS)];
  if (algorithms.length === 0) invalid('algorithms must not be empty');
  for (const alg of algorithms) {
    if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || /^HS\d+$/i.test(alg)) {
      invalid(`"${String(alg)}" is not accepted: a DPoP proof is signed with the client's private key (an asymmetric algorithm)`);
    }
    if (!DPOP_ALGORITHMS.includes(alg)) invalid(`"${alg}" is not an asymmetric JWS algorithm (${DPOP_ALGORITHMS.join(', ')})`);
  }
  const maxAge = options.maxAge ?? 60;
  if (!(typeof maxAge === 'number' && maxAge > 0 && Number.isFinite(maxAge))) invalid('maxAge must be a positive number of seconds');
  const clockTolerance = options.clockTolerance ?? 5;
  if (!(typeof clockTolerance === 'number' && clockTolerance >= 0 && Number.isFinite(clockTolerance))) invalid('clockTolerance must be a number of seconds (0 or more)');
  const outage = outageMistake(options);
  if (outage !== undefined) invalid(outage);
  let nonces: DpopNonces | undefined;
  if (options.nonce !== undefined && (options.nonce as unknown) !== false) {
    try {
      nonces = new DpopNonces(options.nonce === true ? {} : options.nonce);
    } catch (error) {
      invalid((error as Error).message);
    }
  }
  const replay = new ReplayGuard(store!, options);
  return Object.freeze({
    kind: 'dpop' as const,
    algorithms: Object.freeze(algorithms),
    maxAge,
    clockTolerance,
    allowBearer: options.allowBearer === true,
    nonces,
    originOf: originSource({ publicOrigin, proxies }),
    replay,
    health: () => store!.status.health(),
  });
}
