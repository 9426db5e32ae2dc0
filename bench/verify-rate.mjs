// The bare signature-verify rate of one core, for `bench/jwt.bench.ts`:
// `node bench/verify-rate.mjs` with JWT_ALG, JWT_PUBLIC_PEM and JWT_TOKEN in
// the environment runs node:crypto's `verify` on the token's signature in a
// loop for BENCH_VERIFY_SECONDS (default 2) after a short warm-up, and
// prints `RATE <verifications per second>`. With BENCH_VERIFY_COUNT=<n> it
// instead runs 200 verifications, then exactly n more, and exits (what
// `bench/jwt-instructions.bench.ts` counts the instructions of, twice with
// different n).
import { Buffer } from 'node:buffer';
import { constants, createPublicKey, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const { JWT_ALG: alg, JWT_PUBLIC_PEM: pem, JWT_TOKEN: token } = process.env;
const seconds = Number(process.env.BENCH_VERIFY_SECONDS ?? 2);
const key = createPublicKey(pem);
const second = token.lastIndexOf('.');
const input = Buffer.from(token.slice(0, second));
const signature = Buffer.from(token.slice(second + 1), 'base64url');
const digest = { RS256: 'sha256', PS256: 'sha256', ES256: 'sha256', ES384: 'sha384', EdDSA: null }[alg];
const keyOptions = alg.startsWith('ES') ? { key, dsaEncoding: 'ieee-p1363' } : alg.startsWith('PS') ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key;
if (!verify(digest, input, keyOptions, signature)) throw new Error('the bench token does not verify');
const loop = (ms) => {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) verify(digest, input, keyOptions, signature);
    n += 50;
  }
  return n;
};
const count = process.env.BENCH_VERIFY_COUNT;
if (count !== undefined) {
  for (let i = 0; i < 200 + Number(count); i++) verify(digest, input, keyOptions, signature);
  process.exit(0);
}
loop(300);
const start = performance.now();
const n = loop(seconds * 1000);
console.log(`RATE ${Math.round(n / ((performance.now() - start) / 1000))}`);
