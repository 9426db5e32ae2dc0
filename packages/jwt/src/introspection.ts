/**
 * `tokenIntrospection()`: opaque access tokens checked at the provider's
 * introspection endpoint (RFC 7662), with a bounded cache — the same shape
 * of scheme as `jwtBearer()` (value, scopes, answers, document).
 */
import { createHash } from 'node:crypto';
import { invalidToken, type SchemeValue, type SecurityScheme } from '@depends/core';
import { scopesOf, type ScopeSource } from './claims.js';
import { Backoff, timingMistake, type RetryTimings } from './backoff.js';
import { refusal } from './failures.js';
import { ProviderUnavailableError } from './keys.js';
import { challengeParams, documentedAs, invalidOption, nonEmpty, schemeNameOf, tokenScheme, type TokenSchemeOptions } from './token-scheme.js';

/**
 * An RFC 7662 introspection response for an active token.
 *
 * @example
 * ```ts
 * const who = (claims: IntrospectionClaims) => claims.sub ?? claims.client_id
 * ```
 */
export interface IntrospectionClaims {
  readonly active: true;
  readonly scope?: string;
  readonly client_id?: string;
  readonly username?: string;
  readonly token_type?: string;
  readonly exp?: number;
  readonly iat?: number;
  readonly nbf?: number;
  readonly sub?: string;
  readonly aud?: string | string[];
  readonly iss?: string;
  readonly jti?: string;
  readonly [claim: string]: unknown;
}

/**
 * The value of a {@link tokenIntrospection} scheme: the introspection
 * response, the scopes it grants, and the token (a getter: JSON leaves it out).
 *
 * @example
 * ```ts
 * router.get('/me', { auth: introspected }, ({ auth }) => ({ sub: auth.claims.sub, scopes: auth.scopes }))
 * ```
 */
export interface IntrospectedToken {
  readonly claims: IntrospectionClaims;
  readonly scopes: readonly string[];
  readonly token: string;
}

class Introspected implements IntrospectedToken {
  readonly #token: string;
  constructor(
    readonly claims: IntrospectionClaims,
    readonly scopes: readonly string[],
    token: string,
  ) {
    this.#token = token;
  }
  get token(): string {
    return this.#token;
  }
}

/**
 * Options of {@link tokenIntrospection}.
 *
 * @example
 * ```ts
 * const options: TokenIntrospectionOptions = { issuer: 'https://id.example.com', clientId: 'reports-api', clientSecret: process.env.SECRET!, audience: 'api://reports' }
 * ```
 */
export interface TokenIntrospectionOptions<A extends boolean = boolean> extends TokenSchemeOptions<A>, RetryTimings {
  /** The provider: its discovery document gives `introspection_endpoint`; an `iss` in a response must match. */
  issuer?: string;
  /** Where the discovery document is (default `<issuer>/.well-known/openid-configuration`). */
  discoveryUrl?: string;
  /** The introspection endpoint itself (no discovery). */
  introspectionUrl?: string;
  /** This API's client id at the provider (sent with HTTP Basic, `client_secret_basic`). */
  clientId: string;
  clientSecret: string;
  /** When given, an `aud` in the response must contain it. */
  audience?: string | readonly string[];
  /** Where the granted scopes are read (default: `scope`, else `scp`). */
  scopeClaim?: ScopeSource;
  /**
   * Active tokens are remembered for `ttl` seconds (default 60, never past
   * their `exp`), at most `max` of them (default 1000, the oldest dropped
   * first); `false`: ask the provider on every request.
   */
  cache?: { max?: number; ttl?: number } | false;
  /** Longest wait for the provider, ms (default 5 000). */
  timeoutDuration?: number;
  /**
   * @deprecated The provider is no longer left alone for a fixed time after
   * a failure: it is asked again after `retryDelay`, growing up to
   * `maxRetryDelay`. When given (and `maxRetryDelay` is not), it is taken as
   * `maxRetryDelay`.
   */
  cooldownDuration?: number;
  /** Called (for logs) once for each failed attempt to reach the provider (unreachable, or answering something unusable). */
  onProviderError?: (error: unknown) => void;
}

