/**
 * The SQLite storage (libsql, better-sqlite3's API with prebuilt binaries): schema, first-start seeding of the
 * demo accounts, and the queries the routes run. Two connections to one
 * file in WAL mode: `reader` for reads (it only ever sees committed rows)
 * and `writer`, used one transaction at a time (see `transaction.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import { safeEqual } from '@depends/core';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js';

/** A SQLite connection (libsql, better-sqlite3's API). */
export type Connection = Database.Database;

/** A user as the API shows it. */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly fullName: string;
  /** Scopes the user holds (a token may carry fewer). */
  readonly scopes: readonly string[];
}

/** A to-do item as the API shows it. */
export interface Item {
  readonly id: number;
  readonly title: string;
  readonly done: boolean;
  readonly created_at: string;
}

/** The demo accounts created on first start (listed in the README). */
export const DEMO = {
  users: [
    { username: 'johndoe', password: 'secret', fullName: 'John Doe', scopes: ['me', 'items'] },
    { username: 'alice', password: 'wonderland', fullName: 'Alice Liddell', scopes: ['me'] },
  ],
  apiKey: { label: 'demo', key: 'demo-api-key' },
  admin: { username: 'admin', password: 'admin-password' },
} as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,
  full_name     TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,
  scopes        TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS items (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title      TEXT    NOT NULL,
  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at TEXT    NOT NULL,
  UNIQUE (user_id, title)
);
CREATE TABLE IF NOT EXISTS activity (
  id      INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  action  TEXT    NOT NULL,
  detail  TEXT    NOT NULL,
  at      TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  id       INTEGER PRIMARY KEY,
  label    TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS admins (
  username      TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL
);
`;

/**
 * The SHA-256 of an API key, hex: what the `api_keys` table stores.
 *
 * @example
 * ```ts
 * hashApiKey('demo-api-key') // '5d1b…' (64 hex digits)
 * ```
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

interface UserRow {
  id: number;
  username: string;
  full_name: string;
  password_hash: string;
  scopes: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  fullName: row.full_name,
  scopes: row.scopes.split(' ').filter(Boolean),
});

interface ItemRow {
  id: number;
  title: string;
  done: number;
  created_at: string;
}

const toItem = (row: ItemRow): Item => ({ id: row.id, title: row.title, done: row.done === 1, created_at: row.created_at });

function connect(path: string): Connection {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * The example's database: a reader and a writer connection to one SQLite
 * file, the schema created and the demo accounts seeded on first start.
 *
 * @example
 * ```ts
 * const store = await TodoStore.open('data/todo.sqlite')
 * store.findUser('johndoe')?.scopes // ['me', 'items']
 * store.close()
 * ```
 */
export class TodoStore {
  /** Read-only work: sees committed rows only. */
  readonly reader: Connection;
  /** Writes, one transaction at a time (`transaction.ts` holds the lock). */
  readonly writer: Connection;
  readonly path: string;
  #queue: Promise<void> = Promise.resolve();

  private constructor(path: string) {
    this.path = path;
    this.writer = connect(path);
    this.writer.exec(SCHEMA);
    this.reader = connect(path);
  }

  /**
   * Opens (creating the folder, the file and the schema if needed) and seeds
   * the demo accounts when the database has no user yet.
   *
   * @example
   * ```ts
   * const store = await TodoStore.open(join(tmpdir(), 'todo.sqlite'))
   * ```
   */
  static async open(path: string): Promise<TodoStore> {
    mkdirSync(dirname(path), { recursive: true });
    const store = new TodoStore(path);
    try {
      await store.#seed();
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  async #seed(): Promise<void> {
    const { n } = this.writer.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    if (n > 0) return;
    const users = await Promise.all(DEMO.users.map(async (u) => ({ ...u, hash: await hashPassword(u.password) })));
    const adminHash = await hashPassword(DEMO.admin.password);
    const seed = this.writer.transaction(() => {
      const addUser = this.writer.prepare(
        'INSERT OR IGNORE INTO users (username, full_name, password_hash, scopes) VALUES (?, ?, ?, ?)',
      );
      for (const u of users) addUser.run(u.username, u.fullName, u.hash, u.scopes.join(' '));
      this.writer
        .prepare('INSERT OR IGNORE INTO api_keys (label, key_hash) VALUES (?, ?)')
        .run(DEMO.apiKey.label, hashApiKey(DEMO.apiKey.key));
      this.writer.prepare('INSERT OR IGNORE INTO admins (username, password_hash) VALUES (?, ?)').run(DEMO.admin.username, adminHash);
    });
    seed.immediate();
  }

  /**
   * Runs `work` once every earlier holder of the writer has finished: the
   * lock that keeps one transaction at a time on the writer connection.
   * Resolves to a release function.
   *
   * @example
   * ```ts
   * const release = await store.lockWriter()
   * try { store.writer.exec('BEGIN IMMEDIATE'); ... } finally { release() }
   * ```
   */
  lockWriter(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#queue.then(() => release);
    this.#queue = this.#queue.then(() => held);
    return ready;
  }

  /**
   * The user with this name, or `undefined`.
   *
   * @example
   * ```ts
   * store.findUser('alice') // { id: 2, username: 'alice', fullName: 'Alice Liddell', scopes: ['me'] }
   * ```
   */
  findUser(username: string): User | undefined {
    const row = this.reader.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row && toUser(row);
  }

  /**
   * Checks a user name and password; `undefined` when either is wrong
   * (both cases take the same time).
   *
   * @example
   * ```ts
   * await store.authenticate('johndoe', 'secret') // the user
   * await store.authenticate('johndoe', 'nope')   // undefined
   * ```
   */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const row = this.reader.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    if (!row) return verifyNothing(password).then(() => undefined);
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
  }

  /**
   * Checks an admin's Basic credentials (user name and password both
   * checked; an unknown name takes as long as a wrong password).
   *
   * @example
   * ```ts
   * await store.authenticateAdmin('admin', 'admin-password') // true
   * ```
   */
  async authenticateAdmin(username: string, password: string): Promise<boolean> {
    const row = this.reader.prepare('SELECT password_hash FROM admins WHERE username = ?').get(username) as
      | { password_hash: string }
      | undefined;
    if (!row) return verifyNothing(password);
    return verifyPassword(password, row.password_hash);
  }

  /**
   * Whether an API key is one of the stored keys: its SHA-256 is compared
   * with every stored hash in constant time (no early exit, no index
   * lookup on the secret).
   *
   * @example
   * ```ts
   * store.isValidApiKey('demo-api-key') // true
   * ```
   */
  isValidApiKey(key: string): boolean {
    const presented = hashApiKey(key);
    const rows = this.reader.prepare('SELECT key_hash FROM api_keys').all() as { key_hash: string }[];
    let found = false;
    for (const row of rows) found = safeEqual(presented, row.key_hash) || found;
    return found;
  }

  /**
   * A user's items, oldest first.
   *
   * @example
   * ```ts
   * store.listItems(user.id) // [{ id: 1, title: 'Buy milk', done: false, created_at: '…' }]
   * ```
   */
  listItems(userId: number): Item[] {
    const rows = this.reader
      .prepare('SELECT id, title, done, created_at FROM items WHERE user_id = ? ORDER BY id')
      .all(userId) as ItemRow[];
    return rows.map(toItem);
  }

  /**
   * How many users and items there are (the admin statistics).
   *
   * @example
   * ```ts
   * store.counts() // { users: 2, items: 0 }
   * ```
   */
  counts(): { users: number; items: number } {
    const users = (this.reader.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    const items = (this.reader.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
    return { users, items };
  }

  /**
   * Closes both connections.
   *
   * @example
   * ```ts
   * store.close()
   * ```
   */
  close(): void {
    if (this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }
}

/**
 * Inserts an item for a user on a connection inside a transaction. A title
 * the user already has raises `SQLITE_CONSTRAINT_UNIQUE` (the transaction
 * dependency turns it into a 409).
 *
 * @example
 * ```ts
 * const item = insertItem(tx, user.id, { title: 'Buy milk' })
 * ```
 */
export function insertItem(db: Connection, userId: number, item: { title: string; done?: boolean | undefined }): Item {
  const row = db
    .prepare('INSERT INTO items (user_id, title, done, created_at) VALUES (?, ?, ?, ?) RETURNING id, title, done, created_at')
    .get(userId, item.title, item.done ? 1 : 0, new Date().toISOString()) as ItemRow;
  return toItem(row);
}

/**
 * Appends to the audit log in the same transaction as the change it
 * describes, so a rolled-back change leaves no audit line either.
 *
 * @example
 * ```ts
 * recordActivity(tx, user.id, 'item.create', 'Buy milk')
 * ```
 */
export function recordActivity(db: Connection, userId: number, action: string, detail: string): void {
  db.prepare('INSERT INTO activity (user_id, action, detail, at) VALUES (?, ?, ?, ?)').run(userId, action, detail, new Date().toISOString());
}
