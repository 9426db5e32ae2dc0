/** Bun (`Bun.serve`): the scenario app on `PORT` (0: any free port), announced as `listening on <port>`. */
import { createApp } from '../app.js';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch: (request: Request) => Response | Promise<Response> }): { port: number };
};

const app = createApp({ runtime: 'bun' });
const server = Bun.serve({ port: Number(Bun.env.PORT ?? 0), hostname: '127.0.0.1', fetch: (request) => app.fetch(request) });
console.log(`listening on ${server.port}`);
