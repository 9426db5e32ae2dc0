/**
 * Instructions per request (issues 20 and 23): the HTTP bench's servers
 * (`http-servers.ts`: hand-written, depends mounted, the guard), each run
 * under valgrind's callgrind, which counts the instructions the server
 * process executes — every thread of it: JavaScript, V8's compilers and
 * garbage collector, libuv, Node's HTTP parser. Two runs on an otherwise
 * idle machine agree within about 0.5 %, where req/s and even CPU time per
 * request move by 10–20 % from one run to the next. The machine must be
 * idle, though: how many requests one turn of the event loop takes, and
 * when V8's background compiles land, depend on how fast the client sends
 * — a run beside the whole test suite counted the same Koa server up to
 * 45 % higher.
 * It does not see what instructions cost (cache misses, the kernel's side
 * of the socket): it is the CPU work per request, beside the HTTP bench's
 * req/s, not a replacement for it.
 *
 * One server process per case and scenario: `BENCH_INSTR_WARMUP` requests
 * (8 000) so that V8 has compiled the hot code, then three windows of
 * `BENCH_INSTR_REQUESTS` requests (2 000) each counted
 * (`callgrind_control -z`, the requests, `callgrind_control -d`), the
 * least of the three kept: what the code path costs once compiled, without
 * a window that happens to hold a re-optimisation or a full collection
 * (events that only ever add). Every request must get the scenario's
 * status. Servers run two at once (with their clients, the bench's own
 * load on a two-CPU machine). (One process serving every scenario in turn, as mixed
 * traffic, was tried: the guard's refusal rows then differed by up to
 * 1.8× between two runs, with V8's optimisation state depending on the
 * order and timing of the scenarios.)
 * Ratios read like req/s ratios: hand-written instructions / depends
 * instructions (≥ 1: depends does less work per request).
 *
 * Needs valgrind (`apt-get install -y valgrind`); without it the bench says
 * so and measures nothing. Options: `BENCH_INSTR_ONLY=koa,hono`,
 * `BENCH_INSTR_SCENARIOS=accepted,unknown` (default: every scenario),
 * `BENCH_INSTR_ROUNDS` (1), `BENCH_INSTR_MODES=production,default`
 * (default: production).
 *
 * @example
 * ```sh
 * pnpm bench instructions
 * BENCH_INSTR_ONLY=koa BENCH_INSTR_SCENARIOS=unknown pnpm bench instructions
 * ```
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_SCENARIOS, buildServers, FRAMEWORKS, type Scenario } from './http.bench.js';
import { canCount, countServer } from './callgrind.js';
import { median } from './processes.js';
import type { BenchResult } from './run.js';

const WARMUP = Number(process.env.BENCH_INSTR_WARMUP ?? 8_000);
const REQUESTS = Number(process.env.BENCH_INSTR_REQUESTS ?? 2_000);
const WINDOWS = 3;
const ROUNDS = Math.max(1, Number(process.env.BENCH_INSTR_ROUNDS ?? 1));
const CONNECTIONS = 10;
const ONLY = (process.env.BENCH_INSTR_ONLY ?? '').split(',').filter(Boolean);
const ONLY_SCENARIOS = (process.env.BENCH_INSTR_SCENARIOS ?? '').split(',').filter(Boolean);
const MODES = (process.env.BENCH_INSTR_MODES ?? 'production').split(',').filter(Boolean);
const LABELS: Record<string, string> = { a: 'hand-written', b: 'depends', c: 'hono/bearer-auth', g: 'guard' };

/** One server to measure: a case, the scenario it serves, a round. */
interface Task {
  framework: string;
  key: string;
  name: string;
  scenario: Scenario;
  round: number;
}

/**
 * Counts, per framework and scenario, the instructions per request of the
 * hand-written server, depends mounted and the guard, with the ratios.
 *
 * @example
 * ```sh
 * pnpm bench instructions
 * ```
 */
