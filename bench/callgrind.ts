/**
 * Counting instructions under valgrind, shared by the counting benches
 * (`instructions.bench.ts`, `jwt-instructions.bench.ts`): a server run under
 * callgrind and counted per request over windows of requests, and a script
 * run under cachegrind whose instruction total is read at its exit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autocannon, portOf, stopServer } from './processes.js';

export const VALGRIND = '/usr/bin/valgrind';
const CONTROL = '/usr/bin/callgrind_control';

/**
 * Whether valgrind and callgrind_control are installed; the counting
 * benches measure nothing without them.
 *
 * @example
 * ```ts
 * if (!canCount()) return { title, rows: [], notes: ['not measured: valgrind is not installed'] }
 * ```
 */
export const canCount = (): boolean => existsSync(VALGRIND) && existsSync(CONTROL);

/** One server to count: how to start it, and the request it is counted on. */
export interface CountedServer {
  /** Node arguments (the script and its own arguments). */
  readonly args: readonly string[];
  /** Its name, for messages and dump files (unique among those counted into the same `dumps` folder at once). */
  readonly name: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly path: string;
  readonly authorization?: string;
  /** The status every request must get. */
  readonly status: number;
}

/** How long to warm up and how much to count. */
export interface CountOptions {
  /** Requests before counting. */
  readonly warmup: number;
  /** Requests per counted window. */
  readonly requests: number;
  /** Counted windows; the least is kept. */
  readonly windows: number;
  readonly connections: number;
  /** Where callgrind writes its dumps. */
  readonly dumps: string;
}

/**
 * A server under callgrind (every thread of its process): warmed up on its
 * request, then counted over `windows` windows (`callgrind_control -z`,
 * the requests, `callgrind_control -d`); the least instructions per request
 * of the windows (a window holding a re-optimisation or a full collection
 * only ever adds). Every request must get the server's status.
 *
 * @example
 * ```ts
 * const perRequest = await countServer({ args: ['servers.js', 'koa-guard'], name: 'koa-guard', cwd, env, path: '/me', status: 200 }, options)
 * ```
 */
export async function countServer(server: CountedServer, options: CountOptions): Promise<number> {
  const out = join(options.dumps, `${server.name}.%p.out`);
  const child: ChildProcess = spawn(VALGRIND, ['--tool=callgrind', `--callgrind-out-file=${out}`, '--dump-instr=no', '--dump-line=no', process.execPath, ...server.args], {
    cwd: server.cwd,
    env: server.env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const port = await portOf(child, server.name, 300_000);
    await load(port, server, options.warmup, options.connections);
    let least = Infinity;
    for (let w = 0; w < options.windows; w++) {
      callgrind('-z', child.pid!);
      await load(port, server, options.requests, options.connections);
      callgrind('-d', child.pid!);
      least = Math.min(least, totalOf(options.dumps, `${server.name}.${child.pid}.out`) / options.requests);
    }
    return least;
  } finally {
    await stopServer(child);
  }
}

/** `n` requests; every one must get the server's status. */
async function load(port: number, server: CountedServer, n: number, connections: number): Promise<void> {
  const url = `http://127.0.0.1:${port}${server.path}`;
  const r = await autocannon(['-c', String(connections), '-a', String(n), '-t', '120', ...(server.authorization ? ['-H', `authorization=${server.authorization}`] : []), url], 1200);
  const other = Object.entries(r.statusCodeStats ?? {}).reduce((sum, [code, v]) => (code === String(server.status) ? sum : sum + v.count), 0);
  if (r.requests.total < n || other > 0 || r.errors + r.timeouts > 0) throw new Error(`${server.name} ${url}: ${r.requests.total} of ${n} requests, ${other} with another status than ${server.status}, ${r.errors + r.timeouts} errors`);
}

function callgrind(command: '-z' | '-d', pid: number): void {
  const r = spawnSync(CONTROL, [command, String(pid)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`callgrind_control ${command} ${pid}: ${r.stderr || r.stdout}`);
}

/** The instruction total (`totals:` or `summary:` line) of the last dump `callgrind_control -d` wrote for `prefix` (`<prefix>.<n>`). */
function totalOf(dir: string, prefix: string): number {
  const numbered = readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}.`) && /\.\d+$/.test(f))
    .sort((x, y) => Number(y.slice(prefix.length + 1)) - Number(x.slice(prefix.length + 1)));
  const m = numbered.length ? /^(?:totals|summary): (\d+)/m.exec(readFileSync(join(dir, numbered[0]), 'utf8')) : null;
  if (!m) throw new Error(`no callgrind dump for ${prefix}`);
  return Number(m[1]);
}

/**
 * The instructions a Node process executes from start to exit, under
 * cachegrind (every thread). Run twice with different amounts of work, the
 * difference is the work's own count.
 *
 * @example
 * ```ts
 * const perCall = ((await countProcess(['loop.mjs', '1000'], env)) - (await countProcess(['loop.mjs', '0'], env))) / 1000
 * ```
 */
export function countProcess(args: readonly string[], env: NodeJS.ProcessEnv, nodeFlags: readonly string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(VALGRIND, ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...nodeFlags, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`${args.join(' ')}: exit ${code}\n${err.slice(-2000)}`));
      resolve(Number(m[1].replaceAll(',', '')));
    });
  });
}
