/**
 * A provider-backed scheme with DPoP: how `tokenScheme()` reads the
 * credential (`Authorization: DPoP …`, and `Bearer …` where unbound tokens
 * are allowed), checks the proof, the token, the key binding, the scopes
 * and the replay, and documents and challenges itself.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HTTPException, type ReadResult, type RequestView, type VerifyContext } from '@depends/core';
import { bearerChallenge, found, MISSING, readAuthorization, readsAuthorizationOnce } from '@depends/core/schemes';
import { dpopChallenge, dpopInsufficientScope, dpopInvalidToken, invalidDpopProof, useDpopNonce, type DpopChallengeParams } from './challenges.js';
import type { DpopBinding } from './dpop.js';
import { checkProof, ProofRefused, readProofHeader } from './proof.js';
import { normaliseHtu, requestHtu } from './request-uri.js';

/** The credential a DPoP scheme read: the token, and how it was sent. */
export interface DpopCredential {
  readonly via: 'dpop' | 'bearer';
  readonly token: string;
}

/** What the token scheme gives the DPoP binding. */
export interface BoundScheme<V> {
  readonly kind: string;
  /** Verifies the token (its own 401s are `Bearer` ones; a DPoP request gets them as `DPoP error="invalid_token"`). */
  readonly check: (token: string) => V | Promise<V>;
  readonly scopesOf: (value: V) => readonly string[];
  /** The plain-bearer answers' auth-params (`realm`, `resource_metadata`). */
  readonly params: { realm?: string; resourceMetadata?: string };
  /** The insufficient-scope answer for a token sent as `Bearer`. */
  readonly bearerScopeFailure: (required: VerifyContext['required']) => Error;
}

/** What `defineScheme()` is given for a DPoP scheme. */
export interface DpopSchemeParts<V> {
  readonly challenge: string;
  readonly read: (request: RequestView) => ReadResult<DpopCredential>;
  readonly verify: (credential: DpopCredential, context: VerifyContext) => Promise<V>;
  readonly answerHeaders?: Readonly<Record<string, () => string>>;
  readonly responses: readonly number[];
}

/**
 * The `securitySchemes` entry of a DPoP scheme: an `http` scheme with
 * `scheme: DPoP` (default name `DPoP`), described with the accepted
 * algorithms (and Bearer, where unbound tokens are allowed).
 *
 * @example
 * ```ts
 * dpopDocumented(binding) // { defaultName: 'DPoP', openapi: { type: 'http', scheme: 'DPoP', description: 'A sender-constrained access token (RFC 9449): …' } }
 * ```
 */
export function dpopDocumented(binding: DpopBinding): { defaultName: string; openapi: Record<string, unknown> & { type: string } } {
  const kinds = binding.allowBearer ? 'DPoP, or Bearer for a token not bound to a key' : 'DPoP';
  return {
    defaultName: 'DPoP',
    openapi: {
      type: 'http',
      scheme: 'DPoP',
      description: `A sender-constrained access token (RFC 9449): Authorization: ${kinds}, with a DPoP proof header signed by the token's key (${binding.algorithms.join(', ')}).`,
    },
  };
}

/**
 * The `cnf.jkt` a token is bound to (from its claims, or from the
 * introspection response), if any.
 *
 * @example
 * ```ts
 * confirmationOf({ claims: { cnf: { jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I' } } }) // '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
 * ```
 */
export function confirmationOf(value: unknown): string | undefined {
  const claims = (value as { claims?: { cnf?: unknown } } | null)?.claims;
  const cnf = claims?.cnf as { jkt?: unknown } | undefined;
  return cnf !== null && typeof cnf === 'object' && typeof cnf.jkt === 'string' && cnf.jkt !== '' ? cnf.jkt : undefined;
}

/**
 * The `error_description` of a DPoP-bound token sent as `Bearer` (RFC 9449
 * §7.2), refused by every scheme of this package: by a DPoP scheme, and by
 * one without `dpop` too.
 *
 * @example
 * ```ts
 * expect(res.headers['www-authenticate']).toContain(DPOP_BOUND_AS_BEARER)
 * ```
 */
export const DPOP_BOUND_AS_BEARER = 'The token is bound to a DPoP key: send it as Authorization: DPoP with a DPoP proof';

/** The `error_description` of a `Bearer error="invalid_token"` challenge. */
function descriptionOf(error: HTTPException): string | undefined {
  const header = error.headers?.['www-authenticate'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = typeof value === 'string' ? /error_description="((?:[^"\\]|\\.)*)"/.exec(value) : null;
  return match ? match[1].replace(/\\(.)/g, '$1') : undefined;
}

/**
 * The pieces of a DPoP scheme for `defineScheme()`.
 *
 * @example
 * ```ts
 * const parts = dpopScheme(binding, { kind: 'jwtBearer', check, scopesOf, params: {}, bearerScopeFailure })
 * defineScheme({ ...common, openapi: dpopDocumented(binding).openapi, ...parts })
 * ```
 */
