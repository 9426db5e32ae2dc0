/**
 * A real `redis-server` (Debian's package) for the tests: started on a free
 * port with no persistence, stopped after. Where it is not installed the
 * tests that need it are skipped on a developer's machine and fail under
 * `CI=true`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where Debian installs it (override with `REDIS_SERVER`). */
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
/** Whether the binary is there. */
export const redisAvailable = existsSync(REDIS_SERVER);
/** Under CI a missing redis-server is a failure, never a skip. */
export const redisRequired = process.env.CI === 'true';

/** A running redis-server. */
export interface RunningRedis {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server on 127.0.0.1 and a free port; resolves once it
 * accepts connections.
 *
 * @example
 * ```ts
 * const redis = await startRedis()
 * const client = new Redis(redis.url)
 * await redis.stop()
 * ```
 */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${out}`));
    });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
