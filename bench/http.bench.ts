/**
 * HTTP benchmark (issues 5 and 14): per framework, the same requests served
 * (a) by a hand-written middleware on the bare framework, (b) through
 * depends (routes declared and mounted), (g) by a depends guard placed in
 * front of the framework's own handlers (how most teams adopt it), and on
 * Hono (c) by Hono's own `bearerAuth` — for the accepted
 * request and for every way of refusing one:
 *
 * | scenario | request | answer |
 * |---|---|---|
 * | accepted | `GET /me`, known token | 200, the user |
 * | missing credential | `GET /me`, no `Authorization` | 401 `Bearer` |
 * | unknown token | `GET /me`, `Bearer nope` | 401 `Bearer error="invalid_token"` (thrown by the app's user lookup) |
 * | unknown token, refused | `GET /whoami`, `Bearer nope` | the same 401, the lookup returning `refuse(invalidToken())` |
 * | missing scope | `GET /admin`, known token without `admin` | 403 `insufficient_scope` |
 * | invalid query | `GET /items?limit=abc`, known token | 422, the problem listed |
 *
 * Each case's server runs in its own process (`bench/http-servers.ts`, see
 * there for the answers, which are checked to be the same on (a) and (b)
 * before any load); the load comes from autocannon's CLI in another
 * process, over loopback. With `taskset` and 2+ CPUs, servers are pinned
 * to CPU 0 and autocannon to CPU 1 (`BENCH_HTTP_PIN=0` to turn off).
 *
 * Pairing: in each round the servers of a framework's cases are all
 * started, and for each scenario the cases are loaded one right after the
 * other (order alternating between rounds), so that (b)/(a) is a ratio of
 * two runs measured back to back. Each ratio reported is the median over
 * rounds of those per-round ratios; req/s and CPU figures are medians over
 * rounds.
 *
 * The servers run as plain JavaScript, as `pnpm build` (tsc) would emit it:
 * the sources are transpiled with the TypeScript compiler into a temporary
 * folder first. (Running them through tsx would add esbuild's `keepNames`
 * wrapper to every closure created per request, a cost production code
 * does not pay.) They run with `NODE_ENV=production`.
 *
 * Settings (env): `BENCH_HTTP_SECONDS` measured per run (default 3),
 * `BENCH_HTTP_WARMUP` seconds before each run (default 1),
 * `BENCH_HTTP_ROUNDS` (default 3), `BENCH_HTTP_CONNECTIONS` (default 20),
 * `BENCH_HTTP_ONLY=koa,hono` (frameworks), `BENCH_HTTP_SCENARIOS=accepted,unknown`
 * (scenarios), `BENCH_HTTP_PIN=0` and `BENCH_HTTP_NODE_ARGS` (extra node
 * arguments for the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`),
 * `BENCH_HTTP_MODES=production,default` (the servers' `NODE_ENV` per pass:
 * the whole bench runs once with `NODE_ENV=production` and once with none),
 * `BENCH_HTTP_KEEP=1` (keep the transpiled folder in the temporary directory,
 * to start one server by hand: `node <folder>/bench/http-servers.js koa-guard`).
 *
 * Besides req/s, the server process's own CPU time per request is reported
 * (from `process.cpuUsage()` around the measured run): other load on the
 * machine moves req/s a lot and CPU per request far less.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { request } from 'undici';
import type { BenchResult } from './run.js';
import { autocannon as runAutocannon, cpuOf, LOAD_PREFIX, median, PIN, startPinned, stopServer } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./http-servers.ts', import.meta.url));
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 20);
const WARMUP = Number(process.env.BENCH_HTTP_WARMUP ?? 1);
const ROUNDS = Math.max(1, Number(process.env.BENCH_HTTP_ROUNDS ?? 3));
const ONLY = (process.env.BENCH_HTTP_ONLY ?? '').split(',').filter(Boolean);
const ONLY_SCENARIOS = (process.env.BENCH_HTTP_SCENARIOS ?? '').split(',').filter(Boolean);
const NODE_ARGS = (process.env.BENCH_HTTP_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** The servers' `NODE_ENV` per pass: `production`, and `default` (none at all, as `node server.js` starts). */
const MODES = (process.env.BENCH_HTTP_MODES ?? 'production,default').split(',').filter(Boolean);

/** One kind of request: path, `Authorization` header (none when undefined), expected status. */
export interface Scenario {
  key: string;
  label: string;
  path: string;
  authorization: string | undefined;
  status: number;
  /** Whether `hono/bearer-auth` serves it (its own 401 answers; `/me` only). */
  bearerAuth: boolean;
}

