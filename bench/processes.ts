/**
 * What the HTTP benches share: a server in its own process (started, its
 * `PORT <n>` line awaited, its CPU time asked over IPC, stopped) and
 * autocannon's CLI run in another process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

const TASKSET = '/usr/bin/taskset';
/** Whether servers run pinned to CPU 0 and the load to CPU 1 (`taskset`, 2+ CPUs; `BENCH_HTTP_PIN=0` turns it off). */
export const PIN = process.env.BENCH_HTTP_PIN !== '0' && availableParallelism() >= 2 && existsSync(TASKSET);
/** The prefix that pins autocannon to CPU 1 (empty when not pinning), for {@link autocannon}. */
export const LOAD_PREFIX: readonly string[] = PIN ? [TASKSET, '-c', '1'] : [];

/**
 * Starts a server process (`node …args name`) with `NODE_ENV=production`
 * (or none when `BENCH_SERVER_NODE_ENV=default`),
 * pinned to CPU 0 when {@link PIN}, with an IPC channel for {@link cpuOf};
 * resolves once it has printed its port.
 *
 * @example
 * ```ts
 * const server = await startPinned([script], 'hono-depends')
 * ```
 */
export async function startPinned(args: readonly string[], name: string, cwd?: string): Promise<{ child: ChildProcess; port: number }> {
  const command = [process.execPath, ...args, name];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  // `BENCH_SERVER_NODE_ENV=default`: started as `node server.js` starts, with no NODE_ENV at all
  if (process.env.BENCH_SERVER_NODE_ENV === 'default') delete env.NODE_ENV;
  const child = spawn(PIN ? TASKSET : command[0], PIN ? ['-c', '0', ...command] : command.slice(1), {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return { child, port: await portOf(child, name) };
}

/**
 * The median (the mean of the two middle values for an even count).
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]) // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  const v = [...values].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/**
 * Resolves with the port a server process prints as `PORT <n>` (`timeout` ms at most, 20 s by default).
 *
 * @example
 * ```ts
 * const port = await portOf(spawn(process.execPath, [script, name], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] }), name)
 * ```
 */
export function portOf(child: ChildProcess, name: string, timeout = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name}: server did not start`)), timeout);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`${name}: server exited (${code})`)));
  });
}

/**
 * Stops a server process (SIGTERM, SIGKILL after 3 s).
 *
 * @example
 * ```ts
 * await stopServer(child)
 * ```
 */
export function stopServer(child: ChildProcess): Promise<void> {
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

/**
 * The server process's CPU time so far (user + system, µs), asked over IPC.
 *
 * @example
 * ```ts
 * const before = await cpuOf(child)
 * ```
 */
export function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as NodeJS.CpuUsage).user + (m as NodeJS.CpuUsage).system));
    child.send('cpu');
  });
}

/** The parts of autocannon's JSON result the benches read. */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

/**
 * Runs autocannon's CLI in its own process (`prefix`: e.g. `taskset -c 1`)
 * and returns its JSON result.
 *
 * @example
 * ```ts
 * const r = await autocannon(['-c', '20', '-d', '5', url], 5)
 * ```
 */
export function autocannon(args: readonly string[], seconds: number, prefix: readonly string[] = []): Promise<AutocannonResult> {
  const command = [...prefix, process.execPath, autocannonCli, ...args.slice(0, -1), '-j', '-n', args[args.length - 1]];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as AutocannonResult);
      } catch {
        reject(new Error(`autocannon exited ${code} without a result`));
      }
    });
  });
}
