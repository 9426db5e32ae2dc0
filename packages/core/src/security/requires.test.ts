/**
 * `defineScheme({ requires })`: a scheme that always needs another with it
 * (a certificate-bound token and the `mutualTLS` scheme of the client
 * certificate, RFC 8705). The required scheme runs only when the scheme
 * does, and the document names both in one requirement object — in an
 * `anyOf`, in that alternative's — with the `mutualTLS` entry (OpenAPI 3.1)
 * in `components.securitySchemes` and no scopes listed for it.
 */
import { describe, expect, test } from 'vitest';
import { security } from '../dependency/depends.js';
import { refuse } from '../dependency/refusal.js';
import { appWith, expectValid, op } from '../openapi/test/helpers.js';
import { anyOf } from './any-of.js';
import { apiKeyHeader } from './api-key.js';
import { readAuthorization } from './authorization.js';
import { insufficientScope, invalidToken } from './errors.js';
import { defineScheme, found, MISSING } from './scheme.js';

describe('defineScheme({ requires }): schemes needed together, documented together', () => {
  const certificateReads: (string | undefined)[] = [];
  // what the peer certificate would be: a header here (core has no TLS socket of its own)
  const clientCertificate = defineScheme<string | undefined>({
    defaultName: 'MutualTLS',
    options: { description: 'The client certificate of the TLS connection' },
    openapi: { type: 'mutualTLS' },
    challenge: undefined,
    consumes: [],
    bearerChallenges: false,
    read: (request) => {
      const thumbprint = request.header('x-test-certificate');
      certificateReads.push(thumbprint);
      return found(thumbprint);
    },
  });
  const bound = defineScheme({
    defaultName: 'BoundToken',
    options: {},
    openapi: { type: 'http', scheme: 'bearer' },
    challenge: 'Bearer',
    consumes: [{ in: 'header', name: 'authorization' }],
    bearerChallenges: true,
    read: (request) => {
      const parts = readAuthorization(request, 'bearer');
      return parts ? found(parts.credentials) : MISSING;
    },
    // the token names the certificate it is bound to: "<thumbprint>.<scope>"
    verify: (token, { required, request }) => {
      const [thumbprint, scope] = token.split('.');
      if (request.header('x-test-certificate') !== thumbprint) return refuse(invalidToken('The token is bound to another client certificate'));
      if (required.scopes.some((s) => s !== scope)) throw insufficientScope(required);
      return { thumbprint, scope };
    },
    enforcesScopes: true,
    requires: [clientCertificate],
  });
  const apiKey = apiKeyHeader({ name: 'x-api-key' });
  const app = () =>
    appWith((r) => {
      r.get('/bound', { auth: bound }, ({ auth }) => auth);
      r.get('/write', { auth: security(bound, { scopes: ['write'] }) }, ({ auth }) => auth);
      r.get('/either', { auth: security(anyOf(bound, apiKey), { scopes: ['write'] }) }, ({ auth }) => (typeof auth === 'string' ? { key: auth } : auth));
    });

  test('the document: both schemes in one requirement object, the mutualTLS one with no scopes; in anyOf, in that alternative only', async () => {
    const doc = app().openapi();
    await expectValid(doc);
    expect(doc.components?.securitySchemes?.MutualTLS).toEqual({ type: 'mutualTLS', description: 'The client certificate of the TLS connection' });
    expect(op(doc, 'get', '/bound').security).toEqual([{ BoundToken: [], MutualTLS: [] }]);
    expect(op(doc, 'get', '/write').security).toEqual([{ BoundToken: ['write'], MutualTLS: [] }]);
    expect(op(doc, 'get', '/either').security).toEqual([{ BoundToken: ['write'], MutualTLS: [] }, { APIKeyHeader: ['write'] }]);
    // a mutualTLS scheme sends no challenge: the 401 documents the bearer one only
    expect(op(doc, 'get', '/bound').responses['401']).toMatchObject({ headers: { 'WWW-Authenticate': { description: 'One line per challenge: `Bearer`, `Bearer error="invalid_token"`.' } } });
  });

  test('the required scheme runs only when the scheme runs (inside anyOf: only for the alternative chosen)', async () => {
    const served = app();
    certificateReads.length = 0;
    const ok = await served.request({ url: '/write', headers: { authorization: 'Bearer abc.write', 'x-test-certificate': 'abc' } });
    expect([ok.status, ok.json()]).toEqual([200, { thumbprint: 'abc', scope: 'write' }]);
    expect(certificateReads).toEqual(['abc']);
    const other = await served.request({ url: '/bound', headers: { authorization: 'Bearer abc.write', 'x-test-certificate': 'def' } });
    expect([other.status, other.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is bound to another client certificate"']);
    certificateReads.length = 0;
    const key = await served.request({ url: '/either', headers: { 'x-api-key': 'k', 'x-test-certificate': 'abc' } });
    expect([key.status, key.json()]).toEqual([200, { key: 'k' }]);
    const none = await served.request({ url: '/either' });
    expect(none.status).toBe(401);
    expect(certificateReads).toEqual([]);
  });

  test('requires takes security schemes only', () => {
    const definition = { defaultName: 'X', options: {}, openapi: { type: 'http', scheme: 'bearer' }, challenge: 'Bearer', consumes: [], bearerChallenges: true, read: () => MISSING };
    expect(() => defineScheme({ ...definition, requires: [apiKey, {} as never] })).toThrow(
      /Security scheme X: requires must be a list of security schemes/,
    );
  });
});
