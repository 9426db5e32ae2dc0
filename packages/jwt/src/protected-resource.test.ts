import { afterAll, describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, Router, anyOf, apiKeyHeader, httpBearer, security } from '@depends/core';
import { jwtBearer } from './jwt-bearer.js';
import { tokenIntrospection } from './introspection.js';
import { protectedResource, ProtectedResource } from './protected-resource.js';
import { startIssuer } from './test/issuer.js';

const idp = await startIssuer();
const other = await startIssuer();
afterAll(() => Promise.all([idp.close(), other.close()]));

const RESOURCE = 'https://api.example.com/mcp';
const METADATA = 'https://api.example.com/.well-known/oauth-protected-resource/mcp';

/** The error a function throws. */
const thrown = (fn: () => unknown): ConfigurationError => {
  try {
    fn();
  } catch (error) {
    return error as ConfigurationError;
  }
  throw new Error('did not throw');
};

describe('protectedResource(): the well-known URI (RFC 9728 §3.1)', () => {
  test.each([
    ['https://api.example.com/mcp', '/.well-known/oauth-protected-resource/mcp', METADATA],
    ['https://api.example.com/v1/notes/', '/.well-known/oauth-protected-resource/v1/notes/', 'https://api.example.com/.well-known/oauth-protected-resource/v1/notes/'],
    ['https://api.example.com', '/.well-known/oauth-protected-resource', 'https://api.example.com/.well-known/oauth-protected-resource'],
    ['https://api.example.com/', '/.well-known/oauth-protected-resource', 'https://api.example.com/.well-known/oauth-protected-resource'],
    ['https://api.example.com:8443/mcp', '/.well-known/oauth-protected-resource/mcp', 'https://api.example.com:8443/.well-known/oauth-protected-resource/mcp'],
    ['http://127.0.0.1:3000/api', '/.well-known/oauth-protected-resource/api', 'http://127.0.0.1:3000/.well-known/oauth-protected-resource/api'],
  ])('%s: served at %s, named %s', (resource, path, url) => {
    const r = protectedResource({ resource });
    expect([r.resource, r.path, r.metadataUrl]).toEqual([resource, path, url]);
    expect(r).toBeInstanceOf(ProtectedResource);
  });

  test.each([
    ['api.example.com/mcp', 'must be an absolute URL'],
    ['http://api.example.com/mcp', 'must be an https URL'],
    ['https://api.example.com/mcp?tenant=a', 'no query and no fragment'],
    ['https://api.example.com/mcp#top', 'no query and no fragment'],
    ['https://user:pw@api.example.com/mcp', 'must not carry credentials'],
    ['https://api.example.com/:tenant/mcp', 'must hold only letters'],
  ])('%s is refused: %s', (resource, message) => {
    const error = thrown(() => protectedResource({ resource }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe(ErrorCode.ResourceMetadata);
    expect(error.message).toContain(message);
  });

  test('resource_signing_alg_values_supported never lists "none"', () => {
    expect(thrown(() => protectedResource({ resource: RESOURCE, resourceSigningAlgValuesSupported: ['none'] })).code).toBe(ErrorCode.ResourceMetadata);
  });
});

/** An MCP-like API: a JWT scheme and an introspection scheme of the resource, a route per scope, a public route, one with an API key alternative. */
function api(options: { documentation?: string | false; realm?: string } = {}) {
  const mcp = protectedResource({ resource: RESOURCE, resourceName: 'Notes', ...(options.documentation !== undefined ? { documentation: options.documentation } : {}) });
  const token = jwtBearer({ issuer: idp.issuer, audience: RESOURCE, resource: mcp, scopes: { 'notes:read': 'Read notes' }, ...(options.realm ? { realm: options.realm } : {}) });
  const opaque = tokenIntrospection({ issuer: other.issuer, clientId: 'api', clientSecret: 'api-secret', resource: mcp, schemeName: 'Opaque' });
  const key = apiKeyHeader({ name: 'x-api-key' });
  const router = new Router();
  router.get('/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub }));
  router.post('/mcp', { auth: security(token, { scopes: ['mcp:call'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  router.get('/notes', { auth: security(anyOf(token, key), { scopes: ['notes:write'] }) }, () => 'ok');
  router.get('/opaque', { auth: security(opaque, { scopes: ['notes:admin'] }) }, () => 'ok');
  router.get('/status', {}, () => 'ok');
  const app = new DependsApp({ title: 'Notes' });
  app.include(router);
  const call = (method: string, url: string, token?: string) => app.request({ method, url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { mcp, app, call };
}

describe('the metadata (RFC 9728 §2), derived from the declarations', () => {
  test('resource; the issuers of its schemes; the scopes they declare and its routes ask; header; the docs page', () => {
    const { mcp, app } = api();
    expect(mcp.metadata(app.openapi(), { docsPath: '/docs' })).toEqual({
      resource: RESOURCE,
      resource_name: 'Notes',
      authorization_servers: [idp.issuer, other.issuer],
      scopes_supported: ['notes:read', 'mcp:call', 'notes:write', 'notes:admin'],
      bearer_methods_supported: ['header'],
      resource_documentation: 'https://api.example.com/docs',
    });
  });

  test('documentation: a path on the resource origin, an absolute URL, or left out; the docs path of d.docs() by default', () => {
    expect(api({ documentation: '/guide' }).mcp.metadata(new DependsApp().openapi()).resource_documentation).toBe('https://api.example.com/guide');
    expect(api({ documentation: 'https://docs.example.com/notes' }).mcp.metadata(new DependsApp().openapi()).resource_documentation).toBe('https://docs.example.com/notes');
    expect(api({ documentation: false }).mcp.metadata(new DependsApp().openapi())).not.toHaveProperty('resource_documentation');
    expect(api().mcp.build(new DependsApp().openapi(), { docsPath: '/api-docs' })).toMatchObject({ resource_documentation: 'https://api.example.com/api-docs' });
  });

  test('resource_signing_alg_values_supported only when given (it names how responses are signed, not the tokens accepted)', () => {
    const signed = protectedResource({ resource: RESOURCE, resourceSigningAlgValuesSupported: ['ES256'] });
    expect(signed.metadata(new DependsApp().openapi())).toEqual({
      resource: RESOURCE,
      bearer_methods_supported: ['header'],
      resource_signing_alg_values_supported: ['ES256'],
      resource_documentation: 'https://api.example.com/docs',
    });
    expect(api().mcp.metadata(new DependsApp().openapi())).not.toHaveProperty('resource_signing_alg_values_supported');
  });
});

describe('challenges of a scheme of the resource (RFC 9728 §5.1)', () => {
  test('401 without a token: Bearer resource_metadata="<absolute metadata URL>", whatever the Host', async () => {
    const { app } = api();
    const res = await app.request({ method: 'GET', url: '/me', headers: { host: 'evil.example' } });
    expect([res.status, res.header('www-authenticate'), res.json()]).toEqual([401, `Bearer resource_metadata="${METADATA}"`, { detail: 'Not authenticated' }]);
  });

  test('401 for a refused token: invalid_token with its description and resource_metadata', async () => {
    const { call } = api();
    const expired = await idp.sign({ sub: 'alice', aud: RESOURCE }, { expiresIn: -60 });
    const res = await call('GET', '/me', expired);
    expect([res.status, res.header('www-authenticate')]).toEqual([401, `Bearer error="invalid_token", error_description="The token has expired", resource_metadata="${METADATA}"`]);
    const forOther = await idp.sign({ sub: 'alice', aud: 'https://api.example.com/other' });
    expect((await call('GET', '/me', forOther)).header('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The token is for another audience", resource_metadata="${METADATA}"`,
    );
  });

  test('403 insufficient_scope: the scope needed, and resource_metadata', async () => {
    const { call } = api();
    const token = await idp.sign({ sub: 'alice', aud: RESOURCE, scope: 'notes:read' });
    expect((await call('GET', '/me', token)).status).toBe(200);
    const res = await call('POST', '/mcp', token);
    expect([res.status, res.header('www-authenticate')]).toEqual([403, `Bearer error="insufficient_scope", scope="mcp:call", resource_metadata="${METADATA}"`]);
  });

  test('with a realm, the realm first; an introspection scheme of the resource too; the document lists the challenge', async () => {
    const { app, call } = api({ realm: 'notes' });
    expect((await call('GET', '/me')).header('www-authenticate')).toBe(`Bearer realm="notes", resource_metadata="${METADATA}"`);
    other.opaque.set('opaque-token', { sub: 'bob', aud: RESOURCE, iss: other.issuer, scope: 'notes:read', exp: Math.floor(Date.now() / 1000) + 300 });
    expect((await call('GET', '/opaque', 'opaque-token')).header('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="notes:admin", resource_metadata="${METADATA}"`);
    expect((await call('GET', '/opaque', 'unknown')).header('www-authenticate')).toBe(`Bearer error="invalid_token", error_description="The token is not active", resource_metadata="${METADATA}"`);
    expect(JSON.stringify(app.openapi().paths['/me'])).toContain(`resource_metadata=\\"${METADATA}\\"`);
  });

  test('a scheme of no resource keeps its bare challenge', async () => {
    const plain = jwtBearer({ issuer: idp.issuer, audience: RESOURCE });
    const app = new DependsApp();
    const router = new Router();
    router.get('/me', { auth: plain }, () => 'ok');
    app.include(router);
    expect((await app.request({ method: 'GET', url: '/me', headers: {} })).header('www-authenticate')).toBe('Bearer');
  });
});

describe('startup errors (DEPENDS_RESOURCE_METADATA)', () => {
  test('the resource URI is not among the audiences the verifier expects', () => {
    const mcp = protectedResource({ resource: RESOURCE });
    const error = thrown(() => jwtBearer({ issuer: idp.issuer, audience: 'api://notes', resource: mcp }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe(ErrorCode.ResourceMetadata);
    expect(error.message).toBe(
      `Security scheme jwtBearer: the resource URI ${RESOURCE} is not among the audiences it expects (api://notes): a client asks the authorization server for a token for the resource (RFC 8707), and that token would be refused. Give audience: '${RESOURCE}'`,
    );
    expect(() => jwtBearer({ issuer: idp.issuer, audience: ['api://notes', RESOURCE], resource: mcp })).not.toThrow();
    expect(thrown(() => tokenIntrospection({ issuer: idp.issuer, clientId: 'a', clientSecret: 'b', audience: 'api://notes', resource: mcp })).code).toBe(ErrorCode.ResourceMetadata);
  });

  test('an introspection scheme of the resource with no issuer; a resource not made by protectedResource()', () => {
    const mcp = protectedResource({ resource: RESOURCE });
    const error = thrown(() => tokenIntrospection({ introspectionUrl: `${idp.issuer}/introspect`, clientId: 'a', clientSecret: 'b', resource: mcp }));
    expect([error.code, error.message]).toEqual([
      ErrorCode.ResourceMetadata,
      `Security scheme tokenIntrospection: resource ${RESOURCE} needs an issuer: its metadata names the authorization servers that issue its tokens. Give issuer`,
    ]);
    const fake = { resource: RESOURCE } as unknown as ProtectedResource;
    expect(thrown(() => jwtBearer({ issuer: idp.issuer, audience: RESOURCE, resource: fake })).message).toContain('resource must be made with protectedResource({ resource })');
  });

  test('a bearer scheme with no issuer on a route whose 401 points to the metadata', () => {
    const mcp = protectedResource({ resource: RESOURCE });
    const token = jwtBearer({ issuer: idp.issuer, audience: RESOURCE, resource: mcp });
    const app = new DependsApp();
    const router = new Router();
    router.get('/plain', { auth: httpBearer() }, () => 'ok'); // no scheme of the resource: not its concern
    router.get('/either', { auth: anyOf(token, apiKeyHeader({ name: 'x-api-key' })) }, () => 'ok'); // an API key beside it: fine
    app.include(router);
    expect(() => mcp.metadata(app.openapi())).not.toThrow();
    const mixed = new Router();
    mixed.get('/mixed', { auth: anyOf(token, httpBearer({ schemeName: 'Legacy' })) }, () => 'ok');
    app.include(mixed);
    const error = thrown(() => mcp.metadata(app.openapi()));
    expect(error.code).toBe(ErrorCode.ResourceMetadata);
    expect(error.message).toContain(`Route GET /mixed points to the protected resource metadata of ${RESOURCE} (a scheme of the resource answers its 401) but also accepts Legacy, a bearer scheme with no issuer in that metadata`);
  });
});
