/**
 * HTTP Basic authentication (FastAPI's `HTTPBasic`), decoded as RFC 7617
 * says: strict base64 and UTF-8.
 */
import { authorizationLine, parseAuthorization } from './authorization.js';
import { decodeBasicCredentials, type HTTPBasicCredentials } from './basic.js';
import { basicChallenge, quoteString } from './challenges.js';
import { defineScheme, found, invalidOption, MALFORMED, MISSING, readsAuthorizationOnce, type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';
import { equalsIgnoringCase } from '../util/case.js';

/**
 * Options of {@link httpBasic}.
 *
 * @example
 * ```ts
 * httpBasic({ realm: 'admin area', schemeName: 'AdminBasic' })
 * ```
 */
export interface HttpBasicOptions<A extends boolean = boolean> extends SchemeOptions<A> {
  /** The realm sent in the challenge (`Basic realm="…"`, quoted and escaped); not in OpenAPI. */
  realm?: string;
}

/**
 * `Authorization: Basic <base64(username:password)>` (FastAPI's
 * `HTTPBasic`). A missing header or another scheme answers 401 with
 * `WWW-Authenticate: Basic` (or `Basic realm="…"`), or gives `undefined`
 * with `autoError: false`. Malformed credentials (not canonical base64, not
 * UTF-8, no colon) always answer 401, even with `autoError: false`.
 * Compare the password with {@link safeEqual}.
 *
 * The password is given as sent: it may contain control characters,
 * NUL included. Refuse those before hashing or verifying it — scrypt and
 * PBKDF2 key HMAC with the password, and HMAC pads a short key with zero
 * bytes, so `secret\0` would verify as `secret`.
 *
 * @example
 * ```ts
 * const basic = httpBasic({ realm: 'admin' })
 * const admin = depends({ credentials: basic }, ({ credentials }) => {
 *   const ok = safeEqual(credentials.username, 'admin') && safeEqual(credentials.password, process.env.ADMIN_PASSWORD!)
 *   if (!ok) throw new HTTPException(401, 'Incorrect username or password', { 'www-authenticate': 'Basic realm="admin"' })
 *   return credentials.username
 * })
 * ```
 */
export function httpBasic<A extends boolean = true>(options: HttpBasicOptions<A> = {}): SecurityScheme<SchemeValue<HTTPBasicCredentials, A>> {
  const realm = options.realm;
  if (realm !== undefined) {
    if (typeof realm !== 'string') invalidOption('HTTPBasic', 'realm must be a string');
    try {
      quoteString(realm);
    } catch {
      invalidOption('HTTPBasic', 'realm cannot hold control characters or characters above U+00FF');
    }
  }
  return defineScheme<HTTPBasicCredentials>({
    defaultName: 'HTTPBasic',
    options,
    openapi: { type: 'http', scheme: 'basic' },
    challenge: basicChallenge(realm),
    consumes: [{ in: 'header', name: 'authorization' }],
    bearerChallenges: false,
    // a `Basic` header with undecodable credentials is malformed (not another scheme's): read here, not through readAuthorization()
    read: readsAuthorizationOnce((request) => {
      const value = authorizationLine(request, false);
      const parts = parseAuthorization(value);
      if (!value || !equalsIgnoringCase(parts.scheme, 'Basic')) return MISSING;
      const credentials = decodeBasicCredentials(parts.credentials);
      return credentials ? found(credentials) : MALFORMED;
    }, false),
  }) as SecurityScheme<SchemeValue<HTTPBasicCredentials, A>>;
}
