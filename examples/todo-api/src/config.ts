/**
 * Configuration from the environment: which framework serves the API, the
 * port, the SQLite file, and the JWT secret (generated on first start and
 * kept in a file beside the database when `JWT_SECRET` is not set).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The frameworks the example runs on. */
export const FRAMEWORKS = ['express', 'koa', 'hono', 'fastify'] as const;
/** One of {@link FRAMEWORKS}. */
export type Framework = (typeof FRAMEWORKS)[number];

/** The example's folder (`examples/todo-api`). */
export const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where the database lives when `DATABASE_PATH` is not set (the folder is git-ignored). */
export const DEFAULT_DATABASE_PATH = resolve(EXAMPLE_DIR, 'data', 'todo.sqlite');

/** The settings `main.ts` starts the server with. */
export interface Config {
  readonly framework: Framework;
  readonly port: number;
  readonly host: string;
  readonly databasePath: string;
  /** From `JWT_SECRET`; when absent the server reads or creates {@link secretFileFor}. */
  readonly jwtSecret: string | undefined;
}

/**
 * Reads the configuration from environment variables: `FRAMEWORK`
 * (`express` default, `koa`, `hono`), `PORT` (3000), `HOST` (127.0.0.1),
 * `DATABASE_PATH` (`examples/todo-api/data/todo.sqlite`), `JWT_SECRET`.
 * Throws a clear message for a value it cannot use.
 *
 * @example
 * ```ts
 * loadConfig({ FRAMEWORK: 'hono', PORT: '8080' }) // { framework: 'hono', port: 8080, host: '127.0.0.1', … }
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const framework = (env.FRAMEWORK || 'express').toLowerCase();
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new Error(`FRAMEWORK must be one of ${FRAMEWORKS.join(', ')} (got "${env.FRAMEWORK}")`);
  }
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    framework: framework as Framework,
    port,
    host: env.HOST || '127.0.0.1',
    databasePath: resolve(env.DATABASE_PATH || DEFAULT_DATABASE_PATH),
    jwtSecret: env.JWT_SECRET || undefined,
  };
}

/**
 * The file that keeps the generated JWT secret of a database.
 *
 * @example
 * ```ts
 * secretFileFor('/srv/todo.sqlite') // '/srv/todo.sqlite.jwt-secret'
 * ```
 */
export function secretFileFor(databasePath: string): string {
  return `${databasePath}.jwt-secret`;
}

/**
 * The JWT secret: the one given, else the one kept beside the database,
 * else a new random one written there (mode 0600) so that tokens survive a
 * restart.
 *
 * @example
 * ```ts
 * const secret = resolveJwtSecret('data/todo.sqlite', process.env.JWT_SECRET)
 * ```
 */
export function resolveJwtSecret(databasePath: string, given?: string): string {
  if (given) return given;
  const file = secretFileFor(databasePath);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // another process created it first: use theirs
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
