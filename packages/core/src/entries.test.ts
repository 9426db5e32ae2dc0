import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as root from './index.js';
import { importClosure } from './test/imports.js';

const file = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('entry points by audience', () => {
  test('the root entry holds what API authors use, and nothing of the engine', () => {
    expect(Object.keys(root).sort()).toEqual(
      [
        // declaring dependencies and sources
        'depends', 'use', 'security', 'securityScopes', 'SecurityScopes', 'requestView',
        'header', 'query', 'cookie', 'path', 'body', 'form',
        // routes, app, answers, tests
        'Router', 'DependsApp', 'resolve', 'reply',
        // errors
        'DependsError', 'ConfigurationError', 'RouteInputError', 'DuplicateRouteError', 'HTTPException', 'RequestValidationError', 'OAuth2Error', 'ErrorCode', 'refuse',
        // the body of error answers
        'errorBody', 'problemDetails',
        // security schemes
        'httpBearer', 'httpBasic', 'httpDigest', 'httpScheme', 'apiKeyHeader', 'apiKeyQuery', 'apiKeyCookie',
        'oauth2', 'oauth2PasswordBearer', 'oauth2AuthorizationCodeBearer', 'oauth2ClientCredentialsBearer', 'openIdConnect',
        'anyOf', 'withScopes', 'assertScopes', 'missingScopes', 'notAuthenticated', 'invalidToken', 'insufficientScope',
        'oauth2PasswordForm', 'oauth2PasswordFormStrict', 'oauth2PasswordRequestForm', 'defineScheme', 'safeEqual',
        // stores a dependency needs (rate-limit counters, DPoP replay store): health, outage policy, Redis client events
        'StoreStatus', 'StoreOutage', 'StoreUnavailableError', 'STORE_UNAVAILABLE', 'describeStoreError', 'outageMistake',
        'watchRedisClient', 'redisClientReady', 'isNodeRedis',
      ].sort(),
    );
  });

  test('the root entry loads no adapter kit, Node helper, docs page or services plugin', () => {
    const { files } = importClosure(file('./index.ts'));
    const folders = new Set([...files].map((f) => f.slice(file('./').length).split('/')[0]));
    for (const folder of ['adapter', 'node', 'docs', 'services']) expect(folders.has(folder), folder).toBe(false);
  });
});
