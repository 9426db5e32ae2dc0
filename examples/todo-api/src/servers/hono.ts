/**
 * The Todo API on Hono 4, served on Node by `@hono/node-server`: create the
 * app, mount the declared router and the docs.
 */
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { createDepends } from '@depends/hono';
import { prepare, type StartOptions } from '../setup.js';
import { listen, type RunningServer } from './listen.js';

/**
 * Starts the API on Hono.
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

  const app = new Hono();
  const d = createDepends(api.options);
  d.mount(app, api.router);
  d.docs(app, { openapiPath: '/openapi.json', docsPath: '/docs', title: 'Todo API' });

  return listen(createAdaptorServer({ fetch: app.fetch }) as Server, { port, host, api, app: d.app, store, jwtSecret });
}
