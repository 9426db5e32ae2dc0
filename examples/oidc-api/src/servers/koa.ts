/** The Reports API on Koa 3 with `@koa/router`. */
import { createServer } from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import { createDepends } from '@depends/koa';
import { reportsApi } from '../api.js';
import { docsOf, listen, type RunningApi, type StartOptions } from './listen.js';

/**
 * Starts the API on Koa.
 *
 * @example
 * ```ts
 * const api = await start({ issuer: 'http://127.0.0.1:3001', port: 0 })
 * ```
 */
export async function start(options: StartOptions): Promise<RunningApi> {
  const api = reportsApi(options);
  const app = new Koa();
  const router = new Router();
  const d = createDepends(api.options);
  d.mount(router, api.router);
  d.docs(router, docsOf(api));
  app.use(router.routes()).use(router.allowedMethods());
  return listen(createServer(app.callback()), d.app, options.port ?? 3000, options.host ?? '127.0.0.1');
}
