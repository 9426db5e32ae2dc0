/**
 * The notes API as a Koa team writes it: `@koa/router` routers (one with
 * the `/v1` prefix), handlers that read the caller from `ctx.state.user`,
 * the app's own error handler and 404. The lines ending in `// + auth` are
 * what adding depends cost; no handler changed.
 */
import Koa from 'koa';
import { Router } from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { createDepends } from '@depends/koa'; // + auth
import { docs, inputs, options } from '../auth.js'; // + auth
import { NoteStore, noteText, type User } from '../notes.js';

/** The Koa app, with its auth layer. */
export function createApp(notes = new NoteStore()): Koa {
  const app = new Koa();
  const d = createDepends(docs); // + auth

  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const status = (err as { status?: number }).status;
      ctx.status = status && status >= 400 && status < 500 ? status : 500;
      ctx.body = { error: ctx.status === 500 ? 'internal error' : (err as Error).message };
      return;
    }
    if (ctx.status === 404 && ctx.body === undefined) {
      ctx.body = { error: 'not found' };
      ctx.status = 404;
    }
  });
  app.use(bodyParser());
  app.use(d.guard(inputs, options)); // + auth

  const root = new Router();
  root.get('/status', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  const v1 = new Router<{ user: User }>({ prefix: '/v1' });
  v1.get('/health', (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = 'Ok';
  });
  v1.get('/notes', (ctx) => {
    ctx.body = notes.list(ctx.state.user.name);
  });
  v1.post('/notes', (ctx) => {
    const text = noteText(ctx.request.body);
    if (text === undefined) {
      ctx.status = 400;
      ctx.body = { error: 'a note needs a non-empty "text"' };
      return;
    }
    ctx.status = 201;
    ctx.body = notes.add(ctx.state.user.name, text);
  });
  v1.get('/notes/:id', (ctx) => {
    const note = notes.get(ctx.state.user.name, ctx.params.id);
    if (!note) {
      ctx.status = 404;
      ctx.body = { error: 'note not found' };
      return;
    }
    ctx.body = note;
  });

  app.use(root.routes());
  app.use(v1.routes());
  d.docs(app); // + auth
  return app;
}
