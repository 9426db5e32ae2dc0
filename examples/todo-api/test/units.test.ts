/**
 * The example's building blocks on their own: password hashing, tokens,
 * configuration, storage and the transaction dependency (through the
 * core's test client, no server).
 */
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { DependsApp, HTTPException, Router, body } from '@depends/core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DATABASE_PATH, EXAMPLE_DIR, loadConfig, resolveJwtSecret, secretFileFor } from '../src/config.js';
import { DEMO, TodoStore, hashApiKey, insertItem, recordActivity } from '../src/db.js';
import { hasControlCharacters, hashPassword, verifyNothing, verifyPassword } from '../src/passwords.js';
import { signAccessToken, verifyAccessToken } from '../src/tokens.js';
import { transaction, translateError } from '../src/transaction.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'todo-api-unit-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('passwords', () => {
  test('scrypt hash with a salt, verified in constant time', async () => {
    const a = await hashPassword('secret');
    const b = await hashPassword('secret');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b); // a fresh salt each time
    expect(a).not.toContain('secret');
    expect(await verifyPassword('secret', a)).toBe(true);
    expect(await verifyPassword('Secret', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  test('control characters are refused: scrypt would read "secret\\0" as "secret" (issue 10)', async () => {
    const stored = await hashPassword('secret');
    for (const bad of ['secret\0', 'secret\0\0', '\0secret', 'sec\nret', 'secret\x7f', 'secret\x85']) {
      expect(hasControlCharacters(bad)).toBe(true);
      expect(await verifyPassword(bad, stored), JSON.stringify(bad)).toBe(false);
      await expect(hashPassword(bad)).rejects.toThrow(/control characters/);
    }
    expect(hasControlCharacters('pässword with spaces')).toBe(false);
  });

  test('a malformed hash never matches', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$a$b$c$d$e')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$c2FsdA$')).toBe(false);
    expect(await verifyNothing('anything')).toBe(false);
  });
});

