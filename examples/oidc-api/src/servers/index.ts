/** The API's `start()` per framework, loaded on demand. */
import type { Framework } from '../config.js';
import type { RunningApi, StartOptions } from './listen.js';

/**
 * Loads the `start()` of one framework's server.
 *
 * @example
 * ```ts
 * const start = await serverFor('koa')
 * const api = await start({ issuer, port: 0 })
 * ```
 */
export async function serverFor(framework: Framework): Promise<(options: StartOptions) => Promise<RunningApi>> {
  const loaders = {
    express: () => import('./express.js'),
    koa: () => import('./koa.js'),
    hono: () => import('./hono.js'),
    fastify: () => import('./fastify.js'),
  } satisfies Record<Framework, () => Promise<{ start(options: StartOptions): Promise<RunningApi> }>>;
  return (await loaders[framework]()).start;
}
