import { describe, expect, test } from 'vitest';
import { DependsApp, HTTPException, depends, httpBearer, invalidToken, refuse } from '../index.js';
import type { Outcome } from '../app/handle.js';
import { createRequestView } from '../request/view.js';

const users = new Map([['token-1', { name: 'john' }]]);
const auth = httpBearer();
const request = (token: string) => createRequestView({ url: '/me', headers: { authorization: `Bearer ${token}` } });
/** What a client sees: status, header lines, body. */
const seen = (o: Outcome) => ({ status: o.answer.status, headers: [...o.answer.headers].map((l) => [...l]), body: o.answer.body });

describe('refuse(): a refusal returned instead of thrown', () => {
  const thrown = depends({ auth }, ({ auth }) => {
    const user = users.get(auth.credentials);
    if (!user) throw invalidToken();
    return user;
  });
  const returned = depends({ auth }, ({ auth }) => users.get(auth.credentials) ?? refuse(invalidToken()));
  const returnedAsync = depends({ auth }, async ({ auth }) => users.get(auth.credentials) ?? refuse(invalidToken('The access token expired')));
  const thrownAsync = depends({ auth }, async ({ auth }) => {
    const user = users.get(auth.credentials);
    if (!user) throw invalidToken('The access token expired');
    return user;
  });

  test('a dependency answers exactly as if it had thrown, synchronously, and nothing after it runs', () => {
    const errors: unknown[] = [];
    const app = new DependsApp({ onError: (e) => errors.push(e) });
    let handled = 0;
    const a = app.route('GET', '/a', { user: thrown }, ({ user }) => (handled++, user));
    const b = app.route('GET', '/b', { user: returned }, ({ user }) => (handled++, user));
    const answerA = app.handle(a, request('nope')) as Outcome;
    const answerB = app.handle(b, request('nope'));
    expect(answerB).not.toBeInstanceOf(Promise);
    expect(seen(answerB as Outcome)).toEqual(seen(answerA));
    expect(seen(answerB as Outcome)).toMatchObject({ status: 401, body: '{"detail":"Could not validate credentials"}' });
    expect((answerB as Outcome).answer.headers).toContainEqual(['www-authenticate', 'Bearer error="invalid_token"']);
    expect(handled).toBe(0);
    expect(errors).toEqual([]);
    expect(seen(app.handle(b, request('token-1')) as Outcome)).toMatchObject({ status: 200, body: '{"name":"john"}' });
  });

  test('an async dependency resolving to a refusal answers as one rejecting with the error', async () => {
    const app = new DependsApp();
    const a = app.route('GET', '/a', { user: thrownAsync }, ({ user }) => user);
    const b = app.route('GET', '/b', { user: returnedAsync }, ({ user }) => user);
    const [answerA, answerB] = [await app.handle(a, request('nope')), await app.handle(b, request('nope'))];
    expect(seen(answerB)).toEqual(seen(answerA));
    expect(answerB.answer.headers).toContainEqual(['www-authenticate', 'Bearer error="invalid_token", error_description="The access token expired"']);
  });

  test('a handler may refuse too, synchronously or not', async () => {
    const app = new DependsApp();
    const sync = app.route('GET', '/items/1', {}, () => refuse(new HTTPException(404, 'Item not found')));
    const async = app.route('GET', '/items/2', {}, async () => refuse(new HTTPException(404, 'Item not found')));
    const thenable = app.route('GET', '/items/3', {}, () => ({ then: (ok: (v: unknown) => void) => ok(refuse(new HTTPException(404, 'Item not found'))) }));
    for (const route of [sync, async, thenable]) {
      const outcome = await app.handle(route, createRequestView());
      expect(seen(outcome)).toEqual({ status: 404, headers: [['content-type', 'application/json']], body: '{"detail":"Item not found"}' });
    }
  });

  test('teardown dependencies see the refusal thrown in at their yield, as they see a throw', async () => {
    const closes = (variant: typeof thrown) => {
      const seenByTeardown: unknown[] = [];
      const tx = depends(function* transaction() {
        try {
          yield 'tx';
        } catch (error) {
          seenByTeardown.push((error as HTTPException).status);
          throw error;
        } finally {
          seenByTeardown.push('closed');
        }
      });
      const user = depends({ tx, user: variant }, ({ user }) => user);
      return { user, seenByTeardown };
    };
    const app = new DependsApp();
    for (const variant of [thrown, returned]) {
      const { user, seenByTeardown } = closes(variant);
      const route = app.route('GET', `/t/${variant === thrown ? 'thrown' : 'returned'}`, { user }, ({ user }) => user);
      const outcome = await app.handle(route, request('nope'));
      await outcome.finish();
      expect(outcome.answer.status).toBe(401);
      expect(seenByTeardown).toEqual([401, 'closed']);
    }
  });
});
