/**
 * Every check of RFC 9449 §4.3 on `jwtBearer({ dpop })`, one test each:
 * the refusal is a 401 with `WWW-Authenticate: DPoP
 * error="invalid_dpop_proof"` naming the check (RFC 9449 §7.1), or
 * `error="invalid_token"` for the token's side (its key binding, its own
 * validity); and a replayed proof is refused.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { DependsApp, security } from '@depends/core';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { jwtBearer } from '../jwt-bearer.js';
import { AUDIENCE, startIssuer } from '../test/issuer.js';
import { dpop } from './dpop.js';
import { memoryReplayStore } from './replay-store.js';
import { badProof, badToken, clientKey, proofFor, type ProofInit } from './test/proofs.js';

const idp = await startIssuer();
afterAll(() => idp.close());
const ORIGIN = 'https://api.example.com';
const now = () => Math.floor(Date.now() / 1000);

function appWith() {
  const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256'] }) });
  const app = new DependsApp({ title: 'DPoP' });
  app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('POST', '/reports/{id}', { auth: security(token, { scopes: ['write'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  return app;
}

const app = appWith();
const key = await clientKey();
const bound = (claims: Record<string, unknown> = {}) => idp.sign({ sub: 'alice', scope: 'read write', cnf: { jkt: key.jkt }, ...claims });

/** GET /me with a bound token and a proof made from `init` (right unless told otherwise). */
async function send(init: Partial<ProofInit> = {}, options: { headers?: Record<string, string>; token?: string; proof?: string; url?: string; method?: string } = {}) {
  const token = options.token ?? (await bound());
  const url = options.url ?? '/me';
  const method = options.method ?? 'GET';
  const proof = options.proof ?? (await proofFor(key, { htm: method, htu: `${ORIGIN}${url}`, token, ...init }));
  return app.request({ method, url, headers: { authorization: `DPoP ${token}`, dpop: proof, ...options.headers } });
}

const refusal = (res: Awaited<ReturnType<typeof send>>) => [res.status, res.header('www-authenticate')];

describe('RFC 9449 §4.3: a proof that passes every check', () => {
  test('200 with the token\'s value; the query is not part of htu', async () => {
    const res = await send();
    expect([res.status, res.json()]).toEqual([200, { sub: 'alice' }]);
    const withQuery = await send({ htu: `${ORIGIN}/me` }, { url: '/me?page=2' });
    expect(withQuery.status).toBe(200);
  });

  test('htu is compared after RFC 3986 normalisation: case of scheme and host, default port, dot segments, percent-encoding of unreserved characters', async () => {
    for (const htu of ['HTTPS://API.EXAMPLE.COM/me', 'https://api.example.com:443/me', 'https://api.example.com/x/../me', 'https://api.example.com/%6De', 'https://api.example.com/me?q=1#top']) {
      expect((await send({ htu })).status, htu).toBe(200);
    }
  });
});

