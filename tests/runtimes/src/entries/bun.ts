/** Bun (`Bun.serve`): the scenario app on `PORT` (0: any free port), announced as `listening on <port>`. */
import { createApp } from '../app.js';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch: (request: Request, server: unknown) => Response | Promise<Response> }): { port: number };
};

const app = createApp({ runtime: 'bun' });
const server = Bun.serve({ port: Number(Bun.env.PORT ?? 0), hostname: '127.0.0.1', fetch: (request, server) => app.fetch(request, server) }); // as `fetch: app.fetch` does: the server is Hono's env
console.log(`listening on ${server.port}`);
