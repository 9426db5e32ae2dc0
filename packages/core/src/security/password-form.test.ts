import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { Router } from '../router/router.js';
import { oauth2PasswordForm, oauth2PasswordFormStrict, type OAuth2PasswordRequest } from './password-form.js';

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
  router.post('/login', { form: oauth2PasswordForm }, ({ form }) => asFastApi(form));
  router.post('/strict', { form: oauth2PasswordFormStrict }, ({ form }) => asFastApi(form));
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

describe('oauth2PasswordForm', () => {
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
    expect(oauth2PasswordForm.meta.source).toMatchObject({ in: 'form', mediaType: 'application/x-www-form-urlencoded', required: true });
    expect(oauth2PasswordForm.meta.source).toHaveProperty('schemaName', 'OAuth2PasswordRequestForm');
    expect(oauth2PasswordFormStrict.meta.source).toHaveProperty('schemaName', 'OAuth2PasswordRequestFormStrict');
  });
});

describe('oauth2PasswordFormStrict', () => {
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
