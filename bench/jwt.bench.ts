/**
 * JWT verification cost (issue 15): per framework, `GET /reports` for a JWT
 * access token with a required scope, served (a) with a hand-written jose
 * check (`createRemoteJWKSet` + `jwtVerify` + scope test) and (b) through
 * `jwtBearer()` + `security(…, { scopes })`. Keys come from a JWKS served by
 * this process and are cached by both after the first request. Each server
 * runs alone in a child process on the built packages
 * (`bench/jwt-servers.mjs`); the load comes from autocannon's CLI in another
 * process, over loopback. One warm-up and one measured run per case.
 *
 * A second table measures the same two in this process, without HTTP:
 * the route served by the core (`app.handle()` on a request view, JSON
 * answer) against a function doing the hand-written check and writing the
 * same answer, in paired batches (a b, b a, …; the ratio is the median of
 * the pairs' ratios). On a shared, busy machine this is the steadier figure.
 *
 * Settings (env): `BENCH_JWT_PAIRS` (101), `BENCH_JWT_BATCH` (100), `BENCH_JWT_SECONDS` (default 5), `BENCH_JWT_CONNECTIONS`
 * (default 20), `BENCH_JWT_WARMUP` (default 2), `BENCH_JWT_ONLY=express,hono`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { request } from 'undici';
import { DependsApp, security } from '@depends/core';
import { createRequestView, type Outcome } from '@depends/core/adapter';
import { jwtBearer } from '@depends/jwt';
import type { BenchResult } from './run.js';
import { autocannon as runAutocannon, cpuOf, portOf, stopServer } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./jwt-servers.mjs', import.meta.url));
const SECONDS = Number(process.env.BENCH_JWT_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_JWT_CONNECTIONS ?? 20);
const WARMUP = Number(process.env.BENCH_JWT_WARMUP ?? 2);
const ONLY = (process.env.BENCH_JWT_ONLY ?? '').split(',').filter(Boolean);
const AUDIENCE = 'api://bench';
const PAIRS = Number(process.env.BENCH_JWT_PAIRS ?? 101);
const BATCH = Number(process.env.BENCH_JWT_BATCH ?? 100);

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  total: number;
  /** Server CPU time per request, µs. */
  cpuUs: number;
}