const invalid = (message: string): never => invalidOption('tokenIntrospection', message);

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * A bearer scheme for opaque access tokens, checked at the provider's
 * introspection endpoint (RFC 7662) with this API's client credentials.
 * The value is an {@link IntrospectedToken}; scopes, answers and document
 * are those of `jwtBearer()`:
 *
 * - `active: false` (unknown, expired, revoked) → 401 `invalid_token`,
 *   "The token is not active"; an `exp` in the past, an `aud` without
 *   `audience`, an `iss` other than `issuer` → 401 saying so; a required
 *   scope missing → 403 `insufficient_scope`.
 * - Active answers are cached (bounded, `ttl` seconds, never past `exp`;
 *   keyed by a SHA-256 of the token, so the cache holds no token). Requests
 *   carrying the same token while it is being introspected share one call.
 * - The provider unreachable (or answering something that is not an
 *   introspection response): cached tokens keep working; others are answered
 *   503 with `Retry-After` (seconds until the next attempt, at least 1). The
 *   provider is asked again soon: 100–200 ms after the first failure, each
 *   wait doubling up to `maxRetryDelay` (600 ms), jittered; so the outage
 *   ends for the API at most that long after the provider is back.
 *
 * @example
 * ```ts
 * const opaque = tokenIntrospection({ issuer: 'https://id.example.com', clientId: 'reports-api', clientSecret: process.env.INTROSPECTION_SECRET!, audience: 'api://reports' })
 * api.get('/reports', { auth: security(opaque, { scopes: ['reports:read'] }) }, ({ auth }) => reports.of(auth.claims.sub))
 * ```
 */
