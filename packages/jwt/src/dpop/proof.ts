/**
 * The checks of a DPoP proof itself (RFC 9449 §4.3): one `DPoP` header, a
 * well-formed JWT, `typ` `dpop+jwt`, an allowed asymmetric algorithm, a
 * public `jwk` with nothing private in it, a valid signature with that key,
 * `htm`, `htu`, `iat` within its window, `ath`, and a `nonce` when the
 * server issues them. What needs the access token (the key binding) and the
 * replay store comes after, in `binding.ts`.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { RequestView } from '@depends/core';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, errors, importJWK, type JWK } from 'jose';
import { compactSignatureHolds, keyObjectFor } from '../signature.js';

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
  // hashed each time: no access token is kept in memory after its request
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

/**
 * A proof header already checked, by its encoded form: a client signs every
 * proof with the same key and algorithm, so the header segment repeats and
 * is parsed, checked and its key imported once (at most {@link MAX_HEADERS},
 * the oldest dropped first; refusals are not kept).
 */
interface KnownHeader {
  readonly alg: string;
  /** The embedded public key, as a `node:crypto` key object for `alg` (`undefined`: verified by jose). */
  readonly object: KeyObject | undefined;
  /** The key as jose imported it. */
  readonly key: CryptoKey;
  /** Its RFC 7638 thumbprint. */
  readonly jkt: string;
}

const knownHeaders = new Map<string, KnownHeader>();
const MAX_HEADERS = 1000;
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/** Parses and checks a proof's protected header (typ, alg, a public jwk) and imports its key. */
async function readHeader(encoded: string, algorithms: readonly string[]): Promise<KnownHeader> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(`${encoded}..`) as Record<string, unknown>;
  } catch {
    throw new ProofRefused('The DPoP proof is not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw new ProofRefused('The DPoP proof does not have typ "dpop+jwt"');
  const alg = header.alg;
  if (typeof alg !== 'string' || !algorithms.includes(alg)) throw new ProofRefused('The DPoP proof is signed with an algorithm that is not allowed');
  // nothing this server would have to understand (RFC 7515 §4.1.11), no unencoded payload
  if ('crit' in header || 'b64' in header) throw new ProofRefused('The DPoP proof key (jwk) or signature cannot be used');
  const jwk = header.jwk as JWK | undefined;
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) throw new ProofRefused('The DPoP proof has no public key (jwk)');
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new ProofRefused('The DPoP proof key (jwk) holds private key material');
  const publicJwk: JWK = {};
  for (const member of PUBLIC_MEMBERS) if (typeof jwk[member] === 'string') publicJwk[member] = jwk[member];
  let entry: KnownHeader;
  try {
    // what jose's EmbeddedJWK does: the key imported for the header's alg, public only
    const key = await importJWK({ ...publicJwk, ext: true }, alg);
    if (key instanceof Uint8Array || key.type !== 'public') throw new ProofRefused('The DPoP proof key (jwk) is not a public key');
    entry = { alg, key, object: keyObjectFor(key, alg), jkt: await calculateJwkThumbprint(publicJwk, 'sha256') };
  } catch (error) {
    if (error instanceof ProofRefused) throw error;
    throw new ProofRefused('The DPoP proof key (jwk) cannot be used with its algorithm');
  }
  if (knownHeaders.size >= MAX_HEADERS) knownHeaders.delete(knownHeaders.keys().next().value!);
  knownHeaders.set(encoded, entry);
  return entry;
}

/** The proof's claims, signed by its header's key: jose's own verification where the key is not a key object here. */
async function verifiedByJose(proof: string, header: KnownHeader, algorithms: readonly string[]): Promise<Record<string, unknown>> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(proof, header.key, { algorithms: [...algorithms] }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new ProofRefused('The DPoP proof signature is invalid');
    throw new ProofRefused('The DPoP proof key (jwk) or signature cannot be used');
  }
  return claimsOf(payload);
}

/** The proof's payload segment as a JSON object, or a refusal. */
function claimsOf(segment: string | Uint8Array): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(typeof segment === 'string' ? Buffer.from(segment, 'base64url').toString('utf8') : new TextDecoder('utf-8', { fatal: true }).decode(segment));
  } catch {
    throw new ProofRefused('The DPoP proof is not a JWT');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new ProofRefused('The DPoP proof is not a JWT');
  return payload as Record<string, unknown>;
}

