/**
 * The Todo API on Koa 3 with `@koa/router`: create the app and a router,
 * mount the declared routes and the docs on the router.
 */
import { createServer } from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import { createDepends } from '@depends/koa';
import { prepare, type StartOptions } from '../setup.js';
import { listen, type RunningServer } from './listen.js';

/**
 * Starts the API on Koa.
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

  const app = new Koa();
  const router = new Router();
  const d = createDepends(api.options);
  d.mount(router, api.router);
  d.docs(router, { openapiPath: '/openapi.json', docsPath: '/docs', title: 'Todo API' });
  app.use(router.routes()).use(router.allowedMethods());

  return listen(createServer(app.callback()), { port, host, api, app: d.app, store, jwtSecret });
}
