/**
 * HTTP `Authorization` schemes that return the header's parts: Bearer,
 * Digest, and any other scheme by name (FastAPI's `HTTPBearer`,
 * `HTTPDigest`, `HTTPBase`).
 */
import { readAuthorization } from './authorization.js';
import { equalsIgnoringCase } from '../util/case.js';
import { isToken, schemeChallenge } from './challenges.js';
import { defineScheme, found, invalidOption, MISSING, readsAuthorizationOnce, type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';

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

const AUTHORIZATION = [{ in: 'header', name: 'authorization' }] as const;

function authorizationScheme(
  defaultName: string,
  expected: string,
  options: SchemeOptions,
  openapi: { type: 'http'; scheme: string; bearerFormat?: string },
  challenge: string,
  bearerChallenges: boolean,
): SecurityScheme<HTTPAuthorizationCredentials> {
  const bearer = equalsIgnoringCase(expected, 'bearer');
  return defineScheme<HTTPAuthorizationCredentials>({
    defaultName,
    options,
    openapi,
    challenge,
    consumes: AUTHORIZATION,
    bearerChallenges,
    // the parts are a fresh object per request: the credentials as they are
    read: readsAuthorizationOnce((request) => {
      const parts = readAuthorization(request, expected, bearer);
      return parts ? found<HTTPAuthorizationCredentials>(parts) : MISSING;
    }, bearer),
  });
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
export function httpBearer<A extends boolean = true>(options: HttpBearerOptions<A> = {}): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>> {
  return authorizationScheme(
    'HTTPBearer',
    'Bearer', // as clients send it: compared as is first (see equalsIgnoringCase)
    options,
    { type: 'http', scheme: 'bearer', ...(options.bearerFormat !== undefined ? { bearerFormat: options.bearerFormat } : {}) },
    'Bearer',
    true,
  ) as SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>>;
}

/**
 * Options of {@link httpDigest}.
 *
 * @example
 * ```ts
 * httpDigest({ schemeName: 'LegacyDigest', autoError: false })
 * ```
 */
export interface HttpDigestOptions<A extends boolean = boolean> extends SchemeOptions<A> {}

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
export function httpDigest<A extends boolean = true>(options: HttpDigestOptions<A> = {}): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>> {
  return authorizationScheme('HTTPDigest', 'Digest', options, { type: 'http', scheme: 'digest' }, 'Digest', false) as SecurityScheme<
    SchemeValue<HTTPAuthorizationCredentials, A>
  >;
}

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
export function httpScheme<A extends boolean = true>(options: HttpSchemeOptions<A>): SecurityScheme<SchemeValue<HTTPAuthorizationCredentials, A>> {
  const scheme = options?.scheme;
  if (typeof scheme !== 'string' || !isToken(scheme)) invalidOption('HTTPBase', `scheme must be an HTTP token, got ${JSON.stringify(scheme)}`);
  return authorizationScheme('HTTPBase', scheme, options, { type: 'http', scheme }, schemeChallenge(scheme), false) as SecurityScheme<
    SchemeValue<HTTPAuthorizationCredentials, A>
  >;
}
