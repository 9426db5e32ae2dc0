/**
 * A 401 carries a `WWW-Authenticate` challenge (RFC 9110 §11.6.1). One
 * refused without it by user code gets the route's own challenges (its
 * security schemes', as its document lists); on a route with no scheme it
 * is a configuration mistake, answered 500 and given to `onError` naming the
 * route, the dependency and the fix: never a silent header-less 401.
 */
import { describe, expect, test } from 'vitest';
import { depends } from '../dependency/depends.js';
import { refuse } from '../dependency/refusal.js';
import { ConfigurationError, ErrorCode, HTTPException } from '../errors/catalogue.js';
import { Router } from '../router/router.js';
import { anyOf, apiKeyHeader, httpBasic, httpBearer } from '../security/index.js';
import { header } from '../sources/params.js';
import { DependsApp } from './app.js';

const bearer = httpBearer();
const key = apiKeyHeader({ name: 'x-api-key' });
const expired = () => new HTTPException(401, 'Token expired');

function serve(define: (r: Router) => void): { app: DependsApp; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = new DependsApp({ onError: (e) => errors.push(e) });
  const r = new Router();
  define(r);
  app.include(r);
  return { app, errors };
}

describe('a 401 refused without a challenge', () => {
  test('on a route with a security scheme: the scheme\'s challenge is added, the detail kept', async () => {
    const user = depends({ auth: bearer }, () => {
      throw expired();
    });
    const { app, errors } = serve((r) => {
      r.get('/me', { user }, ({ user }) => user);
      r.get('/refused', { auth: bearer }, () => refuse(expired()));
      r.get('/either', { auth: anyOf(bearer, key) }, () => refuse(expired()));
      r.get('/admin', { auth: httpBasic({ realm: 'admin' }) }, () => refuse(new HTTPException(401, 'Wrong password', { 'x-extra': '1' })));
    });
    const me = await app.request({ url: '/me', headers: { authorization: 'Bearer t' } });
    expect([me.status, me.json(), me.header('www-authenticate'), me.header('cache-control')]).toEqual([401, { detail: 'Token expired' }, 'Bearer', 'no-store']);
    const refused = await app.request({ url: '/refused', headers: { authorization: 'Bearer t' } });
    expect(refused.header('www-authenticate')).toBe('Bearer');
    const either = await app.request({ url: '/either', headers: { 'x-api-key': 'k' } });
    expect(either.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)).toEqual(['Bearer', 'APIKey']);
    const admin = await app.request({ url: '/admin', headers: { authorization: `Basic ${btoa('a:b')}` } });
    expect([admin.header('www-authenticate'), admin.header('x-extra')]).toEqual(['Basic realm="admin"', '1']);
    expect(errors).toEqual([]);
  });

  test('on a route with no scheme: 500, and onError gets DEPENDS_MISSING_CHALLENGE naming the route, the dependency and the fix', async () => {
    const checkKey = depends({ key: header('x-key') }, function checkKey() {
      throw new HTTPException(401, 'Invalid key');
    });
    const { app, errors } = serve((r) => {
      r.get('/keyed', { checkKey }, () => 'never');
      r.get('/handler', {}, () => {
        throw new HTTPException(401);
      });
      r.get('/framework', {}, () => {
        throw Object.assign(new Error('Nope'), { status: 401, expose: true });
      });
    });
    const res = await app.request({ url: '/keyed', headers: { 'x-key': 'k' } });
    expect([res.status, res.json(), res.header('www-authenticate')]).toEqual([500, { detail: 'Internal Server Error' }, undefined]);
    const error = errors[0] as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe(ErrorCode.MissingChallenge);
    expect(error.message).toContain('Route GET /keyed: dependency "checkKey" answered 401 without a WWW-Authenticate challenge');
    expect(error.message).toContain("new HTTPException(401, detail, { 'www-authenticate': 'APIKey' })");
    expect(error.message).toContain('invalidToken()');
    expect((error.cause as HTTPException).detail).toBe('Invalid key');
    expect((await app.request({ url: '/handler' })).status).toBe(500);
    expect((errors[1] as Error).message).toContain('Route GET /handler: the handler answered 401');
    expect((await app.request({ url: '/framework' })).status).toBe(500);
    expect((errors[2] as ConfigurationError).code).toBe(ErrorCode.MissingChallenge);
  });

  test('a 401 with its challenge, and other statuses, are answered as they are', async () => {
    const { app, errors } = serve((r) => {
      r.get('/own', {}, () => refuse(new HTTPException(401, 'Invalid key', { 'WWW-Authenticate': 'APIKey' })));
      r.get('/forbidden', {}, () => refuse(new HTTPException(403, 'No')));
    });
    expect((await app.request({ url: '/own' })).header('www-authenticate')).toBe('APIKey');
    expect((await app.request({ url: '/forbidden' })).status).toBe(403);
    expect(errors).toEqual([]);
  });
});
