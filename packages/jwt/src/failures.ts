/**
 * What the client is told when a token is refused: 401 `invalid_token` with
 * an `error_description` that names what failed (expired, audience,
 * signature, …) and nothing more (no claim value, no key, no library
 * message); 503 when the provider is needed and cannot be reached.
 */
import { HTTPException, invalidToken, type InvalidTokenOptions } from '@depends/core';
import { errors } from 'jose';
import { ProviderUnavailableError } from './keys.js';

const CLAIMS: Readonly<Record<string, string>> = {
  aud: 'The token is for another audience',
  iss: 'The token is from another issuer',
  nbf: 'The token is not valid yet',
  iat: 'The token has an invalid issue time',
  exp: 'The token has an invalid expiry',
  typ: 'The token is not an access token',
  sub: 'The token has an invalid subject',
};

/**
 * The `error_description` for a token jose refused (or any other error:
 * "The token is invalid"). Never includes the token, a claim's value or the
 * library's own message.
 *
 * @example
 * ```ts
 * describeFailure(new errors.JWTExpired('"exp" claim timestamp check failed', {})) // 'The token has expired'
 * ```
 */
export function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `The token has no "${error.claim}" claim`;
    return CLAIMS[error.claim] ?? `The token's "${error.claim}" claim is invalid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with an unknown key';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'The token does not name its signing key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not allowed';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return 'The token is malformed';
  }
  return 'The token is invalid';
}

/**
 * The `detail` of a 503 when the provider cannot be reached.
 *
 * @example
 * ```ts
 * expect(res.json()).toEqual({ detail: PROVIDER_UNAVAILABLE })
 * ```
 */
export const PROVIDER_UNAVAILABLE = 'The identity provider cannot be reached to verify the token';

/**
 * The HTTP answer for a refused token: 503 with `Retry-After` when the
 * provider is needed and down, otherwise 401 `Bearer error="invalid_token",
 * error_description="…"`.
 *
 * @example
 * ```ts
 * try { await jwtVerify(token, keys.getKey, checks) } catch (error) { throw refusal(error, { realm: 'reports' }) }
 * ```
 */
export function refusal(error: unknown, options: InvalidTokenOptions = {}): HTTPException {
  if (error instanceof ProviderUnavailableError) {
    return new HTTPException(503, PROVIDER_UNAVAILABLE, { 'retry-after': String(error.retryAfter) });
  }
  return invalidToken(describeFailure(error), options);
}