describe('RFC 9449 §4.3: each check refuses with 401 invalid_dpop_proof', () => {
  test('1. not more than one DPoP header', async () => {
    const token = await bound();
    const one = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const two = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const res = await app.request({ method: 'GET', url: '/me', headers: [['authorization', `DPoP ${token}`], ['dpop', one], ['dpop', two]] });
    expect(refusal(res)).toEqual([401, badProof('The request has more than one DPoP header')]);
    expect(res.json()).toEqual({ detail: 'Invalid DPoP proof' });
  });

  test('a DPoP token without any proof header', async () => {
    const token = await bound();
    const res = await app.request({ method: 'GET', url: '/me', headers: { authorization: `DPoP ${token}` } });
    expect(refusal(res)).toEqual([401, badProof('The request has no DPoP proof header')]);
  });

  test('2. the proof is a well-formed JWT', async () => {
    for (const proof of ['not-a-jwt', 'a.b', 'e30.e30.', '!!.!!.!!']) {
      expect(refusal(await send({}, { proof })), proof).toEqual([401, badProof('The DPoP proof is not a JWT')]);
    }
  });

  test('3. its typ is dpop+jwt', async () => {
    expect(refusal(await send({ header: { typ: 'JWT' } }))).toEqual([401, badProof('The DPoP proof does not have typ \\"dpop+jwt\\"')]);
    expect(refusal(await send({ header: { typ: undefined } }))).toEqual([401, badProof('The DPoP proof does not have typ \\"dpop+jwt\\"')]);
  });

  test('4. its alg is an asymmetric algorithm of the allowed list (not none, not HS256, not one left out)', async () => {
    const ps = await clientKey('PS256');
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: ps.jkt } });
    const res = await app.request({
      method: 'GET',
      url: '/me',
      headers: { authorization: `DPoP ${token}`, dpop: await proofFor(ps, { htm: 'GET', htu: `${ORIGIN}/me`, token }) },
    });
    expect(refusal(res)).toEqual([401, badProof('The DPoP proof is signed with an algorithm that is not allowed')]);
    const token2 = await bound();
    const hs = await new SignJWT({ jti: 'x', htm: 'GET', htu: `${ORIGIN}/me`, iat: now() })
      .setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: key.jwk })
      .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    expect(refusal(await send({}, { token: token2, proof: hs }))).toEqual([401, badProof('The DPoP proof is signed with an algorithm that is not allowed')]);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'dpop+jwt', jwk: key.jwk })).toString('base64url')}.${Buffer.from(JSON.stringify({ jti: 'x', htm: 'GET', htu: `${ORIGIN}/me`, iat: now() })).toString('base64url')}.AA`;
    expect(refusal(await send({}, { proof: none }))).toEqual([401, badProof('The DPoP proof is signed with an algorithm that is not allowed')]);
  });

  test('5. a jwk header parameter with a public key', async () => {
    expect(refusal(await send({ header: { jwk: undefined } }))).toEqual([401, badProof('The DPoP proof has no public key (jwk)')]);
  });

  test('6. nothing private in the jwk', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    expect(refusal(await send({ header: { jwk: privateJwk } }))).toEqual([401, badProof('The DPoP proof key (jwk) holds private key material')]);
  });

  test('7. the signature verifies with the jwk of the proof', async () => {
    const other = await clientKey();
    expect(refusal(await send({ signWith: other.privateKey }))).toEqual([401, badProof('The DPoP proof signature is invalid')]);
  });

  test('8. htm is the method of the request', async () => {
    expect(refusal(await send({ htm: 'POST' }))).toEqual([401, badProof('The DPoP proof is for another method (htm)')]);
    expect(refusal(await send({ htm: 'get' }))).toEqual([401, badProof('The DPoP proof is for another method (htm)')]);
  });

  test('9. htu is the request URI under the configured public origin, never the Host header', async () => {
    for (const htu of [`${ORIGIN}/other`, 'https://evil.example/me', 'http://api.example.com/me', 'https://api.example.com:8443/me', 'https://api.example.com/me/', '/me']) {
      expect(refusal(await send({ htu })), htu).toEqual([401, badProof('The DPoP proof is for another URL (htu)')]);
    }
    // a Host (or X-Forwarded-Host) naming the proof's host changes nothing
    const res = await send({ htu: 'https://evil.example/me' }, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(refusal(res)).toEqual([401, badProof('The DPoP proof is for another URL (htu)')]);
  });

  test('10. iat within the accepted window (60 s, 5 s of clock leeway)', async () => {
    expect(refusal(await send({ claims: { iat: now() - 120 } }))).toEqual([401, badProof('The DPoP proof is too old (iat)')]);
    expect(refusal(await send({ claims: { iat: now() + 120 } }))).toEqual([401, badProof('The DPoP proof is issued in the future (iat)')]);
    expect(refusal(await send({ claims: { iat: undefined } }))).toEqual([401, badProof('The DPoP proof has no \\"iat\\" claim')]);
    expect((await send({ claims: { iat: now() - 30 } })).status).toBe(200);
  });

  test('11. ath is the hash of the access token sent', async () => {
    expect(refusal(await send({ claims: { ath: undefined } }))).toEqual([401, badProof('The DPoP proof has no \\"ath\\" claim')]);
    const other = await bound({ jti: 'another-token' });
    expect(refusal(await send({ token: other }))).toEqual([401, badProof('The DPoP proof is for another access token (ath)')]);
  });

  test('jti, htm and htu are required claims', async () => {
    for (const claim of ['jti', 'htm', 'htu']) {
      expect(refusal(await send({ claims: { [claim]: undefined } })), claim).toEqual([401, badProof(`The DPoP proof has no \\"${claim}\\" claim`)]);
    }
  });

  test('12. jti never seen before in the window: the same proof twice is refused the second time', async () => {
    const token = await bound();
    const proof = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    expect((await send({}, { token, proof })).status).toBe(200);
    const again = await send({}, { token, proof });
    expect(refusal(again)).toEqual([401, badProof('The DPoP proof was already used (jti)')]);
    // the same jti from another key is another proof
    const other = await clientKey();
    const otherToken = await idp.sign({ sub: 'bob', cnf: { jkt: other.jkt } });
    const jti = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url').toString()).jti as string;
    const res = await app.request({
      method: 'GET',
      url: '/me',
      headers: { authorization: `DPoP ${otherToken}`, dpop: await proofFor(other, { htm: 'GET', htu: `${ORIGIN}/me`, token: otherToken, claims: { jti } }) },
    });
    expect(res.status).toBe(200);
  });
});

describe('RFC 9449 §4.3 point 12 and the token itself: 401 invalid_token', () => {
  test('the token is bound to the proof\'s key (cnf.jkt)', async () => {
    const other = await clientKey();
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: other.jkt } });
    expect(refusal(await send({}, { token }))).toEqual([401, badToken('The token is bound to another key than the DPoP proof')]);
  });

  test('an unbound token sent with DPoP is refused', async () => {
    const token = await idp.sign({ sub: 'alice' });
    expect(refusal(await send({}, { token }))).toEqual([401, badToken('The token is not bound to a DPoP key (no cnf.jkt)')]);
  });

  test('the token is verified as jwtBearer verifies it (expired, another audience): DPoP invalid_token naming what failed', async () => {
    expect(refusal(await send({}, { token: await bound({ exp: now() - 60 }) }))).toEqual([401, badToken('The token has expired')]);
    expect(refusal(await send({}, { token: await bound({ aud: 'api://other' }) }))).toEqual([401, badToken('The token is for another audience')]);
  });

  test('a required scope the token lacks: 403 DPoP insufficient_scope', async () => {
    const token = await bound({ scope: 'read' });
    const res = await send({ htm: 'POST', htu: `${ORIGIN}/reports/7` }, { token, url: '/reports/7', method: 'POST' });
    expect([res.status, res.header('www-authenticate')]).toEqual([403, 'DPoP error="insufficient_scope", scope="write", algs="ES256"']);
    const allowed = await send({ htm: 'POST', htu: `${ORIGIN}/reports/7` }, { url: '/reports/7', method: 'POST' });
    expect([allowed.status, allowed.json()]).toEqual([200, { sub: 'alice' }]);
  });
});

describe('the proof header, read once per client key and still checked per route', () => {
  const manual = (header: Record<string, unknown>, claims: Record<string, unknown>, sign: (input: string) => Buffer) => {
    const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${input}.${sign(input).toString('base64url')}`;
  };

  test('a proof that says it is expired (exp) or not valid yet (nbf) is refused; with a valid exp it is used', async () => {
    expect(refusal(await send({ claims: { exp: now() - 30 } }))).toEqual([401, badProof('The DPoP proof is expired or not valid yet')]);
    expect(refusal(await send({ claims: { nbf: now() + 120 } }))).toEqual([401, badProof('The DPoP proof is expired or not valid yet')]);
    expect(refusal(await send({ claims: { exp: 'tomorrow' } }))).toEqual([401, badProof('The DPoP proof is expired or not valid yet')]);
    expect((await send({ claims: { exp: now() + 60, nbf: now() - 1 } })).status).toBe(200);
  });

  test('a crit header parameter is not understood: refused', async () => {
    const token = await bound();
    const { createPrivateKey, sign } = await import('node:crypto');
    const signer = createPrivateKey({ key: (await exportJWK(key.privateKey)) as never, format: 'jwk' });
    const claims = { jti: 'with-crit', htm: 'GET', htu: `${ORIGIN}/me`, iat: now(), ath: (await import('./proof.js')).accessTokenHash(token) };
    const proof = manual({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.jwk, crit: ['x-ext'], 'x-ext': 1 }, claims, (input) => sign('sha256', Buffer.from(input), { key: signer, dsaEncoding: 'ieee-p1363' }));
    expect(refusal(await send({}, { token, proof }))).toEqual([401, badProof('The DPoP proof key (jwk) or signature cannot be used')]);
  });

  test('a header another route allows is still refused where its algorithm is not allowed', async () => {
    const ps = await clientKey('PS256');
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: ps.jkt } });
    const wide = new DependsApp();
    wide.route('GET', '/me', { auth: jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256', 'PS256'] }) }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    const proof = () => proofFor(ps, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const res = await wide.request({ method: 'GET', url: '/me', headers: { authorization: `DPoP ${token}`, dpop: await proof() } });
    expect([res.status, res.json()]).toEqual([200, { sub: 'alice' }]);
    // the same header (same key), now known: the ES256-only route refuses it as before
    const narrow = await app.request({ method: 'GET', url: '/me', headers: { authorization: `DPoP ${token}`, dpop: await proof() } });
    expect(refusal(narrow)).toEqual([401, badProof('The DPoP proof is signed with an algorithm that is not allowed')]);
  });

  test('a key the fast path does not take (a 1024-bit RSA key) goes to jose, which refuses it', async () => {
    const { generateKeyPairSync, sign } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = publicKey.export({ format: 'jwk' });
    const { calculateJwkThumbprint } = await import('jose');
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: await calculateJwkThumbprint(jwk as never, 'sha256') } });
    const wide = new DependsApp();
    wide.route('GET', '/me', { auth: jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: dpop({ publicOrigin: ORIGIN, store: memoryReplayStore(), algorithms: ['ES256', 'RS256'] }) }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    const { accessTokenHash } = await import('./proof.js');
    const proof = manual({ typ: 'dpop+jwt', alg: 'RS256', jwk }, { jti: 'short-key', htm: 'GET', htu: `${ORIGIN}/me`, iat: now(), ath: accessTokenHash(token) }, (input) => sign('sha256', Buffer.from(input), privateKey));
    const res = await wide.request({ method: 'GET', url: '/me', headers: { authorization: `DPoP ${token}`, dpop: proof } });
    expect(refusal(res)).toEqual([401, badProof('The DPoP proof key (jwk) or signature cannot be used', 'ES256 RS256')]);
  });

  test('a payload that is not a JSON object, under a known header and a valid signature, is refused', async () => {
    const token = await bound();
    const good = await proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });
    const { createPrivateKey, sign } = await import('node:crypto');
    const signer = createPrivateKey({ key: (await exportJWK(key.privateKey)) as never, format: 'jwk' });
    const header = JSON.parse(Buffer.from(good.split('.')[0], 'base64url').toString());
    for (const claims of [['a'], 'text', null]) {
      const proof = manual(header, claims as never, (input) => sign('sha256', Buffer.from(input), { key: signer, dsaEncoding: 'ieee-p1363' }));
      expect(refusal(await send({}, { token, proof })), JSON.stringify(claims)).toEqual([401, badProof('The DPoP proof is not a JWT')]);
    }
  });
});
