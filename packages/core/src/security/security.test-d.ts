import { describe, expectTypeOf, test } from 'vitest';
import { depends, security } from '../dependency/depends.js';
import type { Dependency } from '../dependency/types.js';
import { Router } from '../router/router.js';
import {
  anyOf,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  httpBasic,
  httpBearer,
  httpDigest,
  httpScheme,
  oauth2,
  oauth2AuthorizationCodeBearer,
  oauth2ClientCredentialsBearer,
  oauth2PasswordBearer,
  oauth2PasswordForm,
  oauth2PasswordFormStrict,
  openIdConnect,
  defineScheme,
  found,
  MISSING,
  withScopes,
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
  type OAuth2PasswordRequest,
  type SecurityScheme,
  type VerifyContext,
} from './index.js';
import { refuse } from '../dependency/refusal.js';
import { invalidToken } from './errors.js';

type ValueOfDep<D> = D extends Dependency<infer T> ? T : never;

describe('scheme value types', () => {
  test('autoError true or left out: T', () => {
    expectTypeOf(httpBearer()).toEqualTypeOf<SecurityScheme<HTTPAuthorizationCredentials>>();
    expectTypeOf<ValueOfDep<typeof bearerTrue>>().toEqualTypeOf<HTTPAuthorizationCredentials>();
    expectTypeOf(httpBasic({ realm: 'x' })).toEqualTypeOf<SecurityScheme<HTTPBasicCredentials>>();
    expectTypeOf(httpDigest()).toEqualTypeOf<SecurityScheme<HTTPAuthorizationCredentials>>();
    expectTypeOf(httpScheme({ scheme: 'Other' })).toEqualTypeOf<SecurityScheme<HTTPAuthorizationCredentials>>();
    expectTypeOf(apiKeyHeader({ name: 'k' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(apiKeyQuery({ name: 'k' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(apiKeyCookie({ name: 'k' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(oauth2()).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(oauth2PasswordBearer({ tokenUrl: 't' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(oauth2AuthorizationCodeBearer({ authorizationUrl: 'a', tokenUrl: 't' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(oauth2ClientCredentialsBearer({ tokenUrl: 't' })).toEqualTypeOf<SecurityScheme<string>>();
    expectTypeOf(openIdConnect({ openIdConnectUrl: 'u' })).toEqualTypeOf<SecurityScheme<string>>();
  });

  test('autoError false: T | undefined', () => {
    expectTypeOf<ValueOfDep<typeof bearerFalse>>().toEqualTypeOf<HTTPAuthorizationCredentials | undefined>();
    expectTypeOf(httpBearer({ autoError: false })).toEqualTypeOf<SecurityScheme<HTTPAuthorizationCredentials | undefined>>();
    expectTypeOf(httpBasic({ autoError: false })).toEqualTypeOf<SecurityScheme<HTTPBasicCredentials | undefined>>();
    expectTypeOf(apiKeyCookie({ name: 'k', autoError: false })).toEqualTypeOf<SecurityScheme<string | undefined>>();
    expectTypeOf(oauth2PasswordBearer({ tokenUrl: 't', autoError: false })).toEqualTypeOf<SecurityScheme<string | undefined>>();
    expectTypeOf(openIdConnect({ openIdConnectUrl: 'u', autoError: false })).toEqualTypeOf<SecurityScheme<string | undefined>>();
  });

  test('autoError only known at runtime: T | undefined', () => {
    const flag = Math.random() > 0.5;
    expectTypeOf(httpBearer({ autoError: flag })).toEqualTypeOf<SecurityScheme<HTTPAuthorizationCredentials | undefined>>();
  });

  test('unknown options are refused', () => {
    // @ts-expect-error misspelled option
    httpBearer({ autoErorr: false });
    // @ts-expect-error name is required
    apiKeyHeader({});
    // @ts-expect-error tokenUrl is required
    oauth2PasswordBearer({});
  });
});

const bearerTrue = httpBearer({ autoError: true });
const bearerFalse = httpBearer({ autoError: false });

describe('inference in handlers and dependencies', () => {
  test('handler arguments are inferred from schemes', () => {
    const router = new Router();
    router.get('/a', { auth: httpBearer(), maybe: httpBasic({ autoError: false }), key: apiKeyQuery({ name: 'k' }) }, ({ auth, maybe, key }) => {
      expectTypeOf(auth).toEqualTypeOf<HTTPAuthorizationCredentials>();
      expectTypeOf(maybe).toEqualTypeOf<HTTPBasicCredentials | undefined>();
      expectTypeOf(key).toEqualTypeOf<string>();
      return null;
    });
  });

  test('security() keeps the value type', () => {
    const user = depends({ token: oauth2PasswordBearer({ tokenUrl: 't' }) }, ({ token }) => ({ token }));
    const router = new Router();
    router.get('/me', { user: security(user, { scopes: ['me'] }) }, ({ user }) => {
      expectTypeOf(user).toEqualTypeOf<{ token: string }>();
      return null;
    });
  });

  test('anyOf: the union of the alternatives', () => {
    const either = anyOf(httpBearer(), apiKeyHeader({ name: 'x' }));
    expectTypeOf<ValueOfDep<typeof either>>().toEqualTypeOf<HTTPAuthorizationCredentials | string>();
    const withOptional = anyOf(httpBasic(), apiKeyCookie({ name: 's', autoError: false }));
    expectTypeOf<ValueOfDep<typeof withOptional>>().toEqualTypeOf<HTTPBasicCredentials | string | undefined>();
    const optional = anyOf([httpBearer(), apiKeyHeader({ name: 'x' })], { autoError: false });
    expectTypeOf<ValueOfDep<typeof optional>>().toEqualTypeOf<HTTPAuthorizationCredentials | string | undefined>();
    const scoped = anyOf(security(httpBearer(), { scopes: ['a'] }), apiKeyHeader({ name: 'x' }));
    expectTypeOf<ValueOfDep<typeof scoped>>().toEqualTypeOf<HTTPAuthorizationCredentials | string>();
  });

  test('withScopes passes the value type through and types granted()', () => {
    const claims = depends(() => ({ sub: 'a', scope: 'me' }));
    const user = withScopes(claims, (c) => {
      expectTypeOf(c).toEqualTypeOf<{ sub: string; scope: string }>();
      return c.scope;
    });
    expectTypeOf(user).toEqualTypeOf<Dependency<{ sub: string; scope: string }>>();
  });

  test('password forms', () => {
    expectTypeOf<ValueOfDep<typeof oauth2PasswordForm>>().toEqualTypeOf<OAuth2PasswordRequest<string | undefined>>();
    expectTypeOf<ValueOfDep<typeof oauth2PasswordFormStrict>['grantType']>().toEqualTypeOf<string>();
  });
});

describe('defineScheme: the value is what verify gives', () => {
  const base = {
    defaultName: 'Team',
    options: {},
    openapi: { type: 'apiKey', in: 'header', name: 'x-team' },
    challenge: 'APIKey',
    consumes: [{ in: 'header' as const, name: 'x-team' }],
    bearerChallenges: false,
    read: (request: { header(name: string): string | undefined }) => {
      const value = request.header('x-team');
      return value ? found(value) : MISSING;
    },
  };

  test('without verify: the credential read', () => {
    expectTypeOf(defineScheme(base)).toEqualTypeOf<SecurityScheme<string>>();
  });

  test('with verify (sync, async, refusing): its value, refusals left out; the credential and the context typed', () => {
    const sync = defineScheme({ ...base, verify: (key) => ({ team: key }) });
    expectTypeOf(sync).toEqualTypeOf<SecurityScheme<{ team: string }>>();
    const async = defineScheme({
      ...base,
      verify: async (key, context) => {
        expectTypeOf(key).toEqualTypeOf<string>();
        expectTypeOf(context).toEqualTypeOf<VerifyContext>();
        expectTypeOf(context.required.scopes).toEqualTypeOf<readonly string[]>();
        return { id: key.length };
      },
    });
    expectTypeOf(async).toEqualTypeOf<SecurityScheme<{ id: number }>>();
    const refusing = defineScheme({ ...base, verify: (key) => (key === 'x' ? { ok: true as const } : refuse(invalidToken())) });
    expectTypeOf<ValueOfDep<typeof refusing>>().toEqualTypeOf<{ ok: true }>();
  });

  test('a verified scheme in anyOf: the union of the verified values', () => {
    const team = defineScheme({ ...base, verify: async (key) => ({ team: key }) });
    const either = anyOf(team, httpBearer());
    expectTypeOf<ValueOfDep<typeof either>>().toEqualTypeOf<{ team: string } | HTTPAuthorizationCredentials>();
  });
});
