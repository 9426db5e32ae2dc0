import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { anyOf, apiKeyHeader, type ValueOf } from '@depends/core';
import {
  dpop,
  jwtBearer,
  memoryReplayStore,
  redisReplayStore,
  tokenIntrospection,
  type AccessToken,
  type DpopBinding,
  type IntrospectedToken,
  type ReplayRedisClient,
  type ReplayStore,
  type StoreHealth,
} from '../index.js';

const base = { issuer: 'https://id.example.com', audience: 'api://reports' };
const bound = dpop({ publicOrigin: 'https://api.example.com', store: memoryReplayStore() });

describe('dpop() types', () => {
  test('dpop() gives a binding with health(); the stores are ReplayStores', () => {
    expectTypeOf(bound).toEqualTypeOf<DpopBinding>();
    expectTypeOf(bound.health()).toEqualTypeOf<StoreHealth>();
    expectTypeOf(memoryReplayStore()).toEqualTypeOf<ReplayStore>();
    const client: ReplayRedisClient = { set: async () => 'OK' };
    expectTypeOf(redisReplayStore(client)).toEqualTypeOf<ReplayStore>();
  });

  test('the store is required', () => {
    // @ts-expect-error: no store
    dpop({ publicOrigin: 'https://api.example.com' });
  });

  test('a DPoP scheme has the value of the same scheme without it (custom claims, autoError: false)', () => {
    const token = jwtBearer({ ...base, dpop: bound, claims: z.object({ tenant: z.string() }) });
    expectTypeOf<ValueOf<typeof token>['claims']['tenant']>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<typeof token>>().toMatchTypeOf<AccessToken<{ tenant: string }>>();
    const maybe = jwtBearer({ ...base, dpop: bound, autoError: false });
    expectTypeOf<ValueOf<typeof maybe>>().toEqualTypeOf<AccessToken<{}> | undefined>();
    const introspected = tokenIntrospection({ ...base, clientId: 'api', clientSecret: 's', dpop: bound });
    expectTypeOf<ValueOf<typeof introspected>>().toEqualTypeOf<IntrospectedToken>();
  });

  test('inside anyOf: the union of the alternatives', () => {
    const either = anyOf(jwtBearer({ ...base, dpop: bound }), apiKeyHeader({ name: 'x-api-key' }));
    expectTypeOf<ValueOf<typeof either>>().toEqualTypeOf<AccessToken<{}> | string>();
  });
});
