/**
 * What DPoP costs (issue 25): the same route, in process (`app.request()`,
 * no HTTP), with a plain JWT access token and with a DPoP-bound one plus a
 * fresh proof each request (`jwtBearer({ dpop })`, memory replay store),
 * beside the two things DPoP adds — one ES256 signature verification
 * (`node:crypto` verify on a key object, the proof's signature) and one
 * replay-store claim.
 * Target: a DPoP request costs at most one extra signature verification
 * plus one replay-store check over a plain JWT request, i.e.
 * (dpop − plain) / (verify + claim) ≤ 1 (plus the small parsing around them).
 *
 * Proofs are signed before each timed batch (signing is the client's cost).
 * Interleaved rounds, medians. Settings (env): `BENCH_DPOP_ROUNDS` (5),
 * `BENCH_DPOP_BATCH` (2000).
 */
import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { loadavg } from 'node:os';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DependsApp, security } from '@depends/core';
import { dpop, jwtBearer, memoryReplayStore } from '@depends/jwt';
import type { BenchResult } from './run.js';

const ROUNDS = Number(process.env.BENCH_DPOP_ROUNDS ?? '5');
const BATCH = Number(process.env.BENCH_DPOP_BATCH ?? '2000');
const ORIGIN = 'https://api.example.com';
const ISSUER = 'https://id.example.com';
const AUDIENCE = 'api://bench';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** µs per call of `fn` over `inputs`, run one after the other. */
async function timed<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number> {
  const t0 = performance.now();
  for (const input of inputs) await fn(input);
  return ((performance.now() - t0) * 1000) / inputs.length;
}

export async function run(): Promise<BenchResult> {
  // the issuer's key (static JWKS: nothing fetched) and the client's DPoP key
  const issuerKeys = await generateKeyPair('ES256', { extractable: true });
  const issuerJwk = { ...(await exportJWK(issuerKeys.publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  const client = await generateKeyPair('ES256', { extractable: true });
  const clientJwk = await exportJWK(client.publicKey);
  const jkt = await calculateJwkThumbprint(clientJwk, 'sha256');
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'reports-service', scope: 'reports:read', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'bench', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(issuerKeys.privateKey);
  const plainToken = await sign({});
  const boundToken = await sign({ cnf: { jkt } });
  const ath = createHash('sha256').update(boundToken).digest('base64url');
  const proofs = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () =>
        new SignJWT({ jti: randomUUID(), htm: 'GET', htu: `${ORIGIN}/reports`, iat: Math.floor(Date.now() / 1000), ath })
          .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: clientJwk })
          .sign(client.privateKey),
      ),
    );

  const base = { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [issuerJwk] } };
  const plain = new DependsApp();
  plain.route('GET', '/reports', { token: security(jwtBearer(base), { scopes: ['reports:read'] }) }, ({ token }) => ({ sub: token.claims.sub }));
  const bound = new DependsApp();
  const store = memoryReplayStore();
  bound.route('GET', '/reports', { token: security(jwtBearer({ ...base, dpop: dpop({ publicOrigin: ORIGIN, store, algorithms: ['ES256'] }) }), { scopes: ['reports:read'] }) }, ({ token }) => ({
    sub: token.claims.sub,
  }));
  const claimStore = memoryReplayStore();
  const clientKeyObject = createPublicKey({ key: clientJwk as never, format: 'jwk' });
  /** One signature verification: the proof's ES256 signature over its signing input. */
  const verifyProof = (proof: string) => {
    const dot = proof.lastIndexOf('.');
    if (!verify('sha256', Buffer.from(proof.slice(0, dot), 'latin1'), { key: clientKeyObject, dsaEncoding: 'ieee-p1363' }, Buffer.from(proof.slice(dot + 1), 'base64url'))) failures++;
  };

  const samples = { plain: [] as number[], dpop: [] as number[], verify: [] as number[], claim: [] as number[] };
  let failures = 0;
  const check = (status: number) => {
    if (status !== 200) failures++;
  };
  const warm = await proofs(200);
  for (const p of warm) check((await bound.request({ method: 'GET', url: '/reports', headers: { authorization: `DPoP ${boundToken}`, dpop: p } })).status);
  for (let i = 0; i < 200; i++) check((await plain.request({ method: 'GET', url: '/reports', headers: { authorization: `Bearer ${plainToken}` } })).status);
  const plainInputs = Array.from({ length: BATCH }, () => plainToken);
  for (let round = 0; round < ROUNDS; round++) {
    const batch = await proofs(BATCH);
    const verifyBatch = await proofs(BATCH);
    const keys = batch.map(() => randomUUID());
    const steps: [keyof typeof samples, () => Promise<number>][] = [
      ['plain', () => timed(plainInputs, async (t) => check((await plain.request({ method: 'GET', url: '/reports', headers: { authorization: `Bearer ${t}` } })).status))],
      ['dpop', () => timed(batch, async (p) => check((await bound.request({ method: 'GET', url: '/reports', headers: { authorization: `DPoP ${boundToken}`, dpop: p } })).status))],
      ['verify', () => timed(verifyBatch, verifyProof)],
      ['claim', () => timed(keys, (k) => claimStore.claim(k, 70_000))],
    ];
    if (round % 2 === 1) steps.reverse();
    for (const [name, step] of steps) samples[name].push(await step());
  }
  const m = { plain: median(samples.plain), dpop: median(samples.dpop), verify: median(samples.verify), claim: median(samples.claim) };
  const extra = m.dpop - m.plain;
  const budget = m.verify + m.claim;
  const fmt = (v: number) => Number(v.toFixed(1));
  const rounds = (name: keyof typeof samples) => samples[name].map(fmt).join(', ');
  return {
    title: `DPoP cost per request, in process (ES256 tokens and proofs; ${ROUNDS} rounds of ${BATCH}; load ${loadavg()[0].toFixed(2)})`,
    rows: [
      { case: 'plain JWT (Bearer)', 'µs/request': fmt(m.plain), rounds: rounds('plain') },
      { case: 'DPoP-bound JWT + fresh proof', 'µs/request': fmt(m.dpop), rounds: rounds('dpop') },
      { case: 'one ES256 signature verification (node:crypto)', 'µs/request': fmt(m.verify), rounds: rounds('verify') },
      { case: 'one memory replay-store claim', 'µs/request': fmt(m.claim), rounds: rounds('claim') },
    ],
    notes: [
      `DPoP / plain: ${(m.dpop / m.plain).toFixed(2)}×`,
      `extra cost of DPoP ${fmt(extra)} µs vs one signature verification + one claim ${fmt(budget)} µs: ratio ${(extra / budget).toFixed(2)} (target ≤ 1, plus parsing)`,
      failures === 0 ? 'every request answered 200' : `${failures} requests did not answer 200: the numbers are not comparable`,
    ],
  };
}
