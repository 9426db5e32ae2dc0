/**
 * A guard's request-scoped teardown on every framework (Express 5 and 4,
 * Koa 3 and 2, Hono, Fastify), in front of the framework's own handlers:
 * closed once after the answer is sent, with the refusal thrown in when the
 * guard refuses, after the app's own handler crashed (the framework's error
 * answer), and after the client went away mid-handler.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { depends, httpBearer, invalidToken, refuse } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, everyFramework, listen } from '../src/harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the server saw, in order; and how to let the slow handler finish. */
interface Seen {
  readonly events: string[];
  release: () => void;
}

/** The guard's inputs: a request-scoped session (a generator recording its open and close) and the user, refused unless the token is `good`. */
function guardInputs(seen: Seen) {
  const session = depends(
    async function* () {
      seen.events.push('open');
      try {
        yield 'session';
        seen.events.push('close');
      } catch (error) {
        seen.events.push(`close with ${(error as Error).message}`);
        throw error;
      }
    },
    { scope: 'request' },
  );
  return { user: depends({ auth: httpBearer(), session }, ({ auth }) => (auth.credentials === 'good' ? { name: 'alice' } : refuse(invalidToken()))) };
}

/** The three handlers every app has, written the framework's way. */
const handled = (seen: Seen) => ({
  ok: () => {
    seen.events.push('handler');
    return { ok: true };
  },
  crash: () => {
    seen.events.push('handler');
    throw new Error('boom');
  },
  slow: async () => {
    seen.events.push('handler');
    await new Promise<void>((resolve) => (seen.release = resolve));
    return { ok: true };
  },
});

interface Started {
  readonly url: string;
  readonly seen: Seen;
  close(): Promise<void>;
}

const apps = everyFramework<Started>({
  express: (_name, make) => async () => {
    const seen: Seen = { events: [], release: () => {} };
    const h = handled(seen);
    const app = await make();
    app.use(expressDepends({ onError: () => {} }).guard(guardInputs(seen)));
    app.get('/ok', (_req, res) => void res.json(h.ok()));
    app.get('/crash', () => h.crash());
    app.get('/slow', async (_req, res, next) => h.slow().then((body) => res.json(body), next));
    app.use((_error: unknown, _req: unknown, res: { status(n: number): { json(b: unknown): void } }, _next: unknown) => res.status(500).json({ app: 'error' }));
    const server = createServer(app).listen(0, '127.0.0.1');
    return { url: await listen(server), seen, close: closer(server) };
  },
  koa: (_name, load) => async () => {
    const [{ default: Koa }, { Router: KoaRouter }, { createDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
    const seen: Seen = { events: [], release: () => {} };
    const h = handled(seen);
    const app = new Koa();
    app.silent = true;
    const router = new KoaRouter();
    app.use(createDepends({ onError: () => {} }).guard(guardInputs(seen)));
    router.get('/ok', (ctx) => void (ctx.body = h.ok()));
    router.get('/crash', () => h.crash());
    router.get('/slow', async (ctx) => void (ctx.body = await h.slow()));
    app.use(router.routes());
    const server = createServer(app.callback()).listen(0, '127.0.0.1');
    return { url: await listen(server), seen, close: closer(server) };
  },
  hono: async () => {
    const seen: Seen = { events: [], release: () => {} };
    const h = handled(seen);
    const app = new Hono();
    app.use(honoDepends({ onError: () => {} }).guard(guardInputs(seen)));
    app.get('/ok', (c) => c.json(h.ok()));
    app.get('/crash', () => h.crash());
    app.get('/slow', async (c) => c.json(await h.slow()));
    app.onError((_error, c) => c.json({ app: 'error' }, 500));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as ReturnType<typeof createServer>;
    return { url: await listen(server), seen, close: closer(server) };
  },
  fastify: async () => {
    const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
    const seen: Seen = { events: [], release: () => {} };
    const h = handled(seen);
    const app = Fastify();
    const d = createDepends({ onError: () => {} });
    d.docs(app);
    app.addHook('preHandler', d.guard(guardInputs(seen)));
    app.get('/ok', async () => h.ok());
    app.get('/crash', async () => h.crash());
    app.get('/slow', async () => h.slow());
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: await listen(app.server), seen, close: closer(app.server) };
  },
});

/** Waits until `check` holds (the teardown runs once the response is over, a moment after the client has it). */
async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe.each(apps)("$name: a guard's request-scoped teardown", (framework) => {
  let app: Started;
  beforeAll(async () => {
    app = await framework.start();
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    app.seen.events.length = 0;
  });
  const get = async (path: string, token: string) => {
    const res = await request(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.body.text();
    return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? (JSON.parse(text) as unknown) : text };
  };

  test('closes once, after the answer', async () => {
    expect(await get('/ok', 'good')).toEqual({ status: 200, body: { ok: true } });
    await until(() => app.seen.events.includes('close'), 'the teardown');
    await sleep(30);
    expect(app.seen.events).toEqual(['open', 'handler', 'close']);
  });

  test('a refusal is thrown into it; the handler never runs', async () => {
    expect(await get('/ok', 'bad')).toEqual({ status: 401, body: { detail: 'Could not validate credentials' } });
    await until(() => app.seen.events.length === 2, 'the teardown');
    await sleep(30);
    expect(app.seen.events).toEqual(['open', 'close with Could not validate credentials']);
  });

  test("closes after the app's own handler crashed and the framework answered", async () => {
    expect((await get('/crash', 'good')).status).toBe(500);
    await until(() => app.seen.events.includes('close'), 'the teardown');
    await sleep(30);
    expect(app.seen.events).toEqual(['open', 'handler', 'close']);
  });

  test('closes when the client goes away mid-handler', async () => {
    const controller = new AbortController();
    const pending = request(`${app.url}/slow`, { headers: { authorization: 'Bearer good' }, signal: controller.signal }).catch((e: unknown) => e);
    await until(() => app.seen.events.includes('handler'), 'the handler');
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await until(() => app.seen.events.includes('close'), 'the teardown');
    app.seen.release();
    await sleep(30);
    expect(app.seen.events).toEqual(['open', 'handler', 'close']);
  });
});