export function tokenIntrospection<A extends boolean = true>(options: TokenIntrospectionOptions<A>): SecurityScheme<SchemeValue<IntrospectedToken, A>> {
  if (!options || typeof options !== 'object') invalid('options are required ({ issuer or introspectionUrl, clientId, clientSecret })');
  if (!nonEmpty(options.clientId) || !nonEmpty(options.clientSecret)) invalid('clientId and clientSecret (this API at the provider) must be non-empty strings');
  if (options.issuer !== undefined && !nonEmpty(options.issuer)) invalid('issuer must be a non-empty string');
  if (options.introspectionUrl !== undefined && options.discoveryUrl !== undefined) invalid('give introspectionUrl or discoveryUrl, not both');
  const discoveryUrl =
    options.introspectionUrl !== undefined
      ? undefined
      : (options.discoveryUrl ?? (options.issuer !== undefined ? `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration` : undefined));
  if (options.introspectionUrl === undefined && discoveryUrl === undefined) invalid('give issuer (for discovery), discoveryUrl or introspectionUrl');
  for (const url of [options.introspectionUrl, discoveryUrl]) if (url !== undefined && !URL.canParse(url)) invalid(`${JSON.stringify(url)} is not an absolute URL`);
  // with `resource` and no `audience`, the resource URI is the audience (RFC 8707)
  const audiences =
    options.audience === undefined
      ? options.resource?.resource !== undefined
        ? [options.resource.resource]
        : undefined
      : typeof options.audience === 'string'
        ? [options.audience]
        : [...options.audience];
  if (audiences !== undefined && (audiences.length === 0 || !audiences.every(nonEmpty))) invalid('audience must be a non-empty string (or a list of them)');
  const cacheMax = options.cache === false ? 0 : (options.cache?.max ?? 1000);
  const cacheTtl = options.cache === false ? 0 : (options.cache?.ttl ?? 60) * 1000;
  if (!Number.isInteger(cacheMax) || cacheMax < 0 || !(cacheTtl >= 0)) invalid('cache.max must be a non-negative integer and cache.ttl a non-negative number of seconds');
  const mistake = timingMistake(options, ['timeoutDuration', 'cooldownDuration', 'retryDelay', 'maxRetryDelay']);
  if (mistake !== undefined) invalid(mistake);
  const timeout = options.timeoutDuration ?? 5000;
  const backoff = new Backoff({ retryDelay: options.retryDelay, maxRetryDelay: options.maxRetryDelay ?? options.cooldownDuration });
  const report = options.onProviderError ?? (() => {});
  const authorization = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;
  const documented = documentedAs(options, discoveryUrl, { name: 'OpaqueBearer' });
  // `realm` and, with `resource`, `resource_metadata` in every challenge (an issuer required, the resource URI checked against the audiences)
  const answers = challengeParams('tokenIntrospection', options, { name: schemeNameOf(options, documented), issuer: options.issuer, audiences });

  const cache = new Map<string, { value: IntrospectedToken; until: number }>();
  const pending = new Map<string, Promise<IntrospectionClaims | undefined>>();
  let endpoint = options.introspectionUrl;
  /** The discovery in flight: concurrent requests share it. */
  let discovering: Promise<string> | undefined;

  const unavailable = (cause: unknown) => new ProviderUnavailableError('The identity provider cannot be reached to check the token', backoff.retryAfter(), { cause });
  /** A call that started at `startedAt` failed: counted (and reported) once for the calls made together. */
  const down = (error: unknown, startedAt: number) => {
    if (backoff.failed(startedAt)) report(error);
    return unavailable(error);
  };
  /** A JSON object from the provider; with `refusedToken`, a 400 `unsupported_token_type` (e.g. a JWT given to an endpoint for opaque tokens) reads as `{ active: false }`. */
  const fetchJson = async (url: string, init: RequestInit & { refusedToken?: boolean }): Promise<Record<string, unknown>> => {
    const { refusedToken, ...request } = init;
    const response = await fetch(url, { ...request, redirect: 'manual', signal: AbortSignal.timeout(timeout) });
    if (refusedToken && response.status === 400) {
      const error = ((await response.json().catch(() => ({}))) as { error?: unknown }).error;
      if (error === 'unsupported_token_type') return { active: false };
    }
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    const body = (await response.json()) as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error(`${url} answered something that is not a JSON object`);
    return body as Record<string, unknown>;
  };
  /** The introspection response, `undefined` for an inactive token. */
  const discover = async (): Promise<string> => {
    try {
      const metadata = await fetchJson(discoveryUrl!, { headers: { accept: 'application/json' } });
      if (options.issuer !== undefined && metadata.issuer !== options.issuer) throw new Error(`discovery names the issuer ${JSON.stringify(metadata.issuer)}, not ${JSON.stringify(options.issuer)}`);
      if (typeof metadata.introspection_endpoint !== 'string') throw new Error('discovery has no introspection_endpoint');
      return (endpoint = metadata.introspection_endpoint);
    } finally {
      discovering = undefined;
    }
  };
  const introspect = async (token: string): Promise<IntrospectionClaims | undefined> => {
    const startedAt = Date.now();
    try {
      const url = endpoint ?? (await (discovering ??= discover()));
      const body = await fetchJson(url, {
        refusedToken: true,
        method: 'POST',
        headers: { authorization, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      });
      if (typeof body.active !== 'boolean') throw new Error('the introspection response has no boolean "active"');
      backoff.succeeded();
      return body.active ? (body as IntrospectionClaims) : undefined;
    } catch (error) {
      throw down(error, startedAt);
    }
  };

  const check = async (token: string): Promise<IntrospectedToken> => {
    const key = digest(token);
    const now = Date.now();
    const hit = cache.get(key);
    if (hit !== undefined) {
      if (hit.until > now) return hit.value;
      cache.delete(key);
    }
    let claims: IntrospectionClaims | undefined;
    try {
      if (!backoff.ready(now)) throw unavailable(undefined);
      let call = pending.get(key);
      if (call === undefined) {
        call = introspect(token).finally(() => pending.delete(key));
        pending.set(key, call);
      }
      claims = await call;
    } catch (error) {
      throw refusal(error, answers);
    }
    if (claims === undefined) throw invalidToken('The token is not active', answers);
    const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    if (exp !== undefined && exp <= Date.now()) throw invalidToken('The token has expired', answers);
    if (options.issuer !== undefined && claims.iss !== undefined && claims.iss !== options.issuer) throw invalidToken('The token is from another issuer', answers);
    if (audiences !== undefined) {
      const aud = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
      if (!aud.some((a) => audiences.includes(a))) throw invalidToken('The token is for another audience', answers);
    }
    const value = new Introspected(claims, scopesOf(claims, options.scopeClaim), token);
    if (cacheMax > 0 && cacheTtl > 0) {
      if (cache.size >= cacheMax) cache.delete(cache.keys().next().value!);
      cache.set(key, { value, until: Math.min(Date.now() + cacheTtl, exp ?? Infinity) });
    }
    return value;
  };

  return tokenScheme({
    kind: 'tokenIntrospection',
    options,
    documented,
    check,
    scopesOf: (value) => value.scopes,
    challenge: answers,
  }) as SecurityScheme<SchemeValue<IntrospectedToken, A>>;
}
