/**
 * The Todo API on Express 5: create the app, mount the declared router,
 * mount the docs. That is all the wiring there is.
 */
import { createServer } from 'node:http';
import express from 'express';
import { createDepends } from '@depends/express';
import { prepare, type StartOptions } from '../setup.js';
import { listen, type RunningServer } from './listen.js';

/**
 * Starts the API on Express.
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

  const app = express();
  app.disable('x-powered-by');
  const d = createDepends(api.options);
  d.mount(app, api.router);
  d.docs(app, { openapiPath: '/openapi.json', docsPath: '/docs', title: 'Todo API' });

  return listen(createServer(app), { port, host, api, app: d.app, store, jwtSecret });
}
