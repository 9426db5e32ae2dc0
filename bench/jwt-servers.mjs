// Servers for `bench/jwt.bench.ts`, one per process, as published (the built
// packages, plain JavaScript): `node bench/jwt-servers.mjs <framework>-<case>`
// with JWT_ISSUER, JWT_JWKS_URI, JWT_AUDIENCE, JWT_ALG, JWT_PUBLIC_PEM and
// OPAQUE_TOKEN in the environment; listens on 127.0.0.1 (random port) and
// prints `PORT <n>`. Every case serves `GET /reports`: 200 `{"sub","scopes"}`
// for a token with the scope `reports:read`, 401 for a missing or refused
// token, 403 without the scope.
//   hello:   no check at all (the framework's own floor)
//   floor:   hello plus one bare signature check of the token (node:crypto, key object made once): what any JWT route must at least cost
//   manual:  a hand-written check with jose (`createRemoteJWKSet` + `jwtVerify`, cached keys)
//   fastjwt: a hand-written check with fast-jwt (the public key given as PEM, no key set)
//   depends: `jwtBearer()` from @depends/jwt with `security(…, { scopes })`
//   cached:  the same with `tokenCache: true`
//   map:     an opaque token looked up in a Map, through depends (`httpBearer()` + the lookup + scopes)
// Spawned with an IPC channel, it answers any message with its `process.cpuUsage()`.
import { Buffer } from 'node:buffer';
import { constants, createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createVerifier } from 'fast-jwt';
import { Router, depends, httpBearer, invalidToken, refuse, security, withScopes } from '@depends/core';
import { createDepends as expressDepends } from '@depends/express';
import { createDepends as koaDepends } from '@depends/koa';
import { createDepends as honoDepends } from '@depends/hono';
import { jwtBearer } from '@depends/jwt';

const { JWT_ISSUER: issuer, JWT_JWKS_URI: jwksUri, JWT_AUDIENCE: audience, JWT_ALG: alg, JWT_PUBLIC_PEM: publicPem, OPAQUE_TOKEN: opaque } = process.env;
const SCOPE = 'reports:read';
const NOT_AUTHENTICATED = { status: 401, challenge: 'Bearer', detail: 'Not authenticated' };
const INVALID = { status: 401, challenge: 'Bearer error="invalid_token"', detail: 'Could not validate credentials' };

function bearerOf(authorization) {
  const space = authorization?.indexOf(' ') ?? -1;
  if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return undefined;
  return authorization.slice(space + 1).trim();
}

function answer(payload) {
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  if (!scopes.includes(SCOPE)) return { status: 403, challenge: `Bearer error="insufficient_scope", scope="${SCOPE}"`, detail: 'Not enough permissions' };
  return { body: { sub: payload.sub, scopes } };
}

// What a team writes with jose alone.
const jwks = createRemoteJWKSet(new URL(jwksUri));
const joseChecks = { issuer, audience, algorithms: [alg], requiredClaims: ['exp'], clockTolerance: 5 };
async function joseCheck(authorization) {
  const token = bearerOf(authorization);
  if (token === undefined) return NOT_AUTHENTICATED;
  try {
    return answer((await jwtVerify(token, jwks, joseChecks)).payload);
  } catch {
    return INVALID;
  }
}

// What a team writes with fast-jwt (synchronous verifier over the PEM key).
const fastVerify = createVerifier({ key: publicPem, algorithms: [alg], allowedIss: issuer, allowedAud: audience, requiredClaims: ['exp'], clockTolerance: 5000 });
async function fastJwtCheck(authorization) {
  const token = bearerOf(authorization);
  if (token === undefined) return NOT_AUTHENTICATED;
  try {
    return answer(fastVerify(token));
  } catch {
    return INVALID;
  }
}

