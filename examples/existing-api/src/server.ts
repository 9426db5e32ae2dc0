/**
 * Starting the notes API on one framework over Node's HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

/** The frameworks the example runs on. */
export const FRAMEWORKS = ['express', 'koa', 'hono', 'fastify'] as const;
/** One of {@link FRAMEWORKS}. */
export type Framework = (typeof FRAMEWORKS)[number];

/** A running server. */
export interface Running {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

async function listener(framework: Framework): Promise<Parameters<typeof createServer>[1]> {
  if (framework === 'express') return (await import('./apps/express.js')).createApp();
  if (framework === 'koa') return (await import('./apps/koa.js')).createApp().callback();
  if (framework === 'fastify') {
    let handler!: Parameters<typeof createServer>[1];
    const app = (await import('./apps/fastify.js')).createApp(undefined, {
      serverFactory: (h) => {
        handler = h as Parameters<typeof createServer>[1];
        return createServer(h);
      },
    });
    await app.ready();
    return handler;
  }
  return getRequestListener((await import('./apps/hono.js')).createApp().fetch);
}

/**
 * Starts the app of one framework on `host:port` (port 0: any free port).
 *
 * @example
 * ```ts
 * const running = await start('koa', { port: 0 })
 * await fetch(`${running.url}/status`)
 * await running.close()
 * ```
 */
export async function start(framework: Framework, { port = 3000, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<Running> {
  const server: Server = createServer(await listener(framework));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
