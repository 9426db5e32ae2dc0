/**
 * Refusals the client reads (issue 21), on every adapter: an answer given
 * before the request's body has arrived (a 413 over the body limit, a 401
 * from a route that never needs the body, a guard's refusal in front of a
 * route) reaches a client that is still sending, and the connection is then
 * closed in stages (RFC 9112 §9.6) within bounds, instead of reset under
 * the answer or kept open for as long as the client sends. Raw sockets, so
 * that no client library hides a reset; each client writes its next chunk
 * as soon as the last has left, so data is in flight when the answer comes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Router } from '../../../packages/core/src/index.js';
import { rawUpload, type RawUploadResult } from '../../../packages/core/src/node/test/raw-request.js';
import { bearerUser, probe, scenarioRouters, singleHandlers } from '../src/api.js';
import { dispatchApps, type DispatchApp } from '../src/dispatch.js';
import { harnesses, type Started } from '../src/harness.js';

const BODY_LIMIT = 64 * 1024;
const CLIENTS = 20;
const MiB = 1024 * 1024;
/** What each client sends: past the body limit, within what the server discards after its answer (1 MiB by default). */
const UPLOAD = MiB;
const TOO_LARGE = '{"detail":"Request body too large"}';
const NOT_AUTH = '{"detail":"Not authenticated"}';
const JSON_TYPE = 'Content-Type: application/json';

/** A POST route that needs a credential and never reads the body: without one, a 401 while the body is still coming. */
function securedRouter(): Router {
  const api = new Router();
  api.post('/secured', { user: bearerUser }, ({ user }) => ({ username: user.username }));
  return api;
}

/** `CLIENTS` uploads of `total` bytes at once; the answers as read. */
const uploads = (port: number, target: string, headers: readonly string[], total = UPLOAD): Promise<RawUploadResult[]> =>
  Promise.all(Array.from({ length: CLIENTS }, () => rawUpload(port, { target, headers: [JSON_TYPE, ...headers], total })));

/** The uploads that did not read the whole answer with `status` and `body`, each summed up (an empty list when every client read it). */
const unread = (results: readonly RawUploadResult[], status: number, body: string): string[] =>
  results.filter((r) => !(r.status === status && r.complete && r.body === body)).map((r) => `read ${r.status || 'nothing'}${r.complete ? '' : ' (cut)'}, ${r.error ?? 'closed'}`);

/** Clients asking to close the connection (Node then closes it after the answer) and keep-alive clients. */
const CLIENT_KINDS = [
  ['Connection: close', ['Connection: close']],
  ['keep-alive', []],
] as const;

/** The garbage collector, for measuring what stays in memory. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Memory in use once garbage has been collected (array buffers are freed just after a collection, so twice, a turn apart). */
async function inUse(gc: () => void): Promise<NodeJS.MemoryUsage> {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage();
}

for (const harness of harnesses) {
  describe(`${harness.name}: refusals before the body has arrived`, () => {
    let server: Started;
    let port: number;
    beforeAll(async () => {
      server = await harness.start({ routers: [...scenarioRouters(probe(harness.sent)), securedRouter()], handlers: singleHandlers, adapter: { bodyLimit: BODY_LIMIT } });
      port = Number(new URL(server.url).port);
    });
    afterAll(() => server.close());

    describe.each(CLIENT_KINDS)('clients sending %s', (_kind, headers) => {
      test.each(['/items', '/wrapped/items'])(`${CLIENTS} chunked uploads over the limit to POST %s at once: every client reads its whole 413`, async (target) => {
        expect(unread(await uploads(port, target, headers), 413, TOO_LARGE)).toEqual([]);
      });

      test(`${CLIENTS} uploads to a route refusing a missing credential, the body never read: every client reads its whole 401`, async () => {
        expect(unread(await uploads(port, '/secured', headers), 401, NOT_AUTH)).toEqual([]);
      });
    });

    test(`${CLIENTS} clients that would send 64 MiB each: each reads its 413, then the server discards a bounded amount and closes`, async () => {
      const results = await uploads(port, '/items', [], 64 * MiB);
      expect(unread(results, 413, TOO_LARGE)).toEqual([]);
      // the server discards 1 MiB after its answer; the rest is what socket buffers hold, far from 64 MiB
      for (const r of results) expect(r.sent).toBeLessThan(16 * MiB);
    });

    test('memory stays flat: the discarded bodies are not kept', async () => {
      const gc = collector();
      await uploads(port, '/items', ['Connection: close']); // warm up
      const before = await inUse(gc);
      for (let round = 0; round < 5; round++) await uploads(port, round % 2 ? '/items' : '/wrapped/items', round % 2 ? ['Connection: close'] : [], 2 * MiB);
      // 5 × 20 uploads of 2 MiB, some 100 MiB read and discarded by the server; the last sockets may still be closing
      await expect.poll(async () => (await inUse(gc)).arrayBuffers - before.arrayBuffers, { timeout: 30_000 }).toBeLessThan(16 * MiB);
      expect((await inUse(gc)).heapUsed - before.heapUsed).toBeLessThan(32 * MiB);
    });
  });
}

// A guard's refusal comes before the route's handler reads anything. (Fastify's own parsers read a body before its
// preHandler hooks, where its guard stands, so there the body has arrived when the guard refuses.)
for (const started of dispatchApps.filter((a) => a.name !== 'fastify')) {
  describe(`${started.name}: a guard's refusal in front of a route with a body`, () => {
    let app: DispatchApp;
    beforeAll(async () => {
      app = await started.start();
    });
    afterAll(() => app.close());

    test.each(CLIENT_KINDS)(`${CLIENTS} uploads without a token to a guarded POST at once, clients sending %s: every client reads its whole 401`, async (_kind, headers) => {
      expect(unread(await uploads(app.port, '/v1/notes', headers), 401, NOT_AUTH)).toEqual([]);
      expect(app.runs.filter((r) => r.handler === 'POST /v1/notes')).toEqual([]);
    });
  });
}
