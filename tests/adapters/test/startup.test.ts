/**
 * Mistakes caught at startup, through every adapter: mounting a router or
 * wrapping a handler with one fails before any server listens, with the
 * core's message naming the route, the input and the fix.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DuplicateRouteError, ErrorCode, RouteInputError, Router, depends, header, path, query } from '../../../packages/core/src/index.js';
import { harnesses } from '../src/harness.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as koaDepends } from '../../../packages/koa/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { createDepends as fastifyDepends } from '../../../packages/fastify/src/index.js';
import { httpBearer, oauth2PasswordBearer, security, withScopes } from '../../../packages/core/src/index.js';

/** The article's router: a header dependency reading `Authorization` on every route under `/v1`. */
function articleRouter(): Router {
  const verifyToken = depends({ authorization: header('authorization') }, ({ authorization }) => authorization);
  const v1 = new Router({ prefix: '/v1', dependencies: [verifyToken] });
  v1.get('/health', {}, () => 'Ok');
  return v1;
}

describe.each(harnesses)('$name: mistakes fail at startup', (harness) => {
  test("a router dependency on header('authorization') fails when mounted, pointing to httpBearer()", async () => {
    const error = await harness.start({ routers: [articleRouter()] }).then(
      (started) => started.close().then(() => undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RouteInputError);
    expect((error as RouteInputError).code).toBe(ErrorCode.IgnoredHeader);
    expect((error as Error).message).toMatch(/^Route GET \/v1\/health, input "dependencies\[0\]\.authorization": header\('authorization'\)/);
    expect((error as Error).message).toContain('httpBearer()');
  });

  test('a wrapped handler with an unreadable query schema fails when wrapped; one with a wrong path() when placed', async () => {
    const unreadable = await harness
      .start({ handlers: [{ method: 'GET', path: '/search', inputs: { filter: query('filter', z.object({ q: z.string() })) }, fn: () => 1 }] })
      .then((started) => started.close().then(() => undefined), (e: unknown) => e);
    expect(unreadable).toBeInstanceOf(RouteInputError);
    expect((unreadable as Error).message).toContain("input \"filter\": query('filter') is read from a string, but its schema is an object");
    const wrongPath = await harness
      .start({ handlers: [{ method: 'GET', path: '/items/:item_id', inputs: { id: path('id') }, fn: () => 1, options: { method: 'GET', path: '/items/:item_id' } }] })
      .then((started) => started.close().then(() => undefined), (e: unknown) => e);
    expect((wrongPath as RouteInputError).code).toBe(ErrorCode.UnknownPathParameter);
    expect((wrongPath as Error).message).toContain("Use path('item_id')");
  });

  test('the same method and path mounted twice fails', async () => {
    const a = new Router();
    a.get('/things/{id}', {}, () => 1);
    const b = new Router();
    b.get('/things/:thing', {}, () => 2);
    const error = await harness.start({ routers: [a, b] }).then(
      (started) => started.close().then(() => undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DuplicateRouteError);
    expect((error as Error).message).toContain('Route GET /things/{id} is declared twice (the second time as GET /things/{thing})');
  });
});

/** The adapters with a guard for existing routes. */
const guarding = [
  ['express', () => expressDepends()],
  ['koa', () => koaDepends()],
  ['hono', () => honoDepends()],
  ['fastify', () => fastifyDepends()],
] as const;

describe.each(guarding)('%s: a guard with a mistake fails when it is made, not at its first request', (_name, createDepends) => {
  test("d.guard({ auth: header('authorization') }) throws the same RouteInputError, naming the guard and the input", () => {
    const d = createDepends();
    let error: unknown;
    try {
      d.guard({ auth: header('authorization') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RouteInputError);
    expect((error as RouteInputError).code).toBe(ErrorCode.IgnoredHeader);
    expect((error as Error).message).toMatch(/^Route behind guard\(auth\), input "auth": header\('authorization'\)/);
  });

  test('an undeclared OAuth2 scope in the per-route options fails, naming the route key; a correct guard is accepted', () => {
    const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'notes:read': 'Read', 'notes:write': 'Write' } });
    // the caller's granted scopes checked against the ones each route asks
    const user = withScopes(depends({ token: oauth2 }, ({ token }) => ({ token, scopes: ['notes:read'] })), (u) => u.scopes);
    const d = createDepends();
    expect(() => d.guard({ user }, { scopes: ['notes:read'], routes: { 'POST /v1/notes': { scopes: ['notes:wirte'] } } })).toThrow(
      /^Route behind guard\(user\) at POST \/v1\/notes, input "user": scope "notes:wirte" is not declared/,
    );
    expect(() => d.guard({ user }, { scopes: ['notes:read'], routes: { 'POST /v1/notes': { scopes: ['notes:write'] } } })).not.toThrow();
    // scopes nothing checks: refused
    expect(() => d.guard({ token: oauth2 }, { scopes: ['notes:read'] })).toThrow(/none of its inputs \(token\) checks scopes/);
    expect(() => d.guard({ user: security(httpBearer()) })).not.toThrow();
  });
});
