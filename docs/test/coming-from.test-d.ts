/**
 * The "Coming from …" snippets compile (this project's type check reads
 * every file they import), and what they infer is what the pages say: the
 * caller typed from the dependency, no cast, no declaration merging.
 */
import type express from 'express';
import type { FastifyInstance } from 'fastify';
import type { Hono } from 'hono';
import { describe, expectTypeOf, test } from 'vitest';
import type { Dependency } from '@depends/core';
import type { DependsExpress } from '@depends/express';
import type { User } from '../coming-from/demo.js';
import { notesApp as expressJwtApp } from '../coming-from/express-jwt/guard.js';
import { sharedSecretApp } from '../coming-from/express-jwt/shared-secret.js';
import { currentUser as passportUser, scopedUser } from '../coming-from/passport-http-bearer/current-user.js';
import { profileApp } from '../coming-from/passport-http-bearer/app.js';
import { apiApp } from '../coming-from/hono-bearer-auth/bearer-auth.js';
import { authApp } from '../coming-from/hono-bearer-auth/jwk.js';
import { callerOf } from '../coming-from/fastify-jwt/caller.js';
import { notesApp as fastifyApp } from '../coming-from/fastify-jwt/app.js';
import { currentUser as nestUser, notesApp as nestLikeApp } from '../coming-from/nestjs-guards/notes.js';
import { appForTests } from '../coming-from/nestjs-guards/in-a-test.js';

describe('coming-from snippets', () => {
  test('the callers are dependencies on what their function returns, refusals left out', () => {
    expectTypeOf(passportUser).toEqualTypeOf<Dependency<User>>();
    expectTypeOf(scopedUser).toEqualTypeOf<Dependency<User>>();
    expectTypeOf(nestUser).toEqualTypeOf<Dependency<User>>();
    expectTypeOf(callerOf).returns.toEqualTypeOf<Dependency<{ sub: string; via: string }>>();
  });

  test('every app builds for its framework', () => {
    for (const build of [expressJwtApp, sharedSecretApp]) expectTypeOf(build).returns.toEqualTypeOf<express.Express>();
    expectTypeOf(profileApp).returns.toEqualTypeOf<express.Express>();
    expectTypeOf(appForTests).returns.toEqualTypeOf<express.Express>();
    expectTypeOf(nestLikeApp).returns.toEqualTypeOf<{ app: express.Express; d: DependsExpress }>();
    expectTypeOf(fastifyApp).returns.toEqualTypeOf<FastifyInstance>();
    expectTypeOf(apiApp).returns.toMatchTypeOf<Hono<any, any, any>>();
    expectTypeOf(authApp).returns.toMatchTypeOf<Hono<any, any, any>>();
  });
});
