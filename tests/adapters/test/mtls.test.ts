/**
 * Certificate-bound access tokens (RFC 8705, `mtls()` of `@depends/jwt`)
 * on every framework, over real TLS on 127.0.0.1: each app is served by
 * Node's `https` asking for a client certificate (Express and Koa through
 * `https.createServer`, Hono through `@hono/node-server`'s `createServer`,
 * Fastify through its `https` option), with certificates the test makes (a
 * CA, a server certificate for 127.0.0.1, clients alice and mallory), and
 * undici presenting one of them or none. A token bound to alice's
 * certificate is accepted with it (200) and refused with mallory's, with
 * none, and an unbound token is refused (401 `invalid_token`, saying why);
 * a TLS-terminating proxy's header is believed from a trusted peer only;
 * the served document names the `mutualTLS` scheme and validates.
 */
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, request } from 'undici';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { Router, anyOf, apiKeyHeader, security, type DependsApp, type OpenAPIDocument } from '../../../packages/core/src/index.js';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { jwtBearer, mtls } from '../../../packages/jwt/src/index.js';
import { AUDIENCE, startIssuer } from '../../../packages/jwt/src/test/issuer.js';
import { makeCertificates, type Issued } from '../../../packages/jwt/src/mtls/test/certificates.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, everyFramework } from '../src/harness.js';

const idp = await startIssuer();
const certs = await makeCertificates();
const agents: Agent[] = [];
afterAll(async () => {
  await idp.close();
  await Promise.all(agents.map((a) => a.close()));
});

/** undici trusting the test CA, presenting `client`'s certificate, or none. */
function clientOf(client?: Issued): Agent {
  const agent = new Agent({ connect: { ca: certs.ca, ...(client ? { cert: client.cert, key: client.key } : {}) } });
  agents.push(agent);
  return agent;
}
const as = { alice: clientOf(certs.alice), mallory: clientOf(certs.mallory), nobody: clientOf() };

/** Node's TLS options of every app: the test server certificate, a client certificate asked for, self-signed ones let through (the binding is the check). */
const TLS = { key: certs.server.key, cert: certs.server.cert, ca: certs.ca, requestCert: true, rejectUnauthorized: false };

/** The scheme of the existing route each framework puts behind a guard (`/guarded`: handler untouched). */
const guarded = () => jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, schemeName: 'GuardedToken', mtls: mtls({ schemeName: 'GuardedTLS' }) });

