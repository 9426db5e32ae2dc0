import { afterAll, describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, apiKeyHeader, depends, httpBearer, security, type Dependency } from '@depends/core';
import { validateOpenApi } from '../../core/src/openapi/test/validate.js';
import { tokenIntrospection } from './introspection.js';
import { jwtBearer } from './jwt-bearer.js';
import { protectedResource } from './protected-resource.js';
import { DIFFERENT_LEVEL, MORE_RECENT, stepUp } from './step-up.js';
import { AUDIENCE, startIssuer } from './test/issuer.js';

// RFC 9470: a route asking an authentication level answers a token below it 401 insufficient_user_authentication.
const idp = await startIssuer();
afterAll(() => idp.close());
const now = () => Math.floor(Date.now() / 1000);
const MFA = 'urn:example:mfa';
const PWD = 'urn:example:pwd';

function appWith(scheme: Dependency<{ readonly claims: { readonly sub?: unknown } }> = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, profile: 'rfc9068' })) {
  const app = new DependsApp({ title: 'Step-up' });
  app.route('POST', '/approve', { auth: security(stepUp(scheme, { acr: [MFA], maxAge: 300 }), { scopes: ['write'] }) }, ({ auth }) => ({ approvedBy: auth.claims.sub }));
  app.route('GET', '/recent', { auth: stepUp(scheme, { maxAge: 60 }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  app.route('GET', '/me', { auth: scheme }, ({ auth }) => ({ sub: auth.claims.sub }));
  const send = (method: 'GET' | 'POST', url: string, token: string) => app.request({ method, url, headers: { authorization: `Bearer ${token}` } });
  return { app, send };
}
const base = { sub: 'alice', client_id: 'web', jti: 'j', scope: 'write' };
const challenge = (description: string, extra = '') =>
  `Bearer error="insufficient_user_authentication", error_description="${description}", acr_values="${MFA}", max_age="300"${extra}`;

describe('stepUp(jwtBearer(…), { acr, maxAge })', () => {
  const { app, send } = appWith();

  test('a token signed in with the stronger method, recently: 200', async () => {
    const res = await send('POST', '/approve', await idp.sign({ ...base, acr: MFA, auth_time: now() - 10 }));
    expect([res.status, res.json()]).toEqual([200, { approvedBy: 'alice' }]);
  });

  test.each([
    ['a weaker acr', { acr: PWD, auth_time: now() }, DIFFERENT_LEVEL],
    ['no acr', { auth_time: now() }, DIFFERENT_LEVEL],
    ['the right acr, signed in too long ago', { acr: MFA, auth_time: now() - 301 }, MORE_RECENT],
    ['the right acr, no auth_time', { acr: MFA }, MORE_RECENT],
  ])('%s: 401 insufficient_user_authentication with acr_values and max_age (RFC 9470 §3)', async (_name, claims, description) => {
    const res = await send('POST', '/approve', await idp.sign({ ...base, ...claims }));
    expect([res.status, res.header('www-authenticate'), res.json()]).toEqual([401, challenge(description), { detail: description }]);
  });

  test("the scheme's own checks come first: a refused token is invalid_token, a missing scope 403", async () => {
    const bad = await send('POST', '/approve', await idp.sign({ ...base, acr: PWD, client_id: undefined }));
    expect([bad.status, bad.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="The token has no \\"client_id\\" claim"']);
    const noScope = await send('POST', '/approve', await idp.sign({ ...base, scope: 'read', acr: PWD, auth_time: now() }));
    expect([noScope.status, noScope.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="write"']);
    const none = await app.request({ method: 'POST', url: '/approve' });
    expect([none.status, none.header('www-authenticate')]).toEqual([401, 'Bearer']);
  });

  test('maxAge alone: only the age counts, and only max_age is sent', async () => {
    expect((await send('GET', '/recent', await idp.sign({ ...base, acr: PWD, auth_time: now() - 5 }))).status).toBe(200);
    const old = await send('GET', '/recent', await idp.sign({ ...base, auth_time: now() - 61 }));
    expect([old.status, old.header('www-authenticate')]).toEqual([
      401,
      `Bearer error="insufficient_user_authentication", error_description="${MORE_RECENT}", max_age="60"`,
    ]);
    // the scheme alone asks nothing of the sign-in
    expect((await send('GET', '/me', await idp.sign({ ...base }))).status).toBe(200);
  });

  test('the document: the challenge in the 401, x-step-up on the operation, nothing on the others; it validates', async () => {
    const doc = app.openapi();
    const approve = doc.paths['/approve'].post!;
    expect(approve['x-step-up']).toEqual({ acr_values: [MFA], max_age: 300 });
    const header = (approve.responses['401'] as { headers?: Record<string, { description?: string; schema?: unknown }> }).headers?.['WWW-Authenticate'];
    expect(JSON.stringify(header)).toContain(`Bearer error=\\"insufficient_user_authentication\\", acr_values=\\"${MFA}\\", max_age=\\"300\\"`);
    expect(doc.paths['/recent'].get!['x-step-up']).toEqual({ max_age: 60 });
    expect(doc.paths['/me'].get!['x-step-up']).toBeUndefined();
    expect(JSON.stringify(doc.paths['/me'].get!.responses['401'])).not.toContain('insufficient_user_authentication');
    const verdict = await validateOpenApi(doc);
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
  });
});

describe('stepUp with realm and resource, several issuers, introspection', () => {
  test("realm and resource_metadata in the challenge, as in the scheme's others", async () => {
    const resource = protectedResource({ resource: 'http://127.0.0.1:9/api' });
    const scheme = jwtBearer({ issuer: idp.issuer, audience: [AUDIENCE, resource.resource], realm: 'reports', resource });
    const { send } = appWith(scheme);
    const res = await send('POST', '/approve', await idp.sign({ ...base, acr: PWD, auth_time: now() }));
    expect([res.status, res.header('www-authenticate')]).toEqual([
      401,
      `Bearer realm="reports", error="insufficient_user_authentication", error_description="${DIFFERENT_LEVEL}", acr_values="${MFA}", max_age="300", resource_metadata="${resource.metadataUrl}"`,
    ]);
  });

  test('jwtBearer({ issuers }): the level is asked of the token whichever issuer verified it', async () => {
    const other = await startIssuer();
    try {
      const { send } = appWith(jwtBearer({ issuers: [{ issuer: idp.issuer, audience: AUDIENCE }, { issuer: other.issuer, audience: AUDIENCE }] }));
      expect((await send('POST', '/approve', await other.sign({ ...base, acr: MFA, auth_time: now() }))).json()).toEqual({ approvedBy: 'alice' });
      const weak = await send('POST', '/approve', await other.sign({ ...base, acr: PWD, auth_time: now() }));
      expect([weak.status, weak.header('www-authenticate')]).toEqual([401, challenge(DIFFERENT_LEVEL)]);
    } finally {
      await other.close();
    }
  });

  test('tokenIntrospection: from the introspection response (RFC 9470 §6.2)', async () => {
    idp.opaque.set('strong', { sub: 'alice', scope: 'write', aud: AUDIENCE, exp: now() + 300, acr: MFA, auth_time: now() - 5 });
    idp.opaque.set('weak', { sub: 'bob', scope: 'write', aud: AUDIENCE, exp: now() + 300, acr: PWD, auth_time: now() - 5 });
    const { send } = appWith(tokenIntrospection({ issuer: idp.issuer, clientId: 'api', clientSecret: 'api-secret', audience: AUDIENCE }));
    expect((await send('POST', '/approve', 'strong')).json()).toEqual({ approvedBy: 'alice' });
    const weak = await send('POST', '/approve', 'weak');
    expect([weak.status, weak.header('www-authenticate')]).toEqual([401, challenge(DIFFERENT_LEVEL)]);
  });
});

describe('stepUp: mistakes refused at startup (DEPENDS_STEP_UP)', () => {
  const token = jwtBearer({ issuer: 'https://a.example', audience: 'api://x' });
  test.each([
    ['a scheme that is not a token scheme', () => stepUp(httpBearer() as never, { acr: [MFA] }), '"HTTPBearer" is not a token scheme of @depends/jwt'],
    ['an API key', () => stepUp(apiKeyHeader({ name: 'x-key' }) as never, { acr: [MFA] }), 'is not a token scheme'],
    ['a plain dependency', () => stepUp(depends(() => ({ claims: {} })), { acr: [MFA] }), 'is not a token scheme'],
    ['an optional scheme', () => stepUp(jwtBearer({ issuer: 'https://a.example', audience: 'api://x', autoError: false }), { acr: [MFA] }), 'autoError: false'],
    ['nothing asked', () => stepUp(token, {}), 'give acr (the acceptable acr values) or maxAge'],
    ['an empty acr list', () => stepUp(token, { acr: [] }), 'acr must be a non-empty list'],
    ['an acr value with a space', () => stepUp(token, { acr: ['urn:a urn:b'] }), 'acr must be a non-empty list'],
    ['a negative maxAge', () => stepUp(token, { maxAge: -1 }), 'maxAge must be a whole number of seconds'],
    ['a maxAge in minutes as a string', () => stepUp(token, { maxAge: '5m' as never }), 'maxAge must be a whole number of seconds'],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(message);
    try {
      make();
    } catch (error) {
      expect((error as ConfigurationError).code).toBe(ErrorCode.StepUp);
    }
  });

  test('a security() use of the scheme is accepted, its scopes kept', async () => {
    const app = new DependsApp();
    const scheme = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE });
    app.route('GET', '/x', { auth: stepUp(security(scheme, { scopes: ['write'] }), { acr: [MFA] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    expect(app.openapi().paths['/x'].get!.security).toEqual([{ OpenIdConnect: ['write'] }]);
    const res = await app.request({ method: 'GET', url: '/x', headers: { authorization: `Bearer ${await idp.sign({ sub: 'a', acr: MFA })}` } });
    expect([res.status, res.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="write"']);
  });
});