/**
 * Checks a proof against the request (every point of RFC 9449 §4.3 that
 * does not need the token's claims or the replay store), throwing
 * {@link ProofRefused} with the point that failed. Synchronous once the
 * client's proof header has been seen (the usual case), a promise the
 * first time.
 *
 * @example
 * ```ts
 * const { jkt, jti } = await checkProof(proof, 'GET', { algorithms: ['ES256'], htu, normalise: normaliseHtu, maxAge: 60, clockTolerance: 5, accessToken: token })
 * ```
 */
export function checkProof(proof: string, method: string, expected: ProofExpectation): CheckedProof | Promise<CheckedProof> {
  if (!COMPACT_JWS.test(proof)) throw new ProofRefused('The DPoP proof is not a JWT');
  const first = proof.indexOf('.');
  const encoded = proof.slice(0, first);
  const known = knownHeaders.get(encoded);
  if (known !== undefined) {
    if (!expected.algorithms.includes(known.alg)) throw new ProofRefused('The DPoP proof is signed with an algorithm that is not allowed');
    if (known.object !== undefined) return checkClaims(verifiedHere(proof, known, first), known, method, expected);
  }
  return (async () => {
    const header = known ?? (await readHeader(encoded, expected.algorithms));
    const payload = header.object !== undefined ? verifiedHere(proof, header, first) : await verifiedByJose(proof, header, expected.algorithms);
    return checkClaims(payload, header, method, expected);
  })();
}

/** The proof's claims once its signature holds under the header's key object. */
function verifiedHere(proof: string, header: KnownHeader, first: number): Record<string, unknown> {
  let holds: boolean;
  try {
    holds = compactSignatureHolds(proof, header.alg, header.object!);
  } catch {
    holds = false;
  }
  if (!holds) throw new ProofRefused('The DPoP proof signature is invalid');
  return claimsOf(proof.slice(first + 1, proof.lastIndexOf('.')));
}

/** The claims of a proof whose signature holds, checked against the request. */
function checkClaims(payload: Record<string, unknown>, header: KnownHeader, method: string, expected: ProofExpectation): CheckedProof {
  for (const claim of ['jti', 'htm', 'htu'] as const) {
    if (typeof payload[claim] !== 'string' || payload[claim] === '') throw new ProofRefused(`The DPoP proof has no "${claim}" claim`);
  }
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) throw new ProofRefused('The DPoP proof has no "iat" claim');
  if (payload.htm !== method) throw new ProofRefused('The DPoP proof is for another method (htm)');
  if (expected.htu === undefined) throw new ProofRefused('The request URI cannot be known (no trusted public origin)');
  if (expected.normalise(payload.htu as string) !== expected.htu) throw new ProofRefused('The DPoP proof is for another URL (htu)');
  const now = Date.now() / 1000;
  // exp and nbf are not required in a proof, but one that says it is expired or not valid yet is not used
  const { exp, nbf } = payload;
  if ((exp !== undefined && (typeof exp !== 'number' || !(exp > now - expected.clockTolerance))) || (nbf !== undefined && (typeof nbf !== 'number' || !(nbf <= now + expected.clockTolerance)))) {
    throw new ProofRefused('The DPoP proof is expired or not valid yet');
  }
  if (payload.iat > now + expected.clockTolerance) throw new ProofRefused('The DPoP proof is issued in the future (iat)');
  if (payload.iat < now - expected.maxAge - expected.clockTolerance) throw new ProofRefused('The DPoP proof is too old (iat)');
  if (typeof payload.ath !== 'string') throw new ProofRefused('The DPoP proof has no "ath" claim');
  if (payload.ath !== accessTokenHash(expected.accessToken)) throw new ProofRefused('The DPoP proof is for another access token (ath)');
  if (expected.acceptsNonce !== undefined && !expected.acceptsNonce(payload.nonce)) {
    throw new ProofRefused(payload.nonce === undefined ? 'The DPoP proof has no nonce' : 'The DPoP proof nonce is not current', true);
  }
  return { jkt: header.jkt, jti: payload.jti as string, iat: payload.iat };
}
