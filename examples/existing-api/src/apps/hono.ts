/**
 * The notes API as a Hono team writes it: a sub-app routed at `/v1`,
 * handlers that read the caller with `c.get('user')`, the app's own
 * `notFound` and `onError`. The lines ending in `// + auth` are what adding
 * depends cost; no handler changed.
 */
import { Hono } from 'hono';
import { createDepends } from '@depends/hono'; // + auth
import { docs, inputs, options } from '../auth.js'; // + auth
import { NoteStore, noteText, type User } from '../notes.js';

type Env = { Variables: { user: User } };

/** The Hono app, with its auth layer. */
export function createApp(notes = new NoteStore()): Hono<Env> {
  const app = new Hono<Env>();
  const d = createDepends(docs); // + auth
  app.use(d.guard(inputs, options)); // + auth

  app.get('/status', (c) => c.json({ status: 'ok' }));

  const v1 = new Hono<Env>();
  v1.get('/health', (c) => c.text('Ok'));
  v1.get('/notes', (c) => c.json(notes.list(c.get('user').name)));
  v1.post('/notes', async (c) => {
    const text = noteText(await c.req.json().catch(() => undefined));
    if (text === undefined) return c.json({ error: 'a note needs a non-empty "text"' }, 400);
    return c.json(notes.add(c.get('user').name, text), 201);
  });
  v1.get('/notes/:id', (c) => {
    const note = notes.get(c.get('user').name, c.req.param('id'));
    if (!note) return c.json({ error: 'note not found' }, 404);
    return c.json(note);
  });
  app.route('/v1', v1);
  d.docs(app); // + auth

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((_err, c) => c.json({ error: 'internal error' }, 500));
  // a guard configuration mistake (a routes key naming no route...) stops the start here
  d.check(app); // + auth
  return app;
}
