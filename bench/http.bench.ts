/**
 * HTTP benchmark (issue 5): per framework, the same `GET /me` (bearer token
 * check + user lookup, JSON answer) served (a) with a hand-written
 * middleware on the bare framework, (b) through depends, and on Hono (c)
 * with Hono's own `bearerAuth`. Each server runs alone in a child process
 * (`bench/http-servers.ts`); the load comes from autocannon's CLI in
 * another process, over loopback. One warm-up and one measured run per
 * case, same machine, same settings.
 *
 * The servers run as plain JavaScript, as `pnpm build` (tsc) would emit it:
 * the sources are transpiled with the TypeScript compiler into a temporary
 * folder first. (Running them through tsx would add esbuild's `keepNames`
 * wrapper to every closure created per request, a cost production code
 * does not pay.)
 *
 * Settings (env): `BENCH_HTTP_SECONDS` (default 5), `BENCH_HTTP_CONNECTIONS`
 * (default 20), `BENCH_HTTP_WARMUP` seconds (default 2); for diagnosis,
 * `BENCH_HTTP_ROUNDS` (default 1: one run per case; with N, the cases of a
 * framework are measured N times interleaved, a b c a b c …, and each
 * figure is the median: for a machine busy with other work),
 * `BENCH_HTTP_ONLY=koa,hono` (frameworks to run) and `BENCH_HTTP_NODE_ARGS`
 * (extra node arguments for the server processes, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 *
 * Besides req/s and latency, the server process's own CPU time per request
 * is reported (from `process.cpuUsage()` around the measured run): other
 * load on the machine moves req/s a lot and CPU per request far less.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { request } from 'undici';
import type { BenchResult } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./http-servers.ts', import.meta.url));
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 20);
const WARMUP = Number(process.env.BENCH_HTTP_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_HTTP_ROUNDS ?? 1));
const ONLY = (process.env.BENCH_HTTP_ONLY ?? '').split(',').filter(Boolean);
const NODE_ARGS = (process.env.BENCH_HTTP_NODE_ARGS ?? '').split(' ').filter(Boolean);
const TOKEN = 'Bearer token-1';
const EXPECTED = { id: 1, username: 'johndoe', email: 'john@example.com' };

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
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
function buildServers(): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'depends-http-bench-'));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: true };
  const files = [serverScript];
  for (const pkg of ['core', 'express', 'koa', 'hono']) {
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
    js = js.replace(/(from\s+|import\s*\(\s*)'@depends\/(core|express|koa|hono)'/g, (_, kw: string, pkg: string) => {
      const target = relative(dirname(out), join(dir, 'packages', pkg, 'src', 'index.js'));
      return `${kw}'${target.startsWith('.') ? target : `./${target}`}'`;
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, script: join(dir, relative(root, serverScript)).replace(/\.ts$/, '.js') };
}

let built: { dir: string; script: string } | undefined;

/** Starts one case's server in its own process; resolves with its port. */
function startServer(name: string): Promise<{ child: ChildProcess; port: number }> {
  built ??= buildServers();
  const child = spawn(process.execPath, [...NODE_ARGS, built.script, name], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name}: server did not start`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`${name}: server exited (${code})`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The server process's CPU time so far (user + system, µs), asked over IPC. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as NodeJS.CpuUsage).user + (m as NodeJS.CpuUsage).system));
    child.send('cpu');
  });
}

/** Runs autocannon's CLI (its own process) and returns its JSON result. */
function autocannon(url: string, seconds: number): Promise<Omit<Measured, 'cpuUs'>> {
  const args = [autocannonCli, '-c', String(CONNECTIONS), '-d', String(seconds), '-H', `authorization=${TOKEN}`, '-j', '-n', url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      try {
        const r = JSON.parse(out) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number };
          errors: number;
          timeouts: number;
          non2xx: number;
        };
        resolve({ rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });
      } catch {
        reject(new Error(`autocannon exited ${code} without a result`));
      }
    });
  });
}

async function measure(name: string): Promise<Measured> {
  const { child, port } = await startServer(name);
  try {
    const url = `http://127.0.0.1:${port}/me`;
    // Same answer from every case before loading it.
    const ok = await request(url, { headers: { authorization: TOKEN } });
    const body = await ok.body.json();
    if (ok.statusCode !== 200 || JSON.stringify(body) !== JSON.stringify(EXPECTED)) throw new Error(`${name}: unexpected answer ${ok.statusCode} ${JSON.stringify(body)}`);
    const denied = await request(url, { headers: { authorization: 'Bearer nope' } });
    await denied.body.text();
    if (denied.statusCode !== 401) throw new Error(`${name}: an unknown token got ${denied.statusCode}`);
    if (WARMUP > 0) await autocannon(url, WARMUP);
    const before = await cpuOf(child);
    const result = await autocannon(url, SECONDS);
    const cpu = (await cpuOf(child)) - before;
    return { ...result, cpuUs: cpu / Math.max(1, result.total) };
  } finally {
    await stopServer(child);
  }
}

