/**
 * The body of error answers (`AppOptions.errorBody`): the app's own shape or
 * RFC 9457 problem details, on every refusal the library writes, with the
 * same status and headers; and the document's error responses in that shape.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, type AppOptions } from '../app/app.js';
import { depends, security } from '../dependency/depends.js';
import { refuse } from '../dependency/refusal.js';
import { Router } from '../router/router.js';
import { invalidToken, oauth2PasswordBearer, oauth2PasswordForm, withScopes } from '../security/index.js';
import { body } from '../sources/body.js';
import { query } from '../sources/params.js';
import { validateOpenApi } from '../openapi/test/validate.js';
import { HTTPException, OAuth2Error } from './catalogue.js';
import { errorBody, problemDetails, reasonPhrase, type Problem } from './format.js';

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { read: 'Read', write: 'Write' } });
const user = withScopes(
  depends({ token: oauth2 }, ({ token }) => (token === 'good' ? { scopes: ['read'] } : refuse(invalidToken()))),
  (u) => u.scopes,
);
const Message = z.object({ message: z.string() }).meta({ id: 'Message' });
const messages = errorBody(Message, (problem) => ({ message: problem.detail }));

function api(): Router {
  const r = new Router();
  r.get('/me', { user }, ({ user }) => user);
  r.post('/notes', { user: security(user, { scopes: ['write'] }) }, () => 'never');
  r.get('/items', { limit: query('limit', z.coerce.number().int()) }, ({ limit }) => limit);
  r.post('/items', { item: body(z.object({ title: z.string() })) }, ({ item }) => item);
  r.get('/gone', {}, () => refuse(new HTTPException(410, { reason: 'archived' })));
  r.get('/busy', {}, () => {
    throw new HTTPException(503, 'Try again', { 'retry-after': '5' });
  });
  r.get('/crash', {}, () => {
    throw new Error('db password is hunter2');
  });
  r.get('/framework', {}, () => {
    throw Object.assign(new Error('Slow down'), { status: 429, expose: true, headers: { 'Retry-After': '7' } });
  });
  r.post('/token', { form: oauth2PasswordForm }, () => {
    throw new OAuth2Error('invalid_grant', 'Incorrect username or password');
  });
  return r;
}

function appWith(options: AppOptions): { app: DependsApp; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = new DependsApp({ onError: (e) => errors.push(e), ...options });
  app.include(api());
  return { app, errors };
}

describe('errorBody: the app\'s own shape', () => {
  test('every refusal the library writes takes the shape; status and headers do not change', async () => {
    const { app, errors } = appWith({ errorBody: messages });
    const missing = await app.request({ url: '/me' });
    expect([missing.status, missing.json(), missing.header('www-authenticate'), missing.header('cache-control')]).toEqual([401, { message: 'Not authenticated' }, 'Bearer', 'no-store']);
    expect(missing.header('content-type')).toBe('application/json');
    const rejected = await app.request({ url: '/me', headers: { authorization: 'Bearer bad' } });
    expect([rejected.status, rejected.json(), rejected.header('www-authenticate')]).toEqual([401, { message: 'Could not validate credentials' }, 'Bearer error="invalid_token"']);
    const invalid = await app.request({ url: '/items?limit=x' });
    expect([invalid.status, invalid.json()]).toEqual([422, { message: 'Request validation failed (1 problem)' }]);
    const unsupported = await app.request({ method: 'POST', url: '/items', headers: { 'content-type': 'text/plain' }, bodyText: 'x' });
    expect([unsupported.status, unsupported.json()]).toEqual([415, { message: 'Unsupported Media Type: expected application/json' }]);
    const busy = await app.request({ url: '/busy' });
    expect([busy.status, busy.json(), busy.header('retry-after')]).toEqual([503, { message: 'Try again' }, '5']);
    const framework = await app.request({ url: '/framework' });
    expect([framework.status, framework.json(), framework.header('retry-after')]).toEqual([429, { message: 'Slow down' }, '7']);
    const notFound = await app.request({ url: '/nowhere' });
    expect([notFound.status, notFound.json()]).toEqual([404, { message: 'Not Found' }]);
    // a detail that is not a string: the title (the shape may read problem.exception.detail)
    const gone = await app.request({ url: '/gone' });
    expect([gone.status, gone.json()]).toEqual([410, { message: 'HTTP 410' }]);
    expect(errors).toEqual([]);
    const crash = await app.request({ url: '/crash' });
    expect([crash.status, crash.json()]).toEqual([500, { message: 'Internal Server Error' }]);
    expect(String(errors[0])).toContain('hunter2');
  });

  test('a token endpoint keeps RFC 6749\'s error shape', async () => {
    const { app } = appWith({ errorBody: messages });
    const res = await app.request({ method: 'POST', url: '/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText: 'grant_type=password&username=a&password=b' });
    expect([res.status, res.json(), res.header('cache-control')]).toEqual([400, { error: 'invalid_grant', error_description: 'Incorrect username or password' }, 'no-store']);
  });

  test('the shape sees the problem: status, title, detail, a 422\'s problems, the exception', async () => {
    const seen: Problem[] = [];
    const shape = errorBody({ type: 'object' }, (problem) => {
      seen.push(problem);
      return { code: problem.status, errors: problem.errors?.map((e) => e.loc.join('.')) };
    });
    const { app } = appWith({ errorBody: shape });
    expect((await app.request({ url: '/items?limit=x' })).json()).toEqual({ code: 422, errors: ['query.limit'] });
    expect(seen[0]).toMatchObject({ status: 422, title: 'Unprocessable Content', errors: [{ type: 'int_parsing', loc: ['query', 'limit'], input: 'x' }] });
    await app.request({ url: '/gone' });
    expect(seen[1].exception?.detail).toEqual({ reason: 'archived' });
    expect(reasonPhrase(429)).toBe('Too Many Requests');
  });

  test('a shape that throws, or gives what cannot be serialised, falls back to {"detail"} with the same status and headers; onError is told', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const build of [() => { throw new Error('shape broke'); }, () => circular]) {
      const { app, errors } = appWith({ errorBody: errorBody({ type: 'object' }, build) });
      const res = await app.request({ url: '/me' });
      expect([res.status, res.json(), res.header('www-authenticate')]).toEqual([401, { detail: 'Not authenticated' }, 'Bearer']);
      expect(errors).toHaveLength(1);
    }
  });

  test('the library\'s shared 401s are answered in each app\'s own shape (one answer per shape)', async () => {
    const plain = appWith({}).app;
    const shaped = appWith({ errorBody: messages }).app;
    const problems = appWith({ errorBody: problemDetails() }).app;
    for (let i = 0; i < 2; i++) {
      expect((await plain.request({ url: '/me', headers: { authorization: 'Bearer bad' } })).json()).toEqual({ detail: 'Could not validate credentials' });
      expect((await shaped.request({ url: '/me', headers: { authorization: 'Bearer bad' } })).json()).toEqual({ message: 'Could not validate credentials' });
      expect((await problems.request({ url: '/me', headers: { authorization: 'Bearer bad' } })).json()).toMatchObject({ status: 401 });
    }
  });

  test('the document\'s error responses use the shape\'s schema and media type', async () => {
    const { app } = appWith({ errorBody: messages });
    const doc = app.openapi();
    const ref = { $ref: '#/components/schemas/Message' };
    expect(doc.paths['/me'].get.responses['401'].content).toEqual({ 'application/json': { schema: ref } });
    expect(doc.paths['/me'].get.responses['401'].headers?.['WWW-Authenticate']).toBeDefined();
    expect(doc.paths['/notes'].post.responses['403'].content).toEqual({ 'application/json': { schema: ref } });
    expect(doc.paths['/items'].get.responses['422'].content).toEqual({ 'application/json': { schema: ref } });
    expect(doc.paths['/items'].post.responses['415'].content).toEqual({ 'application/json': { schema: ref } });
    expect(doc.components?.schemas?.Message).toEqual({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
    expect(Object.keys(doc.components?.schemas ?? {})).not.toContain('HTTPError');
    expect(Object.keys(doc.components?.schemas ?? {})).not.toContain('HTTPValidationError');
    // the token endpoint's 400 stays the OAuth 2 error
    expect(doc.paths['/token'].post.responses['400'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/OAuth2Error' });
    const result = await validateOpenApi(doc);
    expect(result.errors).toBe('');
  });
});

describe('problemDetails(): RFC 9457', () => {
  test('application/problem+json bodies with type, title, status and detail; a 422 lists its problems under errors', async () => {
    const { app } = appWith({ errorBody: problemDetails() });
    const missing = await app.request({ url: '/me' });
    expect(missing.status).toBe(401);
    expect(missing.header('content-type')).toBe('application/problem+json');
    expect(missing.header('www-authenticate')).toBe('Bearer');
    expect(missing.json()).toEqual({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Not authenticated' });
    const scoped = await app.request({ method: 'POST', url: '/notes', headers: { authorization: 'Bearer good' } });
    expect(scoped.status).toBe(403);
    expect(scoped.header('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="write"');
    expect(scoped.json()).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Not enough permissions' });
    const invalid = await app.request({ url: '/items?limit=' + 'x'.repeat(1000) });
    const problem = invalid.json();
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: 'Request validation failed (1 problem)' });
    expect(problem.errors[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'limit'] });
    expect(problem.errors[0].input).toHaveLength(257); // bounded as the default answer bounds it
    const busy = await app.request({ url: '/busy' });
    expect([busy.json().title, busy.header('retry-after')]).toEqual(['Service Unavailable', '5']);
  });

  test('documented as the ProblemDetails component, in application/problem+json; the document validates', async () => {
    const { app } = appWith({ errorBody: problemDetails() });
    const doc = app.openapi();
    const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
    expect(doc.paths['/me'].get.responses['401'].content).toEqual(content);
    expect(doc.paths['/items'].get.responses['422'].content).toEqual(content);
    expect(doc.components?.schemas?.ProblemDetails).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail'] });
    const result = await validateOpenApi(doc);
    expect(result.errors).toBe('');
  });
});
