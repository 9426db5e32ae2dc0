/**
 * The page's snippets compile (this project's type check reads every file
 * they import), and what they infer is what the page says: the caller is
 * typed, no cast anywhere.
 */
import type express from 'express';
import { describe, expectTypeOf, test } from 'vitest';
import type { Dependency } from '@depends/core';
import { currentUser } from '../from-the-article/current-user.js';
import type { Caller } from '../from-the-article/tokens.js';
import { naiveMiddlewareApp } from '../from-the-article/middleware.naive.js';
import { middlewareApp } from '../from-the-article/middleware.depends.js';
import { guardedApp } from '../from-the-article/middleware.guard.js';
import { naiveHeaderApp } from '../from-the-article/header.naive.js';
import { naiveAuthorizationHeaderApp } from '../from-the-article/header-authorization.naive.js';
import { headerApp } from '../from-the-article/header.depends.js';
import { naiveSecurityApp } from '../from-the-article/security.naive.js';
import { securityApp } from '../from-the-article/security.depends.js';
import { naiveBearerApp } from '../from-the-article/http-bearer.naive.js';
import { bearerApp } from '../from-the-article/http-bearer.depends.js';
import { naiveApiKeyApp } from '../from-the-article/api-key.naive.js';
import { apiKeyApp } from '../from-the-article/api-key.depends.js';

describe('from-the-article snippets', () => {
  test('currentUser is a dependency on the caller', () => {
    expectTypeOf(currentUser).toEqualTypeOf<Dependency<Caller>>();
  });

  test('every snippet builds an Express app', () => {
    for (const build of [naiveMiddlewareApp, middlewareApp, guardedApp, naiveHeaderApp, naiveAuthorizationHeaderApp, headerApp, naiveSecurityApp, securityApp, naiveBearerApp, bearerApp, naiveApiKeyApp, apiKeyApp]) {
      expectTypeOf(build).returns.toEqualTypeOf<express.Express>();
    }
  });
});
