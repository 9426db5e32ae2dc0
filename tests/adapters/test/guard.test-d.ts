/**
 * Inference of guarded values: the existing handler sees the guard's values
 * typed, the framework's way, with no declaration merging.
 */
import express from 'express';
import Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { Hono } from 'hono';
import { describe, expectTypeOf, test } from 'vitest';
import { depends, httpBearer, httpBasic } from '@depends/core';
import type { HTTPAuthorizationCredentials, HTTPBasicCredentials } from '@depends/core';
import { createDepends as expressDepends, type ExpressGuard } from '@depends/express';
import { createDepends as koaDepends, type GuardState } from '@depends/koa';
import { createDepends as honoDepends, type GuardEnv } from '@depends/hono';

interface User {
  name: string;
  scopes: string[];
}
const bearer = httpBearer();
const currentUser = depends({ auth: bearer }, ({ auth }): User => ({ name: auth.credentials, scopes: [] }));
const maybeBasic = httpBasic({ autoError: false });

describe('Express', () => {
  test('auth.values(req) is typed from the declared inputs', () => {
    const d = expressDepends();
    const auth = d.guard({ user: currentUser, basic: maybeBasic });
    expectTypeOf(auth).toMatchTypeOf<ExpressGuard<{ user: User }>>();
    const app = express();
    app.use(auth);
    app.get('/me', (req, res) => {
      const { user, basic } = auth.values(req);
      expectTypeOf(user).toEqualTypeOf<User>();
      expectTypeOf(basic).toEqualTypeOf<HTTPBasicCredentials | undefined>();
      res.json(user);
    });
  });
});

describe('Koa', () => {
  test('auth.values(ctx) is typed on any route the guard is placed on', () => {
    const d = koaDepends();
    const auth = d.guard({ user: currentUser });
    const router = new KoaRouter();
    router.get('/me', auth, (ctx) => {
      expectTypeOf(auth.values(ctx).user).toEqualTypeOf<User>();
    });
  });
  test('GuardState types a router the guard covers from use()', () => {
    const d = koaDepends();
    const auth = d.guard({ user: currentUser, token: bearer });
    expectTypeOf<GuardState<typeof auth>>().toEqualTypeOf<{ user: User; token: HTTPAuthorizationCredentials }>();
    const app = new Koa();
    app.use(auth);
    const v1 = new KoaRouter<GuardState<typeof auth>>({ prefix: '/v1' });
    v1.get('/me', (ctx) => {
      expectTypeOf(ctx.state.user).toEqualTypeOf<User>();
      expectTypeOf(auth.values(ctx).token).toEqualTypeOf<HTTPAuthorizationCredentials>();
    });
  });
});

describe('Hono', () => {
  test('c.var and c.get() are typed on a route the guard is placed on', () => {
    const d = honoDepends();
    const auth = d.guard({ user: currentUser });
    const app = new Hono();
    app.get('/me', auth, (c) => {
      expectTypeOf(c.var.user).toEqualTypeOf<User>();
      expectTypeOf(c.get('user')).toEqualTypeOf<User>();
      return c.json({ name: c.var.user.name });
    });
  });
  test('GuardEnv types an app or sub-app the guard covers from use()', () => {
    const d = honoDepends();
    const auth = d.guard({ user: currentUser });
    const v1 = new Hono<GuardEnv<typeof auth>>();
    v1.use(auth);
    v1.get('/me', (c) => {
      expectTypeOf(c.var.user).toEqualTypeOf<User>();
      return c.text(c.get('user').name);
    });
  });
});
