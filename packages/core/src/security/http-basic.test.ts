import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { Router } from '../router/router.js';
import { httpBasic } from './http-basic.js';
import { rejection } from './test/rejection.js';


const auth = (value: string) => ({ headers: { authorization: value } });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64bytes = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('httpBasic', () => {
  const basic = httpBasic();
  const optional = httpBasic({ autoError: false });

  test('success', async () => {
    expect(await resolve(basic, auth(`Basic ${b64('john:secret')}`))).toEqual({ username: 'john', password: 'secret' });
  });

  test('lowercase scheme and extra spaces', async () => {
    expect(await resolve(basic, auth(`basic   ${b64('john:secret')}  `))).toEqual({ username: 'john', password: 'secret' });
    expect(await resolve(basic, auth(`BASIC ${b64('john:secret')}`))).toEqual({ username: 'john', password: 'secret' });
  });

  test('UTF-8 user names', async () => {
    expect(await resolve(basic, auth(`Basic ${b64('jürgen:pässwörd')}`))).toEqual({ username: 'jürgen', password: 'pässwörd' });
  });

  test.each([
    ['missing', {}],
    ['wrong scheme', auth(`Bearer ${b64('john:secret')}`)],
    ['empty header', auth('')],
  ])('%s → 401 Basic; autoError false → undefined', async (_, request) => {
    const error = await rejection(resolve(basic, request));
    expect(error.status).toBe(401);
    expect(error.detail).toBe('Not authenticated');
    expect(error.headers).toEqual({ 'www-authenticate': 'Basic' });
    expect(await resolve(optional, request)).toBeUndefined();
  });

  test.each([
    ['bad base64', 'Basic notabase64token'],
    ['missing padding', 'Basic am9objpzZWNyZXQ'],
    ['no colon', `Basic ${b64('johnsecret')}`],
    ['non-UTF-8 bytes', `Basic ${b64bytes([0x6a, 0xf6, 0x72, 0x67, 0x3a, 0x70])}`],
    ['empty credentials', 'Basic'],
    ['empty credentials with spaces', 'Basic    '],
  ])('malformed (%s) → 401 even with autoError false', async (_, value) => {
    for (const scheme of [basic, optional]) {
      const error = await rejection(resolve(scheme, auth(value)));
      expect(error.status).toBe(401);
      expect(error.detail).toBe('Not authenticated');
      expect(error.headers).toEqual({ 'www-authenticate': 'Basic' });
    }
  });

  test.each([
    ['simple', 'simple', 'Basic realm="simple"'],
    ['with quotes', 'my "realm"', 'Basic realm="my \\"realm\\""'],
    ['with a backslash', 'a\\b', 'Basic realm="a\\\\b"'],
    ['empty realm', '', 'Basic'],
  ])('realm %s', async (_, realm, challenge) => {
    const error = await rejection(resolve(httpBasic({ realm }), {}));
    expect(error.headers).toEqual({ 'www-authenticate': challenge });
    expect(httpBasic({ realm }).meta.security.scheme.challenge).toBe(challenge);
  });

  test('a realm that could inject a header line is a startup error', () => {
    expect(() => httpBasic({ realm: 'a\r\nSet-Cookie: x=y' })).toThrow(/realm/);
    expect(() => httpBasic({ realm: 'snow ☃' })).toThrow(/realm/);
  });

  test('securitySchemes entry: realm is not emitted', () => {
    expect(httpBasic({ realm: 'simple' }).meta.security.scheme.openapi).toEqual({ type: 'http', scheme: 'basic' });
    expect(basic.meta.security.scheme.name).toBe('HTTPBasic');
    expect(httpBasic({ description: 'HTTPBasic scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'http',
      scheme: 'basic',
      description: 'HTTPBasic scheme',
    });
  });

  test('through an app: the password is never echoed in the 401', async () => {
    const app = new DependsApp();
    const router = new Router();
    router.get('/users/me', { credentials: httpBasic({ realm: 'simple' }) }, ({ credentials }) => ({ username: credentials.username }));
    app.include(router);
    const ok = await app.request({ method: 'GET', url: '/users/me', headers: { authorization: `Basic ${b64('john:secret')}` } });
    expect(ok.json()).toEqual({ username: 'john' });
    const bad = await app.request({ method: 'GET', url: '/users/me', headers: { authorization: `Basic ${b64('johnsecret')}` } });
    expect(bad.status).toBe(401);
    expect(bad.body).toBe('{"detail":"Not authenticated"}');
    expect(bad.header('www-authenticate')).toBe('Basic realm="simple"');
  });
});
