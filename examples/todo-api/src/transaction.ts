/**
 * The transaction dependency: each request that writes gets the writer
 * connection inside `BEGIN IMMEDIATE … COMMIT`, opened before the handler
 * runs and committed before the answer is sent (teardown scope `function`,
 * so a failed commit still changes the answer). An error thrown in the
 * request is thrown into the generator: it rolls back and translates a
 * UNIQUE violation into a 409.
 */
import Database from 'libsql';
import { depends, HTTPException, type Dependency } from '@depends/core';
import type { Connection, TodoStore } from './db.js';

/** Messages for UNIQUE violations, by table; others get a generic 409. */
export interface TransactionOptions {
  conflicts?: Readonly<Record<string, string>>;
}

/**
 * Turns a database error into the HTTP error the client should see: a
 * UNIQUE violation becomes 409 with the table's message; anything else is
 * returned as it is (an unexpected error: the client gets a bare 500).
 *
 * @example
 * ```ts
 * translateError(uniqueViolationOnItems, { items: 'Title taken' }) // HTTPException 409 'Title taken'
 * ```
 */
export function translateError(error: unknown, conflicts: Readonly<Record<string, string>> = {}): unknown {
  if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    // "UNIQUE constraint failed: items.user_id, items.title"
    const table = /constraint failed: (\w+)\./.exec(error.message)?.[1];
    return new HTTPException(409, (table && conflicts[table]) || 'Conflict: this resource already exists');
  }
  return error;
}

/**
 * A dependency giving the handler the writer connection inside a
 * transaction, one writing request at a time. Commit on success; on any
 * error, rollback, and a UNIQUE violation answers 409. Nothing the request
 * wrote survives a failure.
 *
 * @example
 * ```ts
 * const tx = transaction(store, { conflicts: { items: 'You already have an item with this title' } })
 * router.post('/items', { tx, item: body(NewItem) }, ({ tx, item }) => insertItem(tx, userId, item), { status: 201 })
 * ```
 */
export function transaction(store: TodoStore, options: TransactionOptions = {}): Dependency<Connection> {
  const conflicts = options.conflicts ?? {};
  return depends(
    async function* transaction() {
      const release = await store.lockWriter();
      const db = store.writer;
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          yield db;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw translateError(error, conflicts);
        }
        try {
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw translateError(error, conflicts);
        }
      } finally {
        release();
      }
    },
    { name: 'transaction', scope: 'function' },
  );
}
