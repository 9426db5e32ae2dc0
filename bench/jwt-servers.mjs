// Servers for `bench/jwt.bench.ts`, one per process, as published (the built
// packages, plain JavaScript): `node bench/jwt-servers.mjs <framework>-<case>`
// with JWT_ISSUER, JWT_JWKS_URI and JWT_AUDIENCE in the environment; listens on
// 127.0.0.1 (random port) and prints `PORT <n>`. Both cases serve
// `GET /reports` for a JWT access token with the scope `reports:read`: 200
// `{"sub","scopes"}`, 401 for a missing or refused token, 403 without the scope.
//   manual:  a hand-written check with jose (`createRemoteJWKSet` + `jwtVerify`, cached keys)
//   depends: `jwtBearer()` from @depends/jwt with `security(…, { scopes })`
// Spawned with an IPC channel, it answers any message with its `process.cpuUsage()`.
import { createServer } from 'node:http';
import express from 'express';
import Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Router, security } from '@depends/core';
import { createDepends as expressDepends } from '@depends/express';
import { createDepends as koaDepends } from '@depends/koa';
import { createDepends as honoDepends } from '@depends/hono';
import { jwtBearer } from '@depends/jwt';

const { JWT_ISSUER: issuer, JWT_JWKS_URI: jwksUri, JWT_AUDIENCE: audience } = process.env;
const SCOPE = 'reports:read';

// The hand-written check: what a team writes with jose alone.
const jwks = createRemoteJWKSet(new URL(jwksUri));
const checks = { issuer, audience, algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'], requiredClaims: ['exp'], clockTolerance: 5 };
async function manualCheck(authorization) {
  const space = authorization?.indexOf(' ') ?? -1;
  if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return { status: 401, challenge: 'Bearer', detail: 'Not authenticated' };
  let payload;
  try {
    ({ payload } = await jwtVerify(authorization.slice(space + 1).trim(), jwks, checks));
  } catch {
    return { status: 401, challenge: 'Bearer error="invalid_token"', detail: 'Could not validate credentials' };
  }
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  if (!scopes.includes(SCOPE)) return { status: 403, challenge: `Bearer error="insufficient_scope", scope="${SCOPE}"`, detail: 'Not enough permissions' };
  return { body: { sub: payload.sub, scopes } };
}

// Declared once with depends.
const token = jwtBearer({ issuer, audience, jwksUri });
const api = new Router();
api.get('/reports', { auth: security(token, { scopes: [SCOPE] }) }, ({ auth }) => ({ sub: auth.claims.sub, scopes: auth.scopes }));

const cases = {
  'express-manual': () => {
    const app = express();
    app.set('etag', false);
    app.get('/reports', async (req, res) => {
      const r = await manualCheck(req.headers.authorization);
      if (r.body) return res.json(r.body);
      res.status(r.status).set('www-authenticate', r.challenge).json({ detail: r.detail });
    });
    return createServer(app);
  },
  'express-depends': () => {
    const app = express();
    app.set('etag', false);
    expressDepends().mount(app, api);
    return createServer(app);
  },
  'koa-manual': () => {
    const app = new Koa();
    const router = new KoaRouter();
    router.get('/reports', async (ctx) => {
      const r = await manualCheck(ctx.get('authorization') || undefined);
      if (r.body) return void (ctx.body = r.body);
      ctx.status = r.status;
      ctx.set('www-authenticate', r.challenge);
      ctx.body = { detail: r.detail };
    });
    app.use(router.routes());
    return createServer(app.callback());
  },
  'koa-depends': () => {
    const app = new Koa();
    const router = new KoaRouter();
    koaDepends().mount(router, api);
    app.use(router.routes());
    return createServer(app.callback());
  },
  'hono-manual': () => {
    const app = new Hono();
    app.get('/reports', async (c) => {
      const r = await manualCheck(c.req.header('authorization'));
      if (r.body) return c.json(r.body);
      c.header('www-authenticate', r.challenge);
      return c.json({ detail: r.detail }, r.status);
    });
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  },
  'hono-depends': () => {
    const app = new Hono();
    honoDepends().mount(app, api);
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const server = cases[name]();
const ready = () => console.log(`PORT ${server.address().port}`);
if (server.listening) ready();
else if (name.startsWith('hono')) server.once('listening', ready);
else server.listen(0, '127.0.0.1', ready);
process.on('message', () => process.send?.(process.cpuUsage()));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
