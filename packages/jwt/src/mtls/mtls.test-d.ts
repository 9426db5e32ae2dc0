import { describe, expectTypeOf, test } from 'vitest';
import { Router, anyOf, apiKeyHeader, security, type ValueOf } from '@depends/core';
import {
  jwtBearer,
  mtls,
  tokenIntrospection,
  type AccessToken,
  type CertificateBinding,
  type ClientCertificate,
  type IntrospectedToken,
  type MtlsOptions,
} from '../index.js';

const base = { issuer: 'https://id.example.com', audience: 'api://payments' };

describe('mtls() and the mtls option', () => {
  test('mtls() makes a CertificateBinding; its options are typed', () => {
    expectTypeOf(mtls()).toEqualTypeOf<CertificateBinding>();
    expectTypeOf(mtls({ header: 'x-client-cert', trustedProxies: ['10.0.0.5'] })).toEqualTypeOf<CertificateBinding>();
    expectTypeOf<MtlsOptions['trustedProxies']>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<CertificateBinding>().toEqualTypeOf<{ readonly required: boolean; readonly header: string | undefined }>();
    // @ts-expect-error required is a boolean
    mtls({ required: 'yes' });
    // @ts-expect-error trustedProxies is a list of addresses
    mtls({ header: 'x-client-cert', trustedProxies: '10.0.0.5' });
  });

  test('binding tokens changes no value type: jwtBearer, tokenIntrospection, anyOf, security()', () => {
    const token = jwtBearer({ ...base, mtls: mtls() });
    expectTypeOf<ValueOf<typeof token>>().toEqualTypeOf<AccessToken<{}>>();
    const maybe = jwtBearer({ ...base, autoError: false, mtls: mtls({ required: false }) });
    expectTypeOf<ValueOf<typeof maybe>>().toEqualTypeOf<AccessToken<{}> | undefined>();
    const introspected = tokenIntrospection({ issuer: base.issuer, clientId: 'api', clientSecret: 's', mtls: mtls() });
    expectTypeOf<ValueOf<typeof introspected>>().toEqualTypeOf<IntrospectedToken>();
    const either = anyOf(token, apiKeyHeader({ name: 'x-api-key' }));
    expectTypeOf<ValueOf<typeof either>>().toEqualTypeOf<AccessToken<{}> | string>();
    new Router().get('/pay', { auth: security(token, { scopes: ['pay'] }) }, ({ auth }) => {
      expectTypeOf(auth).toEqualTypeOf<AccessToken<{}>>();
      return auth.claims.sub;
    });
    // @ts-expect-error the option takes what mtls() makes
    jwtBearer({ ...base, mtls: { required: true } });
  });

  test('ClientCertificate', () => {
    expectTypeOf<ClientCertificate>().toEqualTypeOf<{ readonly thumbprint: string; readonly from: 'tls' | 'proxy' }>();
  });
});
