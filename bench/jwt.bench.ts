/**
 * JWT routes against the physical limit (issue 23): per algorithm (RS256,
 * ES256, EdDSA) and framework (Hono by default), `GET /reports` for a JWT
 * access token with a required scope, served by
 *
 * - `hello`: no check at all (the framework's floor);
 * - `floor`: `hello` plus one bare signature check of the token (node:crypto,
 *   key object made once): the least any JWT route costs, measured in the
 *   server, under load, beside the other cases;
 * - `manual`: a hand-written jose check (`createRemoteJWKSet` + `jwtVerify`);
 * - `fastjwt`: a hand-written fast-jwt check (synchronous, PEM key);
 * - `depends`: `jwtBearer()` + `security(…, { scopes })`;
 * - `cached`: the same with `tokenCache: true`;
 * - `map`: an opaque token looked up in a Map through depends.
 *
 * beside the bare signature-verify rate of one core (`crypto.verify` in a
 * loop, `bench/verify-rate.mjs`). A route cannot beat the combined limit
 * 1 / (1/verify rate + 1/hello rate); targets: `depends` ≥ 0.8× that limit
 * and ≥ the hand-written jose route, `cached` ≥ 0.8× `map`. The `floor`
 * case measures what that limit assumes — one verify beside the framework's
 * work — in the server itself; the ratios to it are reported too.
 *
 * Each server runs alone in a child process on the built packages
 * (`bench/jwt-servers.mjs`), pinned to CPU 0 with the verify loop, the load
 * (autocannon) pinned to CPU 1; interleaved rounds (the order reversed every
 * other round), ratios taken per round and reported as their median with
 * the rounds in brackets.
 *
 * Settings (env): `BENCH_JWT_ALGS` (RS256,ES256,EdDSA), `BENCH_JWT_ONLY`
 * (hono; any of express,koa,hono), `BENCH_JWT_ROUNDS` (3),
 * `BENCH_JWT_SECONDS` (3), `BENCH_JWT_WARMUP` (1), `BENCH_JWT_CONNECTIONS`
 * (20).
 */
import { spawn } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { request } from 'undici';
import type { BenchResult } from './run.js';
import { LOAD_PREFIX, PIN, autocannon as runAutocannon, cpuOf, median, startPinned, stopServer } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./jwt-servers.mjs', import.meta.url));
const verifyScript = fileURLToPath(new URL('./verify-rate.mjs', import.meta.url));
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const ALGS = env('BENCH_JWT_ALGS', 'RS256,ES256,EdDSA').split(',').filter(Boolean);
const FRAMEWORKS = env('BENCH_JWT_ONLY', 'hono').split(',').filter(Boolean);
const ROUNDS = Number(env('BENCH_JWT_ROUNDS', '3'));
const SECONDS = Number(env('BENCH_JWT_SECONDS', '3'));
const WARMUP = Number(env('BENCH_JWT_WARMUP', '1'));
const CONNECTIONS = Number(env('BENCH_JWT_CONNECTIONS', '20'));
const AUDIENCE = 'api://bench';
const CASES = ['hello', 'floor', 'manual', 'fastjwt', 'depends', 'cached', 'map'] as const;
type Case = (typeof CASES)[number];

interface Measured {
  rps: number;
  /** Server CPU time per request, µs. */
  cpuUs: number;
  failures: number;
}

/**
 * One algorithm's key, token, JWKS server and the environment its servers
 * read (also used by `jwt-instructions.bench.ts`).
 *
 * @example
 * ```ts
 * const s = await setup('ES256') // s.vars: the servers' environment; s.close() when done
 * ```
 */
export async function setup(alg: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: `bench-${alg}`, alg, use: 'sig' };
  const jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
  const token = await new SignJWT({ sub: 'reports-service', scope: 'reports:read', client_id: 'reports-service' })
    .setProtectedHeader({ alg, kid: jwk.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  const opaque = randomBytes(24).toString('base64url');
  const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  const vars = { JWT_ISSUER: issuer, JWT_JWKS_URI: `${issuer}/jwks`, JWT_AUDIENCE: AUDIENCE, JWT_ALG: alg, JWT_PUBLIC_PEM: pem, JWT_TOKEN: token, OPAQUE_TOKEN: opaque };
  return { token, opaque, vars, close: () => jwksServer.close() };
}

/** The bare verify rate of the server's core, measured in a pinned child process. */
function verifyRate(vars: Record<string, string>): Promise<number> {
  const command = [process.execPath, verifyScript];
  const child = spawn(PIN ? '/usr/bin/taskset' : command[0], PIN ? ['-c', '0', ...command] : command.slice(1), { env: { ...process.env, ...vars }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const m = /RATE (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`verify-rate exited ${code}`));
    }),
  );
}