async function startServer(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [serverScript, name], { cwd: root, env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return { child, port: await portOf(child, name) };
}

async function autocannon(url: string, token: string, seconds: number): Promise<Omit<Measured, 'cpuUs'>> {
  const r = await runAutocannon(['-c', String(CONNECTIONS), '-d', String(seconds), '-H', `authorization=Bearer ${token}`, url], seconds);
  return { rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx };
}

async function measure(name: string, env: Record<string, string>, token: string, expected: unknown): Promise<Measured> {
  const { child, port } = await startServer(name, env);
  try {
    const url = `http://127.0.0.1:${port}/reports`;
    const ok = await request(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await ok.body.json();
    if (ok.statusCode !== 200 || JSON.stringify(body) !== JSON.stringify(expected)) throw new Error(`${name}: unexpected answer ${ok.statusCode} ${JSON.stringify(body)}`);
    const refused = await request(url, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` } });
    await refused.body.text();
    if (refused.statusCode !== 401) throw new Error(`${name}: a bad signature got ${refused.statusCode}`);
    if (WARMUP > 0) await autocannon(url, token, WARMUP);
    const before = await cpuOf(child);
    const result = await autocannon(url, token, SECONDS);
    const cpu = (await cpuOf(child)) - before;
    return { ...result, cpuUs: cpu / Math.max(1, result.total) };
  } finally {
    await stopServer(child);
  }
}

/**
 * Runs both cases on each framework; reports req/s, latency, server CPU per
 * request and the ratio (b)/(a) (target ≥ 0.95).
 *
 * @example
 * ```sh
 * pnpm bench jwt
 * ```
 */
export async function run(): Promise<BenchResult> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-key', alg: 'RS256', use: 'sig' };
  const jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
  const env = { JWT_ISSUER: issuer, JWT_JWKS_URI: `${issuer}/jwks`, JWT_AUDIENCE: AUDIENCE };
  const token = await new SignJWT({ sub: 'reports-service', scope: 'reports:read', client_id: 'reports-service' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench-key', typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  const expected = { sub: 'reports-service', scopes: ['reports:read'] };
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  try {
    await inProcess(issuer, token, rows, notes);
    for (const framework of ['express', 'koa', 'hono'].filter((f) => ONLY.length === 0 || ONLY.includes(f))) {
      const a = await measure(`${framework}-manual`, env, token, expected);
      const b = await measure(`${framework}-depends`, env, token, expected);
      for (const [label, m] of [['(a) hand-written jose check', a], ['(b) jwtBearer()', b]] as const) {
        rows.push({ framework, case: label, 'req/s': Math.round(m.rps), 'p50 ms': m.p50, 'p99 ms': m.p99, 'server CPU µs/req': Number(m.cpuUs.toFixed(1)), failures: m.failures });
      }
      const verdict = (r: number) => `${r.toFixed(3)} ${r >= 0.95 ? '≥ 0.95: met' : '< 0.95: NOT met'}`;
      notes.push(`${framework}: (b)/(a) req/s = ${verdict(b.rps / a.rps)}; by server CPU per request = ${verdict(a.cpuUs / b.cpuUs)}`);
    }
  } finally {
    jwksServer.close();
  }
  notes.push(
    `RS256 token, scope check, keys cached after the first request; ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${SECONDS}s measured per case, one run per case, built packages, Node ${process.versions.node}, load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
  );
  return { title: 'JWT access token: jwtBearer() vs a hand-written jose check, GET /reports (autocannon, loopback)', rows, notes };
}

/** The same check without HTTP: `app.handle()` against a hand-written function, alternating rounds. */
async function inProcess(issuer: string, token: string, rows: BenchResult['rows'], notes: string[]): Promise<void> {
  const jwksUri = `${issuer}/jwks`;
  const scheme = jwtBearer({ issuer, audience: AUDIENCE, jwksUri });
  const app = new DependsApp({ onError: () => {} });
  const route = app.route('GET', '/reports', { auth: security(scheme, { scopes: ['reports:read'] }) }, ({ auth }) => ({ sub: auth.claims.sub, scopes: auth.scopes }));
  const jwks = createRemoteJWKSet(new URL(jwksUri));
  const checks = { issuer, audience: AUDIENCE, algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'], requiredClaims: ['exp'], clockTolerance: 5 };
  const view = () => createRequestView({ method: 'GET', url: '/reports', headers: { authorization: `Bearer ${token}`, host: 'x' } });
  const handWritten = async (req: ReturnType<typeof createRequestView>): Promise<{ status: number; body: string }> => {
    const authorization = req.header('authorization');
    const space = authorization?.indexOf(' ') ?? -1;
    if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return { status: 401, body: '{"detail":"Not authenticated"}' };
    try {
      const { payload } = await jwtVerify(authorization.slice(space + 1).trim(), jwks, checks);
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      if (!scopes.includes('reports:read')) return { status: 403, body: '{"detail":"Not enough permissions"}' };
      return { status: 200, body: JSON.stringify({ sub: payload.sub, scopes }) };
    } catch {
      return { status: 401, body: '{"detail":"Could not validate credentials"}' };
    }
  };
  const viaDepends = async () => {
    const outcome = (await app.handle(route, view())) as Outcome;
    if (outcome.answer.status !== 200) throw new Error(String(outcome.answer.body));
    await outcome.finish();
    return outcome.answer.body;
  };
  const a = await viaDepends();
  const b = await handWritten(view());
  if (a !== b.body) throw new Error(`bodies differ: ${String(a)} vs ${b.body}`);
  // Paired batches, alternating a b a b …: each pair sees the same load from the rest of the machine,
  // and the ratio is the median of the pairs' ratios.
  const batch = async (fn: () => Promise<unknown>, n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - start) / n;
  };
  const hand = () => handWritten(view());
  for (let i = 0; i < 3; i++) await Promise.all([batch(hand, 200), batch(viaDepends, 200)]); // warm-up
  const times: { a: number; b: number }[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const first = pair % 2 === 0;
    const x = await batch(first ? hand : viaDepends, BATCH);
    const y = await batch(first ? viaDepends : hand, BATCH);
    times.push(first ? { a: x, b: y } : { a: y, b: x });
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  // Per case: the mean over every batch (both sides saw the same stretches of load).
  const usA = (times.reduce((n, t) => n + t.a, 0) / times.length) * 1000;
  const usB = (times.reduce((n, t) => n + t.b, 0) / times.length) * 1000;
  rows.push({ framework: '(in process)', case: '(a) hand-written jose check', 'req/s': Math.round(1e6 / usA), 'µs/req': Number(usA.toFixed(1)) });
  rows.push({ framework: '(in process)', case: '(b) jwtBearer()', 'req/s': Math.round(1e6 / usB), 'µs/req': Number(usB.toFixed(1)) });
  const ratio = median(times.map((t) => t.a / t.b));
  notes.push(
    `in process: (b)/(a) requests per second = ${ratio.toFixed(3)} ${ratio >= 0.95 ? '≥ 0.95: met' : '< 0.95: NOT met'} (median of the ratios of ${PAIRS} paired batches of ${BATCH} requests, alternating; over all batches: ${(usA / usB).toFixed(3)})`,
  );
}
