/**
 * Configuration from the environment: which framework serves the API, the
 * port, the SQLite file, and the JWT secret (generated on first start and
 * kept in a file beside the database when `JWT_SECRET` is not set).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** Shortest HS256 key accepted (bytes, RFC 7518 §3.2: at least the hash size). */
export const MIN_JWT_SECRET_BYTES = 32;

function checkLength(secret: string, where: string): string {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_JWT_SECRET_BYTES) {
    throw new Error(
      `${where} is ${bytes} bytes; an HS256 key needs at least ${MIN_JWT_SECRET_BYTES} random bytes (generate one with: node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))")`,
    );
  }
  return secret;
}

/**
 * Refuses a secret file that another local user could have written or can
 * read: it must belong to the user running the server and give no access to
 * group or others (mode 0600 or stricter).
 */
function checkOwnership(file: string): void {
  const stat = statSync(file);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && stat.uid !== uid) {
    throw new Error(`The JWT secret file ${file} belongs to user ${stat.uid}, not to the user running the server (${uid}): remove it or set JWT_SECRET`);
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new Error(`The JWT secret file ${file} is readable or writable by other users (mode ${(stat.mode & 0o777).toString(8)}): run chmod 600 on it, or remove it`);
  }
}

/**
 * The JWT secret: the one given, else the one kept beside the database,
 * else a new random one written there (mode 0600) so that tokens survive a
 * restart. Throws at startup for a secret under {@link MIN_JWT_SECRET_BYTES}
 * bytes, and for a kept file that is not the server user's own or that
 * group or others may access.
 *
 * @example
 * ```ts
 * const secret = resolveJwtSecret('data/todo.sqlite', process.env.JWT_SECRET)
 * ```
 */
export function resolveJwtSecret(databasePath: string, given?: string): string {
  if (given) return checkLength(given, 'JWT_SECRET');
  const file = secretFileFor(databasePath);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) {
      checkOwnership(file);
      return checkLength(kept, `The JWT secret in ${file}`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // another process created it first: use theirs, with the same checks
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      checkOwnership(file);
      return checkLength(readFileSync(file, 'utf8').trim(), `The JWT secret in ${file}`);
    }
    throw error;
  }
}
