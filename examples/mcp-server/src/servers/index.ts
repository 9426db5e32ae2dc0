/** The MCP server's `start()` per framework, loaded on demand. */
import type { Framework } from '../config.js';
import type { RunningMcp, StartOptions } from './listen.js';

/**
 * Loads the `start()` of one framework's server.
 *
 * @example
 * ```ts
 * const start = await serverFor('hono')
 * const mcp = await start({ issuer, port: 0 })
 * ```
 */
export async function serverFor(framework: Framework): Promise<(options: StartOptions) => Promise<RunningMcp>> {
  const loaders = {
    express: () => import('./express.js'),
    hono: () => import('./hono.js'),
  } satisfies Record<Framework, () => Promise<{ start(options: StartOptions): Promise<RunningMcp> }>>;
  return (await loaders[framework]()).start;
}
