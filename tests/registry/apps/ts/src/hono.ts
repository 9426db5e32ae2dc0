/** The TypeScript consumer on Hono (served by @hono/node-server): a guard in front of the app's own routes, and the declared routes mounted. */
import { serve } from '@hono/node-server';
import { createDepends, type GuardEnv } from '@depends/hono';
import { Hono } from 'hono';
import { api, currentUser, listening, port, type User } from './api.js';

const d = createDepends({ title: 'Consumer (TypeScript, Hono)', version: '1.0.0' });
const auth = d.guard({ user: currentUser }, { routes: { 'GET /status': { public: true } } });
const app = new Hono<GuardEnv<typeof auth>>();
d.mount(app, api);
app.use(auth);
app.get('/status', (c) => c.json({ status: 'ok' }));
app.get('/me', (c) => {
  const user: User = c.var.user;
  return c.json(user);
});
d.docs(app);
d.check(app);

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => listening(info.port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
