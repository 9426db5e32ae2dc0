/**
 * HTTP `Authorization` schemes that return the header's parts: Bearer,
 * Digest, and any other scheme by name (FastAPI's `HTTPBearer`,
 * `HTTPDigest`, `HTTPBase`).
 */
import { readAuthorization } from './authorization.js';
import { equalsIgnoringCase } from '../util/case.js';
import { isToken, schemeChallenge } from './challenges.js';
import { defineScheme, found, invalidOption, MISSING, readsAuthorizationOnce } from './scheme.js';
const AUTHORIZATION = [{ in: 'header', name: 'authorization' }];
function authorizationScheme(defaultName, expected, options, openapi, challenge, bearerChallenges) {
    return defineScheme({
        defaultName,
        options,
        openapi,
        challenge,
        consumes: AUTHORIZATION,
        bearerChallenges,
        // the parts are a fresh object per request: the credentials as they are
        read: readsAuthorizationOnce((request) => {
            const parts = readAuthorization(request, expected);
            return parts ? found(parts) : MISSING;
        }, equalsIgnoringCase(expected, 'bearer')),
    });
}
/**
 * `Authorization: Bearer <token>` (FastAPI's `HTTPBearer`). The value keeps
 * the scheme as sent; a missing header, another scheme or an empty token
 * answers 401 with `WWW-Authenticate: Bearer`.
 *
 * @example
 * ```ts
 * const bearer = httpBearer({ bearerFormat: 'JWT' })
 * const currentUser = depends({ auth: bearer }, ({ auth }) => verifyJwt(auth.credentials))
 * const maybeBearer = httpBearer({ autoError: false }) // HTTPAuthorizationCredentials | undefined
 * ```
 */
export function httpBearer(options = {}) {
    return authorizationScheme('HTTPBearer', 'bearer', options, { type: 'http', scheme: 'bearer', ...(options.bearerFormat !== undefined ? { bearerFormat: options.bearerFormat } : {}) }, 'Bearer', true);
}
/**
 * `Authorization: Digest …` (FastAPI's `HTTPDigest`, a stub: the digest
 * parameters are not parsed, `credentials` is everything after the scheme).
 * Missing or another scheme answers 401 with `WWW-Authenticate: Digest`.
 *
 * @example
 * ```ts
 * const digest = httpDigest()
 * router.get('/legacy', { auth: digest }, ({ auth }) => checkDigest(auth.credentials))
 * ```
 */
export function httpDigest(options = {}) {
    return authorizationScheme('HTTPDigest', 'digest', options, { type: 'http', scheme: 'digest' }, 'Digest', false);
}
/**
 * Any HTTP `Authorization` scheme by name (FastAPI's `HTTPBase`). Unlike
 * FastAPI, the scheme name is checked (case-insensitively): `httpScheme({
 * scheme: 'Other' })` does not accept `Bearer x`. The challenge is the name
 * title-cased as Python's `str.title()` does (`x-custom` → `X-Custom`).
 *
 * @example
 * ```ts
 * const hmac = httpScheme({ scheme: 'HMAC-SHA256', description: 'Signed requests' })
 * router.post('/hooks', { auth: hmac }, ({ auth }) => verifySignature(auth.credentials))
 * ```
 */
export function httpScheme(options) {
    const scheme = options?.scheme;
    if (typeof scheme !== 'string' || !isToken(scheme))
        invalidOption('HTTPBase', `scheme must be an HTTP token, got ${JSON.stringify(scheme)}`);
    return authorizationScheme('HTTPBase', scheme, options, { type: 'http', scheme }, schemeChallenge(scheme), false);
}
//# sourceMappingURL=http.js.map