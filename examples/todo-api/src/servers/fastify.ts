/**
 * The Todo API on Fastify 5: create the instance, serve the docs, mount the
 * declared routes (in their own encapsulated plugin).
 */
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { createDepends } from '@depends/fastify';
import { prepare, type StartOptions } from '../setup.js';
import { listen, type RunningServer } from './listen.js';

/**
 * Starts the API on Fastify.
 *
 * @example
 * ```ts
 * const server = await start({ port: 0, databasePath: '/tmp/todo.sqlite' })
 * await fetch(`${server.url}/status`)
 * await server.close()
 * ```
 */
export async function start(options: StartOptions = {}): Promise<RunningServer> {
  const { api, store, port, host, jwtSecret } = await prepare(options);

  const app = Fastify({ serverFactory: (handler) => createServer(handler) });
  const d = createDepends(api.options);
  d.docs(app, { openapiPath: '/openapi.json', docsPath: '/docs', title: 'Todo API' });
  d.mount(app, api.router);
  await app.ready();

  return listen(app.server, { port, host, api, app: d.app, store, jwtSecret });
}
