import { KeyObject, generateKeyPairSync, sign as signWith, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SignJWT, createLocalJWKSet, errors, exportJWK, generateKeyPair, jwtVerify, type JWTVerifyOptions, type JSONWebKeySet } from 'jose';
import { verifyJwt } from './signature.js';

const ISSUER = 'https://id.example.com';
const AUDIENCE = 'api://reports';
const checks: JWTVerifyOptions = { issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'], requiredClaims: ['exp'], clockTolerance: 5 };

async function keyPair(alg: string, kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

type Pair = Awaited<ReturnType<typeof keyPair>>;

function sign(pair: Pair, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, exp: string | number = '1h') {
  return new SignJWT({ sub: 'alice', scope: 'reports:read', ...claims })
    .setProtectedHeader({ alg: pair.alg, kid: pair.kid, typ: 'at+jwt', ...header })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(pair.privateKey);
}

/** What a verification ended with, comparable between the two verifiers. */
async function outcome(run: () => Promise<{ payload: unknown; protectedHeader?: unknown }>): Promise<unknown> {
  try {
    const { payload, protectedHeader } = await run();
    return { ok: true, payload, protectedHeader };
  } catch (error) {
    return { ok: false, error: (error as Error).constructor.name, claim: (error as { claim?: string }).claim };
  }
}

const pairs = await Promise.all(['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'].map((alg) => keyPair(alg, `k-${alg}`)));
const jwks: JSONWebKeySet = { keys: pairs.map((p) => p.jwk) };
const getKey = createLocalJWKSet(jwks);

afterEach(() => vi.restoreAllMocks());

/** A compact RS256 JWT signed by hand (headers jose's SignJWT would not write). */
function signed(header: object, payload: object, key: KeyObject): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${signWith('sha256', Buffer.from(input), key).toString('base64url')}`;
}

describe('verifyJwt: node:crypto signatures, jose for keys and claims', () => {
  test.each(pairs.map((p) => [p.alg, p] as const))('%s: accepted with the same result as jose, without WebCrypto', async (_, pair) => {
    const token = await sign(pair);
    const expected = await jwtVerify(token, getKey, checks);
    const subtle = vi.spyOn(webcrypto.subtle, 'verify');
    const got = await verifyJwt(token, getKey, checks);
    expect(subtle).not.toHaveBeenCalled();
    expect(got.payload).toEqual(expected.payload);
    expect(got.protectedHeader).toEqual(expected.protectedHeader);
  });

  test.each(pairs.map((p) => [p.alg, p] as const))('%s: a changed payload or signature is refused as jose refuses it', async (_, pair) => {
    const token = await sign(pair);
    const [h, p, s] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'mallory' })).toString('base64url');
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    for (const forged of [`${h}.${otherPayload}.${s}`, `${h}.${p}.${flipped}`]) {
      await expect(verifyJwt(forged, getKey, checks)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
      expect(await outcome(() => verifyJwt(forged, getKey, checks))).toEqual(await outcome(() => jwtVerify(forged, getKey, checks)));
    }
  });

  test('claims are jose\'s checks: expired, another audience, a missing required claim, the wrong typ', async () => {
    const pair = pairs[0];
    const expired = await sign(pair, {}, {}, Math.floor(Date.now() / 1000) - 60);
    await expect(verifyJwt(expired, getKey, checks)).rejects.toBeInstanceOf(errors.JWTExpired);
    const otherAudience = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: pair.kid }).setIssuer(ISSUER).setAudience('api://other').setExpirationTime('1h').sign(pair.privateKey);
    await expect(verifyJwt(otherAudience, getKey, checks)).rejects.toMatchObject({ claim: 'aud' });
    const noExp = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: pair.kid }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(pair.privateKey);
    await expect(verifyJwt(noExp, getKey, checks)).rejects.toMatchObject({ claim: 'exp', reason: 'missing' });
    const idToken = await sign(pair, {}, { typ: 'JWT' });
    await expect(verifyJwt(idToken, getKey, { ...checks, typ: 'at+jwt' })).rejects.toMatchObject({ claim: 'typ' });
    expect((await verifyJwt(await sign(pair), getKey, { ...checks, typ: 'at+jwt' })).payload.sub).toBe('alice');
  });

  test('an algorithm not allowed, a key for another algorithm, an unknown kid: jose\'s errors', async () => {
    const es = pairs.find((p) => p.alg === 'ES256')!;
    await expect(verifyJwt(await sign(es), getKey, { ...checks, algorithms: ['RS256'] })).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
    // an RS256 header naming the ES256 key: no key of that kid for RS256 in the set
    const rs = pairs[0];
    const confused = await sign({ ...rs, kid: es.kid });
    await expect(verifyJwt(confused, getKey, checks)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(verifyJwt(await sign({ ...rs, kid: 'nobody' }), getKey, checks)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  test('what this path does not take (a crit header, a short RSA key) goes to jose whole', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const claims = { sub: 'alice', iss: ISSUER, aud: AUDIENCE, exp };
    const pair = pairs[0];
    const crit = signed({ alg: 'RS256', kid: pair.kid, crit: ['urn:example:x'], 'urn:example:x': 1 }, claims, KeyObject.from(pair.privateKey as CryptoKey));
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const weakSet = createLocalJWKSet({ keys: [{ ...weak.publicKey.export({ format: 'jwk' }), kid: 'weak', alg: 'RS256' }] });
    const short = signed({ alg: 'RS256', kid: 'weak' }, claims, weak.privateKey);
    const subtle = vi.spyOn(webcrypto.subtle, 'verify');
    await expect(verifyJwt(crit, getKey, checks)).rejects.toBeInstanceOf(errors.JOSENotSupported);
    await expect(verifyJwt(short, weakSet, checks)).rejects.toThrow(/2048/);
    expect(subtle).not.toHaveBeenCalled(); // both refused by jose before any signature check
  });

  test('differential: any change to a token gets the same answer from this path and from jose', async () => {
    const tokens = await Promise.all(pairs.map((p) => sign(p)));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    await fc.assert(
      fc.asyncProperty(
        fc.nat(tokens.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: alphabet.length }), fc.constantFrom('replace', 'insert', 'delete')), { minLength: 1, maxLength: 3 }),
        async (which, edits) => {
          let token = tokens[which];
          for (const [at, c, op] of edits) {
            const i = at % (token.length + 1);
            const ch = alphabet[c] ?? '';
            token = op === 'replace' ? token.slice(0, i) + ch + token.slice(i + 1) : op === 'insert' ? token.slice(0, i) + ch + token.slice(i) : token.slice(0, i) + token.slice(i + 1);
          }
          const ours = (await outcome(() => verifyJwt(token, getKey, checks))) as { ok: boolean };
          const jose = (await outcome(() => jwtVerify(token, getKey, checks))) as { ok: boolean };
          // the same decision always; a refusal may name a different failure only between "malformed" and "bad signature"
          expect(ours.ok).toBe(jose.ok);
          if (jose.ok) expect(ours).toEqual(jose);
        },
      ),
      { numRuns: 300 },
    );
  });
});
