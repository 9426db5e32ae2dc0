/** The TypeScript consumer on Koa (+ @koa/router): a guard in front of the app's own routes, and the declared routes mounted. */
import { createDepends, type GuardState } from '@depends/koa';
import KoaRouter from '@koa/router';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { api, currentUser, listening, port, type User } from './api.js';

const d = createDepends({ title: 'Consumer (TypeScript, Koa)', version: '1.0.0' });
const app = new Koa();
d.mount(app, api);
const auth = d.guard({ user: currentUser }, { routes: { 'GET /status': { public: true } } });
app.use(auth);
const own = new KoaRouter<GuardState<typeof auth>>();
own.get('/status', (ctx) => {
  ctx.body = { status: 'ok' };
});
own.get('/me', (ctx) => {
  const user: User = ctx.state.user;
  ctx.body = user;
});
app.use(own.routes());
d.docs(app);

const server = app.listen(port, '127.0.0.1', () => listening((server.address() as AddressInfo).port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
