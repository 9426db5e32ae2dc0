/**
 * The HTTP errors of authentication and authorisation: "not authenticated"
 * (401 with the scheme's challenges), "invalid token" (401, RFC 6750
 * `invalid_token`), "insufficient scope" (403, RFC 6750 §3.1) and a
 * repeated credential header (400, `invalid_request`). None of them ever
 * carries the credential.
 */
import { SecurityScopes } from '../dependency/builtins.js';
import { HTTPException, type HeaderValues } from '../errors/catalogue.js';
import { preparedException } from '../errors/prepared.js';
import { bearerChallenge } from './challenges.js';

/**
 * The `detail` of a 401 from a security scheme (FastAPI ≥ 0.122).
 *
 * @example
 * ```ts
 * expect(res.json()).toEqual({ detail: NOT_AUTHENTICATED })
 * ```
 */
export const NOT_AUTHENTICATED = 'Not authenticated';

/**
 * 401 `{"detail":"Not authenticated"}` with one `WWW-Authenticate` line per
 * challenge (none when there is no challenge).
 *
 * @example
 * ```ts
 * throw notAuthenticated('Bearer')
 * throw notAuthenticated(['Bearer', 'Basic realm="api"']) // two WWW-Authenticate lines
 * ```
 */
export function notAuthenticated(challenges?: string | readonly string[]): HTTPException {
  return new HTTPException(401, NOT_AUTHENTICATED, challengeHeaders(challenges));
}

/**
 * A factory of the 401 {@link notAuthenticated} gives for `challenges`,
 * built once (challenge headers and answer prepared once): what a scheme
 * throws for a missing credential.
 *
 * @example
 * ```ts
 * const missing = preparedNotAuthenticated('Bearer')
 * throw missing()
 * ```
 */
export function preparedNotAuthenticated(challenges?: string | readonly string[]): () => HTTPException {
  return preparedException(401, NOT_AUTHENTICATED, challengeHeaders(challenges));
}

function challengeHeaders(challenges: string | readonly string[] | undefined): HeaderValues | undefined {
  const list = typeof challenges === 'string' ? [challenges] : [...new Set(challenges ?? [])];
  if (list.length === 0) return undefined;
  return { 'www-authenticate': list.length === 1 ? list[0] : list };
}

/**
 * Options of {@link invalidToken}.
 *
 * @example
 * ```ts
 * throw invalidToken('The access token expired', { detail: 'Token expired', realm: 'api' })
 * ```
 */
export interface InvalidTokenOptions {
  /** The JSON `detail` (default `Could not validate credentials`). */
  detail?: string;
  /** A `realm` auth-param for the challenge. */
  realm?: string;
  /** The absolute URL of the resource's RFC 9728 metadata, as `resource_metadata` in the challenge. */
  resourceMetadata?: string;
}

/**
 * 401 for a credential the application rejects (expired, bad signature,
 * unknown key): `WWW-Authenticate: Bearer error="invalid_token"`, with
 * `error_description` when given (RFC 6750 §3.1). Never put the token itself
 * in the description.
 *
 * @example
 * ```ts
 * const currentUser = depends({ token: oauth2Scheme }, async ({ token }) => {
 *   const user = await users.byToken(token)
 *   if (!user) throw invalidToken('The access token expired')
 *   return user
 * })
 * ```
 */
export function invalidToken(description?: string, options?: InvalidTokenOptions): HTTPException {
  if (description === undefined && options === undefined) return INVALID_TOKEN();
  options ??= {};
  return new HTTPException(401, options.detail ?? 'Could not validate credentials', {
    'www-authenticate': bearerChallenge({ realm: options.realm, error: 'invalid_token', errorDescription: description, resourceMetadata: options.resourceMetadata }),
  });
}

/** `invalidToken()` without arguments: the same 401 every time, prepared once. */
const INVALID_TOKEN = preparedException(401, 'Could not validate credentials', {
  'www-authenticate': bearerChallenge({ error: 'invalid_token' }),
});

/**
 * Options of {@link insufficientScope}.
 *
 * @example
 * ```ts
 * throw insufficientScope(['admin'], { detail: 'Admins only' })
 * ```
 */
export interface InsufficientScopeOptions {
  /** The JSON `detail` (default `Not enough permissions`). */
  detail?: string;
  /** An `error_description` for the challenge. */
  description?: string;
  /** A `realm` auth-param for the challenge. */
  realm?: string;
  /** The absolute URL of the resource's RFC 9728 metadata, as `resource_metadata` in the challenge. */
  resourceMetadata?: string;
}

/**
 * 403 for an authenticated request that lacks scopes:
 * `WWW-Authenticate: Bearer error="insufficient_scope", scope="a b"` where
 * the scope lists the scopes the resource requires (RFC 6750 §3.1), and
 * `{"detail":"Not enough permissions"}`.
 *
 * @example
 * ```ts
 * const user = depends({ token: oauth2Scheme, required: securityScopes }, ({ token, required }) => {
 *   const claims = decode(token)
 *   if (!required.scopes.every((s) => claims.scopes.includes(s))) throw insufficientScope(required)
 *   return claims
 * })
 * ```
 */
export function insufficientScope(
  scopes: SecurityScopes | readonly string[] | string,
  options: InsufficientScopeOptions = {},
): HTTPException {
  // told apart by shape, not class: a SecurityScopes made by another copy of the core counts too
  const scope = typeof scopes === 'string' ? scopes : Array.isArray(scopes) ? scopes.join(' ') : (scopes as SecurityScopes).scopeStr;
  if (options.detail === undefined && options.description === undefined && options.realm === undefined && options.resourceMetadata === undefined) {
    return insufficientScopeFor(scope)();
  }
  return new HTTPException(403, options.detail ?? 'Not enough permissions', {
    'www-authenticate': bearerChallenge({
      realm: options.realm,
      error: 'insufficient_scope',
      errorDescription: options.description,
      scope,
      resourceMetadata: options.resourceMetadata,
    }),
  });
}

/**
 * 400 for a credential header sent more than once (two `Authorization` or
 * two `X-API-Key` lines): the request is ambiguous — a proxy in front may
 * have checked the other line — so it is refused rather than read.
 * `{"detail":"The authorization header was sent more than once"}`, with
 * `WWW-Authenticate: Bearer error="invalid_request"` (RFC 6750 §3.1) when
 * the scheme speaks Bearer.
 *
 * @example
 * ```ts
 * if (request.headerAll('authorization').length > 1) throw repeatedCredential('authorization', true)
 * ```
 */
export function repeatedCredential(header: string, bearer: boolean): HTTPException {
  const detail = `The ${header} header was sent more than once`;
  if (!bearer) return new HTTPException(400, detail);
  return new HTTPException(400, detail, { 'www-authenticate': bearerChallenge({ error: 'invalid_request', errorDescription: detail }) });
}

/** Prepared 403s by required scope string (a route's scopes are fixed: a few entries). */
const scopeFailures = new Map<string, () => HTTPException>();
const MAX_PREPARED_SCOPES = 1000;

function insufficientScopeFor(scope: string): () => HTTPException {
  let make = scopeFailures.get(scope);
  if (make === undefined) {
    make = preparedException(403, 'Not enough permissions', { 'www-authenticate': bearerChallenge({ error: 'insufficient_scope', scope }) });
    if (scopeFailures.size < MAX_PREPARED_SCOPES) scopeFailures.set(scope, make);
  }
  return make;
}
