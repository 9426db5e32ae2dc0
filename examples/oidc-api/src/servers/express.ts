/** The Reports API on Express 5. */
import { createServer } from 'node:http';
import express from 'express';
import { createDepends } from '@depends/express';
import { reportsApi } from '../api.js';
import { docsOf, listen, type RunningApi, type StartOptions } from './listen.js';

/**
 * Starts the API on Express.
 *
 * @example
 * ```ts
 * const api = await start({ issuer: 'http://127.0.0.1:3001', port: 0 })
 * ```
 */
export async function start(options: StartOptions): Promise<RunningApi> {
  const api = reportsApi(options);
  const app = express();
  app.disable('x-powered-by');
  const d = createDepends(api.options);
  d.mount(app, api.router);
  d.docs(app, docsOf(api));
  return listen(createServer(app), d.app, options.port ?? 3000, options.host ?? '127.0.0.1');
}
