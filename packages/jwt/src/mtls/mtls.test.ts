/**
 * Certificate-bound access tokens (RFC 8705) over real TLS on 127.0.0.1,
 * with certificates the test makes (a CA, a server certificate, clients
 * alice and mallory): a token bound to alice's certificate is accepted
 * with it and refused (401 `invalid_token`, saying why) with mallory's,
 * with none, and an unbound token is refused; `jwtBearer` and
 * `tokenIntrospection` alike, inside `anyOf`, with scopes, over HTTP/2;
 * the header of a trusted TLS-terminating proxy (and only of one); the
 * startup mistakes; the `mutualTLS` scheme in the document.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, request } from 'undici';
import { ConfigurationError, DependsApp, anyOf, apiKeyHeader, ErrorCode, security, type DependsError } from '@depends/core';
import { validateOpenApi } from '../../../core/src/openapi/test/validate.js';
import { jwtBearer } from '../jwt-bearer.js';
import { tokenIntrospection } from '../introspection.js';
import { AUDIENCE, startIssuer } from '../test/issuer.js';
import { makeCertificates, type Issued } from './test/certificates.js';
import { serveApp, type Served } from './test/serve.js';
import { mtls } from './mtls.js';
import { protectedResource } from '../protected-resource.js';
import { dpop } from '../dpop/dpop.js';
import { memoryReplayStore } from '../dpop/replay-store.js';

const idp = await startIssuer();
const certs = await makeCertificates();
const agents: Agent[] = [];
afterAll(async () => {
  await idp.close();
  await Promise.all(agents.map((a) => a.close()));
});

/** An undici agent trusting the test CA, presenting `client`'s certificate (or none). */
function clientOf(client?: Issued): Agent {
  const agent = new Agent({ connect: { ca: certs.ca, ...(client ? { cert: client.cert, key: client.key } : {}) } });
  agents.push(agent);
  return agent;
}
const as = { alice: clientOf(certs.alice), mallory: clientOf(certs.mallory), nobody: clientOf() };

const now = () => Math.floor(Date.now() / 1000);
const boundTo = (client: Issued, claims: Record<string, unknown> = {}) => idp.sign({ sub: 'alice', scope: 'pay', ...claims, cnf: { 'x5t#S256': client.thumbprint } });
const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;

