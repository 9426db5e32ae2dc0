/** The Reports API on Hono 4, served on Node by `@hono/node-server`. */
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { createDepends } from '@depends/hono';
import { reportsApi } from '../api.js';
import { docsOf, listen, type RunningApi, type StartOptions } from './listen.js';

/**
 * Starts the API on Hono.
 *
 * @example
 * ```ts
 * const api = await start({ issuer: 'http://127.0.0.1:3001', port: 0 })
 * ```
 */
export async function start(options: StartOptions): Promise<RunningApi> {
  const api = reportsApi(options);
  const app = new Hono();
  const d = createDepends(api.options);
  d.mount(app, api.router);
  d.docs(app, docsOf(api));
  return listen(createAdaptorServer({ fetch: app.fetch }) as Server, d.app, options.port ?? 3000, options.host ?? '127.0.0.1');
}
