/**
 * DPoP proofs for the tests: a client key pair made by jose, and proofs it
 * signs for a method, a URL and an access token — right by default, each
 * field replaceable to make the proof wrong in exactly one way.
 */
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash } from '../proof.js';

/** A client's DPoP key: what signs its proofs, and the thumbprint its tokens are bound to. */
export interface ClientKey {
  readonly alg: string;
  readonly privateKey: CryptoKey;
  /** The public JWK (what proofs carry). */
  readonly jwk: JWK;
  /** Its RFC 7638 SHA-256 thumbprint: the tokens' `cnf.jkt`. */
  readonly jkt: string;
}

/**
 * A new client key.
 *
 * @example
 * ```ts
 * const key = await clientKey('ES256')
 * ```
 */
export async function clientKey(alg = 'ES256'): Promise<ClientKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { alg, privateKey, jwk, jkt: await calculateJwkThumbprint(jwk, 'sha256') };
}

/** What a proof says; every field defaults to a right value. */
export interface ProofInit {
  htm: string;
  htu: string;
  /** The access token (for `ath`); `ath` itself may be replaced or removed in `claims`. */
  token?: string;
  nonce?: string;
  /** Replaces or removes (`undefined`) claims. */
  claims?: Record<string, unknown>;
  /** Replaces or removes (`undefined`) header parameters. */
  header?: Record<string, unknown>;
  /** Signs with this key instead of the client's (the header still carries the client's jwk). */
  signWith?: CryptoKey;
}

/**
 * A DPoP proof JWT signed by `key`.
 *
 * @example
 * ```ts
 * const proof = await proofFor(key, { htm: 'GET', htu: 'https://api.example.com/me', token })
 * ```
 */
export async function proofFor(key: ClientKey, init: ProofInit): Promise<string> {
  const claims: Record<string, unknown> = {
    jti: randomUUID(),
    htm: init.htm,
    htu: init.htu,
    iat: Math.floor(Date.now() / 1000),
    ...(init.token !== undefined ? { ath: accessTokenHash(init.token) } : {}),
    ...(init.nonce !== undefined ? { nonce: init.nonce } : {}),
    ...init.claims,
  };
  for (const name of Object.keys(claims)) if (claims[name] === undefined) delete claims[name];
  const header: Record<string, unknown> = { typ: 'dpop+jwt', alg: key.alg, jwk: key.jwk, ...init.header };
  for (const name of Object.keys(header)) if (header[name] === undefined) delete header[name];
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(init.signWith ?? key.privateKey);
}

/** The `WWW-Authenticate` of a refused proof. */
export const badProof = (description: string, algs = 'ES256'): string => `DPoP error="invalid_dpop_proof", error_description="${description}", algs="${algs}"`;
/** The `WWW-Authenticate` of a refused token on a DPoP request. */
export const badToken = (description: string, algs = 'ES256'): string => `DPoP error="invalid_token", error_description="${description}", algs="${algs}"`;
