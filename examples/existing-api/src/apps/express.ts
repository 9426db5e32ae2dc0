/**
 * The notes API as an Express team writes it: a router mounted at `/v1`,
 * handlers that read the caller from `res.locals.user`, the app's own 404
 * and error handler. The lines ending in `// + auth` are what adding
 * depends cost; no handler changed.
 */
import express, { type ErrorRequestHandler } from 'express';
import { createDepends } from '@depends/express'; // + auth
import { docs, inputs, options } from '../auth.js'; // + auth
import { NoteStore, noteText, type User } from '../notes.js';

/** The Express app, with its auth layer. */
export function createApp(notes = new NoteStore()): express.Express {
  const app = express();
  const d = createDepends(docs); // + auth
  app.use(express.json());
  app.use(d.guard(inputs, options)); // + auth

  app.get('/status', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const v1 = express.Router();
  v1.get('/health', (_req, res) => {
    res.type('text/plain').send('Ok');
  });
  v1.get('/notes', (_req, res) => {
    const user = res.locals.user as User;
    res.json(notes.list(user.name));
  });
  v1.post('/notes', (req, res) => {
    const user = res.locals.user as User;
    const text = noteText(req.body);
    if (text === undefined) {
      res.status(400).json({ error: 'a note needs a non-empty "text"' });
      return;
    }
    res.status(201).json(notes.add(user.name, text));
  });
  v1.get('/notes/:id', (req, res) => {
    const user = res.locals.user as User;
    const note = notes.get(user.name, req.params.id);
    if (!note) {
      res.status(404).json({ error: 'note not found' });
      return;
    }
    res.json(note);
  });
  app.use('/v1', v1);
  d.docs(app); // + auth

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  const onError: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'internal error' : (err.message ?? 'bad request') });
  };
  app.use(onError);
  // a guard configuration mistake (a routes key naming no route...) stops the start here
  d.check(app); // + auth
  return app;
}
