import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { HTTPException } from '../errors/catalogue.js';
import { Router } from '../router/router.js';
import { httpBearer, httpDigest, httpScheme } from './http.js';
import { httpBasic } from './http-basic.js';
import { rejection } from './test/rejection.js';
import { createRequestView } from '../request/view.js';
import type { Outcome } from '../app/handle.js';


const auth = (value: string) => ({ headers: { authorization: value } });

describe('httpBearer', () => {
  const bearer = httpBearer();

  test('success keeps the scheme as sent', async () => {
    expect(await resolve(bearer, auth('Bearer abc'))).toEqual({ scheme: 'Bearer', credentials: 'abc' });
  });

  test('lowercase and uppercase schemes are accepted, casing kept', async () => {
    expect(await resolve(bearer, auth('bearer abc'))).toEqual({ scheme: 'bearer', credentials: 'abc' });
    expect(await resolve(bearer, auth('BEARER abc'))).toEqual({ scheme: 'BEARER', credentials: 'abc' });
  });

  test('extra spaces around the credentials are stripped, inner spaces kept', async () => {
    expect(await resolve(bearer, auth('Bearer   abc  '))).toEqual({ scheme: 'Bearer', credentials: 'abc' });
    expect(await resolve(bearer, auth('Bearer foo bar'))).toEqual({ scheme: 'Bearer', credentials: 'foo bar' });
  });

  test.each([
    ['missing', {}],
    ['empty header', auth('')],
    ['scheme only', auth('Bearer')],
    ['empty credentials', auth('Bearer    ')],
    ['wrong scheme', auth('Basic abc')],
    ['tab is not a separator', auth('Bearer\tabc')],
    ['two spaces before the scheme', auth(' Bearer abc')],
  ])('%s → 401 Bearer', async (_, request) => {
    const error = await rejection(resolve(bearer, request));
    expect(error.status).toBe(401);
    expect(error.detail).toBe('Not authenticated');
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  test('an Authorization header sent twice is a 400 invalid_request, even when optional (issue 10)', async () => {
    const request = { headers: [['authorization', 'Bearer first'], ['Authorization', 'Bearer second']] as [string, string][] };
    for (const scheme of [bearer, httpBearer({ autoError: false })]) {
      await expect(resolve(scheme, request)).rejects.toMatchObject({
        status: 400,
        detail: 'The authorization header was sent more than once',
        headers: { 'www-authenticate': 'Bearer error="invalid_request", error_description="The authorization header was sent more than once"' },
      });
    }
    const basic = { headers: [['authorization', 'Basic YTpi'], ['authorization', 'Basic YTpi']] as [string, string][] };
    await expect(resolve(httpBasic(), basic)).rejects.toMatchObject({ status: 400, headers: undefined });
    await expect(resolve(httpDigest(), request)).rejects.toMatchObject({ status: 400 });
  });

  test('a request’s Authorization header is looked up once: the scheme constructor does not check for a repeat the reader already checks', () => {
    const app = new DependsApp({ onError: () => {} });
    const schemes = [bearer, httpBasic(), httpDigest()];
    const routes = schemes.map((scheme, i) => app.route('GET', `/${i}`, { auth: scheme }, ({ auth }) => auth));
    const sent = ['Bearer abc', 'Basic YTpi', 'Digest abc'];
    routes.forEach((route, i) => {
      const view = createRequestView({ method: 'GET', url: `/${i}`, headers: { authorization: sent[i] } });
      const lookups: string[] = [];
      const counted = Object.create(view, {
        header: { value: (name: string) => (lookups.push(name), view.header(name)) },
        headerAll: { value: (name: string) => (lookups.push(name), view.headerAll(name)) },
      }) as typeof view;
      expect((app.handle(route, counted) as Outcome).answer.status).toBe(200);
      expect(lookups).toEqual(['authorization']);
    });
    // where the reader's own 400 would differ from the scheme's (no Bearer challenge), the constructor still checks first
    const other = httpScheme({ scheme: 'bearer' });
    const twice = { headers: [['authorization', 'Bearer a'], ['authorization', 'Bearer b']] as [string, string][] };
    return expect(resolve(other, twice)).rejects.toMatchObject({ status: 400, headers: undefined });
  });

  test('autoError false gives undefined for missing and wrong scheme', async () => {
    const optional = httpBearer({ autoError: false });
    expect(await resolve(optional, {})).toBeUndefined();
    expect(await resolve(optional, auth('Basic abc'))).toBeUndefined();
    expect(await resolve(optional, auth('Bearer'))).toBeUndefined();
    expect(await resolve(optional, auth('Bearer x'))).toEqual({ scheme: 'Bearer', credentials: 'x' });
  });

  test('securitySchemes entries', () => {
    expect(bearer.meta.security.scheme.openapi).toEqual({ type: 'http', scheme: 'bearer' });
    expect(httpBearer({ bearerFormat: 'JWT' }).meta.security.scheme.openapi).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(httpBearer({ description: 'HTTPBearer scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'http',
      scheme: 'bearer',
      description: 'HTTPBearer scheme',
    });
  });

  test('scheme info', () => {
    expect(bearer.meta.security).toEqual({
      kind: 'scheme',
      scheme: {
        name: 'HTTPBearer',
        openapi: { type: 'http', scheme: 'bearer' },
        challenge: 'Bearer',
        consumes: [{ in: 'header', name: 'authorization' }],
        optional: false,
        bearerChallenges: true,
      },
    });
    expect(httpBearer({ schemeName: 'JWT', autoError: false }).meta.security.scheme).toMatchObject({ name: 'JWT', optional: true });
    expect(bearer.name).toBe('HTTPBearer');
  });

  test('custom not-authenticated error (FastAPI make_not_authenticated_error)', async () => {
    const bearer403 = httpBearer({ notAuthenticated: () => new HTTPException(403, 'Not authenticated') });
    const error = await rejection(resolve(bearer403, {}));
    expect(error.status).toBe(403);
    expect(error.headers).toBeUndefined();
  });

  test('through an app: 401 body, challenge, and the token never in the body', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/me', { auth: bearer }, ({ auth }) => ({ scheme: auth.scheme, length: auth.credentials.length }));
    app.include(router);
    const ok = await app.request({ method: 'GET', url: '/me', headers: { authorization: 'bearer secret-token' } });
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ scheme: 'bearer', length: 12 });
    const missing = await app.request({ method: 'GET', url: '/me' });
    expect(missing.status).toBe(401);
    expect(missing.body).toBe('{"detail":"Not authenticated"}');
    expect(missing.header('www-authenticate')).toBe('Bearer');
    expect(missing.header('content-type')).toBe('application/json');
    const wrong = await app.request({ method: 'GET', url: '/me', headers: { authorization: 'Token secret-token' } });
    expect(wrong.status).toBe(401);
    expect(String(wrong.body)).not.toContain('secret-token');
  });
});

