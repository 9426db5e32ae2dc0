import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { Router, anyOf, apiKeyHeader, httpBasic, security, type ValueOf } from '@depends/core';
import { jwtBearer, tokenIntrospection, type AccessToken, type IntrospectedToken, type VerifiedClaims } from './index.js';

const base = { issuer: 'https://id.example.com', audience: 'api://reports' };

describe('jwtBearer value types', () => {
  test('the verified claims, scopes and header; iss/aud/exp known to be present', () => {
    const token = jwtBearer(base);
    expectTypeOf<ValueOf<typeof token>>().toEqualTypeOf<AccessToken<{}>>();
    expectTypeOf<ValueOf<typeof token>['claims']['iss']>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<typeof token>['claims']['exp']>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<typeof token>['claims']['sub']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ValueOf<typeof token>['scopes']>().toEqualTypeOf<readonly string[]>();
  });

  test('custom claims from a zod schema', () => {
    const token = jwtBearer({ ...base, claims: z.object({ tenant: z.string(), level: z.number().default(1) }) });
    type Claims = ValueOf<typeof token>['claims'];
    expectTypeOf<Claims['tenant']>().toEqualTypeOf<string>();
    expectTypeOf<Claims['level']>().toEqualTypeOf<number>();
    expectTypeOf<Claims>().toMatchTypeOf<VerifiedClaims>();
  });

  test('autoError: false makes it optional; in a handler through security()', () => {
    const maybe = jwtBearer({ ...base, autoError: false });
    expectTypeOf<ValueOf<typeof maybe>>().toEqualTypeOf<AccessToken<{}> | undefined>();
    const token = jwtBearer(base);
    new Router().get('/r', { auth: security(token, { scopes: ['read'] }), maybe }, ({ auth, maybe }) => {
      expectTypeOf(auth.claims.iss).toEqualTypeOf<string>();
      expectTypeOf(maybe).toEqualTypeOf<AccessToken<{}> | undefined>();
      return null;
    });
  });
});

describe('tokenIntrospection value types', () => {
  test('the introspection response, scopes and token; optional with autoError: false', () => {
    const opaque = tokenIntrospection({ issuer: 'https://id.example.com', clientId: 'api', clientSecret: 's' });
    expectTypeOf<ValueOf<typeof opaque>>().toEqualTypeOf<IntrospectedToken>();
    expectTypeOf<ValueOf<typeof opaque>['claims']['active']>().toEqualTypeOf<true>();
    expectTypeOf<ValueOf<typeof opaque>['claims']['sub']>().toEqualTypeOf<string | undefined>();
    const maybe = tokenIntrospection({ issuer: 'https://id.example.com', clientId: 'api', clientSecret: 's', autoError: false });
    expectTypeOf<ValueOf<typeof maybe>>().toEqualTypeOf<IntrospectedToken | undefined>();
  });
});

describe('composed with other schemes', () => {
  test('anyOf(jwtBearer(), apiKeyHeader()): the access token or the key; scopes keep the type', () => {
    const token = jwtBearer({ ...base, claims: z.object({ tenant: z.string() }) });
    const caller = anyOf(token, apiKeyHeader({ name: 'X-API-Key' }));
    expectTypeOf<ValueOf<typeof caller>>().toEqualTypeOf<AccessToken<{ tenant: string }> | string>();
    new Router().get('/reports', { caller: security(caller, { scopes: ['reports:read'] }) }, ({ caller }) => {
      if (typeof caller === 'string') expectTypeOf(caller).toEqualTypeOf<string>();
      else expectTypeOf(caller.claims.tenant).toEqualTypeOf<string>();
      return null;
    });
    const scopedAlternative = anyOf(security(token, { scopes: ['reports:read'] }), apiKeyHeader({ name: 'X-API-Key' }));
    expectTypeOf<ValueOf<typeof scopedAlternative>>().toEqualTypeOf<AccessToken<{ tenant: string }> | string>();
  });

  test('tokenIntrospection() and an optional jwtBearer() in anyOf', () => {
    const opaque = tokenIntrospection({ issuer: 'https://id.example.com', clientId: 'api', clientSecret: 's' });
    const either = anyOf(opaque, httpBasic());
    expectTypeOf<ValueOf<typeof either>>().toMatchTypeOf<IntrospectedToken | { username: string; password: string }>();
    const maybe = anyOf(jwtBearer({ ...base, autoError: false }), apiKeyHeader({ name: 'k' }));
    expectTypeOf<ValueOf<typeof maybe>>().toEqualTypeOf<AccessToken<{}> | string | undefined>();
  });
});

describe('jwtBearer({ issuers })', () => {
  test('the value names the issuer that verified it: a union of literals; checking it narrows the claims', () => {
    const token = jwtBearer({
      issuers: [
        { issuer: 'https://staff.example.com', audience: 'api://reports', claims: z.object({ team: z.string() }) },
        { issuer: 'https://partner.example', audience: 'api://reports', algorithms: ['ES256'] },
      ],
    });
    type Value = ValueOf<typeof token>;
    expectTypeOf<Value['issuer']>().toEqualTypeOf<'https://staff.example.com' | 'https://partner.example'>();
    expectTypeOf<Value>().toMatchTypeOf<AccessToken<{}>>();
    new Router().get('/me', { auth: security(token, { scopes: ['read'] }) }, ({ auth }) => {
      if (auth.issuer === 'https://staff.example.com') expectTypeOf(auth.claims.team).toEqualTypeOf<string>();
      else expectTypeOf(auth.issuer).toEqualTypeOf<'https://partner.example'>();
      return null;
    });
  });

  test('given as const, with autoError: false', () => {
    const issuers = [
      { issuer: 'https://a.example', audience: 'api://x' },
      { issuer: 'https://b.example', audience: 'api://x' },
    ] as const;
    const maybe = jwtBearer({ issuers, autoError: false });
    expectTypeOf<NonNullable<ValueOf<typeof maybe>>['issuer']>().toEqualTypeOf<'https://a.example' | 'https://b.example'>();
    expectTypeOf<ValueOf<typeof maybe>>().toMatchTypeOf<AccessToken<{}> | undefined>();
    expectTypeOf<undefined>().toMatchTypeOf<ValueOf<typeof maybe>>();
  });

  test('issuer and issuers together do not type-check', () => {
    // @ts-expect-error: either issuer or issuers
    jwtBearer({ issuer: 'https://a.example', audience: 'api://x', issuers: [{ issuer: 'https://b.example', audience: 'api://x' }] });
  });
});
