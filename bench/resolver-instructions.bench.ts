/**
 * The resolver bench's cases (`resolver.bench.ts`) counted in instructions
 * instead of timed (issue 23): each case runs alone in a process under
 * valgrind's cachegrind, twice — warm-up only, then warm-up and `N` more
 * calls — and the difference divided by `N` is the instructions one call
 * takes once V8 has compiled it (the process's start, the warm-up and the
 * exit cancel out). Timed in process, two identical copies of the same
 * code differ by up to 20 % from one round to the next (V8's compile
 * decisions, the machine's other load); these counts do not move with
 * either. Every case runs in a process of its own, so the JIT sees one
 * route, not the mix the timed bench alternates, and with V8's
 * `--predictable --predictable-gc-schedule`: it compiles on the main
 * thread, during the warm-up (no background compile finishing late inside
 * the counted calls: without it, two runs of the same case differed by up
 * to 2.5×), and collects garbage on a fixed schedule rather than one tuned
 * to the speed it measures (with `--single-threaded` alone, two runs still
 * differed by up to a third on some cases). The same case counted four times
 * at once beside a running bench: equal within 0.2 %.
 *
 * Needs valgrind (`apt-get install -y valgrind`); without it the bench says
 * so and measures nothing. `BENCH_RESOLVER_CALLS` (100 000) and
 * `BENCH_RESOLVER_WARMUP` (100 000) set the counts.
 *
 * @example
 * ```sh
 * pnpm bench resolver-instructions
 * ```
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { acceptedCases, refusedCases } from './resolver.bench.js';
import { canCount, countProcess } from './callgrind.js';
import type { BenchResult } from './run.js';

const CALLS = Number(process.env.BENCH_RESOLVER_CALLS ?? 100_000);
const WARMUP = Number(process.env.BENCH_RESOLVER_WARMUP ?? 100_000);
const here = fileURLToPath(import.meta.url);

/** The pairs compared: depends' case, the hand-written case doing the same work. */
const PAIRS: readonly [string, string][] = [
  ['depends: 6 dependencies (async service + teardown)', 'hand-written: same work'],
  ['depends: 6 dependencies (async service + teardown)', 'hand-written, transaction as an async generator'],
  ['depends: all-sync route', 'hand-written: all-sync'],
  ...['200 accepted', '401 missing credential', '401 unknown token (invalidToken())', '401 unknown token (refuse(invalidToken()))', '403 missing scope', '422 invalid query'].map(
    (s): [string, string] => [`depends: ${s}`, `hand-written: ${s}`],
  ),
];

/**
 * Counts every case's instructions per call and reports depends /
 * hand-written per pair (target ≤ 1.2).
 *
 * @example
 * ```sh
 * pnpm bench resolver-instructions
 * ```
 */
export async function run(): Promise<BenchResult> {
  const title = 'Resolver in instructions per call (cachegrind): depends vs hand-written, each case alone in its process';
  if (!canCount()) return { title, rows: [], notes: ['not measured: valgrind is not installed (apt-get install -y valgrind)'] };
  const names = [...new Set(PAIRS.flat())];
  const runs: [string, number][] = names.flatMap((name) => [[name, 0] as [string, number], [name, CALLS] as [string, number]]);
  const totals = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const [name, calls] = runs[next++];
      totals.set(`${name} ${calls}`, await count(name, calls));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  const perCall = (name: string) => (totals.get(`${name} ${CALLS}`)! - totals.get(`${name} 0`)!) / CALLS;
  const rows = PAIRS.map(([d, h]) => {
    const ratio = perCall(d) / perCall(h);
    return { depends: d.slice('depends: '.length), 'hand-written': h.slice('hand-written'.length).replace(/^[:,] /, '') || 'same', 'depends instructions/call': Math.round(perCall(d)), 'hand-written instructions/call': Math.round(perCall(h)), 'depends / hand-written': `${ratio.toFixed(3)}${ratio <= 1.2 ? '' : ' (NOT ≤ 1.2)'}` };
  });
  return {
    title,
    rows,
    notes: [`cachegrind, every thread of the process; ${WARMUP} calls of warm-up, the difference between a run with ${CALLS} more calls and one without, per call; Node ${process.versions.node}, NODE_ENV=${process.env.NODE_ENV ?? ''}`],
  };
}

/** The instructions of one process running `name`: warm-up, then `calls` more calls (V8 in its predictable mode). */
function count(name: string, calls: number): Promise<number> {
  return countProcess([...process.execArgv, here, name, String(calls)], process.env, ['--predictable', '--predictable-gc-schedule']);
}

/** In the child: one case, warm-up then `calls` calls, awaiting the asynchronous ones. */
async function runCase(name: string, calls: number): Promise<void> {
  const found = [...acceptedCases(), ...refusedCases()].find(([n]) => n === name);
  if (!found) throw new Error(`no case "${name}"`);
  const fn = found[1];
  for (let i = 0; i < WARMUP + calls; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
}

if (process.argv[1] === here && process.argv.length === 4) await runCase(process.argv[2], Number(process.argv[3]));