/** Every scenario (`BENCH_HTTP_SCENARIOS` narrows the HTTP bench's own list). */
export const ALL_SCENARIOS: readonly Scenario[] = [
  { key: 'accepted', label: '200 accepted', path: '/me', authorization: 'Bearer token-1', status: 200, bearerAuth: true },
  { key: 'missing', label: '401 missing credential', path: '/me', authorization: undefined, status: 401, bearerAuth: true },
  { key: 'unknown', label: '401 unknown token (invalidToken())', path: '/me', authorization: 'Bearer nope', status: 401, bearerAuth: true },
  { key: 'refused', label: '401 unknown token (refuse(invalidToken()))', path: '/whoami', authorization: 'Bearer nope', status: 401, bearerAuth: true },
  { key: 'scope', label: '403 missing scope', path: '/admin', authorization: 'Bearer token-1', status: 403, bearerAuth: false },
  { key: 'invalid', label: '422 invalid query', path: '/items?limit=abc', authorization: 'Bearer token-1', status: 422, bearerAuth: false },
];
const SCENARIOS = ALL_SCENARIOS.filter((s) => ONLY_SCENARIOS.length === 0 || ONLY_SCENARIOS.includes(s.key));

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers with another status than the scenario's. */
  unexpected: number;
  /** Requests completed in the measured run. */
  total: number;
  /** Server CPU time (user + system) per request, in microseconds. */
  cpuUs: number;
}

/**
 * Transpiles the packages' sources and the server script into a temporary
 * folder (same layout; `@depends/*` imports made relative; the repo's
 * `node_modules` linked in). Returns the folder and the server script.
 */
/** The packages the servers load, transpiled from their sources. */
const PACKAGES = ['core', 'express', 'koa', 'hono', 'fastify'] as const;

