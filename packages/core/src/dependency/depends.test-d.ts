import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  DependsApp,
  Router,
  SecurityScopes,
  body,
  cookie,
  depends,
  form,
  header,
  path,
  query,
  requestView,
  securityScopes,
  security,
  use,
  httpBearer,
  invalidToken,
  refuse,
  type Dependency,
  type Refusal,
  type RequestView,
} from '../index.js';
import { inject } from '../services/index.js';

class UserRepo {
  find(id: string) {
    return { id, name: 'x' };
  }
}

describe('inference of dependency values', () => {
  test('plain, async, generator and async generator functions', () => {
    expectTypeOf(depends(() => 1)).toEqualTypeOf<Dependency<number>>();
    expectTypeOf(depends(async () => 'a')).toEqualTypeOf<Dependency<string>>();
    expectTypeOf(
      depends(function* () {
        yield true;
      }),
    ).toEqualTypeOf<Dependency<boolean>>();
    expectTypeOf(
      depends(async function* () {
        yield { conn: 1 };
      }),
    ).toEqualTypeOf<Dependency<{ conn: number }>>();
  });

  test('a function receives its inputs typed, with no casts', () => {
    const token = header('authorization');
    const limit = query('limit', z.number().int().default(10));
    const tags = query('tag', z.array(z.string()));
    const theme = cookie('theme', z.enum(['light', 'dark']).optional());
    const id = path('id', z.coerce.number());
    depends({ token, limit, tags, theme, id, repo: UserRepo, scopes: securityScopes, request: requestView }, (v) => {
      expectTypeOf(v.token).toEqualTypeOf<string>();
      expectTypeOf(v.limit).toEqualTypeOf<number>();
      expectTypeOf(v.tags).toEqualTypeOf<string[]>();
      expectTypeOf(v.theme).toEqualTypeOf<'light' | 'dark' | undefined>();
      expectTypeOf(v.id).toEqualTypeOf<number>();
      expectTypeOf(v.repo).toEqualTypeOf<UserRepo>();
      expectTypeOf(v.scopes).toEqualTypeOf<SecurityScopes>();
      expectTypeOf(v.request).toEqualTypeOf<RequestView>();
      return null;
    });
  });

  test('uses keep the value type; bodies and forms are typed by their schema', () => {
    const user = depends(async () => ({ name: 'ann', admin: false }));
    expectTypeOf(use(user, { useCache: false })).toMatchTypeOf<{ dependency: Dependency<{ name: string; admin: boolean }> }>();
    const item = body(z.object({ title: z.string(), done: z.boolean().optional() }));
    expectTypeOf(item).toEqualTypeOf<Dependency<{ title: string; done?: boolean | undefined }>>();
    const login = form(z.object({ username: z.string(), password: z.string() }));
    expectTypeOf(login).toEqualTypeOf<Dependency<{ username: string; password: string }>>();
    expectTypeOf(inject(UserRepo)).toEqualTypeOf<Dependency<UserRepo>>();
  });

  test('route handlers get their arguments inferred from the declared inputs', () => {
    const user = depends(async () => ({ name: 'ann', scopes: ['me'] as string[] }));
    const router = new Router();
    router.get('/me', { user: security(user, { scopes: ['me'] }), q: query('q', z.string().optional()) }, ({ user, q }) => {
      expectTypeOf(user).toEqualTypeOf<{ name: string; scopes: string[] }>();
      expectTypeOf(q).toEqualTypeOf<string | undefined>();
      return user.name;
    });
    const app = new DependsApp();
    app.route('GET', '/x', { n: query('n', z.number()) }, ({ n }) => {
      expectTypeOf(n).toEqualTypeOf<number>();
    });
  });

  test('a wrong input is a type error', () => {
    // @ts-expect-error a number is not a dependency
    depends({ n: 1 }, () => null);
  });
});

describe('refuse(): a returned refusal is not part of the value', () => {
  test('sync and async dependencies that may refuse produce only their value', () => {
    const users = new Map<string, { id: number }>();
    const bearer = httpBearer();
    const sync = depends({ auth: bearer }, ({ auth }) => users.get(auth.credentials) ?? refuse(invalidToken()));
    const viaAsync = depends({ auth: bearer }, async ({ auth }) => users.get(auth.credentials) ?? refuse(invalidToken()));
    expectTypeOf(sync).toEqualTypeOf<Dependency<{ id: number }>>();
    expectTypeOf(viaAsync).toEqualTypeOf<Dependency<{ id: number }>>();
    const route = new Router();
    route.get('/me', { user: sync }, ({ user }) => {
      expectTypeOf(user).toEqualTypeOf<{ id: number }>();
      return user;
    });
  });

  test('only refusals are left out: a value with an `error` field stays', () => {
    const outcome = depends(() => ({ error: 'quota exceeded' as unknown, retry: true }));
    expectTypeOf(outcome).toEqualTypeOf<Dependency<{ error: unknown; retry: boolean }>>();
    expectTypeOf(refuse(invalidToken())).toEqualTypeOf<Refusal>();
  });
});
