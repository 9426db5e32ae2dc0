/**
 * A JWT's signature checked with `node:crypto`'s synchronous `verify` on a
 * key object, instead of WebCrypto's `subtle.verify` (a promise and a hop
 * to the thread pool per token: about a third of an RS256 route's time).
 * jose stays the verifier of record for everything else: it picks the key
 * (the issuer's key set, `kid`, rotation), and its own claims validation
 * (`iss`, `aud`, `exp`, `nbf`, `typ`, required claims, clock tolerance,
 * maximum age) runs on the verified payload. Whatever this path does not
 * recognise exactly — a `crit` or `b64` header, an algorithm or key it does
 * not map, a runtime without key objects — goes through jose's `jwtVerify`
 * whole, so a token is never accepted here that jose would refuse.
 */
import { KeyObject, constants, verify as verifySignature } from 'node:crypto';
import { UnsecuredJWT, errors, jwtVerify, type JWTHeaderParameters, type JWTVerifyGetKey, type JWTVerifyOptions, type JWTVerifyResult } from 'jose';

/** How one JWS algorithm is checked: its digest, node:crypto's key options, and the WebCrypto key it needs. */
interface Algorithm {
  readonly digest: string | null;
  readonly key: 'pkcs1' | 'pss' | 'ecdsa' | 'eddsa';
  /** WebCrypto algorithm name of the key jose imported for it. */
  readonly name: string;
  /** Hash of an RSA key, curve of an EC key. */
  readonly param?: string;
}

const ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  RS256: { digest: 'sha256', key: 'pkcs1', name: 'RSASSA-PKCS1-v1_5', param: 'SHA-256' },
  RS384: { digest: 'sha384', key: 'pkcs1', name: 'RSASSA-PKCS1-v1_5', param: 'SHA-384' },
  RS512: { digest: 'sha512', key: 'pkcs1', name: 'RSASSA-PKCS1-v1_5', param: 'SHA-512' },
  PS256: { digest: 'sha256', key: 'pss', name: 'RSA-PSS', param: 'SHA-256' },
  PS384: { digest: 'sha384', key: 'pss', name: 'RSA-PSS', param: 'SHA-384' },
  PS512: { digest: 'sha512', key: 'pss', name: 'RSA-PSS', param: 'SHA-512' },
  ES256: { digest: 'sha256', key: 'ecdsa', name: 'ECDSA', param: 'P-256' },
  ES384: { digest: 'sha384', key: 'ecdsa', name: 'ECDSA', param: 'P-384' },
  ES512: { digest: 'sha512', key: 'ecdsa', name: 'ECDSA', param: 'P-521' },
  EdDSA: { digest: null, key: 'eddsa', name: 'Ed25519' },
  Ed25519: { digest: null, key: 'eddsa', name: 'Ed25519' },
};

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Key objects made from jose's WebCrypto keys (`undefined`: the key does not fit this path). */
const keyObjects = new WeakMap<object, KeyObject | null>();

/** Whether this runtime can turn a WebCrypto key into a key object (Node; not every runtime can). */
const canConvert = typeof KeyObject?.from === 'function';

/** The key object for a WebCrypto key jose gave for `alg`, or `undefined` when the key does not fit it exactly (jose then decides). */
function keyObjectOf(key: unknown, alg: Algorithm): KeyObject | undefined {
  if (!canConvert || typeof key !== 'object' || key === null || (key as { type?: unknown }).type !== 'public') return undefined;
  const crypto = key as CryptoKey;
  const algorithm = crypto.algorithm as { name?: string; hash?: { name?: string }; namedCurve?: string; modulusLength?: number };
  if (algorithm?.name !== alg.name || !crypto.usages?.includes('verify')) return undefined;
  if (alg.key === 'pkcs1' || alg.key === 'pss') {
    if (algorithm.hash?.name !== alg.param || (algorithm.modulusLength ?? 0) < 2048) return undefined;
  } else if (alg.key === 'ecdsa' && algorithm.namedCurve !== alg.param) return undefined;
  let object = keyObjects.get(crypto);
  if (object === undefined) {
    try {
      object = KeyObject.from(crypto);
    } catch {
      object = null;
    }
    keyObjects.set(crypto, object);
  }
  return object ?? undefined;
}

/** jose's claims validation needs a header: the token's `typ` under `alg: none` (encoded once per `typ`). */
const claimsHeaders = new Map<string | undefined, string>();
function claimsHeader(typ: string | undefined): string {
  let encoded = claimsHeaders.get(typ);
  if (encoded === undefined) {
    encoded = Buffer.from(JSON.stringify(typ === undefined ? { alg: 'none' } : { alg: 'none', typ })).toString('base64url');
    if (claimsHeaders.size < 16) claimsHeaders.set(typ, encoded);
  }
  return encoded;
}

/**
 * Protected headers already parsed, by their encoded form: an issuer's
 * tokens share a few (one per key and type), so most requests parse none.
 * Bounded; only headers this path takes are kept.
 */
