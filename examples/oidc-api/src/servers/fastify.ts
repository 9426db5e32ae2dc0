/** The Reports API on Fastify 5. */
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { createDepends } from '@depends/fastify';
import { reportsApi } from '../api.js';
import { docsOf, listen, type RunningApi, type StartOptions } from './listen.js';

/**
 * Starts the API on Fastify.
 *
 * @example
 * ```ts
 * const api = await start({ issuer: 'http://127.0.0.1:3001', port: 0 })
 * ```
 */
export async function start(options: StartOptions): Promise<RunningApi> {
  const api = reportsApi(options);
  const app = Fastify({ serverFactory: (handler) => createServer(handler) });
  const d = createDepends(api.options);
  d.docs(app, docsOf(api));
  d.mount(app, api.router);
  await app.ready();
  return listen(app.server, d.app, options.port ?? 3000, options.host ?? '127.0.0.1');
}
