/**
 * The checks of a DPoP proof itself (RFC 9449 §4.3): one `DPoP` header, a
 * well-formed JWT, `typ` `dpop+jwt`, an allowed asymmetric algorithm, a
 * public `jwk` with nothing private in it, a valid signature with that key,
 * `htm`, `htu`, `iat` within its window, `ath`, and a `nonce` when the
 * server issues them. What needs the access token (the key binding) and the
 * replay store comes after, in `binding.ts`.
 */
import { createHash } from 'node:crypto';
import type { RequestView } from '@depends/core';
import { calculateJwkThumbprint, decodeProtectedHeader, errors, importJWK, type JWK } from 'jose';
import { verifyJwt } from '../signature.js';

/** Why a proof was refused: the `error_description` of its 401. */
export class ProofRefused extends Error {
  constructor(
    readonly description: string,
    /** The proof lacks the server's nonce (answered `use_dpop_nonce`, not `invalid_dpop_proof`). */
    readonly nonce = false,
  ) {
    super(description);
    this.name = 'ProofRefused';
  }
}

/** What a checked proof gives: its key's thumbprint and what the replay check needs. */
export interface CheckedProof {
  /** The JWK SHA-256 thumbprint of the proof's key (RFC 7638): the token's `cnf.jkt` must equal it. */
  readonly jkt: string;
  readonly jti: string;
  readonly iat: number;
}

/** What a proof is checked against. */
export interface ProofExpectation {
  readonly algorithms: readonly string[];
  /** The request URI the proof must name (normalised), or `undefined` when it cannot be known (refused). */
  readonly htu: string | undefined;
  /** How `htu` is normalised before comparing. */
  readonly normalise: (uri: string) => string | undefined;
  /** Seconds a proof is accepted after its `iat`. */
  readonly maxAge: number;
  /** Leeway for clocks, in seconds (a proof may be that far in the future). */
  readonly clockTolerance: number;
  /** The access token the proof must be for (`ath`). */
  readonly accessToken: string;
  /** Whether the proof's `nonce` is the server's (absent: nonces are not used). */
  readonly acceptsNonce?: (nonce: unknown) => boolean;
}

/** Members of a JWK that only a private (or symmetric) key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * `ath`: base64url of the SHA-256 of the access token (RFC 9449 §4.2).
 *
 * @example
 * ```ts
 * accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU') // 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo'
 * ```
 */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token, 'ascii').digest('base64url');
}

/**
 * The one `DPoP` header of a request: `undefined` when there is none; a
 * second one is refused (§4.3 point 1).
 *
 * @example
 * ```ts
 * readProofHeader(request) // 'eyJ0eXAiOiJkcG9wK2p3dCIs…'
 * ```
 */