describe('httpDigest', () => {
  const digest = httpDigest();

  test('success: credentials are everything after the scheme, stripped', async () => {
    expect(await resolve(digest, auth('Digest username="a", realm="r" '))).toEqual({ scheme: 'Digest', credentials: 'username="a", realm="r"' });
    expect(await resolve(digest, auth('digest foobar'))).toEqual({ scheme: 'digest', credentials: 'foobar' });
  });

  test.each([
    ['missing', {}],
    ['wrong scheme', auth('Other foobar')],
    ['empty credentials', auth('Digest ')],
  ])('%s → 401 Digest', async (_, request) => {
    const error = await rejection(resolve(digest, request));
    expect(error.status).toBe(401);
    expect(error.headers).toEqual({ 'www-authenticate': 'Digest' });
  });

  test('autoError false', async () => {
    const optional = httpDigest({ autoError: false });
    expect(await resolve(optional, {})).toBeUndefined();
    expect(await resolve(optional, auth('Other foobar'))).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(digest.meta.security.scheme.openapi).toEqual({ type: 'http', scheme: 'digest' });
    expect(digest.meta.security.scheme.name).toBe('HTTPDigest');
    expect(httpDigest({ description: 'HTTPDigest scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'http',
      scheme: 'digest',
      description: 'HTTPDigest scheme',
    });
  });
});

describe('httpScheme (generic)', () => {
  const other = httpScheme({ scheme: 'Other' });

  test('success, scheme compared case-insensitively', async () => {
    expect(await resolve(other, auth('Other foobar'))).toEqual({ scheme: 'Other', credentials: 'foobar' });
    expect(await resolve(other, auth('other   foobar '))).toEqual({ scheme: 'other', credentials: 'foobar' });
  });

  test('unlike FastAPI, another scheme is refused', async () => {
    const error = await rejection(resolve(other, auth('Bearer foobar')));
    expect(error.status).toBe(401);
    expect(error.headers).toEqual({ 'www-authenticate': 'Other' });
  });

  test.each([
    ['other', 'Other'],
    ['OTHER', 'Other'],
    ['x-custom', 'X-Custom'],
    ['my_scheme', 'My_Scheme'],
    ['myScheme', 'Myscheme'],
    ['aws4-hmac-sha256', 'Aws4-Hmac-Sha256'],
  ])('challenge of %s is %s', async (scheme, challenge) => {
    const error = await rejection(resolve(httpScheme({ scheme }), {}));
    expect(error.headers).toEqual({ 'www-authenticate': challenge });
  });

  test('empty credentials → 401; autoError false → undefined', async () => {
    expect((await rejection(resolve(other, auth('Other')))).status).toBe(401);
    expect(await resolve(httpScheme({ scheme: 'Other', autoError: false }), auth('Other'))).toBeUndefined();
  });

  test('securitySchemes entry keeps the scheme as declared', () => {
    expect(other.meta.security.scheme.openapi).toEqual({ type: 'http', scheme: 'Other' });
    expect(other.meta.security.scheme.name).toBe('HTTPBase');
    expect(httpScheme({ scheme: 'Other', description: 'Other Security Scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'http',
      scheme: 'Other',
      description: 'Other Security Scheme',
    });
  });

  test('a scheme that is not an HTTP token is a startup error', () => {
    expect(() => httpScheme({ scheme: 'My Scheme' })).toThrow(/HTTP token/);
    expect(() => httpScheme({ scheme: 'x\r\nSet-Cookie: a=b' })).toThrow(/HTTP token/);
  });
});
