/**
 * The guard's differential test: on every framework (Express 5 and 4, Koa,
 * Hono, Fastify), requests in every request-target form (RFC 9112 §3.2:
 * origin, absolute, asterisk), with percent-encodings, dot segments,
 * repeated and trailing slashes, case, fragments, and every method, listed
 * and generated with fast-check, sent as raw bytes (no client normalises
 * them). Every handler records that it ran and what the guard required
 * before it; a handler that ran without the guard's decision for itself
 * (or with the decision of another route) fails the test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { rawStatus } from '../../../packages/core/src/node/test/raw-request.js';
import { dispatchApps, EXPECTED, TOKENS, type DispatchApp, type Run } from '../src/dispatch.js';

interface Sent {
  readonly method: string;
  readonly target: string;
  readonly token?: string;
  readonly admin?: boolean;
}

/** Sends one request as raw bytes (no client normalises its target) and returns its status. */
function raw(port: number, r: Sent): Promise<number> {
  const headers = [...(r.token ? [`Authorization: Bearer ${r.token}`] : []), ...(r.admin ? ['X-Admin: yes'] : [])];
  return rawStatus(port, { method: r.method, target: r.target, headers });
}

/** What is wrong with the handler runs of one request, or `undefined` when every handler ran after the decision for itself. */
function problems(runs: readonly Run[], sent: Sent): string | undefined {
  for (const run of runs) {
    const expected = EXPECTED[run.handler];
    if (expected === undefined) return `unknown handler ${run.handler}`;
    if (expected === 'public') {
      if (run.required !== 'none') return `${run.handler} is public, but ran after a decision for "${run.required}"`;
      continue;
    }
    if (run.required !== expected) return `${run.handler} ran after ${run.required === 'none' ? 'no decision at all' : `the decision for "${run.required}"`}, not its own ("${expected}")`;
    const granted = TOKENS[run.token ?? ''] ?? [];
    if (!expected.split(' ').every((s) => granted.includes(s))) return `${run.handler} ran for token ${sent.token ?? '(none)'}, which lacks "${expected}"`;
    if (run.handler === 'GET /v1/admin' && run.admin === undefined) return 'GET /v1/admin ran without its route-level guard';
  }
  return undefined;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const TOKEN_NAMES = [undefined, 'reader', 'writer', 'root', 'unknown'] as const;

/** Listed request targets: the forms of RFC 9112 §3.2 and the usual path tricks, around every route. */
const TARGETS = [
  '/v1/notes',
  '/v1/notes/',
  '/v1/notes/7',
  '/v1/notes/7/',
  '/v1/admin',
  '/status',
  '/status/',
  '/nope',
  '/v1/nope',
  'http://x/v1/notes',
  'http://x/v1/notes/7',
  'HTTP://X/v1/notes',
  'http://x:80/v1/admin',
  'http://x/status/../v1/notes',
  'http://x/status',
  'https://evil.example/v1/notes',
  '/v1/notes#x',
  '/v1/notes/7#frag',
  '/v1/notes?x=1#f',
  '/status#/../v1/notes',
  '/V1/NOTES',
  '/v1/Notes/7',
  '//v1/notes',
  '/v1//notes',
  '/v1/notes//7',
  '/v1/./notes',
  '/v1/notes/../notes/7',
  '/status/../v1/notes',
  '/v1/%6eotes',
  '/v1/notes/%37',
  '/%76%31/notes',
  '/v1/notes%2f7',
  '/v1/notes/7%2F..',
  '/v1/notes;x',
  '/v1/notes/7;y',
  '/%2e%2e/v1/notes',
  '/v1/notes/%',
  '/v1/notes/%zz',
  '/status%00',
  '/v1/notes\\7',
  '*',
  '/v1/notes?',
  '/v1/notes?#',
  '/v1/notes/7?a=b&c',
  '/v1/graphql',
  '/v1/graphql/',
  'http://x/v1/graphql',
  '/v1/GRAPHQL',
  '/orgs/acme/notes',
  '/orgs/acme/notes/7',
  '/orgs/acme',
  '/orgs/acme/nope',
  'http://x/orgs/acme/notes/7',
  '/orgs/%61cme/notes/7#x',
];

const SEGMENTS = ['v1', 'V1', 'notes', 'Notes', 'status', 'admin', '7', '..', '.', '', '%2e', '%2E%2e', '%2f', '%6eotes', 'notes;x', '%00', 'nope', '%', '~', 'orgs', 'acme', 'graphql'];

const generated = fc.record({
  method: fc.constantFrom(...METHODS),
  target: fc
    .tuple(
      fc.constantFrom('', '', '', 'http://x', 'HTTP://x:80', 'http://127.0.0.1'),
      fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }),
      fc.constantFrom('', '', '/', '?q=1', '#f', '?#', '#/../v1/notes'),
    )
    .map(([origin, segments, tail]) => `${origin}/${segments.join('/')}${tail}`),
  token: fc.constantFrom(...TOKEN_NAMES),
  admin: fc.boolean(),
});

