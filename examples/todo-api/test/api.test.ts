/**
 * The example's behaviour, the same on Express, Koa and Hono: real HTTP
 * (undici to 127.0.0.1, random port), a fresh database file per framework.
 */
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signAccessToken } from '../src/tokens.js';
import { FRAMEWORKS, jwtPayload, startExample, type Example } from './helpers.js';

describe.each(FRAMEWORKS)('todo-api on %s', (framework) => {
  let ex: Example;
  let john: string;
  beforeAll(async () => {
    ex = await startExample(framework);
    john = await ex.token('johndoe', 'secret');
  });
  afterAll(() => ex?.close());

  const rows = (sql: string, ...params: unknown[]) => {
    const db = new Database(ex.databasePath, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  describe('public', () => {
    test('GET /status needs no credential', async () => {
      const res = await ex.call('GET', '/status');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    test('an unknown route is a 404', async () => {
      expect((await ex.call('GET', '/nope')).status).toBe(404);
    });
  });

  describe('POST /token (OAuth2 password grant)', () => {
    test('all the scopes the user holds when none is requested', async () => {
      const res = await ex.call('POST', '/token', { form: { grant_type: 'password', username: 'johndoe', password: 'secret' } });
      expect(res.status).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ token_type: 'bearer', scope: 'me items', expires_in: 1800 });
      expect(body.access_token).toEqual(expect.any(String));
      expect(res.headers['cache-control']).toBe('no-store');
      const claims = jwtPayload(body.access_token);
      expect(claims).toMatchObject({ sub: 'johndoe', scope: 'me items', iss: 'todo-api', aud: 'todo-api' });
      expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
    });

    test('the requested scopes the user holds, and no others', async () => {
      const onlyMe = await ex.call('POST', '/token', { form: { grant_type: 'password', username: 'johndoe', password: 'secret', scope: 'me' } });
      expect(onlyMe.json().scope).toBe('me');
      expect(jwtPayload(onlyMe.json().access_token).scope).toBe('me');
      const alice = await ex.call('POST', '/token', { form: { grant_type: 'password', username: 'alice', password: 'wonderland', scope: 'me items admin' } });
      expect(alice.status).toBe(200);
      expect(alice.json().scope).toBe('me');
    });

    test('wrong password or unknown user: 400 invalid_grant', async () => {
      for (const [username, password] of [
        ['johndoe', 'wrong'],
        ['nobody', 'secret'],
        ['alice', 'secret'],
      ]) {
        const res = await ex.call('POST', '/token', { form: { grant_type: 'password', username, password } });
        expect(res.status).toBe(400);
        expect(res.json()).toEqual({ error: 'invalid_grant', error_description: 'Incorrect username or password' });
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    test('a password with a NUL or another control character never logs in (issue 10)', async () => {
      // Three attempts: with the earlier wrong one, johndoe stays under the 5 failures that would make his logins wait.
      for (const password of ['secret\0', 'secret\n', 'secret\x7f']) {
        const res = await ex.call('POST', '/token', { form: { grant_type: 'password', username: 'johndoe', password } });
        expect(res.status, JSON.stringify(password)).toBe(400);
        expect(res.json()).toEqual({ error: 'invalid_grant', error_description: 'Incorrect username or password' });
      }
    });

    test('missing fields, another grant type, a JSON body: 400 OAuth 2 errors (RFC 6749 §5.2), never stored', async () => {
      const empty = await ex.call('POST', '/token', { form: {} });
      expect(empty.status).toBe(400);
      expect(empty.json()).toEqual({ error: 'invalid_request', error_description: 'Missing parameters: grant_type, username, password' });
      expect(empty.headers['cache-control']).toBe('no-store');
      const other = await ex.call('POST', '/token', { form: { grant_type: 'client_credentials', username: 'johndoe', password: 'secret' } });
      expect(other.status).toBe(400);
      expect(other.json()).toMatchObject({ error: 'unsupported_grant_type' });
      const json = await ex.call('POST', '/token', { json: { grant_type: 'password', username: 'johndoe', password: 'secret' } });
      expect(json.status).toBe(400);
      expect(json.json()).toMatchObject({ error: 'invalid_request' });
      expect(json.headers['cache-control']).toBe('no-store');
    });
  });

  describe('bearer token and scopes', () => {
    test('GET /users/me with a token granting `me`', async () => {
      const res = await ex.call('GET', '/users/me', { bearer: john });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ username: 'johndoe', full_name: 'John Doe', scopes: ['me', 'items'] });
    });

    test('no credential: 401 Not authenticated with the Bearer challenge', async () => {
      for (const headers of [{}, { authorization: 'Basic am9objpzZWNyZXQ=' }] as Record<string, string>[]) {
        const res = await ex.call('GET', '/users/me', { headers });
        expect(res.status).toBe(401);
        expect(res.json()).toEqual({ detail: 'Not authenticated' });
        expect(res.all('www-authenticate')).toEqual(['Bearer']);
      }
    });

    test('a forged, foreign, expired or malformed token: 401 invalid_token', async () => {
      const expired = await signAccessToken(ex.jwtSecret, { username: 'johndoe', scopes: ['me', 'items'] }, -60);
      const foreign = await signAccessToken('not-the-server-secret-not-the-server', { username: 'johndoe', scopes: ['me'] }, 600);
      const ghost = await signAccessToken(ex.jwtSecret, { username: 'ghost', scopes: ['me'] }, 600);
      for (const token of [expired, foreign, ghost, 'garbage', `${john}x`]) {
        const res = await ex.call('GET', '/users/me', { bearer: token });
        expect(res.status, token).toBe(401);
        expect(res.all('www-authenticate')).toHaveLength(1);
        expect(res.all('www-authenticate')[0]).toMatch(/^Bearer error="invalid_token"/);
        expect(res.text).not.toContain(token);
      }
    });

    test('a valid token lacking a scope: 403 insufficient_scope naming the required scopes', async () => {
      const onlyMe = await ex.token('johndoe', 'secret', 'me');
      const res = await ex.call('GET', '/users/me/items', { bearer: onlyMe });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({ detail: 'Not enough permissions' });
      expect(res.all('www-authenticate')).toEqual(['Bearer error="insufficient_scope", scope="items me"']);

      const onlyItems = await ex.token('johndoe', 'secret', 'items');
      const me = await ex.call('GET', '/users/me', { bearer: onlyItems });
      expect(me.status).toBe(403);
      expect(me.all('www-authenticate')).toEqual(['Bearer error="insufficient_scope", scope="me"']);
      // `items` alone is enough to add an item
      const created = await ex.call('POST', '/users/me/items', { bearer: onlyItems, json: { title: `items-only ${framework}` } });
      expect(created.status).toBe(201);
    });

    test('alice holds `me` only', async () => {
      const alice = await ex.token('alice', 'wonderland');
      expect((await ex.call('GET', '/users/me', { bearer: alice })).json()).toEqual({ username: 'alice', full_name: 'Alice Liddell', scopes: ['me'] });
      expect((await ex.call('GET', '/users/me/items', { bearer: alice })).status).toBe(403);
      expect((await ex.call('POST', '/users/me/items', { bearer: alice, json: { title: 'x' } })).status).toBe(403);
    });
  });

  describe('items and the transaction', () => {
    test('POST stores the item (201) and GET lists it', async () => {
      const res = await ex.call('POST', '/users/me/items', { bearer: john, json: { title: 'Buy milk' } });
      expect(res.status).toBe(201);
      const item = res.json();
      expect(item).toEqual({ id: expect.any(Number), title: 'Buy milk', done: false, created_at: expect.any(String) });
      const done = await ex.call('POST', '/users/me/items', { bearer: john, json: { title: 'Walk the dog', done: true } });
      expect(done.json()).toMatchObject({ title: 'Walk the dog', done: true });
      const list = await ex.call('GET', '/users/me/items', { bearer: john });
      expect(list.status).toBe(200);
      expect(list.json().map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['Buy milk', 'Walk the dog']));
      expect(list.json().find((i: { id: number }) => i.id === item.id)).toEqual(item);
    });

    test('a title the user already has: 409 from the UNIQUE constraint, nothing stored', async () => {
      const title = `Unique ${framework}`;
      expect((await ex.call('POST', '/users/me/items', { bearer: john, json: { title } })).status).toBe(201);
      const audit = rows('SELECT COUNT(*) AS n FROM activity')[0].n;
      const items = rows('SELECT COUNT(*) AS n FROM items')[0].n;

      const res = await ex.call('POST', '/users/me/items', { bearer: john, json: { title, done: true } });
      expect(res.status).toBe(409);
      expect(res.json()).toEqual({ detail: 'You already have an item with this title' });
      expect(rows('SELECT COUNT(*) AS n FROM items')[0].n).toBe(items);
      expect(rows('SELECT COUNT(*) AS n FROM activity')[0].n).toBe(audit); // the audit line written first was rolled back
      expect(rows('SELECT done FROM items WHERE title = ?', title)).toEqual([{ done: 0 }]);

      // the writer is free again
      expect((await ex.call('POST', '/users/me/items', { bearer: john, json: { title: `${title} 2` } })).status).toBe(201);
    });

    test('invalid bodies: 422 and nothing stored', async () => {
      const before = rows('SELECT COUNT(*) AS n FROM items')[0].n;
      for (const json of [{}, { title: '' }, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 'ok', done: 'yes' }, { title: 42 }, []]) {
        const res = await ex.call('POST', '/users/me/items', { bearer: john, json });
        expect(res.status, JSON.stringify(json)).toBe(422);
        expect(res.json().detail[0].loc[0]).toBe('body');
      }
      const broken = await ex.call('POST', '/users/me/items', { bearer: john, headers: { 'content-type': 'application/json' }, json: undefined });
      expect(broken.status).toBe(422);
      expect(rows('SELECT COUNT(*) AS n FROM items')[0].n).toBe(before);
    });

    test('200 characters is the longest title', async () => {
      const res = await ex.call('POST', '/users/me/items', { bearer: john, json: { title: 'y'.repeat(200) } });
      expect(res.status).toBe(201);
    });

    test('concurrent writers each get their own transaction', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => ex.call('POST', '/users/me/items', { bearer: john, json: { title: `parallel ${i % 6}` } })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(6).fill(201), ...Array(6).fill(409)]);
      expect(rows("SELECT COUNT(*) AS n FROM items WHERE title LIKE 'parallel %'")[0].n).toBe(6);
    });
  });

  describe('overrides in a test', () => {
    test('replacing the current user needs no token, and the document does not change', async () => {
      const before = (await ex.call('GET', '/openapi.json')).json();
      const fake = { id: 999, username: 'test-user', fullName: 'Test User', scopes: ['me'] };
      const override = ex.app.overrides.use(ex.api.dependencies.currentUser, () => fake);
      try {
        const res = await ex.call('GET', '/users/me');
        expect(res.status).toBe(200);
        expect(res.json()).toEqual({ username: 'test-user', full_name: 'Test User', scopes: ['me'] });
        expect((await ex.call('GET', '/openapi.json')).json()).toEqual(before);
      } finally {
        override.dispose();
      }
      expect((await ex.call('GET', '/users/me')).status).toBe(401);
    });
  });

  describe('/v1 (API key router)', () => {
    test('GET /v1/health with the key: "Ok"', async () => {
      const res = await ex.call('GET', '/v1/health', { headers: { 'X-API-Key': 'demo-api-key' } });
      expect(res.status).toBe(200);
      expect(res.json()).toBe('Ok');
    });

    test('without the key: 401 with the APIKey challenge; a wrong key: 401', async () => {
      const missing = await ex.call('GET', '/v1/health');
      expect(missing.status).toBe(401);
      expect(missing.json()).toEqual({ detail: 'Not authenticated' });
      expect(missing.all('www-authenticate')).toEqual(['APIKey']);
      const wrong = await ex.call('GET', '/v1/health', { headers: { 'x-api-key': 'demo-api-key-2' } });
      expect(wrong.status).toBe(401);
      expect(wrong.json()).toEqual({ detail: 'Invalid API key' });
      expect(wrong.all('www-authenticate')).toEqual(['APIKey']);
      // a bearer token is not an API key
      expect((await ex.call('GET', '/v1/health', { bearer: john })).status).toBe(401);
    });
  });

  describe('/admin (HTTP Basic, realm admin)', () => {
    test('GET /admin/stats with the admin credentials: the counts', async () => {
      const res = await ex.call('GET', '/admin/stats', { basic: ['admin', 'admin-password'] });
      expect(res.status).toBe(200);
      const items = rows('SELECT COUNT(*) AS n FROM items')[0].n;
      expect(res.json()).toEqual({ users: 2, items });
    });

    test('missing, malformed or wrong credentials: 401 with Basic realm="admin"', async () => {
      const cases: Record<string, string>[] = [{}, { authorization: 'Basic !!!' }, { authorization: 'Basic YWRtaW4=' }];
      for (const headers of cases) {
        const res = await ex.call('GET', '/admin/stats', { headers });
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(res.all('www-authenticate')).toEqual(['Basic realm="admin"']);
      }
      for (const basic of [
        ['admin', 'wrong'],
        ['johndoe', 'secret'],
        ['admin', 'admin-password\0'], // scrypt would hash it as 'admin-password' (issue 10)
      ] as [string, string][]) {
        const res = await ex.call('GET', '/admin/stats', { basic });
        expect(res.status).toBe(401);
        expect(res.json()).toEqual({ detail: 'Incorrect username or password' });
        expect(res.all('www-authenticate')).toEqual(['Basic realm="admin"']);
      }
    });
  });

  describe('failed logins are throttled, never locked out (issues 10, 21)', () => {
    // A server of its own: these tests use up the limits on purpose. Each
    // 127.x address is a client of its own (all are this machine's loopback).
    const A = '127.0.0.2';
    const B = '127.0.0.3';
    let limited: Example;
    beforeAll(async () => {
      limited = await startExample(framework);
    });
    afterAll(() => limited?.close());
    const login = async (from: string, username: string, password: string) => {
      const started = performance.now();
      const res = await limited.call('POST', '/token', { from, form: { grant_type: 'password', username, password } });
      return { ...res, ms: performance.now() - started };
    };
    const expect429 = (res: Awaited<ReturnType<typeof login>>, window = 900) => {
      expect(res.status, res.text).toBe(429);
      expect(res.json()).toEqual({ detail: 'Too many requests, try again later' });
      const wait = Number(res.headers['retry-after']);
      expect(wait).toBeGreaterThan(window - 60);
      expect(wait).toBeLessThanOrEqual(window);
      expect(res.headers['ratelimit-limit']).toBeDefined();
    };

    test('POST /token: 5 failures for alice from A refuse A (429, even with the right password, in any casing); alice from B logs in, held about 1 s', async () => {
      for (let i = 0; i < 5; i++) expect((await login(A, 'alice', `wrong-${i}`)).status).toBe(400);
      expect429(await login(A, 'alice', 'wonderland'));
      expect429(await login(A, ' ALICE ', 'wonderland')); // one user name, however it is typed
      const fromB = await login(B, 'alice', 'wonderland');
      expect(fromB.status, fromB.text).toBe(200); // was 429 for 15 minutes: anyone could lock alice out
      expect(fromB.ms).toBeGreaterThanOrEqual(995); // slowed: the user name was failed 5 times…
      expect(fromB.ms).toBeLessThan(20_000); // …boundedly (1 s here, 8 s at most), not locked out
      expect((await login(A, 'johndoe', 'secret')).status).toBe(200); // A may still log in as others
    });

    test('POST /token: a successful login clears its pair’s failures', async () => {
      const C = '127.0.0.4';
      for (let i = 0; i < 4; i++) expect((await login(C, 'johndoe', 'wrong')).status).toBe(400);
      expect((await login(C, 'johndoe', 'secret')).status).toBe(200);
      expect((await login(C, 'johndoe', 'wrong')).status).toBe(400); // the pair's 1st failure since, johndoe's 5th
      expect((await login(C, 'johndoe', 'secret')).status).toBe(200); // not 429 (held a second: the user name's count stands)
    });

    test('POST /token: 20 failures from one client address (any user names), then every login from it is refused', async () => {
      const D = '127.0.0.5';
      for (let i = 0; i < 20; i++) expect((await login(D, `nobody-${i}`, 'x')).status).toBe(400);
      expect429(await login(D, 'alice', 'wonderland'));
      expect((await login('127.0.0.6', 'bob', 'x')).status).toBe(400); // another address is not affected
    });

    test('GET /admin/stats: 5 failed Basic logins for admin from A refuse A; admin from B gets in', async () => {
      for (let i = 0; i < 5; i++) expect((await limited.call('GET', '/admin/stats', { from: A, basic: ['admin', `wrong-${i}`] })).status).toBe(401);
      const refused = await limited.call('GET', '/admin/stats', { from: A, basic: ['admin', 'admin-password'] });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(840);
      expect((await limited.call('GET', '/admin/stats', { from: B, basic: ['admin', 'admin-password'] })).status).toBe(200);
    });

    test('documented: 429 with Retry-After on POST /token and GET /admin/stats, and the policy in the descriptions', async () => {
      const doc = (await limited.call('GET', '/openapi.json')).json();
      for (const [path, method] of [['/token', 'post'], ['/admin/stats', 'get']]) {
        expect(doc.paths[path][method].responses['429'].headers['Retry-After']).toMatchObject({ required: true });
        expect(doc.paths[path][method].description).toMatch(/slowed/);
      }
    });
  });
});
