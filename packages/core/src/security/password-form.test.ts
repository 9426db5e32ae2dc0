import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { Router } from '../router/router.js';
import { oauth2PasswordForm, oauth2PasswordFormStrict, oauth2PasswordRequestForm, type OAuth2PasswordRequest } from './password-form.js';
import { OAuth2Error } from '../errors/catalogue.js';

const fastApiForm = oauth2PasswordRequestForm({ errors: 'fastapi' });
const fastApiFormStrict = oauth2PasswordRequestForm({ strict: true, errors: 'fastapi' });

function tokenApp() {
  const app = new DependsApp();
  const router = new Router();
  const asFastApi = (form: OAuth2PasswordRequest) => ({
    grant_type: form.grantType ?? null,
    username: form.username,
    password: form.password,
    scopes: form.scopes,
    client_id: form.clientId ?? null,
    client_secret: form.clientSecret ?? null,
  });
  router.post('/login', { form: fastApiForm }, ({ form }) => asFastApi(form));
  router.post('/strict', { form: fastApiFormStrict }, ({ form }) => asFastApi(form));
  router.post('/token', { form: oauth2PasswordForm }, ({ form }) => {
    if (form.password !== 'secret') throw new OAuth2Error('invalid_grant', 'Incorrect username or password');
    return { access_token: form.username, token_type: 'bearer', scope: form.scopes.join(' ') };
  });
  router.post('/token/strict', { form: oauth2PasswordFormStrict }, ({ form }) => ({ access_token: form.username, token_type: 'bearer' }));
  app.include(router);
  const post = (url: string, body?: string) =>
    app.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      ...(body === undefined ? {} : { bodyText: body }),
    });
  return { app, post };
}

const missing = (field: string) => ({ type: 'missing', loc: ['body', field], msg: 'Field required', input: null });

describe("oauth2PasswordRequestForm({ errors: 'fastapi' }): FastAPI's 422 answers", () => {
  const { post } = tokenApp();

  test('a correct form', async () => {
    const res = await post('/login', 'grant_type=password&username=johndoe&password=secret');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ grant_type: 'password', username: 'johndoe', password: 'secret', scopes: [], client_id: null, client_secret: null });
  });

  test('grant_type is optional; scope is split on whitespace; client fields', async () => {
    const res = await post('/login', 'username=johndoe&password=secret&scope=me+items%20%20read&client_id=app&client_secret=shh');
    expect(res.json()).toEqual({
      grant_type: null,
      username: 'johndoe',
      password: 'secret',
      scopes: ['me', 'items', 'read'],
      client_id: 'app',
      client_secret: 'shh',
    });
  });

  test('no body: username and password missing', async () => {
    const res = await post('/login');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [missing('username'), missing('password')] });
  });

  test('an empty field counts as absent', async () => {
    const res = await post('/login', 'username=&password=secret&grant_type=');
    expect(res.json()).toEqual({ detail: [missing('username')] });
  });

  test('grant_type=incorrect: FastAPI\'s pattern error', async () => {
    const res = await post('/login', 'grant_type=incorrect&username=johndoe&password=secret');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'string_pattern_mismatch',
          loc: ['body', 'grant_type'],
          msg: "String should match pattern '^password$'",
          input: 'incorrect',
          ctx: { pattern: '^password$' },
        },
      ],
    });
  });

  test('the password never appears in a 422 for another field', async () => {
    const res = await post('/login', 'grant_type=incorrect&username=johndoe&password=hunter2');
    expect(String(res.body)).not.toContain('hunter2');
  });

  test('declares a url-encoded form source for OpenAPI', () => {
    expect(oauth2PasswordForm.meta.source).toMatchObject({ in: 'form', mediaType: 'application/x-www-form-urlencoded', required: true, tokenEndpoint: true });
    expect(oauth2PasswordForm.meta.source).toHaveProperty('schemaName', 'OAuth2PasswordRequestForm');
    expect(oauth2PasswordFormStrict.meta.source).toHaveProperty('schemaName', 'OAuth2PasswordRequestFormStrict');
    expect(fastApiForm.meta.source).toHaveProperty('schemaName', 'FastAPIOAuth2PasswordRequestForm');
    expect(fastApiForm.meta.source).not.toHaveProperty('tokenEndpoint');
  });
});