export function buildServers(): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'depends-http-bench-'));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: true };
  const files = [serverScript];
  for (const pkg of PACKAGES) {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const f = join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.test-d.ts') && !f.endsWith('.d.ts')) files.push(f);
      }
    };
    walk(join(root, 'packages', pkg, 'src'));
  }
  for (const file of files) {
    const out = join(dir, relative(root, file)).replace(/\.ts$/, '.js');
    let js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText;
    js = js.replace(/(from\s+|import\s*\(\s*)'@depends\/(core|express|koa|hono|fastify)((?:\/[\w-]+)?)'/g, (_, kw: string, pkg: string, sub: string) => {
      const target = relative(dirname(out), join(dir, 'packages', pkg, entryOf(pkg, `.${sub}`)));
      return `${kw}'${target.startsWith('.') ? target : `./${target}`}'`;
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // each package resolves its own dependencies (pnpm keeps them beside the package)
  for (const pkg of PACKAGES) symlinkSync(join(root, 'packages', pkg, 'node_modules'), join(dir, 'packages', pkg, 'node_modules'), 'dir');
  return { dir, script: join(dir, relative(root, serverScript)).replace(/\.ts$/, '.js') };
}

/** The source file of a package's entry point (`.`, `./adapter`, …) as its `exports` name it, as `.js`. */
function entryOf(pkg: string, subpath: string): string {
  const exports = (JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> }).exports;
  const source = exports[subpath]?.['@depends/source'];
  if (!source) throw new Error(`@depends/${pkg}: no entry point ${subpath}`);
  return source.replace(/\.ts$/, '.js');
}

let built: { dir: string; script: string } | undefined;

/** Starts one case's server in its own process; resolves with its port. */
function startServer(name: string): Promise<{ child: ChildProcess; port: number }> {
  built ??= buildServers();
  return startPinned([...NODE_ARGS, built.script], name, root);
}

/** Runs autocannon's CLI (its own process) and returns what the bench reads. */
async function autocannon(url: string, authorization: string | undefined, expectedStatus: number, seconds: number): Promise<Omit<Measured, 'cpuUs'>> {
  const args = ['-c', String(CONNECTIONS), '-d', String(seconds), ...(authorization ? ['-H', `authorization=${authorization}`] : []), url];
  const r = await runAutocannon(args, seconds, LOAD_PREFIX);
  const expectedCount = Object.entries(r.statusCodeStats ?? {}).reduce((n, [code, v]) => (code === String(expectedStatus) ? n : n + v.count), 0);
  return { rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, unexpected: expectedCount };
}

/** One answer, reduced to what must be the same between (a) and (b). */
async function answerOf(port: number, scenario: Scenario): Promise<string> {
  const res = await request(`http://127.0.0.1:${port}${scenario.path}`, { headers: scenario.authorization ? { authorization: scenario.authorization } : {} });
  const body = await res.body.text();
  const header = (name: string) => String(res.headers[name] ?? '');
  return JSON.stringify({ status: res.statusCode, type: header('content-type').split(';')[0], challenge: header('www-authenticate'), cacheControl: header('cache-control'), body });
}

/** Loads one running server with one scenario: warm-up, then the measured run with its server CPU time. */
async function load(server: { child: ChildProcess; port: number }, scenario: Scenario): Promise<Measured> {
  const url = `http://127.0.0.1:${server.port}${scenario.path}`;
  if (WARMUP > 0) await autocannon(url, scenario.authorization, scenario.status, WARMUP);
  const before = await cpuOf(server.child);
  const result = await autocannon(url, scenario.authorization, scenario.status, SECONDS);
  const cpu = (await cpuOf(server.child)) - before;
  return { ...result, cpuUs: cpu / Math.max(1, result.total) };
}


/** Each framework's cases: (a) hand-written, (b) depends mounted, (c) `hono/bearer-auth`, (g) the guard. */
export const FRAMEWORKS: readonly { name: string; cases: readonly [string, string][] }[] = [
  { name: 'express', cases: [['a', 'express-manual'], ['b', 'express-depends'], ['g', 'express-guard']] },
  { name: 'koa', cases: [['a', 'koa-manual'], ['b', 'koa-depends'], ['g', 'koa-guard']] },
  { name: 'hono', cases: [['a', 'hono-manual'], ['b', 'hono-depends'], ['c', 'hono-bearerAuth'], ['g', 'hono-guard']] },
  { name: 'fastify', cases: [['a', 'fastify-manual'], ['b', 'fastify-depends'], ['g', 'fastify-guard']] },
];

/**
 * Runs every framework, scenario and case, and reports per framework and
 * scenario: req/s and server CPU per request of each case (medians over
 * rounds), (b)/(a) by req/s and by CPU (medians of per-round ratios;
 * target ≥ 0.95 on every scenario) and on Hono's 401 scenarios (b)/(c)
 * (target ≥ 5).
 *
 * @example
 * ```sh
 * pnpm bench http
 * BENCH_HTTP_ONLY=koa BENCH_HTTP_SCENARIOS=accepted,unknown BENCH_HTTP_ROUNDS=5 pnpm bench http
 * ```
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const mode of MODES) {
    const rows: BenchResult['rows'] = [];
    const notes: string[] = [];
    process.env.BENCH_SERVER_NODE_ENV = mode;
    try {
      await runAll(rows, notes);
    } finally {
      delete process.env.BENCH_SERVER_NODE_ENV;
      if (built && !process.env.BENCH_HTTP_KEEP) rmSync(built.dir, { recursive: true, force: true });
      built = undefined;
    }
    const env = mode === 'default' ? 'no NODE_ENV (as `node server.js` starts)' : `NODE_ENV=${mode}`;
    notes.push(
      `${CONNECTIONS} connections, ${WARMUP}s warm-up + ${SECONDS}s measured per run, ${ROUNDS} rounds (ratios: median of the per-round ratios of back-to-back runs), servers ${PIN ? 'pinned to CPU 0 and autocannon to CPU 1' : 'not pinned'}, tsc-transpiled JS, ${env}, Node ${process.versions.node}, load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
    );
    results.push({ title: `HTTP, ${env}: accepted and refused requests, hand-written vs depends and the guard (autocannon, loopback)`, rows, notes });
  }
  return results;
}

type Runs = Record<string, Record<string, Measured[]>>; // scenario → case → one per round

async function runAll(rows: BenchResult['rows'], notes: string[]): Promise<void> {
  for (const fw of FRAMEWORKS.filter((f) => ONLY.length === 0 || ONLY.includes(f.name))) {
    const runs: Runs = {};
    for (let round = 0; round < ROUNDS; round++) {
      const servers: Record<string, { child: ChildProcess; port: number }> = {};
      try {
        for (const [key, name] of fw.cases) servers[key] = await startServer(name);
        if (round === 0) await sameAnswers(fw.name, servers);
        const order = round % 2 === 0 ? fw.cases : [...fw.cases].reverse();
        for (const scenario of SCENARIOS)
          for (const [key] of order) {
            if (key === 'c' && !scenario.bearerAuth) continue;
            ((runs[scenario.key] ??= {})[key] ??= []).push(await load(servers[key], scenario));
          }
      } finally {
        await Promise.all(Object.values(servers).map((s) => stopServer(s.child)));
      }
    }
    report(fw.name, runs, rows, notes);
  }
}

/** (a) and (b) give the same answers (status, media type, challenge, Cache-Control, body) in every scenario. */
async function sameAnswers(framework: string, servers: Record<string, { port: number }>): Promise<void> {
  for (const scenario of SCENARIOS) {
    const a = await answerOf(servers.a.port, scenario);
    const b = await answerOf(servers.b.port, scenario);
    if (a !== b) throw new Error(`${framework} ${scenario.key}: answers differ\n  hand-written: ${a}\n  depends:      ${b}`);
    if (servers.g) {
      const g = await answerOf(servers.g.port, scenario);
      if (a !== g) throw new Error(`${framework} ${scenario.key}: answers differ\n  hand-written: ${a}\n  guard:        ${g}`);
    }
    if ((JSON.parse(a) as { status: number }).status !== scenario.status) throw new Error(`${framework} ${scenario.key}: expected ${scenario.status}, got ${a}`);
    if (servers.c && scenario.bearerAuth) {
      const c = JSON.parse(await answerOf(servers.c.port, scenario)) as { status: number };
      if (c.status !== scenario.status) throw new Error(`${framework} ${scenario.key}: hono/bearer-auth answered ${c.status}`);
    }
  }
}

const LABELS: Record<string, string> = { a: 'hand-written', b: 'depends', c: 'hono/bearer-auth', g: 'guard' };

function report(framework: string, runs: Runs, rows: BenchResult['rows'], notes: string[]): void {
  // a miss shows three decimals (0.947 would otherwise read 0.95)
  const verdict = (r: number, target: number) => (r >= target ? r.toFixed(2) : `${(Math.floor(r * 1000) / 1000).toFixed(3)} (NOT met)`);
  const perRound = (xs: Measured[], ys: Measured[], f: (x: Measured, y: Measured) => number) => xs.map((x, i) => f(x, ys[i]));
  const missed: string[] = [];
  const missedGuard: string[] = [];
  for (const scenario of SCENARIOS) {
    const byCase = runs[scenario.key];
    if (!byCase?.a || !byCase.b) continue;
    const rps = perRound(byCase.b, byCase.a, (b, a) => b.rps / a.rps);
    const cpu = perRound(byCase.b, byCase.a, (b, a) => a.cpuUs / b.cpuUs);
    const row: BenchResult['rows'][number] = {
      framework,
      scenario: scenario.label,
    };
    for (const key of ['a', 'b', 'c', 'g'] as const) {
      const m = byCase[key];
      if (!m) continue;
      row[`${LABELS[key]} req/s`] = Math.round(median(m.map((x) => x.rps)));
      row[`${LABELS[key]} CPU µs/req`] = Number(median(m.map((x) => x.cpuUs)).toFixed(1));
    }
    row['depends/hand-written req/s (per round)'] = `${verdict(median(rps), 0.95)} [${rps.map((r) => r.toFixed(2)).join(' ')}]`;
    row['by CPU/req'] = `${verdict(median(cpu), 0.95)} [${cpu.map((r) => r.toFixed(2)).join(' ')}]`;
    if (median(rps) < 0.95) missed.push(`${scenario.key} (req/s)`);
    if (byCase.g) {
      const g = perRound(byCase.g, byCase.a, (g, a) => g.rps / a.rps);
      const gCpu = perRound(byCase.g, byCase.a, (g, a) => a.cpuUs / g.cpuUs);
      row['guard/hand-written req/s'] = `${verdict(median(g), 0.95)} [${g.map((r) => r.toFixed(2)).join(' ')}]`;
      row['guard by CPU/req'] = `${verdict(median(gCpu), 0.95)} [${gCpu.map((r) => r.toFixed(2)).join(' ')}]`;
      if (median(g) < 0.95) missedGuard.push(`${scenario.key} (req/s)`);
    }
    if (byCase.c && scenario.status === 401) {
      const vsC = perRound(byCase.b, byCase.c, (b, c) => b.rps / c.rps);
      const vsCcpu = perRound(byCase.b, byCase.c, (b, c) => c.cpuUs / b.cpuUs);
      row['depends/bearer-auth req/s'] = `${verdict(median(vsC), 5)} [${vsC.map((r) => r.toFixed(2)).join(' ')}]`;
      row['depends/bearer-auth by CPU'] = `${verdict(median(vsCcpu), 5)} [${vsCcpu.map((r) => r.toFixed(2)).join(' ')}]`;
    }
    const bad = Object.values(byCase).flat().reduce((n, m) => n + m.errors + m.unexpected, 0);
    if (bad) row['errors or other statuses'] = bad;
    rows.push(row);
  }
  notes.push(`${framework}: depends / hand-written ≥ 0.95 by req/s on every scenario: ${missed.length ? `NOT met for ${missed.join(', ')}` : 'met'}`);
  if (runs[SCENARIOS[0]?.key]?.g) notes.push(`${framework}: guard on the app's own routes / hand-written ≥ 0.95 by req/s on every scenario: ${missedGuard.length ? `NOT met for ${missedGuard.join(', ')}` : 'met'}`);
}