export function dpopScheme<V>(binding: DpopBinding, scheme: BoundScheme<V>): DpopSchemeParts<V> {
  const params: DpopChallengeParams = { algorithms: binding.algorithms, ...scheme.params };
  const { nonces, replay, maxAge, clockTolerance, allowBearer } = binding;
  const ttl = (maxAge + 2 * clockTolerance) * 1000;
  const bearer = scheme.params.realm === undefined && scheme.params.resourceMetadata === undefined ? 'Bearer' : bearerChallenge(scheme.params);
  const challenge = allowBearer ? `${dpopChallenge(params)}, ${bearer}` : dpopChallenge(params);
  // answers to a DPoP request carry the current nonce (the use_dpop_nonce 401 sets its own)
  const withNonce = (): Record<string, string> => (nonces ? { 'dpop-nonce': nonces.current() } : {});

  // one look at the header for either scheme; a repeated header: the 400 with the scheme's Bearer challenge
  const schemes = allowBearer ? ['DPoP', 'Bearer'] : ['DPoP']; // as clients send them: the usual header compares as is
  const read = readsAuthorizationOnce((request: RequestView): ReadResult<DpopCredential> => {
    const parts = readAuthorization(request, schemes, true);
    if (parts === undefined) return MISSING;
    return found({ via: parts.scheme.toLowerCase() === 'dpop' ? 'dpop' : 'bearer', token: parts.credentials });
  }, true);

  const checkScopes = (value: V, required: VerifyContext['required'], fail: () => Error): void => {
    if (required.scopes.length === 0) return;
    const granted = scheme.scopesOf(value);
    for (const scope of required.scopes) if (!granted.includes(scope)) throw fail();
  };

  const verifyBearer = async (token: string, { required }: VerifyContext): Promise<V> => {
    const value = await scheme.check(token);
    // RFC 9449 §7.2: a bound token is no bearer token
    if (confirmationOf(value) !== undefined) {
      throw dpopInvalidToken(DPOP_BOUND_AS_BEARER, params);
    }
    checkScopes(value, required, () => scheme.bearerScopeFailure(required));
    return value;
  };

  const verifyDpop = async (token: string, { required, request }: VerifyContext): Promise<V> => {
    let checked;
    try {
      const proof = readProofHeader(request);
      if (proof === undefined) throw new ProofRefused('The request has no DPoP proof header');
      const origin = binding.originOf(request);
      const proofChecked = checkProof(proof, request.method, {
        algorithms: binding.algorithms,
        htu: origin === undefined ? undefined : requestHtu(origin, request),
        normalise: normaliseHtu,
        maxAge,
        clockTolerance,
        accessToken: token,
        ...(nonces ? { acceptsNonce: (nonce: unknown) => nonces.accepts(nonce) } : {}),
      });
      checked = proofChecked instanceof Promise ? await proofChecked : proofChecked;
    } catch (error) {
      if (!(error instanceof ProofRefused)) throw error;
      if (error.nonce && nonces) throw useDpopNonce(nonces.current(), params);
      throw invalidDpopProof(error.description, params, withNonce());
    }
    let value: V;
    try {
      value = await scheme.check(token);
    } catch (error) {
      // the token's own refusal, in the DPoP scheme's words; a 503 stays a 503
      if (error instanceof HTTPException && error.status === 401) {
        throw dpopInvalidToken(descriptionOf(error) ?? 'The token is invalid', params, withNonce());
      }
      throw error;
    }
    const jkt = confirmationOf(value);
    if (jkt === undefined) throw dpopInvalidToken('The token is not bound to a DPoP key (no cnf.jkt)', params, withNonce());
    if (!sameThumbprint(jkt, checked.jkt)) throw dpopInvalidToken('The token is bound to another key than the DPoP proof', params, withNonce());
    checkScopes(value, required, () => dpopInsufficientScope(required.scopeStr, params));
    // last, once everything else holds: the proof is used once
    const claimed = replay.claim(replayKey(checked.jkt, checked.jti), ttl);
    if (!(typeof claimed === 'boolean' ? claimed : await claimed)) throw invalidDpopProof('The DPoP proof was already used (jti)', params, withNonce());
    return value;
  };

  return {
    challenge,
    read,
    verify: (credential, context) => (credential.via === 'dpop' ? verifyDpop(credential.token, context) : verifyBearer(credential.token, context)),
    ...(nonces ? { answerHeaders: { 'dpop-nonce': () => nonces.current() } } : {}),
    // 503: the provider (every token scheme), or the replay store down with onStoreDown 'refuse'
    responses: [503],
  };
}

/** Two JWK thumbprints compared in constant time (node:crypto; both are base64url SHA-256, so of one length when well formed). */
function sameThumbprint(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The replay store's key for a proof: its key's thumbprint (always 43
 * base64url characters) and its `jti` — as is when short, hashed when long
 * (a `jti` is the client's to choose; a store key stays small). The two
 * forms use different separators and cannot meet.
 */
function replayKey(jkt: string, jti: string): string {
  return jti.length <= 64 ? `${jkt}.${jti}` : `${jkt}#${createHash('sha256').update(jti).digest('base64url')}`;
}
