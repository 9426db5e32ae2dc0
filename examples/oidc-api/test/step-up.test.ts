/**
 * Step-up authentication (RFC 9470) end to end, on every framework, against
 * the real provider: alice signs in through the provider's own login pages
 * (authorization code + PKCE as the docs page's public client, driven over
 * HTTP: the pages' forms posted with undici, redirects followed by hand with
 * the provider's cookies) with her password only — acr `urn:depends:pwd` —
 * and `POST /reports/approve`, which asks for `urn:depends:mfa`, answers
 * 401 `insufficient_user_authentication` with `acr_values` and `max_age`.
 * The client sends those in a new authorization request; the provider signs
 * her in again (the session's level does not satisfy them), its login page
 * now requiring the one-time code; the new token (acr `urn:depends:mfa`,
 * amr pwd+otp, a fresh auth_time) is accepted. Then the same with opaque
 * tokens, the level read from the provider's introspection response.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { DependsApp, security } from '@depends/core';
import { stepUp, tokenIntrospection } from '@depends/jwt';
import { APPROVAL_MAX_AGE } from '../src/api.js';
import { ACR, DEMO_OTP, DEMO_USER, DOCS_CLIENT_ID, type RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, TEST_CLIENTS, call, clientToken, freePort, payloadOf, startApi, startTestProvider } from './helpers.js';

/** A browser's cookies for the provider (one origin; the provider's cookie paths are not needed to tell them apart here). */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  store(setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (value === '' || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
}

/** What one sign-in went through, and the token it ended with. */
interface SignIn {
  /** The login pages shown, as HTML, in order (a refused attempt shows the page again). */
  readonly loginPages: string[];
  /** The access token from the token endpoint. */
  readonly accessToken: string;
}

/**
 * Signs alice in at the provider as the docs page's public client
 * (`swagger-ui`, authorization code + PKCE), typing the one-time code when
 * `otp` is given and, first, trying without it when `tryWithoutCode`.
 */
async function signIn(
  idp: RunningProvider,
  apiUrl: string,
  jar: CookieJar,
  options: { acrValues?: string; maxAge?: string; otp?: string; tryWithoutCode?: boolean; resource?: string } = {},
): Promise<SignIn> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${apiUrl}/docs/oauth2-redirect.html`;
  const state = randomBytes(8).toString('hex');
  const authorize = new URL(`${idp.issuer}/auth`);
  for (const [name, value] of Object.entries({
    client_id: DOCS_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid reports:read reports:write',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(options.acrValues !== undefined ? { acr_values: options.acrValues } : {}),
    ...(options.maxAge !== undefined ? { max_age: options.maxAge } : {}),
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
  })) {
    authorize.searchParams.set(name, value);
  }
  const send = async (url: string, form?: Record<string, string>) => {
    const res = await request(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    jar.store(res.headers['set-cookie']);
    const text = await res.body.text();
    return { status: res.statusCode, location: res.headers.location as string | undefined, text };
  };
  const loginPages: string[] = [];
  let url = authorize.href;
  let code: string | undefined;
  for (let step = 0; step < 20 && code === undefined; step++) {
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.location!, url);
      if (next.href.startsWith(redirectUri)) {
        expect(next.searchParams.get('state')).toBe(state);
        code = next.searchParams.get('code') ?? undefined;
        if (code === undefined) throw new Error(`the provider answered the client with ${next.search}`);
      } else url = next.href;
      continue;
    }
    expect(res.status).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(res.text)?.[1];
    if (action === undefined) throw new Error(`no form on ${url}: ${res.text.slice(0, 200)}`);
    let answer;
    if (action.endsWith('/login')) {
      loginPages.push(res.text);
      const credentials = { username: DEMO_USER.username, password: DEMO_USER.password };
      if (options.tryWithoutCode) {
        answer = await send(new URL(action, url).href, credentials);
        if (answer.status === 401) loginPages.push(answer.text);
      }
      if (!options.tryWithoutCode || answer?.status === 401) answer = await send(new URL(action, url).href, { ...credentials, otp: options.otp ?? '' });
    } else {
      answer = await send(new URL(action, url).href, {}); // consent: Allow
    }
    expect([303, 302]).toContain(answer!.status);
    url = new URL(answer!.location!, url).href;
  }
  if (code === undefined) throw new Error('the sign-in did not come back to the client');
  const token = await request(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: DOCS_CLIENT_ID,
      code_verifier: verifier,
      ...(options.resource !== undefined ? { resource: options.resource } : {}),
    }).toString(),
  });
  const body = (await token.body.json()) as { access_token?: string };
  expect([token.statusCode, typeof body.access_token]).toEqual([200, 'string']);
  return { loginPages, accessToken: body.access_token! };
}

/** The auth-params of a `Bearer` challenge. */
function paramsOf(challenge: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of challenge.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) out[name] = value;
  return out;
}

describe.each(FRAMEWORKS)('%s: step-up authentication (RFC 9470) with the provider', (framework) => {
  let idp: RunningProvider;
  let api: RunningApi;
  let apiUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    idp = await startTestProvider(apiUrl);
    api = await startApi(framework, { issuer: idp.issuer, port });
  });
  afterAll(async () => {
    await api?.close();
    await idp?.close();
  });

  test('a password-only token is refused with the RFC 9470 challenge; a fresh sign-in with the one-time code that the challenge asks for is accepted', async () => {
    const jar = new CookieJar();
    const weak = await signIn(idp, apiUrl, jar);
    const claims = payloadOf(weak.accessToken);
    expect(claims).toMatchObject({ sub: DEMO_USER.username, client_id: DOCS_CLIENT_ID, acr: ACR.password, amr: ['pwd'], auth_time: expect.any(Number) });
    // the token is fine everywhere else (RFC 9068 profile checks pass)
    expect((await call(`${api.url}/me`, { bearer: weak.accessToken })).status).toBe(200);

    const refused = await call(`${api.url}/reports/approve`, { method: 'POST', bearer: weak.accessToken, json: { id: 1 } });
    expect([refused.status, refused.headers['www-authenticate'], refused.json()]).toEqual([
      401,
      `Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="${ACR.mfa}", max_age="${APPROVAL_MAX_AGE}"`,
      { detail: 'A different authentication level is required' },
    ]);

    // the client asks again with what the challenge says; the session's password-only sign-in does not satisfy it
    const asked = paramsOf(String(refused.headers['www-authenticate']));
    const strong = await signIn(idp, apiUrl, jar, { acrValues: asked.acr_values, maxAge: asked.max_age, otp: DEMO_OTP, tryWithoutCode: true });
    // the provider honoured acr_values: its login page asked for the code, and refused the password alone
    expect(strong.loginPages).toHaveLength(2);
    expect(strong.loginPages[0]).toContain('This application asks for a second factor');
    expect(strong.loginPages[1]).toContain('A one-time code is required');
    const strongClaims = payloadOf(strong.accessToken);
    expect(strongClaims).toMatchObject({ sub: DEMO_USER.username, acr: ACR.mfa, amr: ['pwd', 'otp'] });
    expect(strongClaims.auth_time as number).toBeGreaterThanOrEqual(claims.auth_time as number);

    const approved = await call(`${api.url}/reports/approve`, { method: 'POST', bearer: strong.accessToken, json: { id: 1 } });
    expect([approved.status, approved.json()]).toEqual([200, { id: 1, title: 'Quarterly figures', approvedBy: DEMO_USER.username, acr: ACR.mfa }]);
    // the weaker token stays refused
    expect((await call(`${api.url}/reports/approve`, { method: 'POST', bearer: weak.accessToken, json: { id: 1 } })).status).toBe(401);
  });

  test('a token with no user sign-in behind it (client credentials) is refused the same way; a missing scope is a 403 first', async () => {
    const service = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read reports:write' });
    const res = await call(`${api.url}/reports/approve`, { method: 'POST', bearer: service, json: { id: 1 } });
    expect([res.status, paramsOf(String(res.headers['www-authenticate'])).error]).toEqual([401, 'insufficient_user_authentication']);
    const reader = await clientToken(idp.issuer);
    const forbidden = await call(`${api.url}/reports/approve`, { method: 'POST', bearer: reader, json: { id: 1 } });
    expect([forbidden.status, forbidden.headers['www-authenticate']]).toEqual([403, 'Bearer error="insufficient_scope", scope="reports:write"']);
  });

  test('the operation documents the requirement: x-step-up and the challenge of its 401', async () => {
    const doc = (await call(`${api.url}/openapi.json`)).json() as {
      paths: Record<string, Record<string, { 'x-step-up'?: unknown; responses: Record<string, { headers?: Record<string, unknown> }>; security?: unknown }>>;
    };
    const approve = doc.paths['/reports/approve'].post;
    expect(approve['x-step-up']).toEqual({ acr_values: [ACR.mfa], max_age: APPROVAL_MAX_AGE });
    expect(JSON.stringify(approve.responses['401'].headers)).toContain(
      `Bearer error=\\"insufficient_user_authentication\\", acr_values=\\"${ACR.mfa}\\", max_age=\\"${APPROVAL_MAX_AGE}\\"`,
    );
    expect(approve.security).toEqual([{ OpenIdConnect: ['reports:write'] }]);
    expect(doc.paths['/reports'].post['x-step-up']).toBeUndefined();
  });
});

describe('step-up from introspection claims (RFC 9470 §6): opaque tokens of a user, checked at the provider', () => {
  const OPAQUE = 'api://opaque-api';
  const API_CLIENT = { client_id: 'opaque-api', client_secret: 'opaque-api-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] };
  const apiUrl = 'http://127.0.0.1:9';
  let idp: RunningProvider;
  let app: DependsApp;
  beforeAll(async () => {
    idp = await startTestProvider(apiUrl, { extraResources: { [OPAQUE]: 'reports:read reports:write' }, opaqueResources: [OPAQUE], extraClients: [API_CLIENT] });
    const opaque = tokenIntrospection({ issuer: idp.issuer, clientId: API_CLIENT.client_id, clientSecret: API_CLIENT.client_secret, audience: OPAQUE });
    app = new DependsApp();
    app.route('POST', '/approve', { auth: security(stepUp(opaque, { acr: [ACR.mfa], maxAge: 300 }), { scopes: ['reports:write'] }) }, ({ auth }) => ({
      approvedBy: auth.claims.sub,
      acr: auth.claims.acr,
    }));
  });
  afterAll(() => idp?.close());
  const approve = (token: string) => app.request({ method: 'POST', url: '/approve', headers: { authorization: `Bearer ${token}` } });

  test('the password-only token: 401 with acr_values and max_age; after a sign-in with the code: 200', async () => {
    const jar = new CookieJar();
    const weak = await signIn(idp, apiUrl, jar, { resource: OPAQUE });
    expect(weak.accessToken.split('.')).toHaveLength(1); // opaque: only the provider knows its claims
    const refused = await approve(weak.accessToken);
    expect([refused.status, refused.header('www-authenticate')]).toEqual([
      401,
      `Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="${ACR.mfa}", max_age="300"`,
    ]);
    const strong = await signIn(idp, apiUrl, jar, { resource: OPAQUE, acrValues: ACR.mfa, maxAge: '300', otp: DEMO_OTP });
    const approved = await approve(strong.accessToken);
    expect([approved.status, approved.json()]).toEqual([200, { approvedBy: DEMO_USER.username, acr: ACR.mfa }]);
  });
});
