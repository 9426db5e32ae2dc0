/**
 * The README's first example and tour, type-checked against the real
 * exports: if an API the README shows changes, this file stops compiling.
 */
import express from 'express';
import Koa from 'koa';
import KoaRouter from '@koa/router';
import { Hono } from 'hono';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { HTTPException, Router, anyOf, apiKeyHeader, depends, header, httpBasic, httpBearer, invalidToken, oauth2PasswordBearer, query, security, use, withScopes, type Dependency, type HTTPAuthorizationCredentials } from '@depends/core';
import { createDepends } from '@depends/express';
import { jwtBearer } from '@depends/jwt';
import { createDepends as createKoaDepends } from '@depends/koa';
import { createDepends as createHonoDepends } from '@depends/hono';

interface User {
  username: string;
  scopes: string[];
}
declare const users: { fromToken(token: string): Promise<User | undefined> };
declare const db: Dependency<{ exec(sql: string): void }>;
declare function isUniqueViolation(e: unknown): boolean;

describe('README', () => {
  test('a first example', () => {
    const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read your profile' } });
    const currentUser = withScopes(
      depends({ token: oauth2 }, async ({ token }) => {
        const user = await users.fromToken(token);
        if (!user) throw invalidToken();
        return user;
      }),
      (user) => user.scopes,
    );
    const api = new Router();
    api.get('/users/me', { user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => {
      expectTypeOf(user).toEqualTypeOf<User>();
      return user;
    });
    const app = express();
    const d = createDepends({ title: 'My API', version: '1.0.0' });
    d.mount(app, api);
    d.docs(app);
    d.app.overrides.set(currentUser, () => ({ username: 'test', scopes: ['me'] }));
  });

  test('the tour', () => {
    const limit = query('limit', z.number().int().min(1).max(100).default(20));
    const userAgent = header('user_agent');
    const page = depends({ limit }, ({ limit }) => ({ limit, offset: 0 }));
    expectTypeOf(page).toEqualTypeOf<Dependency<{ limit: number; offset: number }>>();
    expectTypeOf(userAgent).toEqualTypeOf<Dependency<string>>();
    use(page, { useCache: false });

    const bearer = httpBearer({ bearerFormat: 'JWT' });
    const apiKey = apiKeyHeader({ name: 'X-API-Key' });
    httpBasic({ realm: 'admin' });
    const optional = httpBearer({ autoError: false });
    const either = anyOf(bearer, apiKey);
    depends({ optional, either }, ({ optional, either }) => {
      expectTypeOf(optional).toEqualTypeOf<HTTPAuthorizationCredentials | undefined>();
      expectTypeOf(either).toEqualTypeOf<HTTPAuthorizationCredentials | string>();
      return null;
    });

    depends({ db }, async function* ({ db }) {
      db.exec('BEGIN');
      try {
        yield db;
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        if (isUniqueViolation(error)) throw new HTTPException(409, 'Already exists');
        throw error;
      }
    });

    const api = new Router();
    const koaRouter = new KoaRouter();
    const k = createKoaDepends({});
    k.mount(koaRouter, api);
    k.docs(koaRouter);
    new Koa().use(koaRouter.routes());
    const hono = new Hono();
    const h = createHonoDepends({});
    h.mount(hono, api);
    h.docs(hono);
    const app = express();
    const d = createDepends({});
    app.get('/me', d.handler({ user: bearer }, ({ user }) => user));
  });
});

describe('README tour: tokens from an identity provider', () => {
  test('jwtBearer with security() scopes types the verified claims', () => {
    const api = new Router();
    const reportsOf = (sub: string | undefined) => [{ sub }];
    const accessToken = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports' });
    api.get('/reports', { token: security(accessToken, { scopes: ['reports:read'] }) }, ({ token }) => {
      expectTypeOf(token.claims.iss).toEqualTypeOf<string>();
      expectTypeOf(token.scopes).toEqualTypeOf<readonly string[]>();
      return reportsOf(token.claims.sub);
    });
  });
});