for (const entry of dispatchApps) {
  describe(`${entry.name}: no handler runs without the guard's decision for itself`, () => {
    let app: DispatchApp;
    beforeAll(async () => {
      app = await entry.start();
    });
    afterAll(() => app.close());

    const check = async (sent: Sent): Promise<void> => {
      app.runs.length = 0;
      const status = await raw(app.port, sent);
      const problem = problems(app.runs, sent);
      expect(problem, `${sent.method} ${sent.target} (token ${sent.token ?? 'none'}) → ${status}`).toBeUndefined();
      expect(status, `${sent.method} ${sent.target}`).toBeLessThan(500);
    };

    test('absolute-form target, no credential: 401, the handler does not run', async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'GET', target: 'http://x/v1/notes' })).toBe(401);
      expect(app.runs).toEqual([]);
    });

    test('absolute-form POST from a user without the route scope: 403, the handler does not run', async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'POST', target: 'http://x/v1/notes', token: 'reader' })).toBe(403);
      expect(app.runs).toEqual([]);
    });

    test('absolute-form POST with the route scope: the handler runs after its own decision', async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'POST', target: 'http://x/v1/notes', token: 'writer' })).toBe(201);
      expect(app.runs).toEqual([{ handler: 'POST /v1/notes', required: 'notes:write', token: 'writer', admin: undefined }]);
    });

    test('a #fragment in the target, no credential: 401, the handler does not run', async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'GET', target: '/v1/notes#x' })).toBe(401);
      expect(app.runs).toEqual([]);
    });

    test('a route of another path before the handler, passing the request on (an audit of deletions): DELETE by a user without the route scope is 403, the handler does not run', async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'DELETE', target: '/v1/notes/7', token: 'reader' })).toBe(403);
      expect(app.runs).toEqual([]);
      expect(await raw(app.port, { method: 'DELETE', target: '/v1/notes/7', token: 'writer' })).toBe(204);
      expect(app.runs.filter((r) => !r.handler.startsWith('param '))).toEqual([{ handler: 'DELETE /v1/notes/:id', required: 'notes:write', token: 'writer', admin: undefined }]);
    });

    test("a route's parameter callback (router.param): no credential is 401 and it does not run; with one it runs after the route's own decision", async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'GET', target: '/v1/notes/7' })).toBe(401);
      expect(app.runs).toEqual([]);
      expect(await raw(app.port, { method: 'DELETE', target: '/v1/notes/7', token: 'reader' })).toBe(403);
      expect(app.runs).toEqual([]);
      expect(await raw(app.port, { method: 'GET', target: '/v1/notes/7', token: 'reader' })).toBe(200);
      // Hono and Fastify have no parameter callbacks
      const callbacks = /^(express|koa)/.test(app.name) ? ['param GET /v1/notes/:id: me'] : [];
      expect(app.runs.map((r) => `${r.handler}: ${r.required}`)).toEqual([...callbacks, 'GET /v1/notes/:id: me']);
    });

    // (Hono and Fastify have no parameter callbacks)
    if (/^(express|koa)/.test(entry.name))
      test("a parameter of a router's mount path (app.use('/orgs/:org', orgs), app.param('org')): no credential is 401 and the callback does not run; a reader's DELETE is 403 before it; with the scopes it runs, then the route decides", async () => {
      app.runs.length = 0;
      expect(await raw(app.port, { method: 'GET', target: '/orgs/acme/notes' })).toBe(401);
      expect(await raw(app.port, { method: 'DELETE', target: '/orgs/acme/notes/7', token: 'reader' })).toBe(403);
      expect(await raw(app.port, { method: 'GET', target: '/orgs/acme/notes', token: 'unknown' })).toBe(401);
      expect(app.runs).toEqual([]);
      expect(await raw(app.port, { method: 'GET', target: '/orgs/acme/notes', token: 'reader' })).toBe(200);
      expect(await raw(app.port, { method: 'DELETE', target: '/orgs/acme/notes/7', token: 'writer' })).toBe(204);
      expect(app.runs.map((r) => `${r.handler}: ${r.required}`)).toEqual([
        'param GET /orgs/:org: me',
        'GET /orgs/:org/notes: me',
        'param DELETE /orgs/:org: notes:write',
        'DELETE /orgs/:org/notes/:id: notes:write',
      ]);
    });

    test('the document and the decisions agree: every guarded operation it shows refuses (401/403) exactly the tokens that lack its scopes, and lets the others through', async () => {
      const doc = (await (await fetch(`http://127.0.0.1:${app.port}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      };
      const checked: string[] = [];
      for (const [path, item] of Object.entries(doc.paths))
        for (const [method, operation] of Object.entries(item)) {
          // the audit route passes each request on: what answers it is the route after it (or the app's 404), not the audit
          if (path === '/v1/{collection}/{id}') continue;
          const security = operation.security;
          if (security === undefined) continue;
          const target = path.replace(/\{[^}]+\}/g, (p) => (p === '{org}' ? 'acme' : '7'));
          for (const token of [undefined, 'reader', 'writer', 'root']) {
            const granted = token ? TOKENS[token] : undefined;
            // public ([]), or one requirement whose scopes the token must all have
            const allowed = security.length === 0 || (granted !== undefined && security.some((r) => Object.values(r).every((scopes) => scopes.every((x) => granted.includes(x)))));
            const status = await raw(app.port, { method: method.toUpperCase(), target, token, admin: true });
            expect([401, 403].includes(status), `${method.toUpperCase()} ${target} with ${token ?? 'no token'}: ${status}, documented ${JSON.stringify(security)}`).toBe(!allowed);
          }
          checked.push(`${method.toUpperCase()} ${path}`);
        }
      expect(checked).toEqual(expect.arrayContaining(['GET /status', 'POST /v1/notes', 'DELETE /v1/notes/{id}', 'GET /v1/graphql', 'DELETE /v1/graphql']));
    });

    test('listed targets × methods × credentials', async () => {
      for (const target of TARGETS)
        for (const method of METHODS)
          for (const token of [undefined, 'reader', 'writer']) await check({ method, target, token, admin: token === 'writer' });
    }, 120_000);

    test('generated targets (fast-check)', async () => {
      await fc.assert(fc.asyncProperty(generated, check), { numRuns: 300 });
    }, 120_000);
  });
}