export function readProofHeader(request: RequestView): string | undefined {
  const lines = request.headerAll('dpop');
  if (lines.length > 1) throw new ProofRefused('The request has more than one DPoP header');
  if (lines.length === 0) return undefined;
  // a comma would be two field values folded into one line
  if (lines[0].includes(',')) throw new ProofRefused('The request has more than one DPoP header');
  return lines[0].trim();
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A proof key, imported once: a client signs every proof with the same key for the token's lifetime. */
interface EmbeddedKey {
  readonly key: CryptoKey;
  /** Its RFC 7638 thumbprint. */
  readonly jkt: string;
}

/** Keys by algorithm and public members (at most {@link MAX_KEYS}, the oldest dropped first). */
const embeddedKeys = new Map<string, EmbeddedKey>();
const MAX_KEYS = 1000;
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/**
 * The public key a proof carries, imported for its `alg` (what jose's
 * `EmbeddedJWK` does, remembered by the key's public members), with its
 * thumbprint. Throws for a key that is not a public key of that algorithm.
 */
async function embeddedKey(jwk: JWK, alg: string): Promise<EmbeddedKey> {
  const id = JSON.stringify([alg, ...PUBLIC_MEMBERS.map((member) => (typeof jwk[member] === 'string' ? jwk[member] : null))]);
  const known = embeddedKeys.get(id);
  if (known !== undefined) return known;
  const publicJwk: JWK = {};
  for (const member of PUBLIC_MEMBERS) if (typeof jwk[member] === 'string') publicJwk[member] = jwk[member];
  const key = await importJWK({ ...publicJwk, ext: true }, alg);
  if (key instanceof Uint8Array || key.type !== 'public') throw new ProofRefused('The DPoP proof key (jwk) is not a public key');
  const entry = { key, jkt: await calculateJwkThumbprint(publicJwk, 'sha256') };
  if (embeddedKeys.size >= MAX_KEYS) embeddedKeys.delete(embeddedKeys.keys().next().value!);
  embeddedKeys.set(id, entry);
  return entry;
}

/**
 * Checks a proof against the request (every point of RFC 9449 §4.3 that
 * does not need the token's claims or the replay store), throwing
 * {@link ProofRefused} with the point that failed.
 *
 * @example
 * ```ts
 * const { jkt, jti } = await checkProof(proof, 'GET', { algorithms: ['ES256'], htu, normalise: normaliseHtu, maxAge: 60, clockTolerance: 5, accessToken: token })
 * ```
 */
export async function checkProof(proof: string, method: string, expected: ProofExpectation): Promise<CheckedProof> {
  if (!COMPACT_JWS.test(proof)) throw new ProofRefused('The DPoP proof is not a JWT');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw new ProofRefused('The DPoP proof is not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw new ProofRefused('The DPoP proof does not have typ "dpop+jwt"');
  if (typeof header.alg !== 'string' || !expected.algorithms.includes(header.alg)) {
    throw new ProofRefused('The DPoP proof is signed with an algorithm that is not allowed');
  }
  const jwk = header.jwk as JWK | undefined;
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) throw new ProofRefused('The DPoP proof has no public key (jwk)');
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new ProofRefused('The DPoP proof key (jwk) holds private key material');
  let payload: Record<string, unknown>;
  let embedded: EmbeddedKey;
  try {
    embedded = await embeddedKey(jwk, header.alg);
  } catch (error) {
    if (error instanceof ProofRefused) throw error;
    throw new ProofRefused('The DPoP proof key (jwk) cannot be used with its algorithm');
  }
  try {
    ({ payload } = await verifyJwt(proof, () => embedded.key, { typ: 'dpop+jwt', algorithms: [...expected.algorithms] }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new ProofRefused('The DPoP proof signature is invalid');
    if (error instanceof errors.JOSEAlgNotAllowed) throw new ProofRefused('The DPoP proof is signed with an algorithm that is not allowed');
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
      // exp/nbf in a proof are not required, but a proof that says it is expired is not used
      throw new ProofRefused('The DPoP proof is expired or not valid yet');
    }
    throw new ProofRefused('The DPoP proof key (jwk) or signature cannot be used');
  }
  for (const claim of ['jti', 'htm', 'htu'] as const) {
    if (typeof payload[claim] !== 'string' || payload[claim] === '') throw new ProofRefused(`The DPoP proof has no "${claim}" claim`);
  }
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) throw new ProofRefused('The DPoP proof has no "iat" claim');
  if (payload.htm !== method) throw new ProofRefused('The DPoP proof is for another method (htm)');
  if (expected.htu === undefined) throw new ProofRefused('The request URI cannot be known (no trusted public origin)');
  if (expected.normalise(payload.htu as string) !== expected.htu) throw new ProofRefused('The DPoP proof is for another URL (htu)');
  const now = Date.now() / 1000;
  if (payload.iat > now + expected.clockTolerance) throw new ProofRefused('The DPoP proof is issued in the future (iat)');
  if (payload.iat < now - expected.maxAge - expected.clockTolerance) throw new ProofRefused('The DPoP proof is too old (iat)');
  if (typeof payload.ath !== 'string') throw new ProofRefused('The DPoP proof has no "ath" claim');
  if (payload.ath !== accessTokenHash(expected.accessToken)) throw new ProofRefused('The DPoP proof is for another access token (ath)');
  if (expected.acceptsNonce !== undefined && !expected.acceptsNonce(payload.nonce)) {
    throw new ProofRefused(payload.nonce === undefined ? 'The DPoP proof has no nonce' : 'The DPoP proof nonce is not current', true);
  }
  return { jkt: embedded.jkt, jti: payload.jti as string, iat: payload.iat };
}