async function call(url: string, agent: Agent, token?: string, headers: Record<string, string | string[]> = {}) {
  const res = await request(url, { dispatcher: agent, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.body.text();
  return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: text ? (JSON.parse(text) as unknown) : undefined };
}

idp.opaque.set('opaque-alice', { sub: 'olivia', scope: 'pay', aud: AUDIENCE, iss: idp.issuer, exp: now() + 600, cnf: { 'x5t#S256': certs.alice.thumbprint } });
idp.opaque.set('opaque-unbound', { sub: 'olivia', scope: 'pay', aud: AUDIENCE, iss: idp.issuer, exp: now() + 600 });

function paymentsApp(binding = mtls()) {
  const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, realm: 'payments', mtls: binding });
  const introspected = tokenIntrospection({
    clientId: 'api',
    clientSecret: 'api-secret',
    issuer: idp.issuer,
    schemeName: 'Introspection',
    mtls: binding,
  });
  const apiKey = apiKeyHeader({ name: 'x-api-key' });
  const app = new DependsApp({ title: 'Payments' });
  app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('GET', '/pay', { auth: security(token, { scopes: ['pay'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('GET', '/refund', { auth: security(token, { scopes: ['refund'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('GET', '/either', { auth: anyOf(token, apiKey) }, ({ auth }) => (typeof auth === 'string' ? { key: auth } : { sub: auth.claims.sub }));
  app.route('GET', '/introspected', { auth: introspected }, ({ auth }) => ({ sub: auth.claims.sub }));
  return app;
}

describe('a token bound to a client certificate, over https', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveApp(paymentsApp(), certs);
  });
  afterAll(() => served.close());

  test("alice's certificate with a token bound to it: 200", async () => {
    expect(await call(`${served.url}/pay`, as.alice, await boundTo(certs.alice))).toEqual({ status: 200, challenge: undefined, body: { sub: 'alice' } });
  });

  test("mallory's certificate with alice's token: 401 invalid_token, bound to another certificate", async () => {
    const res = await call(`${served.url}/pay`, as.mallory, await boundTo(certs.alice));
    expect(res).toEqual({ status: 401, challenge: refused('The token is bound to another client certificate').replace('Bearer ', 'Bearer realm="payments", '), body: { detail: 'Could not validate credentials' } });
  });

  test('no client certificate with a bound token: 401 invalid_token, none presented', async () => {
    const res = await call(`${served.url}/pay`, as.nobody, await boundTo(certs.alice));
    expect([res.status, res.challenge]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The token is bound to a client certificate, and the request presented none"']);
  });

  test('a token without cnf, even with a certificate: 401 invalid_token, not bound', async () => {
    const unbound = await idp.sign({ sub: 'alice', scope: 'pay' });
    const res = await call(`${served.url}/pay`, as.alice, unbound);
    expect([res.status, res.challenge]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The token is not bound to a client certificate"']);
    // a cnf of another kind (a DPoP key) is no certificate binding
    const dpopBound = await idp.sign({ sub: 'alice', cnf: { jkt: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' } });
    expect((await call(`${served.url}/me`, as.alice, dpopBound)).status).toBe(401);
  });

  test('no token: 401 Not authenticated with the Bearer challenge (the certificate alone is no credential)', async () => {
    expect(await call(`${served.url}/me`, as.alice)).toEqual({ status: 401, challenge: 'Bearer realm="payments"', body: { detail: 'Not authenticated' } });
  });

  test('the binding is checked before the scopes: the right certificate without the scope is 403, the wrong one 401', async () => {
    const token = await boundTo(certs.alice);
    const forbidden = await call(`${served.url}/refund`, as.alice, token);
    expect([forbidden.status, forbidden.challenge]).toEqual([403, 'Bearer realm="payments", error="insufficient_scope", scope="refund"']);
    expect((await call(`${served.url}/refund`, as.mallory, token)).status).toBe(401);
  });

  test('the token is still verified: a bound but expired token is 401 expired', async () => {
    const expired = await idp.sign({ sub: 'alice', cnf: { 'x5t#S256': certs.alice.thumbprint } }, { expiresIn: -60 });
    expect((await call(`${served.url}/me`, as.alice, expired)).challenge).toBe('Bearer realm="payments", error="invalid_token", error_description="The token has expired"');
  });

  test('inside anyOf: the API key alternative needs no certificate; the token alternative is bound', async () => {
    expect((await call(`${served.url}/either`, as.nobody, undefined, { 'x-api-key': 'k' })).body).toEqual({ key: 'k' });
    expect((await call(`${served.url}/either`, as.alice, await boundTo(certs.alice))).body).toEqual({ sub: 'alice' });
    const wrong = await call(`${served.url}/either`, as.mallory, await boundTo(certs.alice), { 'x-api-key': 'k' });
    expect([wrong.status, wrong.challenge]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The token is bound to another client certificate"']);
  });

  test('tokenIntrospection: the cnf of the introspection response binds the opaque token', async () => {
    expect((await call(`${served.url}/introspected`, as.alice, 'opaque-alice')).body).toEqual({ sub: 'olivia' });
    const other = await call(`${served.url}/introspected`, as.mallory, 'opaque-alice');
    expect([other.status, other.challenge]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is bound to another client certificate"']);
    expect((await call(`${served.url}/introspected`, as.alice, 'opaque-unbound')).challenge).toBe(refused('The token is not bound to a client certificate'));
  });
});

describe('mtls({ required: false }): unbound tokens accepted, bound ones only with their certificate', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveApp(paymentsApp(mtls({ required: false })), certs);
  });
  afterAll(() => served.close());

  test('unbound token without a certificate: 200; bound token: its certificate only', async () => {
    expect((await call(`${served.url}/me`, as.nobody, await idp.sign({ sub: 'bob' }))).body).toEqual({ sub: 'bob' });
    expect((await call(`${served.url}/me`, as.alice, await boundTo(certs.alice))).status).toBe(200);
    expect((await call(`${served.url}/me`, as.mallory, await boundTo(certs.alice))).status).toBe(401);
    expect((await call(`${served.url}/me`, as.nobody, await boundTo(certs.alice))).status).toBe(401);
  });
});

describe('over HTTP/2 (http2.createSecureServer)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveApp(paymentsApp(), certs, 'http2');
  });
  afterAll(() => served.close());

  const h2 = (client: Issued | undefined, token: string) =>
    new Promise<{ status: number; challenge: unknown }>((resolve, reject) => {
      const session = connect(served.url, { ca: certs.ca, ...(client ? { cert: client.cert, key: client.key } : {}) });
      session.on('error', reject);
      const stream = session.request({ ':path': '/me', authorization: `Bearer ${token}` });
      stream.on('response', (headers) => {
        stream.resume();
        stream.on('end', () => {
          session.close();
          resolve({ status: Number(headers[':status']), challenge: headers['www-authenticate'] });
        });
      });
      stream.end();
    });

  test("the certificate of the HTTP/2 connection: alice's 200, mallory's and none 401", async () => {
    const token = await boundTo(certs.alice);
    expect(await h2(certs.alice, token)).toEqual({ status: 200, challenge: undefined });
    expect(await h2(certs.mallory, token)).toEqual({ status: 401, challenge: 'Bearer realm="payments", error="invalid_token", error_description="The token is bound to another client certificate"' });
    expect((await h2(undefined, token)).status).toBe(401);
  });
});

describe('behind a TLS-terminating proxy: the certificate from its header, only on connections from trustedProxies', () => {
  const pem = (client: Issued) => encodeURIComponent(client.cert);
  let trusted: Served;
  let untrusted: Served;
  let trustedTls: Served;
  beforeAll(async () => {
    // the test client connects from 127.0.0.1: it plays the proxy
    trusted = await serveApp(paymentsApp(mtls({ header: 'X-Client-Cert', trustedProxies: ['127.0.0.0/8'] })), certs, 'plain');
    untrusted = await serveApp(paymentsApp(mtls({ header: 'X-Client-Cert', trustedProxies: ['10.0.0.5', 'fd00::/8'] })), certs, 'plain');
    trustedTls = await serveApp(paymentsApp(mtls({ header: 'X-Client-Cert', trustedProxies: ['127.0.0.1'] })), certs);
  });
  afterAll(() => Promise.all([trusted.close(), untrusted.close(), trustedTls.close()]));
  const plain = clientOf();

  test("from a trusted proxy: alice's URL-encoded PEM 200, mallory's 401", async () => {
    const token = await boundTo(certs.alice);
    expect((await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': pem(certs.alice) })).body).toEqual({ sub: 'alice' });
    const other = await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': pem(certs.mallory) });
    expect([other.status, other.challenge]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The token is bound to another client certificate"']);
  });

  test('the other forms: PEM with its line breaks as spaces, base64 DER', async () => {
    const token = await boundTo(certs.alice);
    expect((await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': certs.alice.cert.trim().replace(/\n/g, ' ') })).status).toBe(200);
    expect((await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': Buffer.from(certs.alice.der).toString('base64') })).status).toBe(200);
  });

  test("Envoy's x-forwarded-client-cert from a trusted proxy: its last element's Hash or Cert; a Hash disagreeing with its Cert could not be read", async () => {
    const token = await boundTo(certs.alice);
    const hex = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
    const xfcc = (value: string) => ({ 'x-client-cert': value });
    expect((await call(`${trusted.url}/me`, plain, token, xfcc(`By=spiffe://payments;Hash=${hex(certs.alice.der)};Subject="CN=alice,O=Example"`))).status).toBe(200);
    expect((await call(`${trusted.url}/me`, plain, token, xfcc(`By=spiffe://payments;Cert="${encodeURIComponent(certs.alice.cert)}"`))).status).toBe(200);
    // an element added further away names alice; the proxy in front of the API says mallory: mallory
    const appended = await call(`${trusted.url}/me`, plain, token, xfcc(`Hash=${hex(certs.alice.der)},By=spiffe://payments;Hash=${hex(certs.mallory.der)}`));
    expect(appended.status).toBe(401);
    const mixed = await call(`${trusted.url}/me`, plain, token, xfcc(`Hash=${hex(certs.mallory.der)};Cert="${encodeURIComponent(certs.alice.cert)}"`));
    expect(mixed.challenge).toMatch(/could not be read"$/);
  });

  test('from a trusted proxy, no header: none presented; an unreadable or repeated header: could not be read', async () => {
    const token = await boundTo(certs.alice);
    expect((await call(`${trusted.url}/me`, plain, token)).challenge).toMatch(/the request presented none"$/);
    expect((await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': 'not%20a%20certificate' })).challenge).toMatch(/The client certificate could not be read"$/);
    expect((await call(`${trusted.url}/me`, plain, token, { 'x-client-cert': [pem(certs.alice), pem(certs.mallory)] })).challenge).toMatch(/could not be read"$/);
  });

  test("from a peer that is not a trusted proxy, the header is ignored: alice's PEM in it proves nothing (401)", async () => {
    const res = await call(`${untrusted.url}/me`, plain, await boundTo(certs.alice), { 'x-client-cert': pem(certs.alice) });
    expect([res.status, res.challenge]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The token is bound to a client certificate, and the request presented none"']);
  });

  test("a trusted proxy's own TLS client certificate is not the client's: its header is", async () => {
    const token = await boundTo(certs.alice);
    expect((await call(`${trustedTls.url}/me`, as.mallory, token, { 'x-client-cert': pem(certs.alice) })).status).toBe(200);
    expect((await call(`${trustedTls.url}/me`, as.alice, token)).status).toBe(401);
  });
});

describe('startup mistakes', () => {
  const codeOf = (make: () => unknown): [string, string] => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return [(error as DependsError).code, (error as Error).message];
    }
    return expect.fail('no startup error');
  };

  test('a header without trusted proxies: DEPENDS_CLIENT_CERTIFICATE_SOURCE, saying why and how to fix it', () => {
    const [code, message] = codeOf(() => mtls({ header: 'x-client-cert' }));
    expect(code).toBe(ErrorCode.ClientCertificateSource);
    expect(message).toMatch(/^mtls\(\): header "x-client-cert" is read from a request, which any client can send/);
    expect(message).toContain("trustedProxies: ['10.0.0.5']");
    expect(codeOf(() => mtls({ header: 'x-client-cert', trustedProxies: [] }))[0]).toBe(ErrorCode.ClientCertificateSource);
  });

  test('proxies without a header, an entry that is no address, a bad prefix, a bad header name', () => {
    expect(codeOf(() => mtls({ trustedProxies: ['10.0.0.5'] }))).toEqual([ErrorCode.ClientCertificateSource, expect.stringMatching(/trustedProxies is given without header/)]);
    expect(codeOf(() => mtls({ header: 'x-cert', trustedProxies: ['proxy.internal'] }))[1]).toMatch(/trustedProxies\[0\] must be an IP address or a CIDR network/);
    expect(codeOf(() => mtls({ header: 'x-cert', trustedProxies: ['10.0.0.5', '10.0.0.0/33'] }))[1]).toMatch(/trustedProxies\[1\] has an invalid prefix length/);
    expect(codeOf(() => mtls({ header: 'x cert', trustedProxies: ['10.0.0.5'] }))[1]).toMatch(/header must be a header name/);
    expect(codeOf(() => mtls({ header: 'Authorization', trustedProxies: ['10.0.0.5'] }))[1]).toMatch(/cannot be Authorization/);
    expect(codeOf(() => mtls({ required: 'yes' as never }))[1]).toMatch(/required must be true or false/);
  });

  test('the mtls option takes what mtls() makes', () => {
    expect(codeOf(() => jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, mtls: { required: true } as never }))).toEqual([
      ErrorCode.InvalidSchemeOption,
      'Security scheme jwtBearer: mtls must be made with mtls() ({ mtls: mtls() })',
    ]);
  });

  test('a token is bound to a DPoP key or to a certificate: dpop and mtls together are refused', () => {
    const both = () => jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, mtls: mtls(), dpop: dpop({ publicOrigin: 'https://api.example.com', store: memoryReplayStore() }) });
    expect(codeOf(both)).toEqual([ErrorCode.InvalidSchemeOption, 'Security scheme jwtBearer: give dpop or mtls, not both: a token is bound to a DPoP key or to a client certificate']);
  });
});

describe('the document', () => {
  test('a mutualTLS scheme (OpenAPI 3.1) beside the token scheme in each requirement; in anyOf, with the token alternative; optional with required: false', async () => {
    const doc = paymentsApp().openapi();
    expect((await validateOpenApi(doc)).valid).toBe(true);
    expect(doc.components?.securitySchemes?.MutualTLS).toEqual({
      type: 'mutualTLS',
      description: 'A client certificate presented on the TLS connection (RFC 8705): the access token must be bound to it (its cnf "x5t#S256" is the certificate\'s SHA-256 thumbprint).',
    });
    expect(doc.paths['/pay'].get!.security).toEqual([{ OpenIdConnect: ['pay'], MutualTLS: [] }]);
    expect(doc.paths['/either'].get!.security).toEqual([{ OpenIdConnect: [], MutualTLS: [] }, { APIKeyHeader: [] }]);
    expect(doc.paths['/introspected'].get!.security).toEqual([{ Introspection: [], MutualTLS: [] }]);
    const optional = paymentsApp(mtls({ required: false, schemeName: 'ClientCertificate', description: 'mTLS' })).openapi();
    expect(optional.paths['/me'].get!.security).toEqual([{ OpenIdConnect: [] }, { OpenIdConnect: [], ClientCertificate: [] }]);
    expect(optional.components?.securitySchemes?.ClientCertificate).toEqual({ type: 'mutualTLS', description: 'mTLS' });
  });
});

describe('protected resource metadata (RFC 9728 §2)', () => {
  test('tls_client_certificate_bound_access_tokens: true when a scheme of the resource is bound; absent otherwise', () => {
    const metadataOf = (bound: boolean) => {
      const resource = protectedResource({ resource: 'https://api.example.com' });
      const token = jwtBearer({ issuer: idp.issuer, audience: 'https://api.example.com', resource, ...(bound ? { mtls: mtls({ required: false }) } : {}) });
      const app = new DependsApp({ title: 'Payments' });
      app.route('GET', '/pay', { auth: security(token, { scopes: ['pay'] }) }, () => 'paid');
      return resource.metadata(app.openapi());
    };
    expect(metadataOf(true)).toEqual({
      resource: 'https://api.example.com',
      authorization_servers: [idp.issuer],
      scopes_supported: ['pay'],
      bearer_methods_supported: ['header'],
      resource_documentation: 'https://api.example.com/docs',
      tls_client_certificate_bound_access_tokens: true,
    });
    expect(metadataOf(false)).not.toHaveProperty('tls_client_certificate_bound_access_tokens');
  });
});