export async function run(): Promise<BenchResult[]> {
  if (!canCount()) {
    return [{ title: 'Instructions per request (callgrind)', rows: [], notes: ['not measured: valgrind is not installed (apt-get install -y valgrind)'] }];
  }
  const scenarios = ALL_SCENARIOS.filter((s) => ONLY_SCENARIOS.length === 0 || ONLY_SCENARIOS.includes(s.key));
  const frameworks = FRAMEWORKS.filter((f) => ONLY.length === 0 || ONLY.includes(f.name));
  const results: BenchResult[] = [];
  const built = buildServers();
  const dumps = mkdtempSync(join(tmpdir(), 'depends-callgrind-'));
  try {
    for (const mode of MODES) {
      const tasks: Task[] = [];
      for (let round = 0; round < ROUNDS; round++)
        for (const f of frameworks)
          for (const [key, name] of f.cases) for (const scenario of scenarios) if (key !== 'c' || scenario.bearerAuth) tasks.push({ framework: f.name, key, name, scenario, round });
      /** Instructions per request, by round, framework, case and scenario. */
      const counts = new Map<string, number>();
      let next = 0;
      const worker = async () => {
        while (next < tasks.length) {
          const task = tasks[next++];
          counts.set(`${task.round} ${task.framework} ${task.key} ${task.scenario.key}`, await measure(built.script, built.dir, dumps, task, mode));
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
      results.push(report(frameworks, scenarios, counts, mode));
    }
  } finally {
    rmSync(dumps, { recursive: true, force: true });
    if (!process.env.BENCH_HTTP_KEEP) rmSync(built.dir, { recursive: true, force: true });
  }
  return results;
}

/** One server under callgrind, warmed up on its scenario and counted (see `countServer`). */
function measure(script: string, cwd: string, dumps: string, task: Task, mode: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  if (mode === 'default') delete env.NODE_ENV;
  const { path, authorization, status } = task.scenario;
  return countServer(
    { args: [script, task.name], name: `${task.name}-${task.scenario.key}-${task.round}`, cwd, env, path, authorization, status },
    { warmup: WARMUP, requests: REQUESTS, windows: WINDOWS, connections: CONNECTIONS, dumps },
  );
}

function report(frameworks: typeof FRAMEWORKS, scenarios: readonly Scenario[], counts: Map<string, number>, mode: string): BenchResult {
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  const of = (framework: string, scenario: string, key: string) => {
    const xs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const n = counts.get(`${round} ${framework} ${key} ${scenario}`);
      if (n !== undefined) xs.push(n);
    }
    return xs;
  };
  const below: string[] = [];
  for (const f of frameworks)
    for (const scenario of scenarios) {
      const a = of(f.name, scenario.key, 'a');
      const row: BenchResult['rows'][number] = { framework: f.name, scenario: scenario.label };
      for (const key of ['a', 'b', 'c', 'g']) {
        const xs = of(f.name, scenario.key, key);
        if (xs.length) row[`${LABELS[key]} instructions/req`] = Math.round(median(xs));
      }
      for (const key of ['b', 'g']) {
        const xs = of(f.name, scenario.key, key);
        if (!xs.length) continue;
        const ratios = xs.map((x, i) => a[i] / x);
        const r = median(ratios);
        row[`hand-written/${LABELS[key]} (per round)`] = `${r.toFixed(3)} [${ratios.map((x) => x.toFixed(3)).join(' ')}]`;
        if (r < 0.95) below.push(`${f.name} ${LABELS[key]} ${scenario.key} ${r.toFixed(3)}`);
      }
      rows.push(row);
    }
  notes.push(`below 0.95 (hand-written / depends instructions): ${below.length ? below.join('; ') : 'none'}`);
  notes.push(
    `callgrind, every thread of the server process; one process per case and scenario, ${WARMUP} requests of warm-up, then the least of ${WINDOWS} windows of ${REQUESTS} counted requests, ${CONNECTIONS} connections, ${ROUNDS} rounds (ratios: median of per-round ratios), tsc-transpiled JS, ${mode === 'default' ? 'no NODE_ENV' : `NODE_ENV=${mode}`}, Node ${process.versions.node}`,
  );
  return { title: `Instructions per request (callgrind), ${mode === 'default' ? 'no NODE_ENV' : `NODE_ENV=${mode}`}: hand-written vs depends and the guard`, rows, notes };
}