const headers = new Map<string, JWTHeaderParameters>();
const MAX_HEADERS = 64;

/** The token's protected header when this path can take it, else `undefined` (a copy: the caller's value is its own). */
function headerOf(token: string, dot: number, options: JWTVerifyOptions): JWTHeaderParameters | undefined {
  const encoded = token.slice(0, dot);
  let h = headers.get(encoded);
  if (h === undefined) {
    let header: unknown;
    try {
      header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    h = header as JWTHeaderParameters;
    if ('crit' in h || 'b64' in h || typeof h.alg !== 'string') return undefined;
    if (h.typ !== undefined && typeof h.typ !== 'string') return undefined;
    if (headers.size < MAX_HEADERS) headers.set(encoded, h);
  }
  if (options.algorithms !== undefined && !options.algorithms.includes(h.alg!)) return undefined;
  return { ...h };
}

/**
 * Whether `signature` (base64url) is `alg`'s signature of `input` (the
 * JWS signing input) under `key`, checked with `node:crypto`'s synchronous
 * `verify`. Throws jose's `JWSSignatureVerificationFailed` when the
 * signature cannot even be checked (a malformed one).
 */
function signatureHolds(alg: Algorithm, key: KeyObject, input: string, signature: string): boolean {
  const data = Buffer.from(input, 'latin1');
  const bytes = Buffer.from(signature, 'base64url');
  try {
    return alg.key === 'pss'
      ? verifySignature(alg.digest, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, bytes)
      : alg.key === 'ecdsa'
        ? verifySignature(alg.digest, data, { key, dsaEncoding: 'ieee-p1363' }, bytes)
        : verifySignature(alg.digest, data, key, bytes);
  } catch (cause) {
    throw new errors.JWSSignatureVerificationFailed(undefined, { cause });
  }
}

/**
 * A key jose imported (a WebCrypto public key) as a `node:crypto` key object
 * for the JWS algorithm `alg`, or `undefined` when this path cannot take it
 * (another algorithm or curve, a short RSA key, a runtime without key
 * objects): the caller then verifies with jose.
 *
 * @example
 * ```ts
 * const verifier = keyObjectFor(await importJWK(jwk, 'ES256'), 'ES256')
 * ```
 */
export function keyObjectFor(key: unknown, alg: string): KeyObject | undefined {
  const algorithm = ALGORITHMS[alg];
  return algorithm === undefined ? undefined : keyObjectOf(key, algorithm);
}

/**
 * Checks a compact JWS's signature with a key object from
 * {@link keyObjectFor}: `true` when it holds, `false` when not, jose's
 * `JWSSignatureVerificationFailed` when it is malformed.
 *
 * @example
 * ```ts
 * if (verifier && !compactSignatureHolds(proof, 'ES256', verifier)) throw new Error('bad signature')
 * ```
 */
export function compactSignatureHolds(jws: string, alg: string, key: KeyObject): boolean {
  const algorithm = ALGORITHMS[alg];
  const dot = jws.lastIndexOf('.');
  if (algorithm === undefined || dot < 0 || (jws.length - dot - 1) % 4 === 1) throw new errors.JWSSignatureVerificationFailed();
  return signatureHolds(algorithm, key, jws.slice(0, dot), jws.slice(dot + 1));
}

/**
 * Verifies a compact JWT like jose's `jwtVerify(token, getKey, options)`,
 * with the same result and the same errors, checking the signature with a
 * synchronous `node:crypto` verify. Only tokens this path recognises in
 * full take it; every other goes to jose's `jwtVerify` unchanged.
 *
 * @example
 * ```ts
 * const { payload } = await verifyJwt(token, createRemoteJWKSet(new URL('https://id.example.com/jwks')), { issuer: 'https://id.example.com', audience: 'api://reports' })
 * ```
 */
export async function verifyJwt(token: string, getKey: JWTVerifyGetKey, options: JWTVerifyOptions): Promise<JWTVerifyResult> {
  if (!canConvert || typeof token !== 'string' || !COMPACT.test(token)) return jwtVerify(token, getKey, options);
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  const header = headerOf(token, first, options);
  const alg = header === undefined ? undefined : ALGORITHMS[header.alg!];
  if (header === undefined || alg === undefined) return jwtVerify(token, getKey, options);
  const key = await getKey(header, { payload: token.slice(first + 1, second), signature: token.slice(second + 1), protected: token.slice(0, first) });
  const object = keyObjectOf(key, alg);
  const signaturePart = token.slice(second + 1);
  if (object === undefined || signaturePart.length % 4 === 1) return jwtVerify(token, key as CryptoKey, options);
  if (!signatureHolds(alg, object, token.slice(0, second), signaturePart)) throw new errors.JWSSignatureVerificationFailed();
  // the signature holds: jose's own claims validation on the payload as signed
  const { payload } = UnsecuredJWT.decode(`${claimsHeader(header.typ)}.${token.slice(first + 1, second)}.`, options);
  return { payload, protectedHeader: header, key: key as CryptoKey } as JWTVerifyResult;
}
