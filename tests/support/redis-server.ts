/**
 * A real `redis-server` (Debian's package) for the tests: started on a free
 * port (or a given one, to restart it where the clients expect it) with no
 * persistence and its own temporary folder, ready once it answers `PING`,
 * stopped after; and the clients the tests connect to it, made as an app
 * makes them. Where it is not installed the tests that need it are skipped
 * on a developer's machine and fail under `CI=true`. Shared by the Redis
 * tests of `@depends/rate-limit` and `@depends/jwt` (DPoP replay store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

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
  /** Stops it (SIGTERM) and resolves once the process has exited. */
  stop(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing is answered — a hung server. */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
}


/** One `PING` over a fresh connection: whether `+PONG` came back. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

/**
 * Starts redis-server on 127.0.0.1 (a free port, or `port`); resolves once
 * it answers `PING` (tried again every 50 ms, for up to 30 s).
 *
 * @example
 * ```ts
 * const redis = await startRedis()
 * const client = new Redis(redis.url)
 * await redis.stop()
 * const again = await startRedis({ port: redis.port }) // the clients reconnect to it
 * ```
 */
export async function startRedis(options: { port?: number } = {}): Promise<RunningRedis> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'depends-redis-'));
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      cleanup();
      throw new Error(`redis-server exited (${child.exitCode}): ${out}`);
    }
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      cleanup();
      throw new Error(`redis-server did not answer PING on port ${port}: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      if (child.signalCode === null) child.kill('SIGCONT'); // a paused server handles SIGTERM only once resumed
      await exited;
      cleanup();
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
  };
}

/** What the tests need of an ioredis client (the type is the test's own import of ioredis). */
interface TestClient {
  readonly status: string;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  disconnect(): void;
}

/**
 * Redis clients as an app makes them (ioredis' defaults: they queue
 * commands and reconnect on their own), each connected before it is given
 * (`all` lists them, oldest first) and every one disconnected by
 * `disconnectAll()`. Connection errors are
 * swallowed: they are expected while the server is stopped.
 *
 * @example
 * ```ts
 * const clients = redisClients((url) => new Redis(url))
 * const c = await clients.connect(redis.url)
 * clients.disconnectAll()
 * ```
 */
export function redisClients<C extends TestClient>(make: (url: string) => C): { readonly all: readonly C[]; connect(url: string): Promise<C>; disconnectAll(): void } {
  const made: C[] = [];
  return {
    all: made,
    async connect(url) {
      const c = make(url);
      c.on('error', () => {}); // connection errors are expected while the server is stopped
      made.push(c);
      if (c.status !== 'ready') await new Promise<void>((resolve) => c.once('ready', () => resolve()));
      return c;
    },
    disconnectAll() {
      for (const c of made) c.disconnect();
    },
  };
}
