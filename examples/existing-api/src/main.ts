/**
 * `pnpm --filter existing-api start`: the notes API on the framework named
 * by `FRAMEWORK` (express, koa, hono or fastify; default express), on `PORT`
 * (default 3000).
 */
import { FRAMEWORKS, start, type Framework } from './server.js';

const framework = (process.env.FRAMEWORK ?? 'express') as Framework;
if (!FRAMEWORKS.includes(framework)) {
  console.error(`FRAMEWORK must be one of ${FRAMEWORKS.join(', ')} (got "${framework}")`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}")`);
  process.exit(1);
}
const running = await start(framework, { port, host: process.env.HOST ?? '127.0.0.1' });
// the signal handlers first: whoever reads the lines below may stop the process at once
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.close().then(() => process.exit(0)));
console.log(`Notes API on ${framework}: ${running.url}`);
console.log(`Docs: ${running.url}/docs (Authorize with alice-token or bob-token)`);
console.log(`OpenAPI: ${running.url}/openapi.json`);
