/**
 * `pnpm start`'s entry point as a user runs it: a separate process started
 * with node and tsx's loader (no wrapper process between a signal and the
 * server), configured by environment variables, printing the docs URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { secretFileFor } from '../src/config.js';
import { FRAMEWORKS, send } from './helpers.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
/** The package's `start` script, as node's arguments (the same command, so the test runs what users run). */
const startArgs = (JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ').slice(1);
const dir = mkdtempSync(join(tmpdir(), 'todo-api-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
  stop(): Promise<number | null>;
}

/** Starts `src/main.ts` as `pnpm start` does and waits for the `Docs:` and `OpenAPI:` lines. */
async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, startArgs, {
    cwd: exampleDir,
    env: { ...process.env, PORT: '0', JWT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Docs:" and "OpenAPI:" lines within 20 s:\n${out}`)), 20_000);
    const check = () => {
      // the last line printed: every line before it is in `out` too
      const m = /Docs: (http:\/\/127\.0\.0\.1:\d+)\/docs\n[^]*OpenAPI: \S+\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    base,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe.each(FRAMEWORKS)('main.ts with FRAMEWORK=%s', (framework) => {
  test('starts, prints the docs and OpenAPI URLs, serves the API, stops on SIGTERM', async () => {
    const databasePath = join(dir, framework, 'todo.sqlite');
    const main = await startMain({ FRAMEWORK: framework, DATABASE_PATH: databasePath });
    try {
      expect(main.output()).toContain(`Todo API on ${framework}: ${main.base}`);
      expect(main.output()).toContain(`OpenAPI: ${main.base}/openapi.json`);
      const status = await send(main.base, 'GET', '/status');
      expect(status.status, main.output()).toBe(200);
      expect(status.json()).toEqual({ status: 'ok' });
      expect((await send(main.base, 'GET', '/docs')).status, main.output()).toBe(200);
      expect(existsSync(databasePath)).toBe(true);
      expect(readFileSync(secretFileFor(databasePath), 'utf8').trim()).toMatch(/^[\w-]{43}$/);
    } finally {
      const code = await main.stop();
      expect(code, `exit code after SIGTERM; output:\n${main.output()}`).toBe(0);
    }
  });
});

test('the generated JWT secret is kept: a token survives a restart', async () => {
  const env = { FRAMEWORK: 'express', DATABASE_PATH: join(dir, 'restart', 'todo.sqlite') };
  const first = await startMain(env);
  let token: string;
  try {
    const res = await send(first.base, 'POST', '/token', { form: { grant_type: 'password', username: 'johndoe', password: 'secret' } });
    token = res.json().access_token;
  } finally {
    await first.stop();
  }
  const second = await startMain({ ...env, FRAMEWORK: 'hono' });
  try {
    const me = await send(second.base, 'GET', '/users/me', { bearer: token });
    expect(me.status).toBe(200);
    expect(me.json().username).toBe('johndoe');
  } finally {
    await second.stop();
  }
});

test('a bad FRAMEWORK fails with a clear message', async () => {
  await expect(startMain({ FRAMEWORK: 'flask', DATABASE_PATH: join(dir, 'bad', 'todo.sqlite') })).rejects.toThrow(
    /FRAMEWORK must be one of express, koa, hono, fastify/,
  );
});