async function measure(name: string, vars: Record<string, string>, authorization: string, forged: string | undefined): Promise<Measured> {
  Object.assign(process.env, vars);
  const { child, port } = await startPinned([serverScript], name, root);
  try {
    const url = `http://127.0.0.1:${port}/reports`;
    const ok = await request(url, { headers: { authorization } });
    const body = await ok.body.json();
    if (ok.statusCode !== 200 || JSON.stringify(body) !== JSON.stringify({ sub: 'reports-service', scopes: ['reports:read'] })) {
      throw new Error(`${name}: unexpected answer ${ok.statusCode} ${JSON.stringify(body)}`);
    }
    if (forged !== undefined) {
      const refused = await request(url, { headers: { authorization: forged } });
      await refused.body.text();
      if (refused.statusCode !== 401) throw new Error(`${name}: a bad token got ${refused.statusCode}`);
    }
    const args = ['-c', String(CONNECTIONS), '-H', `authorization=${authorization}`];
    if (WARMUP > 0) await runAutocannon([...args, '-d', String(WARMUP), url], WARMUP, LOAD_PREFIX);
    const before = await cpuOf(child);
    const r = await runAutocannon([...args, '-d', String(SECONDS), url], SECONDS, LOAD_PREFIX);
    const cpu = (await cpuOf(child)) - before;
    return { rps: r.requests.average, cpuUs: cpu / Math.max(1, r.requests.total), failures: r.errors + r.timeouts + r.non2xx };
  } finally {
    await stopServer(child);
  }
}

const fmt = (xs: number[]) => `${median(xs).toFixed(2)} [${xs.map((x) => x.toFixed(2)).join(' ')}]`;

/**
 * Runs every case per algorithm and framework in interleaved rounds;
 * reports req/s, server CPU per request, the verify rate and the ratios
 * against their targets.
 *
 * @example
 * ```sh
 * pnpm bench jwt
 * ```
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const alg of ALGS) {
    const s = await setup(alg);
    const rows: BenchResult['rows'] = [];
    const notes: string[] = [];
    try {
      for (const framework of FRAMEWORKS) {
        const runs = new Map<Case, Measured[]>(CASES.map((c) => [c, []]));
        const verifies: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          verifies.push(await verifyRate(s.vars));
          const order = round % 2 === 0 ? CASES : [...CASES].reverse();
          for (const c of order) {
            const token = c === 'map' ? s.opaque : s.token;
            const forged = c === 'hello' ? undefined : c === 'floor' ? `Bearer ${s.token.slice(0, -4)}AAAA` : c === 'map' ? 'Bearer unknown' : `Bearer ${s.token.slice(0, -4)}AAAA`;
            runs.get(c)!.push(await measure(`${framework}-${c}`, s.vars, `Bearer ${token}`, forged));
          }
        }
        const rps = (c: Case) => runs.get(c)!.map((m) => m.rps);
        const limits = verifies.map((v, i) => 1 / (1 / v + 1 / rps('hello')[i]));
        for (const c of CASES) {
          const m = runs.get(c)!;
          rows.push({
            framework,
            case: c,
            'req/s': Math.round(median(rps(c))),
            'server CPU µs/req': Number(median(m.map((x) => x.cpuUs)).toFixed(1)),
            failures: m.reduce((n, x) => n + x.failures, 0),
          });
        }
        rows.push({ framework, case: `bare ${alg} verify (1 core)`, 'req/s': Math.round(median(verifies)), 'server CPU µs/req': Number((1e6 / median(verifies)).toFixed(1)), failures: 0 });
        rows.push({ framework, case: 'combined limit 1/(1/verify + 1/hello)', 'req/s': Math.round(median(limits)), 'server CPU µs/req': '', failures: 0 });
        const per = (a: Case, b: number[] | Case) => rps(a).map((x, i) => x / (Array.isArray(b) ? b[i] : rps(b)[i]));
        const verdict = (xs: number[], target: number) => `${fmt(xs)} ${median(xs) >= target ? `≥ ${target}: met` : `< ${target}: NOT met`}`;
        notes.push(`${alg} ${framework}: depends / combined limit = ${verdict(per('depends', limits), 0.8)}; floor (hello + one verify, measured) / combined limit = ${fmt(per('floor', limits))}`);
        notes.push(`${alg} ${framework}: depends / measured floor = ${verdict(per('depends', 'floor'), 0.8)}; jose / floor = ${fmt(per('manual', 'floor'))}; fast-jwt / floor = ${fmt(per('fastjwt', 'floor'))}`);
        notes.push(`${alg} ${framework}: depends / hand-written jose = ${verdict(per('depends', 'manual'), 1)}; depends / fast-jwt = ${fmt(per('depends', 'fastjwt'))}; jose / limit = ${fmt(per('manual', limits))}; fast-jwt / limit = ${fmt(per('fastjwt', limits))}`);
        notes.push(`${alg} ${framework}: cached / opaque-token map = ${verdict(per('cached', 'map'), 0.8)}`);
      }
    } finally {
      s.close();
    }
    notes.push(
      `${CONNECTIONS} connections, ${WARMUP}s warm-up + ${SECONDS}s measured per case, ${ROUNDS} interleaved rounds, servers ${PIN ? 'pinned to CPU 0 (the verify loop too), autocannon to CPU 1' : 'not pinned'}, built packages, NODE_ENV=production, Node ${process.versions.node}, load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
    );
    results.push({ title: `JWT route, ${alg}: against the verify rate, hand-written jose and fast-jwt; the token cache against an opaque-token map (GET /reports, autocannon, loopback)`, rows, notes });
  }
  return results;
}
