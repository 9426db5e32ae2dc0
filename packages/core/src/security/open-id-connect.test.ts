import { describe, expect, test } from 'vitest';
import { resolve } from '../app/app.js';
import { HTTPException } from '../errors/catalogue.js';
import { openIdConnect } from './open-id-connect.js';

describe('openIdConnect', () => {
  const scheme = openIdConnect({ openIdConnectUrl: '/openid' });

  test('the value is the raw header', async () => {
    expect(await resolve(scheme, { headers: { authorization: 'Bearer footokenbar' } })).toBe('Bearer footokenbar');
    expect(await resolve(scheme, { headers: { authorization: 'Other footokenbar' } })).toBe('Other footokenbar');
  });

  test('absent or empty → 401 Bearer; autoError false → undefined', async () => {
    for (const request of [{}, { headers: { authorization: '' } }]) {
      const error = await resolve(scheme, request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HTTPException);
      expect(error).toMatchObject({ status: 401, detail: 'Not authenticated', headers: { 'www-authenticate': 'Bearer' } });
    }
    expect(await resolve(openIdConnect({ openIdConnectUrl: '/openid', autoError: false }), {})).toBeUndefined();
  });

  test('securitySchemes entry', () => {
    expect(scheme.meta.security.scheme.openapi).toEqual({ type: 'openIdConnect', openIdConnectUrl: '/openid' });
    expect(scheme.meta.security.scheme.name).toBe('OpenIdConnect');
    expect(openIdConnect({ openIdConnectUrl: '/openid', description: 'OpenIdConnect security scheme' }).meta.security.scheme.openapi).toEqual({
      type: 'openIdConnect',
      openIdConnectUrl: '/openid',
      description: 'OpenIdConnect security scheme',
    });
  });

  test('a missing URL is a startup error', () => {
    expect(() => openIdConnect({ openIdConnectUrl: '' })).toThrow(/openIdConnectUrl/);
  });
});