// The floor: the framework's hello route plus one bare signature check of the token (node:crypto on a key object made once), nothing else.
const floorKey = createPublicKey(publicPem);
const floorOptions = alg.startsWith('ES') ? { key: floorKey, dsaEncoding: 'ieee-p1363' } : alg.startsWith('PS') ? { key: floorKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : floorKey;
const floorDigest = alg === 'EdDSA' ? null : `sha${alg.slice(2)}`;
async function floorCheck(authorization) {
  const token = bearerOf(authorization);
  if (token === undefined) return NOT_AUTHENTICATED;
  const dot = token.lastIndexOf('.');
  if (!verify(floorDigest, Buffer.from(token.slice(0, dot), 'latin1'), floorOptions, Buffer.from(token.slice(dot + 1), 'base64url'))) return INVALID;
  return { body: { sub: 'reports-service', scopes: [SCOPE] } };
}

const checks = { hello: async () => ({ body: { sub: 'reports-service', scopes: [SCOPE] } }), floor: floorCheck, manual: joseCheck, fastjwt: fastJwtCheck };

// Declared once with depends.
const routers = {
  depends: () => jwtBearer({ issuer, audience, jwksUri, algorithms: [alg] }),
  cached: () => jwtBearer({ issuer, audience, jwksUri, algorithms: [alg], tokenCache: true }),
  map: () => {
    const tokens = new Map([[opaque, { sub: 'reports-service', scopes: [SCOPE] }]]);
    const bearer = httpBearer();
    return withScopes(
      depends({ bearer }, ({ bearer }) => tokens.get(bearer.credentials) ?? refuse(invalidToken())),
      (token) => token.scopes,
    );
  },
};
function routerOf(kind) {
  const api = new Router();
  const auth = routers[kind]();
  if (kind === 'map') api.get('/reports', { auth: security(auth, { scopes: [SCOPE] }) }, ({ auth }) => auth);
  else api.get('/reports', { auth: security(auth, { scopes: [SCOPE] }) }, ({ auth }) => ({ sub: auth.claims.sub, scopes: auth.scopes }));
  return api;
}

const frameworks = {
  express: (kind) => {
    const app = express();
    app.set('etag', false);
    if (checks[kind]) {
      app.get('/reports', async (req, res) => {
        const r = await checks[kind](req.headers.authorization);
        if (r.body) return res.json(r.body);
        res.status(r.status).set('www-authenticate', r.challenge).json({ detail: r.detail });
      });
    } else expressDepends().mount(app, routerOf(kind));
    return createServer(app);
  },
  koa: (kind) => {
    const app = new Koa();
    const router = new KoaRouter();
    if (checks[kind]) {
      router.get('/reports', async (ctx) => {
        const r = await checks[kind](ctx.get('authorization') || undefined);
        if (r.body) return void (ctx.body = r.body);
        ctx.status = r.status;
        ctx.set('www-authenticate', r.challenge);
        ctx.body = { detail: r.detail };
      });
    } else koaDepends().mount(router, routerOf(kind));
    app.use(router.routes());
    return createServer(app.callback());
  },
  hono: (kind) => {
    const app = new Hono();
    if (checks[kind]) {
      app.get('/reports', async (c) => {
        const r = await checks[kind](c.req.header('authorization'));
        if (r.body) return c.json(r.body);
        c.header('www-authenticate', r.challenge);
        return c.json({ detail: r.detail }, r.status);
      });
    } else honoDepends().mount(app, routerOf(kind));
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  },
};

const name = process.argv[2];
const [framework, kind] = name.split('-');
if (!frameworks[framework] || !(checks[kind] || routers[kind])) {
  console.error(`unknown case ${name}: <${Object.keys(frameworks).join('|')}>-<${[...Object.keys(checks), ...Object.keys(routers)].join('|')}>`);
  process.exit(2);
}
const server = frameworks[framework](kind);
const ready = () => console.log(`PORT ${server.address().port}`);
if (server.listening) ready();
else if (framework === 'hono') server.once('listening', ready);
else server.listen(0, '127.0.0.1', ready);
process.on('message', () => process.send?.(process.cpuUsage()));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
