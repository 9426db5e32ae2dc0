/**
 * What one `throw` costs a Node HTTP server (issue 14): the same 401 after
 * a failed token lookup, the refusal either returned or thrown and caught
 * (see `bench/throw-servers.mjs`), each case in its own process under
 * autocannon; the server's CPU time per request, paired rounds.
 *
 * This is the floor under an application's `throw invalidToken()`: a
 * library can refuse without throwing (depends' schemes, `withScopes` and
 * request sources do), but a `throw` in the application's own code costs
 * what V8 charges for it. Synchronously inside Node's `request` event
 * (where every framework runs a route) V8 also builds a message object
 * for each throw, as nothing above it in the native call would catch it;
 * after a promise continuation it does not.
 *
 * Settings (env): `BENCH_THROW_SECONDS` (default 3), `BENCH_THROW_ROUNDS`
 * (default 3), `BENCH_HTTP_CONNECTIONS` (default 20), `BENCH_HTTP_PIN=0`.
 *
 * @example
 * ```sh
 * pnpm bench throw
 * ```
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.js';
import { autocannon, cpuOf, LOAD_PREFIX, median, PIN, startPinned, stopServer } from './processes.js';

const script = fileURLToPath(new URL('./throw-servers.mjs', import.meta.url));
const SECONDS = Number(process.env.BENCH_THROW_SECONDS ?? 3);
const ROUNDS = Math.max(1, Number(process.env.BENCH_THROW_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 20);
const CASES = ['returned', 'thrown', 'thrown-in-microtask', 'thrown-error'] as const;
const LABELS: Record<(typeof CASES)[number], string> = {
  returned: 'refusal returned (no throw)',
  thrown: 'thrown without a stack, synchronously in the request event',
  'thrown-in-microtask': 'thrown without a stack, after one promise continuation',
  'thrown-error': 'thrown Error with its stack, synchronously',
};

/** Server CPU µs per request over one measured run (after a 1 s warm-up). */
async function measure(server: { child: ChildProcess; port: number }): Promise<number> {
  const url = `http://127.0.0.1:${server.port}/me`;
  const args = (seconds: number) => ['-c', String(CONNECTIONS), '-d', String(seconds), '-H', 'authorization=Bearer nope', url];
  await autocannon(args(1), 1, LOAD_PREFIX);
  const before = await cpuOf(server.child);
  const r = await autocannon(args(SECONDS), SECONDS, LOAD_PREFIX);
  const statuses = Object.keys(r.statusCodeStats ?? {});
  if (statuses.length !== 1 || statuses[0] !== '401') throw new Error(`expected only 401s, got ${statuses.join(', ')}`);
  return ((await cpuOf(server.child)) - before) / Math.max(1, r.requests.total);
}

/**
 * Measures each case, `ROUNDS` times, in alternating order; reports CPU µs
 * per request (median) and each case's extra cost over the returned
 * refusal (median of per-round differences).
 */
export async function run(): Promise<BenchResult> {
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? CASES : [...CASES].reverse();
    for (const name of order) {
      const server = await startPinned([script], name);
      try {
        (cpu[name] ??= []).push(await measure(server));
      } finally {
        await stopServer(server.child);
      }
    }
  }
  const rows = CASES.map((name) => {
    const extra = cpu[name].map((v, i) => v - cpu.returned[i]);
    return {
      case: LABELS[name],
      'CPU µs/req (median)': Number(median(cpu[name]).toFixed(2)),
      'per round': cpu[name].map((v) => v.toFixed(2)).join(' '),
      'extra µs over returned (median of rounds)': name === 'returned' ? '' : median(extra).toFixed(2),
      'returned / this, by CPU': name === 'returned' ? '' : (median(cpu.returned) / median(cpu[name])).toFixed(2),
    };
  });
  return {
    title: 'One throw in a Node HTTP server: the same 401, the refusal returned or thrown (node:http, autocannon, loopback)',
    rows,
    notes: [
      `${CONNECTIONS} connections, 1s warm-up + ${SECONDS}s measured per case, ${ROUNDS} rounds in alternating order, servers ${PIN ? 'pinned to CPU 0 and autocannon to CPU 1' : 'not pinned'}, NODE_ENV=production, Node ${process.versions.node}, load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`,
    ],
  };
}
