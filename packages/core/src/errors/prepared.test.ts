import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, type AppRoute } from '../app/app.js';
import type { Outcome } from '../app/handle.js';
import { depends, security } from '../dependency/depends.js';
import { createRequestView } from '../request/view.js';
import { anyOf } from '../security/any-of.js';
import { apiKeyHeader } from '../security/api-key.js';
import { invalidToken } from '../security/errors.js';
import { httpBasic } from '../security/http-basic.js';
import { httpBearer } from '../security/http.js';
import { withScopes } from '../security/scopes.js';
import { query } from '../sources/params.js';
import { DependsError, ErrorCode, HTTPException, RequestValidationError } from './catalogue.js';
import { preparedException, sharedAnswer } from './prepared.js';

const development = HTTPException.captureStackTraces;
afterEach(() => {
  HTTPException.captureStackTraces = development;
});

describe('HTTP exceptions without a stack trace', () => {
  test('a refusal (4xx) has none by default, in every mode; a 5xx HTTPException keeps its stack', () => {
    // the default, whatever NODE_ENV says (vitest runs with NODE_ENV=test)
    expect(development).toBe(false);
    expect(new HTTPException(401, 'Not authenticated').stack).toBe('HTTPException: Not authenticated');
    expect(new RequestValidationError([]).stack).toBe('RequestValidationError: Request validation failed (0 problems)');
    expect(new HTTPException(503, 'Try again').stack).toMatch(/^HTTPException: Try again\n\s+at /);
    expect(new HTTPException(500).stack).toMatch(/\n\s+at /);
  });

  test('are the same exceptions, minus the stack', () => {
    HTTPException.captureStackTraces = true;
    const full = new HTTPException(404, 'Item not found', { 'x-a': '1' });
    HTTPException.captureStackTraces = false;
    const light = new HTTPException(404, 'Item not found', { 'x-a': '1' });
    for (const e of [full, light]) {
      expect(e).toBeInstanceOf(HTTPException);
      expect(e).toBeInstanceOf(DependsError);
      expect(e).toBeInstanceOf(Error);
      expect([e.name, e.code, e.message, e.status, e.detail, e.headers]).toEqual(['HTTPException', ErrorCode.Http, 'Item not found', 404, 'Item not found', { 'x-a': '1' }]);
      expect(String(e)).toBe('HTTPException: Item not found');
    }
    expect(Object.keys(light)).toEqual(Object.keys(full));
    expect(JSON.stringify(light)).toBe(JSON.stringify(full));
    expect(full.stack).toMatch(/\n\s+at /);
    expect(light.stack).toBe('HTTPException: Item not found');
    light.stack = 'replaced';
    expect(light.stack).toBe('replaced');
    expect(new HTTPException(418).message).toBe('HTTP 418');
  });

  test('subclasses keep their class, code and fields', () => {
    HTTPException.captureStackTraces = false;
    const issue = { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null };
    const e = new RequestValidationError([issue]);
    expect(e).toBeInstanceOf(RequestValidationError);
    expect(e).toBeInstanceOf(HTTPException);
    expect([e.name, e.code, e.status, e.errors, e.message]).toEqual(['RequestValidationError', ErrorCode.Validation, 422, [issue], 'Request validation failed (1 problem)']);
    expect(e.stack).toBe('RequestValidationError: Request validation failed (1 problem)');
    class NotFound extends HTTPException {
      constructor(readonly what: string) {
        super(404, `${what} not found`);
      }
    }
    const n = new NotFound('item');
    expect(n).toBeInstanceOf(NotFound);
    expect([n.name, n.what, n.status, n.detail]).toEqual(['NotFound', 'item', 404, 'item not found']);
  });
});

