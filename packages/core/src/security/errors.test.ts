import { describe, expect, test } from 'vitest';
import { SecurityScopes } from '../dependency/builtins.js';
import { HTTPException } from '../errors/catalogue.js';
import { insufficientScope, invalidToken, notAuthenticated } from './errors.js';

describe('security errors', () => {
  test('notAuthenticated: one challenge, several, none', () => {
    const one = notAuthenticated('Bearer');
    expect(one).toBeInstanceOf(HTTPException);
    expect([one.status, one.detail, one.headers]).toEqual([401, 'Not authenticated', { 'www-authenticate': 'Bearer' }]);
    expect(notAuthenticated(['Bearer', 'Basic', 'Bearer']).headers).toEqual({ 'www-authenticate': ['Bearer', 'Basic'] });
    expect(notAuthenticated().headers).toBeUndefined();
    expect(notAuthenticated([]).headers).toBeUndefined();
  });

  test('invalidToken: 401 Bearer error="invalid_token"', () => {
    const error = invalidToken();
    expect(error.status).toBe(401);
    expect(error.detail).toBe('Could not validate credentials');
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer error="invalid_token"' });
    expect(invalidToken('The access token expired').headers).toEqual({
      'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"',
    });
    expect(invalidToken(undefined, { detail: 'Token expired', realm: 'api' })).toMatchObject({
      detail: 'Token expired',
      headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
    });
  });

  test('insufficientScope: 403 with the required scopes (RFC 6750 §3.1)', () => {
    for (const scopes of [['items', 'me'], 'items me', new SecurityScopes(['items', 'me'])]) {
      const error = insufficientScope(scopes);
      expect(error.status).toBe(403);
      expect(error.detail).toBe('Not enough permissions');
      expect(error.headers).toEqual({ 'www-authenticate': 'Bearer error="insufficient_scope", scope="items me"' });
    }
    expect(insufficientScope(['admin'], { detail: 'Admins only', description: 'needs admin' }).headers).toEqual({
      'www-authenticate': 'Bearer error="insufficient_scope", error_description="needs admin", scope="admin"',
    });
  });
});