/** Each figure's median over several runs (the run itself when there is one). */
function medians(runs: readonly Measured[]): Measured {
  const median = (pick: (m: Measured) => number) => {
    const v = runs.map(pick).sort((x, y) => x - y);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  return {
    rps: median((m) => m.rps),
    p50: median((m) => m.p50),
    p99: median((m) => m.p99),
    cpuUs: median((m) => m.cpuUs),
    total: median((m) => m.total),
    errors: runs.reduce((n, m) => n + m.errors, 0),
    non2xx: runs.reduce((n, m) => n + m.non2xx, 0),
  };
}

const FRAMEWORKS: readonly { name: string; cases: readonly [string, string][] }[] = [
  { name: 'express', cases: [['a', 'express-manual'], ['b', 'express-depends']] },
  { name: 'koa', cases: [['a', 'koa-manual'], ['b', 'koa-depends']] },
  { name: 'hono', cases: [['a', 'hono-manual'], ['b', 'hono-depends'], ['c', 'hono-bearerAuth']] },
];

const LABELS: Record<string, string> = { a: '(a) hand-written middleware', b: '(b) depends', c: '(c) hono/bearer-auth' };

/**
 * Runs every case and reports req/s, p50 and p99 latency per case, and the
 * ratios (b)/(a) (target ≥ 0.95) and, on Hono, (b)/(c) (target ≥ 1).
 *
 * @example
 * ```sh
 * pnpm bench http
 * BENCH_HTTP_SECONDS=10 pnpm bench http
 * ```
 */
export async function run(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  try {
    await runAll(rows, notes);
  } finally {
    if (built) rmSync(built.dir, { recursive: true, force: true });
    built = undefined;
  }
  notes.push(
    `${CONNECTIONS} connections, ${WARMUP}s warm-up + ${SECONDS}s measured per case, ${ROUNDS === 1 ? 'one run per case' : `median of ${ROUNDS} interleaved runs per case`}, one server process per run (tsc-transpiled JS), Node ${process.versions.node}, load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
  );
  return { title: 'HTTP: bearer check + user lookup, GET /me (autocannon, loopback)', rows, notes };
}

async function runAll(rows: BenchResult['rows'], notes: string[]): Promise<void> {
  for (const fw of FRAMEWORKS.filter((f) => ONLY.length === 0 || ONLY.includes(f.name))) {
    const runs: Record<string, Measured[]> = {};
    for (let round = 0; round < ROUNDS; round++) for (const [key, name] of fw.cases) (runs[key] ??= []).push(await measure(name));
    const got: Record<string, Measured> = {};
    for (const [key] of fw.cases) {
      const m = (got[key] = medians(runs[key]));
      rows.push({
        framework: fw.name,
        case: LABELS[key],
        'req/s': Math.round(m.rps),
        'p50 ms': m.p50,
        'p99 ms': m.p99,
        'server CPU µs/req': Number(m.cpuUs.toFixed(1)),
        'errors+non2xx': m.errors + m.non2xx,
      });
    }
    const verdict = (r: number, target: number) => `${r.toFixed(3)} ${r >= target ? `≥ ${target}: met` : `< ${target}: NOT met`}`;
    // req/s ratio; and the same ratio from server CPU time per request (a/b), which other load on the machine disturbs far less.
    notes.push(`${fw.name}: (b)/(a) req/s = ${verdict(got.b.rps / got.a.rps, 0.95)}; by server CPU per request = ${verdict(got.a.cpuUs / got.b.cpuUs, 0.95)}`);
    if (got.c) notes.push(`${fw.name}: (b)/(c) req/s = ${verdict(got.b.rps / got.c.rps, 1)}; by server CPU per request = ${verdict(got.c.cpuUs / got.b.cpuUs, 1)}`);
  }
}
