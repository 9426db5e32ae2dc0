/**
 * What every server does before it wires a framework: read the settings
 * (explicit options first, then the environment), open and seed the
 * database, resolve the JWT secret, and declare the API.
 */
import { createTodoApi, type TodoApi } from './api.js';
import { loadConfig, resolveJwtSecret } from './config.js';
import { TodoStore } from './db.js';

/** Options of every server's `start()`; anything left out comes from the environment (see `config.ts`). */
export interface StartOptions {
  /** Port to listen on; `0` picks a free one (tests). */
  readonly port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string;
  /** The SQLite file (created and seeded on first start). */
  readonly databasePath?: string;
  /** HS256 key of the access tokens (default: generated and kept beside the database). */
  readonly jwtSecret?: string;
  /** Lifetime of an access token in seconds (default 1800). */
  readonly tokenTtlSeconds?: number;
}

/** Everything a server needs to wire its framework. */
export interface Prepared {
  readonly api: TodoApi;
  readonly store: TodoStore;
  readonly port: number;
  readonly host: string;
  readonly jwtSecret: string;
}

/**
 * Opens the database and declares the API for one server.
 *
 * @example
 * ```ts
 * const { api, store, port, host } = await prepare({ port: 0, databasePath: '/tmp/todo.sqlite' })
 * ```
 */
export async function prepare(options: StartOptions = {}): Promise<Prepared> {
  const config = loadConfig();
  const databasePath = options.databasePath ?? config.databasePath;
  const jwtSecret = resolveJwtSecret(databasePath, options.jwtSecret ?? config.jwtSecret);
  const store = await TodoStore.open(databasePath);
  const api = createTodoApi({ store, jwtSecret, ...(options.tokenTtlSeconds !== undefined ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}) });
  return { api, store, jwtSecret, port: options.port ?? config.port, host: options.host ?? config.host };
}