describe('prepared HTTP exceptions', () => {
  test('a fresh exception per call, one frozen answer for all', () => {
    const make = preparedException(401, 'Not authenticated', { 'www-authenticate': ['Bearer', 'Basic'] });
    const a = make();
    const b = make();
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a.headers)).toBe(true);
    const build = (e: HTTPException) => ({ status: e.status, headers: [['x', String(e.detail)] as [string, string]], body: '{}' });
    const first = sharedAnswer(a, build);
    expect(sharedAnswer(b, build)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.headers)).toBe(true);
    expect(sharedAnswer(new HTTPException(401), build)).not.toBe(first);
  });
});

// Every rejection path: the answers must not depend on whether stacks are captured.
const users = new Map([['token-1', { name: 'john', scopes: ['me'] }]]);
const bearer = httpBearer();
const user = depends({ auth: bearer }, ({ auth }) => {
  const found = users.get(auth.credentials);
  if (!found) throw invalidToken();
  return found;
});
const scoped = withScopes(user, (u) => u.scopes);
const either = anyOf(bearer, apiKeyHeader({ name: 'x-key' }));
const boom = depends(() => {
  throw new Error('boom');
});

function app(onError: (e: unknown) => void = () => {}) {
  const a = new DependsApp({ onError });
  return {
    me: a.route('GET', '/me', { user }, ({ user }) => user),
    admin: a.route('GET', '/admin', { user: security(scoped, { scopes: ['admin'] }) }, ({ user }) => user),
    items: a.route('GET', '/items', { user, limit: query('limit', z.number().int().max(100)) }, ({ limit }) => limit),
    basic: a.route('GET', '/basic', { who: httpBasic({ realm: 'api' }) }, ({ who }) => who.username),
    either: a.route('GET', '/either', { who: either }, () => 'ok'),
    gone: a.route('GET', '/gone', {}, () => {
      throw new HTTPException(410, { reason: 'moved' }, { 'x-moved-to': '/new' });
    }),
    boom: a.route('GET', '/boom', { boom }, () => 'never'),
    handle: (route: AppRoute, url: string, headers: Record<string, string>) =>
      a.handle(route, createRequestView({ method: 'GET', url, headers: { host: 'x', ...headers } })) as Outcome,
  };
}

const requests: [string, keyof ReturnType<typeof app>, string, Record<string, string>, number][] = [
  ['missing credential', 'me', '/me', {}, 401],
  ['another scheme', 'me', '/me', { authorization: 'Basic eDp5' }, 401],
  ['unknown token', 'me', '/me', { authorization: 'Bearer nope' }, 401],
  ['missing scope', 'admin', '/admin', { authorization: 'Bearer token-1' }, 403],
  ['invalid query', 'items', '/items?limit=abc', { authorization: 'Bearer token-1' }, 422],
  ['missing query and credential', 'items', '/items', {}, 401],
  ['malformed Basic', 'basic', '/basic', { authorization: 'Basic !!!' }, 401],
  ['anyOf, none given', 'either', '/either', {}, 401],
  ['HTTPException from a handler', 'gone', '/gone', {}, 410],
];

describe('rejected requests answer the same with and without stacks', () => {
  test.each(requests)('%s', (_, name, url, headers, status) => {
    HTTPException.captureStackTraces = true;
    const withStacks = app();
    const expected = withStacks.handle(withStacks[name] as AppRoute, url, headers).answer;
    expect(expected.status).toBe(status);
    HTTPException.captureStackTraces = false;
    const without = app();
    for (let i = 0; i < 3; i++) expect(without.handle(without[name] as AppRoute, url, headers).answer).toEqual(expected);
  });

  test('an unexpected error still reaches the error hook with its stack, and answers 500', () => {
    HTTPException.captureStackTraces = false;
    const seen: unknown[] = [];
    const a = app((e) => seen.push(e));
    const outcome = a.handle(a.boom, '/boom', {});
    expect([outcome.answer.status, outcome.answer.body]).toEqual([500, '{"detail":"Internal Server Error"}']);
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toBe('boom');
    expect((seen[0] as Error).stack).toMatch(/\n\s+at /);
    a.handle(a.me, '/me', {});
    expect(seen).toHaveLength(1); // an HTTP exception is not an unexpected error
  });
});
