/**
 * The notes API as a Fastify team writes it: a plugin registered under the
 * `/v1` prefix, handlers that read the caller from `request.user` (declared
 * the Fastify way, by module augmentation), the app's own not-found and
 * error handlers. The lines ending in `// + auth` are what adding depends
 * cost; no handler changed.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createDepends } from '@depends/fastify'; // + auth
import { docs, inputs, options } from '../auth.js'; // + auth
import { NoteStore, noteText, type User } from '../notes.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: User;
  }
}

/** The Fastify app, with its auth layer. */
export function createApp(notes = new NoteStore(), fastifyOptions: FastifyServerOptions = {}): FastifyInstance {
  const app = Fastify(fastifyOptions);
  const d = createDepends(docs); // + auth
  d.docs(app); // + auth
  app.addHook('preHandler', d.guard(inputs, options)); // + auth

  app.get('/status', async () => ({ status: 'ok' }));

  app.register(
    async (v1) => {
      v1.get('/health', async (_request, reply) => reply.type('text/plain').send('Ok'));
      v1.get('/notes', async (request) => notes.list(request.user.name));
      v1.post('/notes', async (request, reply) => {
        const text = noteText(request.body);
        if (text === undefined) return reply.code(400).send({ error: 'a note needs a non-empty "text"' });
        return reply.code(201).send(notes.add(request.user.name, text));
      });
      v1.get<{ Params: { id: string } }>('/notes/:id', async (request, reply) => {
        const note = notes.get(request.user.name, request.params.id);
        if (!note) return reply.code(404).send({ error: 'note not found' });
        return note;
      });
    },
    { prefix: '/v1' },
  );

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ error: status === 500 ? 'internal error' : (error.message ?? 'bad request') });
  });
  return app;
}
