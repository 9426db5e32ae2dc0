/**
 * The scenario app for the runtime suite: the shared adapter suite's API
 * (`tests/adapters/src/api.ts`) on the Hono adapter, plus probe routes that
 * let a test in another process see and steer the server side (teardown
 * events, errors given to `onError`, holds). Runtime-neutral: each entry in
 * `entries/` serves it on one runtime.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Router, body } from '../../../packages/core/src/index.js';
import type { DocsFiles } from '../../../packages/core/src/docs/index.js';
import { createDepends, type GuardEnv } from '../../../packages/hono/src/index.js';
import { bearerUser, scenarioRouters, singleHandlers, type Probe } from '../../adapters/src/api.js';
import { ipOf } from '../../../packages/rate-limit/src/client-ip.js';

/** What an entry tells the app about its runtime. */
export interface RuntimeOptions {
  /** The runtime's name, reported by `GET /_probe`. */
  readonly runtime: string;
  /** Where the docs files come from (default: the installed swagger-ui-dist on disk). */
  readonly files?: DocsFiles;
  /** Whether the response behind a Hono context has been sent, where the runtime can tell (node-server). */
  readonly sent?: (native: unknown) => boolean;
}

/** The holds a test can close (`POST /_probe/hold/:name`) and open again. */
type HoldName = 'request' | 'function' | 'handler';

/** Largest body of the `/small` routes, in bytes. */
export const SMALL_LIMIT = 1024;

/**
 * The app. Holds are flags polled on a timer, not promises resolved by
 * another request: a Worker may not settle a promise that belongs to
 * another request's context.
 */
export function createApp(options: RuntimeOptions): Hono {
  const open: Record<HoldName, boolean> = { request: true, function: true, handler: true };
  const wait = (name: HoldName): Promise<void> =>
    new Promise((resolve) => {
      const tick = () => (open[name] ? resolve() : setTimeout(tick, 5));
      tick();
    });
  const probe: Probe = {
    events: [],
    errors: [],
    sent: options.sent ?? (() => false),
    get requestHold() {
      return wait('request');
    },
    get functionHold() {
      return wait('function');
    },
    get handlerHold() {
      return wait('handler');
    },
  } as Probe;

  const app = new Hono();
  const d = createDepends({ title: 'Scenario API', version: '1.2.3', onError: (e) => probe.errors.push(e) });
  for (const router of scenarioRouters(probe)) d.mount(app, router);
  for (const h of singleHandlers) app.on(h.method, h.path, d.handler(h.inputs, h.fn, h.options));

  // A second adapter with a small body limit, for the streaming-limit checks.
  const small = createDepends({ onError: (e) => probe.errors.push(e) }, { bodyLimit: SMALL_LIMIT });
  const smallRouter = new Router({ prefix: '/small' });
  smallRouter.post('/items', { item: body(z.object({ title: z.string() })) }, ({ item }) => ({ length: item.title.length }));
  small.mount(app, smallRouter);

  // An existing Hono sub-app, its handlers untouched, behind a guard (how most teams adopt depends).
  const auth = d.guard({ user: bearerUser });
  const existing = new Hono<GuardEnv<typeof auth>>();
  existing.use(auth);
  existing.get('/me', (c) => c.json({ username: c.var.user.username }));
  existing.get('/items/:id', (c) => c.json({ id: c.req.param('id'), owner: c.get('user').username }));
  app.route('/existing', existing);

  d.docs(app, { files: options.files });

  app.get('/_probe', (c) =>
    c.json({ runtime: options.runtime, events: probe.events, errors: probe.errors.map((e) => (e instanceof Error ? e.message : String(e))) }),
  );
  // the client address as the rate-limit package reads it on this runtime (its peer, never a header)
  app.get('/_probe/address', (c) => c.json({ ip: ipOf(c) ?? null }));
  app.post('/_probe/reset', (c) => {
    probe.events.length = 0;
    probe.errors.length = 0;
    open.request = open.function = open.handler = true;
    return c.body(null, 204);
  });
  app.post('/_probe/:action{hold|open}/:name{request|function|handler}', (c) => {
    open[c.req.param('name') as HoldName] = c.req.param('action') === 'open';
    return c.body(null, 204);
  });
  // What d.docs() does here without bundled files: fine where there is a file system; a startup error naming the fix where there is none.
  app.get('/_probe/docs-without-files', (c) => {
    try {
      createDepends().docs(new Hono());
      return c.json({ ok: true });
    } catch (e) {
      return c.json({ ok: false, code: (e as { code?: string }).code, message: (e as Error).message });
    }
  });
  return app;
}
