/**
 * The JWT bench (`jwt.bench.ts`) counted in instructions instead of timed
 * (issue 23): per algorithm, the same servers (`jwt-servers.mjs`: `hello`,
 * `floor`, hand-written jose and fast-jwt, `jwtBearer()`, the token cache,
 * an opaque token in a Map) each under callgrind, counted per request as
 * `instructions.bench.ts` counts the HTTP servers; and one bare
 * `crypto.verify` of the same token counted under cachegrind
 * (`verify-rate.mjs` run twice, the difference per verification).
 *
 * A busy machine moves req/s and CPU time by 10–20 % between runs, and the
 * timed "combined limit" (the verify loop's rate beside the hello route's)
 * is one that even the `floor` route does not reach: a verify inside a
 * loaded server costs three times the loop's, in time, because of what the
 * server does to the CPU's caches between two verifies. Instructions add up
 * exactly: the least a verified route can execute is the hello route's
 * instructions plus one verify's, and the ratios below are read like req/s
 * ratios (limit instructions / route instructions: 1 would be the limit).
 * Run it on an otherwise idle machine (see `instructions.bench.ts`).
 *
 * Needs valgrind (`apt-get install -y valgrind`); without it the bench says
 * so and measures nothing. Settings (env): `BENCH_JWT_ALGS`
 * (RS256,ES256,EdDSA), `BENCH_JWT_ONLY` (hono; any of express,koa,hono),
 * `BENCH_INSTR_WARMUP` (8 000 requests), `BENCH_INSTR_REQUESTS` (500 per
 * window; three windows, the least kept).
 *
 * @example
 * ```sh
 * pnpm bench jwt-instructions
 * ```
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canCount, countProcess, countServer } from './callgrind.js';
import { setup } from './jwt.bench.js';
import type { BenchResult } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./jwt-servers.mjs', import.meta.url));
const verifyScript = fileURLToPath(new URL('./verify-rate.mjs', import.meta.url));
const ALGS = (process.env.BENCH_JWT_ALGS ?? 'RS256,ES256,EdDSA').split(',').filter(Boolean);
const FRAMEWORKS = (process.env.BENCH_JWT_ONLY ?? 'hono').split(',').filter(Boolean);
const WARMUP = Number(process.env.BENCH_INSTR_WARMUP ?? 8_000);
const REQUESTS = Number(process.env.BENCH_INSTR_REQUESTS ?? 500);
const VERIFIES = 2_000;
const CASES = ['hello', 'floor', 'manual', 'fastjwt', 'depends', 'cached', 'map'] as const;
type Case = (typeof CASES)[number];

/**
 * Counts every case per algorithm and framework, and one bare verify;
 * reports instructions per request and the targets' ratios.
 *
 * @example
 * ```sh
 * BENCH_JWT_ALGS=ES256 pnpm bench jwt-instructions
 * ```
 */
export async function run(): Promise<BenchResult[]> {
  const title = 'JWT routes in instructions per request (callgrind)';
  if (!canCount()) return [{ title, rows: [], notes: ['not measured: valgrind is not installed (apt-get install -y valgrind)'] }];
  const results: BenchResult[] = [];
  const dumps = mkdtempSync(join(tmpdir(), 'depends-jwt-callgrind-'));
  try {
    for (const alg of ALGS) {
      const s = await setup(alg);
      try {
        const env = { ...process.env, ...s.vars, NODE_ENV: 'production' };
        const jobs: (() => Promise<[string, number]>)[] = [
          async () => {
            const [none, some] = await Promise.all([0, VERIFIES].map((n) => countProcess([verifyScript], { ...env, BENCH_VERIFY_COUNT: String(n) })));
            return ['verify', (some - none) / VERIFIES];
          },
        ];
        for (const framework of FRAMEWORKS)
          for (const c of CASES) {
            const name = `${framework}-${c}`;
            const authorization = `Bearer ${c === 'map' ? s.opaque : s.token}`;
            jobs.push(async () => [
              name,
              await countServer(
                { args: [serverScript, name], name: `${alg}-${name}`, cwd: root, env, path: '/reports', authorization, status: 200 },
                { warmup: WARMUP, requests: REQUESTS, windows: 3, connections: 10, dumps },
              ),
            ]);
          }
        const counts = new Map<string, number>();
        let next = 0;
        const worker = async () => {
          while (next < jobs.length) {
            const [name, n] = await jobs[next++]();
            counts.set(name, n);
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
        results.push(report(alg, counts));
      } finally {
        s.close();
      }
    }
  } finally {
    rmSync(dumps, { recursive: true, force: true });
  }
  return results;
}

function report(alg: string, counts: Map<string, number>): BenchResult {
  const verify = counts.get('verify')!;
  const rows: BenchResult['rows'] = [{ framework: '', case: `one bare ${alg} crypto.verify`, 'instructions/req': Math.round(verify) }];
  const notes: string[] = [];
  for (const framework of FRAMEWORKS) {
    const of = (c: Case) => counts.get(`${framework}-${c}`)!;
    for (const c of CASES) rows.push({ framework, case: c, 'instructions/req': Math.round(of(c)) });
    const limit = of('hello') + verify;
    rows.push({ framework, case: 'limit: hello + one verify', 'instructions/req': Math.round(limit) });
    const ratio = (a: number, b: number, target?: number) => `${(a / b).toFixed(3)}${target === undefined ? '' : a / b >= target ? ` (≥ ${target}: met)` : ` (< ${target}: NOT met)`}`;
    notes.push(
      `${alg} ${framework}: limit / jwtBearer() = ${ratio(limit, of('depends'), 0.8)}; limit / floor = ${ratio(limit, of('floor'))}; limit / jose = ${ratio(limit, of('manual'))}; limit / fast-jwt = ${ratio(limit, of('fastjwt'))}`,
      `${alg} ${framework}: jose / jwtBearer() = ${ratio(of('manual'), of('depends'), 1)}; fast-jwt / jwtBearer() = ${ratio(of('fastjwt'), of('depends'))}; Map / cached = ${ratio(of('map'), of('cached'), 0.8)}`,
    );
  }
  notes.push(
    `callgrind, every thread of each server process, ${WARMUP} requests of warm-up, the least of 3 windows of ${REQUESTS} requests, 10 connections; the verify under cachegrind (${VERIFIES} verifications, the difference of two runs); built packages, NODE_ENV=production, Node ${process.versions.node}. Ratios read like req/s ratios: ≥ 1 means the route executes fewer instructions per request.`,
  );
  return { title: `JWT route in instructions per request, ${alg}: against one verify, hand-written jose and fast-jwt; the token cache against an opaque-token Map`, rows, notes };
}
