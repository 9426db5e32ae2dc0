/** The TypeScript consumer on Fastify: a guard (a preHandler hook) in front of the app's own routes, and the declared routes mounted. */
import { createDepends } from '@depends/fastify';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { api, currentUser, listening, port, type User } from './api.js';

const d = createDepends({ title: 'Consumer (TypeScript, Fastify)', version: '1.0.0' });
const app = Fastify();
d.docs(app);
d.mount(app, api);
app.register(async (own) => {
  const auth = d.guard({ user: currentUser }, { routes: { 'GET /status': { public: true } } });
  own.addHook('preHandler', auth);
  own.get('/status', async () => ({ status: 'ok' }));
  own.get('/me', async (request) => {
    const user: User = auth.values(request).user;
    return user;
  });
});

app.listen({ port, host: '127.0.0.1' }).then(
  () => listening((app.server.address() as AddressInfo).port),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
