/**
 * The RFC 9068 profile of JWT access tokens (`jwtBearer({ profile:
 * 'rfc9068' })`): every check §4 asks of a resource server, on top of the
 * signature, issuer, audience and expiry jwtBearer always checks — the
 * `typ` header `at+jwt`, the claims §2.2 requires, and the types of the
 * authentication claims (`auth_time`, `acr`, `amr`) a route's step-up
 * requirement reads.
 */
import { invalidToken, type InvalidTokenOptions } from '@depends/core';

/**
 * The token profiles `jwtBearer({ profile })` knows: `'rfc9068'`, JWT
 * access tokens as RFC 9068 defines them.
 *
 * @example
 * ```ts
 * const profile: JwtProfile = 'rfc9068'
 * ```
 */
export type JwtProfile = 'rfc9068';

/**
 * The claims RFC 9068 §2.2 requires of every access token (besides `iss`,
 * `aud` and `exp`, always checked), and the authentication claims §2.2.1
 * allows, typed as the profile checks them.
 *
 * @example
 * ```ts
 * const who = (claims: Rfc9068Claims) => `${claims.sub} via ${claims.client_id}`
 * ```
 */
export interface Rfc9068Claims {
  readonly sub: string;
  readonly client_id: string;
  readonly iat: number;
  readonly jti: string;
  /** When the user last signed in (seconds since the epoch), when the token says so. */
  readonly auth_time?: number;
  /** The Authentication Context Class Reference of that sign-in. */
  readonly acr?: string;
  /** The authentication methods used (`pwd`, `otp`, `hwk`, …; RFC 8176). */
  readonly amr?: readonly string[];
}

/**
 * The claims a profile adds to the value's type: {@link Rfc9068Claims} for
 * `'rfc9068'`, nothing without a profile.
 *
 * @example
 * ```ts
 * type C = ProfileClaims<'rfc9068'> // Rfc9068Claims
 * ```
 */
export type ProfileClaims<P> = P extends 'rfc9068' ? Rfc9068Claims : {};

/** The claims RFC 9068 §2.2 requires, in its order. */
export const RFC9068_REQUIRED_CLAIMS: readonly string[] = Object.freeze(['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti']);

/** RFC 9068 §2.1 / §4: `at+jwt`; jose compares it as a media type, so `application/at+jwt` matches too. */
export const RFC9068_TYP = 'at+jwt';

const isString = (value: unknown): boolean => typeof value === 'string' && value !== '';

/**
 * The checks of a profile that jose does not make itself (it checks `typ`,
 * presence and `iat` as a number): the required claims that must be
 * strings, and `auth_time`, `acr` and `amr` when present. Throws the 401
 * `invalid_token` naming the claim (unquoted: RFC 6750 §3 allows no `"` in
 * `error_description`); never the claim's value.
 *
 * @example
 * ```ts
 * checkProfile('rfc9068', verified.payload, { realm: 'reports' }) // throws for { amr: 'pwd' }
 * ```
 */
export function checkProfile(profile: JwtProfile | undefined, claims: Readonly<Record<string, unknown>>, answers: InvalidTokenOptions): void {
  if (profile === undefined) return;
  for (const claim of ['sub', 'client_id', 'jti']) {
    if (!isString(claims[claim])) throw invalidToken(`The token's ${claim} claim is not a string`, answers);
  }
  if (claims.auth_time !== undefined && !(typeof claims.auth_time === 'number' && Number.isFinite(claims.auth_time))) {
    throw invalidToken("The token's auth_time claim is not a number", answers);
  }
  if (claims.acr !== undefined && !isString(claims.acr)) throw invalidToken("The token's acr claim is not a string", answers);
  if (claims.amr !== undefined && !(Array.isArray(claims.amr) && claims.amr.every(isString))) {
    throw invalidToken("The token's amr claim is not a list of strings", answers);
  }
}

/**
 * The jose options a profile sets: the `typ` it requires and its required
 * claims added to those given. Throws (the message for the startup error)
 * when `typ` was given as something else.
 *
 * @example
 * ```ts
 * profileOptions('rfc9068', { typ: undefined, requiredClaims: ['tenant'] }) // { typ: 'at+jwt', requiredClaims: ['tenant', 'iss', 'exp', …] }
 * ```
 */
export function profileOptions(
  profile: JwtProfile | undefined,
  given: { typ?: string | undefined; requiredClaims?: readonly string[] | undefined },
): { typ?: string; requiredClaims: readonly string[] } | string {
  if (profile === undefined) return { ...(given.typ !== undefined ? { typ: given.typ } : {}), requiredClaims: given.requiredClaims ?? [] };
  if (profile !== 'rfc9068') return `profile must be 'rfc9068' (got ${JSON.stringify(profile)})`;
  if (given.typ !== undefined && given.typ.toLowerCase().replace(/^application\//, '') !== RFC9068_TYP) {
    return `typ ${JSON.stringify(given.typ)} contradicts profile 'rfc9068', which requires "at+jwt": leave typ out`;
  }
  return { typ: RFC9068_TYP, requiredClaims: [...new Set([...(given.requiredClaims ?? []), ...RFC9068_REQUIRED_CLAIMS])] };
}
