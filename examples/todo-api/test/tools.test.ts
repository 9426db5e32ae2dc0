/**
 * Real OpenAPI tools against the example's document, on every framework:
 * a client generated from it (openapi-typescript + openapi-fetch) runs a
 * scripted session through Prism in proxy mode, which checks each request
 * and each answer against the document; Spectral (`spectral:oas`) and
 * Redocly (`recommended`) lint it. The generated types are committed
 * (`client/schema.d.ts`, type-checked with the session) and must equal what
 * openapi-typescript makes of the live document.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../../../tests/support/ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSession, type Step } from './client/session.js';
import { FRAMEWORKS, startExample, type Example } from './helpers.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const bin = (name: string) => here(`../node_modules/.bin/${name}`);
const dir = mkdtempSync(join(tmpdir(), 'todo-api-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a CLI to its end: exit code and output. */
function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      out += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out, stdout }));
  });
}

/** Starts `prism proxy` in front of `upstream`; resolves once it listens. */
async function startPrism(docPath: string, upstream: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(bin('prism'), ['proxy', docPath, upstream, '-h', '127.0.0.1', '-p', String(port)], { cwd: dir, detached: false });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`prism exited (${code}):\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Violation {
  location: string[];
  severity: string;
  message: string;
}
const violationsOf = (step: Step): Violation[] => JSON.parse(step.response.headers.get('sl-violations') ?? '[]');

const examples = new Map<string, Example>();
const docs = new Map<string, any>();
const docPaths = new Map<string, string>();
const prisms = new Map<string, { url: string; child: ChildProcess }>();

beforeAll(async () => {
  for (const framework of FRAMEWORKS) {
    const ex = await startExample(framework);
    examples.set(framework, ex);
    const text = (await ex.call('GET', '/openapi.json')).text;
    docs.set(framework, JSON.parse(text));
    const path = join(dir, `${framework}.json`);
    writeFileSync(path, text);
    docPaths.set(framework, path);
  }
  // Prism takes seconds to start: all of them at once.
  const started = await Promise.all(FRAMEWORKS.map((f) => startPrism(docPaths.get(f)!, examples.get(f)!.url)));
  FRAMEWORKS.forEach((f, i) => prisms.set(f, started[i]));
}, 120_000);
afterAll(async () => {
  for (const p of prisms.values()) p.child.kill();
  for (const ex of examples.values()) await ex.close();
});

/** Every `METHOD /path → status` the document lists. */
function documented(doc: any): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method.toUpperCase()} ${path} → ${status}`)),
  );
}

/**
 * Statuses a client cannot provoke through the proxy, checked straight
 * against the server instead: 413 (Prism does not relay a body over the
 * 1 MiB limit) and a JSON route's 400 (a credential header sent twice;
 * Prism joins repeated headers).
 */
const DIRECT = new Set(['POST /token → 413', 'POST /users/me/items → 413', 'POST /users/me/items → 400']);

describe.each(FRAMEWORKS)('Prism proxy + generated client on %s', (framework) => {
  let steps: Step[];
  beforeAll(async () => {
    steps = await runSession(prisms.get(framework)!.url);
  }, 90_000);

  test('no answer contradicts the document, and no valid request is refused by it', () => {
    for (const step of steps) {
      const violations = violationsOf(step);
      const label = `${step.operation} → ${step.status}`;
      expect(violations.filter((v) => v.location[0] === 'response'), label).toEqual([]);
      if (step.validRequest) expect(violations, label).toEqual([]);
    }
    // Prism does check: the requests sent against the document on purpose are each reported.
    const invalid = steps.filter((s) => !s.validRequest);
    expect(invalid.length).toBeGreaterThan(0);
    for (const step of invalid) expect(violationsOf(step).some((v) => v.location[0] === 'request'), step.operation).toBe(true);
  });

  test('the session sees every route and every documented status', () => {
    const seen = new Set(steps.map((s) => `${s.operation} → ${s.status}`));
    const missing = documented(docs.get(framework)).filter((k) => !seen.has(k) && !DIRECT.has(k));
    expect(missing).toEqual([]);
    const undocumented = [...seen].filter((k) => !documented(docs.get(framework)).includes(k));
    expect(undocumented).toEqual([]);
  });

  test('413 and a JSON route\'s 400, straight from the server: the documented status and body', async () => {
    const ex = examples.get(framework)!;
    const doc = docs.get(framework);
    const big = 'x'.repeat(1024 * 1024 + 1);
    for (const [path, type] of [['/token', 'application/x-www-form-urlencoded'], ['/users/me/items', 'application/json']] as const) {
      const res = await request(`${ex.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: big });
      expect(res.statusCode, path).toBe(413);
      const body = (await res.body.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['detail']);
      expect(doc.paths[path].post.responses['413'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HTTPError' });
      if (path === '/token') expect(res.headers['cache-control']).toBe('no-store');
    }
    const token = await ex.token('johndoe', 'secret');
    const twice = await request(`${ex.url}/users/me/items`, {
      method: 'POST',
      headers: ['content-type', 'application/json', 'authorization', `Bearer ${token}`, 'authorization', `Bearer ${token}`],
      body: '{"title":"twice"}',
    });
    expect(twice.statusCode).toBe(400);
    expect(Object.keys((await twice.body.json()) as object)).toEqual(['detail']);
  });
});

describe('the generated client', () => {
  test('openapi-typescript makes of the live document exactly the committed client/schema.d.ts', async () => {
    const generated = astToString(await openapiTS(docs.get('express')));
    const committed = readFileSync(here('./client/schema.d.ts'), 'utf8');
    // the committed file carries the CLI's banner; compare the declarations
    const body = (s: string) => s.slice(s.indexOf('export interface paths'));
    expect(body(committed), 'regenerate with: pnpm --filter todo-api gen:client').toBe(body(generated));
  });

  test('the session type-checks against it (tsc)', async () => {
    const { code, out } = await run(process.execPath, [here('../../../node_modules/typescript/bin/tsc'), '-p', here('./client/tsconfig.json')]);
    expect(out).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('linters', () => {
  test('spectral lint (spectral:oas): no error, no warning', async () => {
    const report = join(dir, 'spectral.json');
    await run(bin('spectral'), ['lint', '-r', here('../.spectral.yaml'), '-f', 'json', '-o', report, docPaths.get('express')!]);
    const results = JSON.parse(readFileSync(report, 'utf8')) as { code: string; severity: number; message: string }[];
    expect(results.filter((r) => r.severity <= 1).map((r) => `${r.code}: ${r.message}`)).toEqual([]);
  }, 60_000);

  test('redocly lint (recommended): no error; the warnings left are the two explained ones', async () => {
    const { stdout } = await run(bin('redocly'), ['lint', docPaths.get('express')!, '--format', 'json']);
    const report = JSON.parse(stdout) as { problems: { ruleId: string; severity: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    // info-license: the example has no licence to state; operation-4xx-response: GET /status has no 4xx answer to document.
    expect(problems.sort()).toEqual(['warn info-license #/info', 'warn operation-4xx-response #/paths/~1status/get/responses']);
  }, 60_000);
});