/** The routes every framework serves. */
function routes(): Router {
  const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, mtls: mtls() });
  // the test client (127.0.0.1) plays a TLS-terminating proxy for the first, an untrusted peer for the second
  const viaProxy = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, schemeName: 'ProxiedToken', mtls: mtls({ header: 'x-client-cert', trustedProxies: ['127.0.0.1'], schemeName: 'ProxiedTLS' }) });
  const viaOther = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, schemeName: 'OtherToken', mtls: mtls({ header: 'x-client-cert', trustedProxies: ['10.0.0.5'], schemeName: 'OtherTLS' }) });
  const api = new Router();
  api.get('/payments', { auth: security(token, { scopes: ['pay'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  api.get('/either', { auth: anyOf(token, apiKeyHeader({ name: 'x-api-key' })) }, ({ auth }) => (typeof auth === 'string' ? { key: auth } : { sub: auth.claims.sub }));
  api.get('/proxied', { auth: viaProxy }, ({ auth }) => ({ sub: auth.claims.sub }));
  api.get('/untrusted', { auth: viaOther }, ({ auth }) => ({ sub: auth.claims.sub }));
  return api;
}

interface TlsApp {
  readonly url: string;
  readonly d: { readonly app: DependsApp };
  close(): Promise<void>;
}

const urlOf = (server: HttpsServer) => `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
const listening = (server: HttpsServer) => new Promise<HttpsServer>((resolve) => (server.listening ? resolve(server) : server.once('listening', () => resolve(server))));

const apps = everyFramework<TlsApp>({
  express: (_name, make) => async () => {
    const app = await make();
    const d = expressDepends();
    const guard = d.guard({ token: guarded() }, { name: 'bound' });
    app.get('/guarded', guard, (req, res) => {
      res.json({ sub: guard.values(req).token.claims.sub });
    });
    d.mount(app, routes());
    d.docs(app, {});
    const server = await listening(createHttps(TLS, app).listen(0, '127.0.0.1'));
    return { url: urlOf(server), d, close: closer(server) };
  },
  koa: (_name, load) => async () => {
    const [{ default: Koa }, { Router: KoaRouter }, { createDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
    const app = new Koa();
    const router = new KoaRouter();
    const d = createDepends();
    const guard = d.guard({ token: guarded() }, { name: 'bound' });
    router.get('/guarded', guard, (ctx) => {
      ctx.body = { sub: guard.values(ctx).token.claims.sub };
    });
    d.mount(router, routes());
    d.docs(router, {});
    app.use(router.routes());
    const server = await listening(createHttps(TLS, app.callback()).listen(0, '127.0.0.1'));
    return { url: urlOf(server), d, close: closer(server) };
  },
  hono: async () => {
    const app = new Hono();
    const d = honoDepends();
    const guard = d.guard({ token: guarded() }, { name: 'bound' });
    app.get('/guarded', guard, (c) => c.json({ sub: guard.values(c).token.claims.sub }));
    d.mount(app, routes());
    d.docs(app, {});
    const server = await listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: createHttps, serverOptions: TLS }) as HttpsServer);
    return { url: urlOf(server), d, close: closer(server) };
  },
  fastify: async () => {
    const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
    const app = Fastify({ https: TLS });
    const d = createDepends();
    d.docs(app, {});
    const guard = d.guard({ token: guarded() }, { name: 'bound' });
    app.get('/guarded', { preHandler: [guard] }, async (req) => ({ sub: guard.values(req).token.claims.sub }));
    d.mount(app, routes());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const server = app.server as HttpsServer;
    return { url: urlOf(server), d, close: closer(server) };
  },
});

const boundTo = (client: Issued, claims: Record<string, unknown> = {}) => idp.sign({ sub: 'alice', scope: 'pay', ...claims, cnf: { 'x5t#S256': client.thumbprint } });
const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;

async function call(url: string, agent: Agent, token?: string, headers: Record<string, string> = {}) {
  const res = await request(url, { dispatcher: agent, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.body.text();
  return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: JSON.parse(text) as unknown };
}

describe.each(apps)('$name: certificate-bound tokens (RFC 8705) over TLS', (framework) => {
  let started: TlsApp;
  beforeAll(async () => {
    started = await framework.start();
  });
  afterAll(() => started?.close());

  test("alice's certificate, a token bound to it: 200", async () => {
    expect(await call(`${started.url}/payments`, as.alice, await boundTo(certs.alice))).toEqual({ status: 200, challenge: undefined, body: { sub: 'alice' } });
  });

  test("mallory's certificate, alice's token: 401 invalid_token, bound to another certificate", async () => {
    expect(await call(`${started.url}/payments`, as.mallory, await boundTo(certs.alice))).toEqual({
      status: 401,
      challenge: refused('The token is bound to another client certificate'),
      body: { detail: 'Could not validate credentials' },
    });
  });

  test('no client certificate: 401 invalid_token, none presented', async () => {
    const res = await call(`${started.url}/payments`, as.nobody, await boundTo(certs.alice));
    expect([res.status, res.challenge]).toEqual([401, refused('The token is bound to a client certificate, and the request presented none')]);
  });

  test('a token without cnf: 401 invalid_token, not bound', async () => {
    const res = await call(`${started.url}/payments`, as.alice, await idp.sign({ sub: 'alice', scope: 'pay' }));
    expect([res.status, res.challenge]).toEqual([401, refused('The token is not bound to a client certificate')]);
  });

  test('inside anyOf: an API key needs no certificate; the token alternative is bound', async () => {
    expect((await call(`${started.url}/either`, as.nobody, undefined, { 'x-api-key': 'k' })).body).toEqual({ key: 'k' });
    expect((await call(`${started.url}/either`, as.alice, await boundTo(certs.alice))).body).toEqual({ sub: 'alice' });
    expect((await call(`${started.url}/either`, as.mallory, await boundTo(certs.alice))).challenge).toBe(refused('The token is bound to another client certificate'));
  });

  test("a trusted proxy's header (URL-encoded PEM): alice's 200, mallory's 401; from an untrusted peer it is ignored: 401", async () => {
    const token = await boundTo(certs.alice);
    const pem = (client: Issued) => encodeURIComponent(client.cert);
    expect(await call(`${started.url}/proxied`, as.nobody, token, { 'x-client-cert': pem(certs.alice) })).toEqual({ status: 200, challenge: undefined, body: { sub: 'alice' } });
    expect((await call(`${started.url}/proxied`, as.nobody, token, { 'x-client-cert': pem(certs.mallory) })).challenge).toBe(refused('The token is bound to another client certificate'));
    const ignored = await call(`${started.url}/untrusted`, as.nobody, token, { 'x-client-cert': pem(certs.alice) });
    expect([ignored.status, ignored.challenge]).toEqual([401, refused('The token is bound to a client certificate, and the request presented none')]);
  });

  test("an existing route behind a guard of the bound scheme: alice's certificate 200, mallory's and none 401", async () => {
    const token = await boundTo(certs.alice);
    expect(await call(`${started.url}/guarded`, as.alice, token)).toEqual({ status: 200, challenge: undefined, body: { sub: 'alice' } });
    expect((await call(`${started.url}/guarded`, as.mallory, token)).challenge).toBe(refused('The token is bound to another client certificate'));
    expect((await call(`${started.url}/guarded`, as.nobody, token)).challenge).toBe(refused('The token is bound to a client certificate, and the request presented none'));
  });

  test('the served document: the mutualTLS scheme beside the token scheme, and valid', async () => {
    const res = await request(`${started.url}/openapi.json`, { dispatcher: as.nobody });
    const doc = (await res.body.json()) as OpenAPIDocument;
    expect(res.statusCode).toBe(200);
    expect(doc.components?.securitySchemes?.MutualTLS).toMatchObject({ type: 'mutualTLS' });
    expect(doc.paths['/payments'].get!.security).toEqual([{ OpenIdConnect: ['pay'], MutualTLS: [] }]);
    expect(doc.paths['/either'].get!.security).toEqual([{ OpenIdConnect: [], MutualTLS: [] }, { APIKeyHeader: [] }]);
    expect(doc.paths['/proxied'].get!.security).toEqual([{ ProxiedToken: [], ProxiedTLS: [] }]);
    expect(doc.paths['/guarded'].get!.security).toEqual([{ GuardedToken: [], GuardedTLS: [] }]);
    const verdict = await validateOpenApi(doc);
    expect(verdict.valid, String(verdict.errors)).toBe(true);
  });
});
