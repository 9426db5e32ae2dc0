/**
 * `pnpm --filter existing-api start` runs `src/main.ts` with node and
 * tsx's loader (no wrapper process between the signal and the server): the
 * framework and port come from FRAMEWORK and PORT, the URLs are printed,
 * SIGTERM stops it; a wrong FRAMEWORK is refused.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { request } from 'undici';
import { FRAMEWORKS } from '../src/server.js';

const dir = fileURLToPath(new URL('..', import.meta.url));
/** The package's `start` script, as node's arguments (the same command, so the test runs what users run). */
const startArgs = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ').slice(1);

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, startArgs, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /Notes API on \w+: (http:\/\/\S+)/.exec(out);
      if (m && out.includes('OpenAPI:')) resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`exited before listening:\n${out}`)));
  });
  url.catch(() => {}); // the refused start never listens
  return { child, url, exited, output: () => out };
}

describe('pnpm --filter existing-api start', () => {
  test.each(FRAMEWORKS)('FRAMEWORK=%s PORT=0: prints the URLs, serves, stops on SIGTERM', async (framework) => {
    const p = run({ FRAMEWORK: framework, PORT: '0' });
    try {
      const url = await p.url;
      expect(p.output()).toContain(`Docs: ${url}/docs`);
      const res = await request(`${url}/status`);
      expect([res.statusCode, await res.body.json()]).toEqual([200, { status: 'ok' }]);
      const denied = await request(`${url}/v1/notes`);
      await denied.body.dump();
      expect(denied.statusCode).toBe(401);
    } finally {
      p.child.kill('SIGTERM');
    }
    expect(await p.exited).toBe(0);
  });

  test('an unknown FRAMEWORK is refused', async () => {
    const p = run({ FRAMEWORK: 'rails', PORT: '0' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('FRAMEWORK must be one of express, koa, hono, fastify');
  });
});
