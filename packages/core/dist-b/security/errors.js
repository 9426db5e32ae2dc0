/**
 * The HTTP errors of authentication and authorisation: "not authenticated"
 * (401 with the scheme's challenges), "invalid token" (401, RFC 6750
 * `invalid_token`), "insufficient scope" (403, RFC 6750 §3.1) and a
 * repeated credential header (400, `invalid_request`). None of them ever
 * carries the credential.
 */
import { SecurityScopes } from '../dependency/builtins.js';
import { HTTPException } from '../errors/catalogue.js';
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
export function notAuthenticated(challenges) {
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
export function preparedNotAuthenticated(challenges) {
    return preparedException(401, NOT_AUTHENTICATED, challengeHeaders(challenges));
}
function challengeHeaders(challenges) {
    const list = typeof challenges === 'string' ? [challenges] : [...new Set(challenges ?? [])];
    if (list.length === 0)
        return undefined;
    return { 'www-authenticate': list.length === 1 ? list[0] : list };
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
export function invalidToken(description, options) {
    if (description === undefined && options === undefined)
        return INVALID_TOKEN();
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
export function insufficientScope(scopes, options = {}) {
    const scope = typeof scopes === 'string' ? scopes : scopes instanceof SecurityScopes ? scopes.scopeStr : scopes.join(' ');
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
export function repeatedCredential(header, bearer) {
    const detail = `The ${header} header was sent more than once`;
    if (!bearer)
        return new HTTPException(400, detail);
    return new HTTPException(400, detail, { 'www-authenticate': bearerChallenge({ error: 'invalid_request', errorDescription: detail }) });
}
/** Prepared 403s by required scope string (a route's scopes are fixed: a few entries). */
const scopeFailures = new Map();
const MAX_PREPARED_SCOPES = 1000;
function insufficientScopeFor(scope) {
    let make = scopeFailures.get(scope);
    if (make === undefined) {
        make = preparedException(403, 'Not enough permissions', { 'www-authenticate': bearerChallenge({ error: 'insufficient_scope', scope }) });
        if (scopeFailures.size < MAX_PREPARED_SCOPES)
            scopeFailures.set(scope, make);
    }
    return make;
}
//# sourceMappingURL=errors.js.map