/**
 * Access tokens: JWTs signed and verified with `jose` (HS256), carrying the
 * user name (`sub`), the granted scopes (`scope`, space-separated as in
 * RFC 9068), an issuer, an audience and an expiry (`exp`).
 */
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';

/** Issuer and audience written into, and required from, every token. */
export const TOKEN_ISSUER = 'todo-api';
const ALGORITHM = 'HS256';

/** What a verified access token says. */
export interface AccessClaims {
  /** The user name. */
  readonly username: string;
  /** The scopes granted to this token. */
  readonly scopes: readonly string[];
  /** Expiry, seconds since the epoch. */
  readonly expiresAt: number;
}

const Claims = z.object({
  sub: z.string().min(1),
  scope: z.string().default(''),
  exp: z.number(),
});

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs an access token for a user and a set of scopes, valid for
 * `expiresInSeconds` (a negative value gives an already expired token,
 * which tests use).
 *
 * @example
 * ```ts
 * const token = await signAccessToken(secret, { username: 'johndoe', scopes: ['me', 'items'] }, 1800)
 * ```
 */
export async function signAccessToken(
  secret: string,
  claims: { username: string; scopes: readonly string[] },
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.username)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(keyOf(secret));
}

/**
 * Verifies a token's signature, algorithm, issuer, audience and expiry and
 * returns its claims, or `undefined` for any token that fails (the caller
 * answers 401 `invalid_token`; the reason is not told to the client).
 *
 * @example
 * ```ts
 * const claims = await verifyAccessToken(secret, token)
 * if (!claims) throw invalidToken()
 * claims.scopes // ['me', 'items']
 * ```
 */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_ISSUER,
      requiredClaims: ['exp', 'sub'],
    });
    const claims = Claims.parse(payload);
    return { username: claims.sub, scopes: claims.scope.split(' ').filter(Boolean), expiresAt: claims.exp };
  } catch {
    return undefined;
  }
}
