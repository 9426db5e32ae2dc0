/** The TypeScript consumer on Express: a guard in front of the app's own routes, and the declared routes mounted. */
import { createDepends } from '@depends/express';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { api, currentUser, listening, port, type User } from './api.js';

const d = createDepends({ title: 'Consumer (TypeScript, Express)', version: '1.0.0' });
const app = express();
d.mount(app, api);
const auth = d.guard({ user: currentUser }, { routes: { 'GET /status': { public: true } } });
app.use(auth);
app.get('/status', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/me', (req, res) => {
  const user: User = auth.values(req).user;
  res.json(user);
});
d.docs(app);

const server = app.listen(port, '127.0.0.1', () => listening((server.address() as AddressInfo).port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
