// The CommonJS consumer (plain JavaScript, `require`, Express): installed
// from the registry by npm. scripts/registry-matrix.mjs starts it and checks
// its answers; it prints `listening on <port>` once it listens.
const { Router, body, depends, httpBearer, invalidToken } = require('@depends/core');
const { createDepends } = require('@depends/express');
const express = require('express');
const { z } = require('zod');

const bearer = httpBearer();
const currentUser = depends({ auth: bearer }, ({ auth }) => {
  if (auth.credentials !== 'demo-token') throw invalidToken(); // the app's HTTPException, answered by the adapter's core
  return { name: 'demo' };
});

const api = new Router();
const NewItem = z.object({ name: z.string().min(1), count: z.number().int() });
api.post('/items', { user: currentUser, item: body(NewItem) }, ({ user, item }) => ({ owner: user.name, ...item }), { status: 201 });

const d = createDepends({ title: 'Consumer (CommonJS)', version: '1.0.0' });
const auth = d.guard({ user: currentUser }, { routes: { 'GET /status': { public: true } } });
const app = express();
app.use(auth);
app.get('/status', (_req, res) => res.json({ status: 'ok' }));
app.get('/me', (req, res) => res.json(auth.values(req).user)); // a route the app already had, behind the guard
d.mount(app, api);
d.docs(app);

// every other entry point loads with require (the CommonJS build of each; MORE_ENTRIES: packages the matrix installed beside, with their peers)
for (const sub of ['adapter', 'node', 'schemes', 'openapi', 'docs']) require(`@depends/core/${sub}`);
for (const name of ['@depends/jwt', '@depends/rate-limit', ...(process.env.MORE_ENTRIES ?? '').split(',').filter(Boolean)]) require(name);

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