describe("oauth2PasswordRequestForm({ strict: true, errors: 'fastapi' })", () => {
  const { post } = tokenApp();

  test('no body: grant_type, username and password missing', async () => {
    const res = await post('/strict');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [missing('grant_type'), missing('username'), missing('password')] });
  });

  test('grant_type=incorrect', async () => {
    const res = await post('/strict', 'grant_type=incorrect&username=johndoe&password=secret');
    expect(res.json()).toMatchObject({ detail: [{ type: 'string_pattern_mismatch', loc: ['body', 'grant_type'] }] });
  });

  test('a correct form', async () => {
    const res = await post('/strict', 'grant_type=password&username=johndoe&password=secret&scope=me');
    expect(res.json()).toEqual({ grant_type: 'password', username: 'johndoe', password: 'secret', scopes: ['me'], client_id: null, client_secret: null });
  });

  test('a JSON body is never read as the form', async () => {
    const { app } = tokenApp();
    const res = await app.request({
      method: 'POST',
      url: '/strict',
      headers: { 'content-type': 'application/json' },
      bodyText: JSON.stringify({ grant_type: 'password', username: 'j', password: 'p' }),
    });
    expect(res.status).not.toBe(200);
  });
});

describe('oauth2PasswordForm / oauth2PasswordFormStrict: RFC 6749 §5.2 answers', () => {
  const { app, post } = tokenApp();
  const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
  const headersOf = (res: { headers: readonly (readonly [string, string])[] }) => Object.fromEntries(res.headers);
  const expectOAuth2 = (res: { status: number; headers: readonly (readonly [string, string])[]; json(): any }, status: number, error: string) => {
    expect(res.status).toBe(status);
    expect(headersOf(res)).toMatchObject(NO_STORE);
    expect(res.json()).toEqual({ error, error_description: expect.any(String) });
  };

  test('success: the handler\'s own answer carries Cache-Control: no-store', async () => {
    const res = await post('/token', 'grant_type=password&username=ann&password=secret&scope=me');
    expect(res.status).toBe(200);
    expect(headersOf(res)).toMatchObject(NO_STORE);
    expect(res.json()).toEqual({ access_token: 'ann', token_type: 'bearer', scope: 'me' });
  });

  test('missing parameters → 400 invalid_request naming them', async () => {
    const res = await post('/token', 'grant_type=password');
    expectOAuth2(res, 400, 'invalid_request');
    expect(res.json().error_description).toBe('Missing parameters: username, password');
    expectOAuth2(await post('/token/strict', 'username=a&password=b'), 400, 'invalid_request');
  });

  test('another grant type → 400 unsupported_grant_type (the value is not echoed)', async () => {
    const res = await post('/token', 'grant_type=client_credentials&username=a&password=secret');
    expectOAuth2(res, 400, 'unsupported_grant_type');
    expect(JSON.stringify(res.json())).not.toContain('client_credentials');
  });

  test('a repeated parameter → 400 invalid_request (RFC 6749 §3.2)', async () => {
    const res = await post('/token', 'grant_type=password&username=a&username=b&password=secret');
    expectOAuth2(res, 400, 'invalid_request');
    expect(res.json().error_description).toBe('Repeated parameter: username');
  });

  test('a JSON, multipart or untyped body → 400 invalid_request, not 415', async () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x', undefined]) {
      const res = await app.request({ method: 'POST', url: '/token', headers: type ? { 'content-type': type } : {}, bodyText: '{"username":"a","password":"secret"}' });
      expectOAuth2(res, 400, 'invalid_request');
    }
  });

  test("the app's own OAuth2Error: invalid_grant 400; with a challenge, 401 + WWW-Authenticate", async () => {
    expectOAuth2(await post('/token', 'grant_type=password&username=a&password=wrong'), 400, 'invalid_grant');
    const err = new OAuth2Error('invalid_client', 'Unknown client', { challenge: 'Basic realm="token"' });
    expect(err.status).toBe(401);
    expect(err.headers).toMatchObject({ 'www-authenticate': 'Basic realm="token"', 'cache-control': 'no-store' });
  });

  test('an empty field counts as absent; the password never shows in an answer', async () => {
    const res = await post('/token', 'grant_type=password&username=&password=hunter2');
    expectOAuth2(res, 400, 'invalid_request');
    expect(JSON.stringify(res.json())).not.toContain('hunter2');
  });
});