describe('tokens', () => {
  const secret = 'unit-test-secret-unit-test-secret';

  test('round trip: subject, scopes, expiry', async () => {
    const token = await signAccessToken(secret, { username: 'johndoe', scopes: ['me', 'items'] }, 60);
    const claims = await verifyAccessToken(secret, token);
    expect(claims).toMatchObject({ username: 'johndoe', scopes: ['me', 'items'] });
    expect(claims!.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  test('expired, foreign, tampered or malformed tokens are rejected', async () => {
    const expired = await signAccessToken(secret, { username: 'johndoe', scopes: [] }, -10);
    expect(await verifyAccessToken(secret, expired)).toBeUndefined();
    const foreign = await signAccessToken('another-secret-another-secret!!', { username: 'johndoe', scopes: ['me'] }, 60);
    expect(await verifyAccessToken(secret, foreign)).toBeUndefined();
    const good = await signAccessToken(secret, { username: 'alice', scopes: ['me'] }, 60);
    const [h, , s] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'alice', scope: 'me items', exp: 9999999999, iss: 'todo-api', aud: 'todo-api' })).toString('base64url');
    expect(await verifyAccessToken(secret, `${h}.${forged}.${s}`)).toBeUndefined();
    expect(await verifyAccessToken(secret, 'not-a-jwt')).toBeUndefined();
    expect(await verifyAccessToken(secret, '')).toBeUndefined();
    // alg "none" is never accepted
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forged}.`;
    expect(await verifyAccessToken(secret, none)).toBeUndefined();
  });
});

describe('config', () => {
  test('defaults', () => {
    const c = loadConfig({});
    expect(c).toEqual({ framework: 'express', port: 3000, host: '127.0.0.1', databasePath: DEFAULT_DATABASE_PATH, jwtSecret: undefined });
    expect(DEFAULT_DATABASE_PATH).toBe(join(EXAMPLE_DIR, 'data', 'todo.sqlite'));
  });

  test('from the environment', () => {
    const c = loadConfig({ FRAMEWORK: 'Hono', PORT: '8080', DATABASE_PATH: '/tmp/x.sqlite', JWT_SECRET: 's', HOST: '0.0.0.0' });
    expect(c).toEqual({ framework: 'hono', port: 8080, host: '0.0.0.0', databasePath: '/tmp/x.sqlite', jwtSecret: 's' });
  });

  test('clear errors for values it cannot use', () => {
    expect(() => loadConfig({ FRAMEWORK: 'flask' })).toThrow(/FRAMEWORK must be one of express, koa, hono, fastify/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  test('the JWT secret is generated once, kept beside the database (0600), and reused', () => {
    const db = join(tempDir(), 'nested', 'todo.sqlite');
    const first = resolveJwtSecret(db);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(existsSync(secretFileFor(db))).toBe(true);
    expect(statSync(secretFileFor(db)).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(db)).toBe(first);
    const given = 'a-given-secret-of-at-least-32-bytes!';
    expect(resolveJwtSecret(db, given)).toBe(given);
  });

  test('a JWT secret under 32 bytes is refused at startup, given or kept (issue 10)', () => {
    const db = join(tempDir(), 'todo.sqlite');
    expect(() => resolveJwtSecret(db, 'x')).toThrow(/JWT_SECRET is 1 bytes; an HS256 key needs at least 32/);
    expect(() => resolveJwtSecret(db, 'y'.repeat(31))).toThrow(/at least 32/);
    writeFileSync(secretFileFor(db), 'short\n', { mode: 0o600 });
    expect(() => resolveJwtSecret(db)).toThrow(/The JWT secret in .*todo\.sqlite\.jwt-secret is 5 bytes/);
  });

  test('a kept secret file that group or others may access is refused (issue 10)', () => {
    const db = join(tempDir(), 'todo.sqlite');
    const secret = resolveJwtSecret(db);
    for (const mode of [0o644, 0o660, 0o606, 0o640]) {
      chmodSync(secretFileFor(db), mode);
      expect(() => resolveJwtSecret(db), mode.toString(8)).toThrow(new RegExp(`readable or writable by other users \\(mode ${mode.toString(8)}\\)`));
    }
    chmodSync(secretFileFor(db), 0o400);
    expect(resolveJwtSecret(db)).toBe(secret);
  });

  test.runIf(typeof process.getuid === 'function' && process.getuid() === 0)('a kept secret file owned by another user is refused (issue 10)', () => {
    const db = join(tempDir(), 'todo.sqlite');
    resolveJwtSecret(db);
    chownSync(secretFileFor(db), 65534, 65534);
    expect(() => resolveJwtSecret(db)).toThrow(/belongs to user 65534, not to the user running the server \(0\)/);
  });
});

describe('storage', () => {
  let dir: string;
  let store: TodoStore;
  beforeAll(async () => {
    dir = tempDir();
    store = await TodoStore.open(join(dir, 'data', 'todo.sqlite'));
  });
  afterAll(() => store.close());

  test('seeds the demo accounts on first start, once', async () => {
    expect(store.findUser('johndoe')).toMatchObject({ username: 'johndoe', fullName: 'John Doe', scopes: ['me', 'items'] });
    expect(store.findUser('alice')).toMatchObject({ username: 'alice', scopes: ['me'] });
    expect(store.counts()).toEqual({ users: 2, items: 0 });
    const again = await TodoStore.open(store.path);
    expect(again.counts()).toEqual({ users: 2, items: 0 });
    again.close();
  });

  test('checks passwords, the API key and the admin', async () => {
    expect(await store.authenticate('johndoe', 'secret')).toMatchObject({ username: 'johndoe' });
    expect(await store.authenticate('johndoe', 'wrong')).toBeUndefined();
    expect(await store.authenticate('nobody', 'secret')).toBeUndefined();
    expect(store.isValidApiKey('demo-api-key')).toBe(true);
    expect(store.isValidApiKey('demo-api-key ')).toBe(false);
    expect(store.isValidApiKey('')).toBe(false);
    expect(await store.authenticateAdmin('admin', 'admin-password')).toBe(true);
    expect(await store.authenticateAdmin('admin', 'nope')).toBe(false);
    expect(await store.authenticateAdmin('root', 'admin-password')).toBe(false);
  });

  test('stores no secret in clear: scrypt hashes and a SHA-256 for the API key', () => {
    const db = new Database(store.path, { readonly: true });
    const users = db.prepare('SELECT username, password_hash FROM users').all() as { password_hash: string }[];
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$/);
    expect(db.prepare('SELECT key_hash FROM api_keys').pluck().all()).toEqual([hashApiKey(DEMO.apiKey.key)]);
    expect(hashApiKey('demo-api-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(db.prepare('SELECT password_hash FROM admins').pluck().all()).toEqual([expect.stringMatching(/^scrypt\$/)]);
    db.close();
    const bytes = readdirSync(join(dir, 'data'))
      .filter((f) => f.startsWith('todo.sqlite') && !f.endsWith('.jwt-secret'))
      .map((f) => readFileSync(join(dir, 'data', f)).toString('latin1'))
      .join('');
    for (const clear of ['secret', 'wonderland', 'demo-api-key', 'admin-password']) expect(bytes).not.toContain(clear);
  });
});

describe('transaction dependency', () => {
  let store: TodoStore;
  let app: DependsApp;
  let userId: number;
  const count = (sql: string) => (store.reader.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    store = await TodoStore.open(join(tempDir(), 'todo.sqlite'));
    userId = store.findUser('johndoe')!.id;
    const tx = transaction(store, { conflicts: { items: 'Title taken' } });
    const router = new Router();
    router.post(
      '/items',
      { tx, item: body(z.object({ title: z.string(), fail: z.boolean().optional() })) },
      ({ tx, item }) => {
        recordActivity(tx, userId, 'item.create', item.title);
        const stored = insertItem(tx, userId, item);
        if (item.fail) throw new Error('boom after the insert');
        return stored;
      },
      { status: 201 },
    );
    router.get('/peek', { tx }, ({ tx }) => (tx.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n);
    app = new DependsApp({ onError: () => {} });
    app.include(router);
  });
  afterAll(() => store.close());

  const post = (item: unknown) => app.request({ method: 'POST', url: '/items', headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(item) });

  test('commits before the answer', async () => {
    const res = await post({ title: 'one' });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ title: 'one', done: false });
    expect(count("SELECT COUNT(*) AS n FROM items WHERE title = 'one'")).toBe(1);
    expect(store.writer.inTransaction).toBe(false);
  });

  test('a UNIQUE violation rolls back everything the request wrote and answers 409', async () => {
    const before = count('SELECT COUNT(*) AS n FROM activity');
    const res = await post({ title: 'one' });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: 'Title taken' });
    expect(count('SELECT COUNT(*) AS n FROM activity')).toBe(before); // the audit line went too
    expect(count("SELECT COUNT(*) AS n FROM items WHERE title = 'one'")).toBe(1);
    expect(store.writer.inTransaction).toBe(false);
  });

  test('any other error rolls back and answers a bare 500', async () => {
    const res = await post({ title: 'two', fail: true });
    expect(res.status).toBe(500);
    expect(res.json()).toEqual({ detail: 'Internal Server Error' });
    expect(count("SELECT COUNT(*) AS n FROM items WHERE title = 'two'")).toBe(0);
  });

  test('transactions run one at a time on the writer', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ title: `parallel ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(count("SELECT COUNT(*) AS n FROM items WHERE title LIKE 'parallel %'")).toBe(20);
    expect((await app.request({ method: 'GET', url: '/peek' })).status).toBe(200);
  });

  test('translateError leaves other errors alone', () => {
    const e = new Error('x');
    expect(translateError(e)).toBe(e);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a UNIQUE); INSERT INTO t VALUES (1)');
    let caught: unknown;
    try {
      db.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      caught = error;
    }
    const translated = translateError(caught);
    expect(translated).toBeInstanceOf(HTTPException);
    expect((translated as HTTPException).status).toBe(409);
    db.close();
  });
});
