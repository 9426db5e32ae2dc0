/**
 * Servers for `bench/http.bench.ts`, one per process: `tsx
 * bench/http-servers.ts <case>` listens on 127.0.0.1 (random port) and
 * prints `PORT <n>`. Every case serves `GET /me`: the bearer token's user as
 * JSON, or 401 with `WWW-Authenticate: Bearer` (missing / another scheme) or
 * `Bearer error="invalid_token"` (unknown token).
 *
 * Cases: `express-manual`, `express-depends`, `koa-manual`, `koa-depends`,
 * `hono-manual`, `hono-depends`, `hono-bearerAuth`.
 *
 * Spawned with an IPC channel, it answers any message with its
 * `process.cpuUsage()` (so the bench can charge CPU time per request).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { serve } from '@hono/node-server';
import { Router, depends, httpBearer, invalidToken } from '../packages/core/src/index.js';
import { createDepends as expressDepends } from '../packages/express/src/index.js';
import { createDepends as koaDepends } from '../packages/koa/src/index.js';
import { createDepends as honoDepends } from '../packages/hono/src/index.js';

interface User {
  id: number;
  username: string;
  email: string;
}
const users = new Map<string, User>([
  ['token-1', { id: 1, username: 'johndoe', email: 'john@example.com' }],
  ['token-2', { id: 2, username: 'alice', email: 'alice@example.com' }],
]);

/** The hand-written check every "manual" case does: the same answers as `httpBearer()` + lookup. */
function check(authorization: string | undefined): { user: User } | { status: 401; challenge: string } {
  const space = authorization?.indexOf(' ') ?? -1;
  if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return { status: 401, challenge: 'Bearer' };
  const user = users.get(authorization.slice(space + 1).trim());
  return user ? { user } : { status: 401, challenge: 'Bearer error="invalid_token"' };
}
const NOT_AUTHENTICATED = { detail: 'Not authenticated' };

// Declared once with depends, served by every "depends" case.
const bearer = httpBearer();
const currentUser = depends({ auth: bearer }, ({ auth }) => {
  const user = users.get(auth.credentials);
  if (!user) throw invalidToken();
  return user;
});
const api = new Router();
api.get('/me', { user: currentUser }, ({ user }) => user);

const cases: Record<string, () => Server> = {
  'express-manual': () => {
    const app = express();
    app.set('etag', false); // depends sends no ETag: compare the same bytes
    app.use('/me', (req, res, next) => {
      const r = check(req.headers.authorization);
      if ('user' in r) {
        res.locals.user = r.user;
        return next();
      }
      res.status(r.status).set('www-authenticate', r.challenge).json(NOT_AUTHENTICATED);
    });
    app.get('/me', (_req, res) => {
      res.json(res.locals.user);
    });
    return createServer(app);
  },
  'express-depends': () => {
    const app = express();
    expressDepends({ onError: () => {} }).mount(app, api);
    return createServer(app);
  },
  'koa-manual': () => {
    const app = new Koa();
    const router = new KoaRouter();
    router.get(
      '/me',
      async (ctx, next) => {
        const r = check(ctx.get('authorization') || undefined);
        if ('user' in r) {
          ctx.state.user = r.user;
          return next();
        }
        ctx.status = r.status;
        ctx.set('www-authenticate', r.challenge);
        ctx.body = NOT_AUTHENTICATED;
      },
      (ctx) => {
        ctx.body = ctx.state.user;
      },
    );
    app.use(router.routes());
    return createServer(app.callback());
  },
  'koa-depends': () => {
    const app = new Koa();
    const router = new KoaRouter();
    koaDepends({ onError: () => {} }).mount(router, api);
    app.use(router.routes());
    return createServer(app.callback());
  },
  'hono-manual': () => {
    const app = new Hono<{ Variables: { user: User } }>();
    app.use('/me', async (c, next) => {
      const r = check(c.req.header('authorization'));
      if (!('user' in r)) return c.json(NOT_AUTHENTICATED, r.status, { 'www-authenticate': r.challenge });
      c.set('user', r.user);
      await next();
    });
    app.get('/me', (c) => c.json(c.get('user')));
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
  'hono-depends': () => {
    const app = new Hono();
    honoDepends({ onError: () => {} }).mount(app, api);
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
  'hono-bearerAuth': () => {
    const app = new Hono<{ Variables: { user: User } }>();
    app.use(
      '/me',
      bearerAuth({
        verifyToken: (token, c) => {
          const user = users.get(token);
          if (user) (c as Context<{ Variables: { user: User } }>).set('user', user);
          return user !== undefined;
        },
      }),
    );
    app.get('/me', (c) => c.json(c.get('user')));
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
};

const name = process.argv[2];
const make = cases[name];
if (!make) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const server = make();
const announce = () => console.log(`PORT ${(server.address() as AddressInfo).port}`);
if (server.listening) announce();
else if (name.startsWith('hono')) server.once('listening', announce);
else server.listen(0, '127.0.0.1', announce);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('message', () => process.send?.(process.cpuUsage()));
