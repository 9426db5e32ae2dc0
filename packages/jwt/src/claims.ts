/**
 * What a verified token gives the handler: its claims (typed, with the
 * custom ones a zod schema declares), its scopes, and its header.
 */
import type { GrantedScopes } from '@depends/core';
import type { JWTHeaderParameters, JWTPayload } from 'jose';

/**
 * The claims of a verified access token: `iss`, `aud` and `exp` were
 * checked and are present; any other registered or custom claim may be.
 *
 * @example
 * ```ts
 * const who = (claims: VerifiedClaims) => claims.sub ?? claims.client_id
 * ```
 */
export type VerifiedClaims = JWTPayload & {
  readonly iss: string;
  readonly aud: string | string[];
  readonly exp: number;
};

/**
 * The value of a JWT bearer scheme: the verified claims (with the custom
 * claims of the `claims` schema, typed `C`), the scopes the token grants,
 * and its protected header. `token` is the compact JWT as received (for
 * calling another API on the user's behalf); it is not enumerable, so
 * returning the value as JSON never echoes the credential.
 *
 * @example
 * ```ts
 * router.get('/me', { auth: security(reportsToken) }, ({ auth }) => ({ sub: auth.claims.sub, scopes: auth.scopes }))
 * ```
 */
export interface AccessToken<C = {}> {
  readonly claims: VerifiedClaims & C;
  readonly scopes: readonly string[];
  readonly header: JWTHeaderParameters;
  readonly token: string;
}

/**
 * Where the granted scopes are read: a claim name (a space-separated string
 * or an array of names), or a function of the claims.
 *
 * @example
 * ```ts
 * const fromRoles: ScopeSource = (claims) => (claims.roles as string[] | undefined) ?? []
 * const fromScp: ScopeSource = 'scp'
 * ```
 */
export type ScopeSource = string | ((claims: VerifiedClaims) => GrantedScopes);

const splitScopes = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(' ').filter((s) => s !== '');
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string' && s !== '');
  return [];
};

/**
 * The scopes a token grants. By default the OAuth2 `scope` claim (a
 * space-separated string, RFC 9068 / RFC 8693) or else `scp` (an array, as
 * Entra ID and Okta send it); `source` names another claim or reads the
 * claims some other way.
 *
 * @example
 * ```ts
 * scopesOf({ scope: 'reports:read openid' }) // ['reports:read', 'openid']
 * scopesOf({ scp: ['reports:read'] })        // ['reports:read']
 * scopesOf({ roles: ['admin'] }, 'roles')    // ['admin']
 * ```
 */
export function scopesOf(claims: JWTPayload, source?: ScopeSource): string[] {
  if (typeof source === 'function') {
    const granted = source(claims as VerifiedClaims);
    if (granted === null || granted === undefined) return [];
    return typeof granted === 'string' ? splitScopes(granted) : [...granted];
  }
  if (source !== undefined) return splitScopes(claims[source]);
  return claims.scope !== undefined ? splitScopes(claims.scope) : splitScopes(claims.scp);
}

/** The value's class: `token` is a getter over a private field, so it is not an own property and JSON never shows it. */
class VerifiedAccessToken<C> implements AccessToken<C> {
  readonly #token: string;
  constructor(
    readonly claims: VerifiedClaims & C,
    readonly scopes: readonly string[],
    readonly header: JWTHeaderParameters,
    token: string,
  ) {
    this.#token = token;
  }
  get token(): string {
    return this.#token;
  }
}

/**
 * Builds the scheme's value; `token` is not enumerable (JSON leaves it out).
 *
 * @example
 * ```ts
 * const value = accessToken(payload, ['read'], protectedHeader, jwt)
 * JSON.stringify(value) // no "token"
 * ```
 */
export function accessToken<C>(claims: VerifiedClaims & C, scopes: readonly string[], header: JWTHeaderParameters, token: string): AccessToken<C> {
  return new VerifiedAccessToken(claims, scopes, header, token);
}
