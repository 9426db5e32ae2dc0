import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { Router, security, type ValueOf } from '@depends/core';
import { jwtBearer } from './jwt-bearer.js';
import { stepUp } from './step-up.js';
import type { AccessToken } from './claims.js';
import type { Rfc9068Claims } from './profile.js';

describe("profile: 'rfc9068' types the claims it checks", () => {
  test('sub, client_id, jti strings and iat a number; auth_time, acr, amr optional and typed', () => {
    const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports', profile: 'rfc9068' });
    type Claims = NonNullable<ValueOf<typeof token>>['claims'];
    expectTypeOf<Claims['sub']>().toEqualTypeOf<string>();
    expectTypeOf<Claims['client_id']>().toEqualTypeOf<string>();
    expectTypeOf<Claims['jti']>().toEqualTypeOf<string>();
    expectTypeOf<Claims['iat']>().toEqualTypeOf<number>();
    expectTypeOf<Claims['auth_time']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Claims['acr']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Claims['amr']>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<ValueOf<typeof token>>().toMatchTypeOf<AccessToken<Rfc9068Claims>>();
  });

  test('without it, sub may be missing and client_id is unknown', () => {
    const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports' });
    type Claims = ValueOf<typeof token>['claims'];
    expectTypeOf<Claims['sub']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Claims['client_id']>().toEqualTypeOf<unknown>();
  });

  test('with a claims schema and autoError: false', () => {
    const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports', profile: 'rfc9068', claims: z.object({ tenant: z.string() }), autoError: false });
    type Value = ValueOf<typeof token>;
    expectTypeOf<undefined>().toMatchTypeOf<Value>();
    expectTypeOf<NonNullable<Value>['claims']['tenant']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Value>['claims']['client_id']>().toEqualTypeOf<string>();
  });

  test('per issuer entry, or for every entry', () => {
    const token = jwtBearer({
      issuers: [
        { issuer: 'https://staff.example.com', audience: 'api://reports', profile: 'rfc9068' },
        { issuer: 'https://partner.example', audience: 'api://reports' },
      ],
    });
    new Router().get('/me', { auth: token }, ({ auth }) => {
      if (auth.issuer === 'https://staff.example.com') expectTypeOf(auth.claims.client_id).toEqualTypeOf<string>();
      else expectTypeOf(auth.claims.client_id).toEqualTypeOf<unknown>();
    });
    const every = jwtBearer({ issuers: [{ issuer: 'https://a.example', audience: 'api://x' }], profile: 'rfc9068' });
    expectTypeOf<ValueOf<typeof every>['claims']['jti']>().toEqualTypeOf<string>();
  });
});

describe('stepUp keeps the value of the scheme it wraps', () => {
  test('jwtBearer with the profile, and a security() use', () => {
    const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports', profile: 'rfc9068' });
    const strong = stepUp(token, { acr: ['urn:example:mfa'] });
    expectTypeOf<ValueOf<typeof strong>>().toEqualTypeOf<ValueOf<typeof token>>();
    const scoped = stepUp(security(token, { scopes: ['write'] }), { maxAge: 300 });
    new Router().post('/approve', { auth: security(scoped, { scopes: ['approve'] }) }, ({ auth }) => {
      expectTypeOf(auth.claims.acr).toEqualTypeOf<string | undefined>();
    });
  });
});
