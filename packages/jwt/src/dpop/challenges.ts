/**
 * The answers of a DPoP scheme (RFC 9449 §7.1): challenges of the `DPoP`
 * scheme with the accepted algorithms (`algs="ES256 …"`), `error`
 * `invalid_dpop_proof` for a proof refused, `invalid_token` for a token
 * refused, `use_dpop_nonce` with a `DPoP-Nonce` header, and
 * `insufficient_scope`. None carries the token, the proof or a claim's value.
 */
import { HTTPException } from '@depends/core';
import { formatChallenge } from '@depends/core/schemes';

/** The auth-params every challenge of one DPoP scheme carries. */
export interface DpopChallengeParams {
  /** The accepted proof algorithms, space-separated in `algs`. */
  readonly algorithms: readonly string[];
  readonly realm?: string;
  /** The absolute URL of the resource's RFC 9728 metadata. */
  readonly resourceMetadata?: string;
}

/** Printable ASCII only, as RFC 6750 asks of `error_description` and `scope`. */
const printable = (value: string): string => value.replace(/[^\x20-\x7e]/g, '?');

/**
 * A `DPoP` challenge: `DPoP algs="ES256 PS256"`, with an error when given:
 * `DPoP error="invalid_dpop_proof", error_description="…", algs="…"`.
 *
 * @example
 * ```ts
 * dpopChallenge({ algorithms: ['ES256'] }) // 'DPoP algs="ES256"'
 * dpopChallenge({ algorithms: ['ES256'] }, { error: 'use_dpop_nonce' }) // 'DPoP error="use_dpop_nonce", algs="ES256"'
 * ```
 */
export function dpopChallenge(
  params: DpopChallengeParams,
  error: { error?: string; description?: string; scope?: string } = {},
): string {
  return formatChallenge('DPoP', {
    realm: params.realm,
    error: error.error,
    error_description: error.description === undefined ? undefined : printable(error.description),
    scope: error.scope === undefined ? undefined : printable(error.scope),
    algs: params.algorithms.join(' '),
    resource_metadata: params.resourceMetadata,
  });
}

/**
 * The `detail` of a refused proof's 401.
 *
 * @example
 * ```ts
 * expect(res.json()).toEqual({ detail: INVALID_DPOP_PROOF })
 * ```
 */
export const INVALID_DPOP_PROOF = 'Invalid DPoP proof';

/**
 * 401 for a DPoP proof refused (RFC 9449 §7.1): `WWW-Authenticate: DPoP
 * error="invalid_dpop_proof", error_description="…", algs="…"` and
 * `{"detail":"Invalid DPoP proof"}`.
 *
 * @example
 * ```ts
 * throw invalidDpopProof('The DPoP proof is for another URL', { algorithms: ['ES256'] })
 * ```
 */
export function invalidDpopProof(description: string, params: DpopChallengeParams, headers: Record<string, string> = {}): HTTPException {
  return new HTTPException(401, INVALID_DPOP_PROOF, {
    'www-authenticate': dpopChallenge(params, { error: 'invalid_dpop_proof', description }),
    ...headers,
  });
}

/**
 * 401 for an access token refused on a DPoP request: `WWW-Authenticate:
 * DPoP error="invalid_token", error_description="…", algs="…"`.
 *
 * @example
 * ```ts
 * throw dpopInvalidToken('The token is bound to another key', { algorithms: ['ES256'] })
 * ```
 */
export function dpopInvalidToken(description: string, params: DpopChallengeParams, headers: Record<string, string> = {}): HTTPException {
  return new HTTPException(401, 'Could not validate credentials', {
    'www-authenticate': dpopChallenge(params, { error: 'invalid_token', description }),
    ...headers,
  });
}

/**
 * The 401 asking for a proof with the server's nonce (RFC 9449 §9):
 * `WWW-Authenticate: DPoP error="use_dpop_nonce", error_description="…"`
 * and `DPoP-Nonce: <nonce>`; the client signs a new proof with it and
 * sends the request again.
 *
 * @example
 * ```ts
 * throw useDpopNonce(nonces.current(), { algorithms: ['ES256'] })
 * ```
 */
export function useDpopNonce(nonce: string, params: DpopChallengeParams): HTTPException {
  return new HTTPException(401, 'Use the DPoP nonce of the server', {
    'www-authenticate': dpopChallenge(params, { error: 'use_dpop_nonce', description: 'The DPoP proof must carry the nonce of the DPoP-Nonce header' }),
    'dpop-nonce': nonce,
  });
}

/**
 * 403 for a DPoP-bound token lacking a required scope: `WWW-Authenticate:
 * DPoP error="insufficient_scope", scope="…", algs="…"`.
 *
 * @example
 * ```ts
 * throw dpopInsufficientScope('reports:read', { algorithms: ['ES256'] })
 * ```
 */
export function dpopInsufficientScope(scope: string, params: DpopChallengeParams): HTTPException {
  return new HTTPException(403, 'Not enough permissions', {
    'www-authenticate': dpopChallenge(params, { error: 'insufficient_scope', scope }),
  });
}
