/** Node (`@hono/node-server`): the scenario app on `PORT` (0: any free port), announced as `listening on <port>`. */
import type { ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';

const app = createApp({
  runtime: 'node',
  sent: (c) => (c as { env: { outgoing: ServerResponse } }).env.outgoing.writableFinished,
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => console.log(`listening on ${info.port}`));
