import Fastify, { type FastifyInstance } from 'fastify';
import { createDepends } from '@depends/fastify';
import { notes } from '../demo.js';
import { callerOf } from './caller.js';

export function notesApp(options: { secret: string; apiKey: string }): FastifyInstance {
  const app = Fastify();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.docs(app); // first: it sees the routes registered after it
  const auth = d.guard({ caller: callerOf(options) });

  // { preHandler: fastify.auth([…]) } on the route: the guard, as the route's preHandler.
  app.get('/notes', { preHandler: [auth] }, async (request) => notes.of(auth.values(request).caller.sub));
  app.get('/status', async () => ({ status: 'ok' }));
  return app;
}
