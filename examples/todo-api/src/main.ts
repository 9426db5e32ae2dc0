/**
 * `pnpm start`: starts the Todo API on the framework named by `FRAMEWORK`
 * (express, koa, hono or fastify) and prints where the docs are.
 */
import { loadConfig, type Framework } from './config.js';
import type { RunningServer } from './servers/listen.js';
import type { StartOptions } from './setup.js';

const servers: Record<Framework, () => Promise<{ start(options?: StartOptions): Promise<RunningServer> }>> = {
  express: () => import('./servers/express.js'),
  koa: () => import('./servers/koa.js'),
  hono: () => import('./servers/hono.js'),
  fastify: () => import('./servers/fastify.js'),
};

const config = loadConfig();
const { start } = await servers[config.framework]();
const server = await start({ port: config.port, host: config.host, databasePath: config.databasePath, jwtSecret: config.jwtSecret });

// the signal handlers first: whoever reads the lines below may stop the process at once
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

console.log(`Todo API on ${config.framework}: ${server.url}`);
console.log(`Database: ${config.databasePath}`);
console.log(`Docs: ${server.url}/docs`);
console.log(`OpenAPI: ${server.url}/openapi.json`);
