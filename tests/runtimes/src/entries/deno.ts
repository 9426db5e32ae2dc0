/** Deno (`Deno.serve`): the scenario app on `PORT` (0: any free port), announced as `listening on <port>`. */
import { createApp } from '../app.js';

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { port: number; hostname: string; onListen(address: { port: number }): void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): unknown;
};

const app = createApp({ runtime: 'deno' });
Deno.serve(
  { port: Number(Deno.env.get('PORT') ?? 0), hostname: '127.0.0.1', onListen: ({ port }) => console.log(`listening on ${port}`) },
  (request, info) => app.fetch(request, info), // as `Deno.serve(app.fetch)` does: the handler info is Hono's env
);
