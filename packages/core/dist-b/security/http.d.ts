import { type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';
/**
 * The parts of an `Authorization` header: the scheme as sent and the stripped credentials.
 *
 * @example
 * ```ts
 * const user = depends({ auth: httpBearer() }, ({ auth }: { auth: HTTPAuthorizationCredentials }) => verify(auth.credentials))
 * ```
 */
export interface HTTPAuthorizationCredentials {
    /** The scheme as the client wrote it (`Bearer`, `bearer`, ...). */
    readonly scheme: string;
    readonly credentials: string;
}
/**
 * Options of {@link httpBearer}.
 *
 * @example
 * ```ts
 * httpBearer({ bearerFormat: 'JWT', description: 'Access token from /token' })
 * ```
 */
export interface HttpBearerOptions<A extends boolean = boolean> extends SchemeOptions<A> {
    /** A hint of the token format for the docs (`JWT`); documentation only. */
    bearerFormat?: string;
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
export declare function httpBearer<A extends boolean = true>(options?: HttpBearerOptions<A>): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>>;
/**
 * Options of {@link httpDigest}.
 *
 * @example
 * ```ts
 * httpDigest({ schemeName: 'LegacyDigest', autoError: false })
 * ```
 */
export interface HttpDigestOptions<A extends boolean = boolean> extends SchemeOptions<A> {
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
export declare function httpDigest<A extends boolean = true>(options?: HttpDigestOptions<A>): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>>;
/**
 * Options of {@link httpScheme}.
 *
 * @example
 * ```ts
 * httpScheme({ scheme: 'HMAC-SHA256', description: 'Signed requests' })
 * ```
 */
export interface HttpSchemeOptions<A extends boolean = boolean> extends SchemeOptions<A> {
    /** The auth-scheme name, as documented (`Other`, `AWS4-HMAC-SHA256`, ...). */
    scheme: string;
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
export declare function httpScheme<A extends boolean = true>(options: HttpSchemeOptions<A>): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>>;
