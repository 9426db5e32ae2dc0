/**
 * Test helpers: start the example on one framework with a fresh database in
 * a temporary folder, and talk to it over real HTTP (undici, 127.0.0.1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { Framework } from '../src/config.js';
import type { RunningServer } from '../src/servers/listen.js';
import type { StartOptions } from '../src/setup.js';

export { FRAMEWORKS } from '../src/config.js';

const starters: Record<Framework, () => Promise<{ start(options?: StartOptions): Promise<RunningServer> }>> = {
  express: () => import('../src/servers/express.js'),
  koa: () => import('../src/servers/koa.js'),
  hono: () => import('../src/servers/hono.js'),
  fastify: () => import('../src/servers/fastify.js'),
};

/** A running example with its own temporary database. */
export interface Example extends RunningServer {
  readonly framework: Framework;
  /** The temporary folder holding the database (removed by `close()`). */
  readonly dir: string;
  readonly databasePath: string;
  /** Sends a request to the example. */
  call(method: string, path: string, init?: CallInit): Promise<Res>;
  /** A token for a user from `POST /token` (throws unless 200). */
  token(username: string, password: string, scope?: string): Promise<string>;
}

/** What a test request may carry. */
export interface CallInit {
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  /** A bearer token for `Authorization`. */
  bearer?: string;
  /** Basic credentials for `Authorization`. */
  basic?: [string, string];
  /**
   * The local address to connect from (`127.0.0.2`, `127.0.0.3`…: every
   * 127.x address is this machine's loopback), so that the server sees
   * another client address. Default: the system's choice (`127.0.0.1`).
   */
  from?: string;
}

/** An answer, read whole. */
export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
  /** A header's values as a list (several `WWW-Authenticate` lines stay apart). */
  all(name: string): string[];
}

/**
 * Starts the example on a framework, port 0, fresh database file in a new
 * temporary folder (the JWT secret is generated beside it).
 *
 * @example
 * ```ts
 * const ex = await startExample('koa')
 * expect((await ex.call('GET', '/status')).status).toBe(200)
 * await ex.close()
 * ```
 */
export async function startExample(framework: Framework, options: StartOptions = {}): Promise<Example> {
  const dir = mkdtempSync(join(tmpdir(), `todo-api-${framework}-`));
  const databasePath = join(dir, 'todo.sqlite');
  const { start } = await starters[framework]();
  const server = await start({ port: 0, host: '127.0.0.1', databasePath, ...options });
  const call = (method: string, path: string, init: CallInit = {}) => send(server.url, method, path, init);
  return {
    ...server,
    framework,
    dir,
    databasePath,
    call,
    async token(username, password, scope) {
      const res = await call('POST', '/token', { form: { grant_type: 'password', username, password, ...(scope !== undefined ? { scope } : {}) } });
      if (res.status !== 200) throw new Error(`POST /token for ${username}: ${res.status} ${res.text}`);
      return res.json().access_token as string;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One connection pool per local address a test connects from. */
const agents = new Map<string, Agent>();
const agentFrom = (address: string): Agent => {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ localAddress: address })));
  return agent;
};

/**
 * Sends one request with undici and reads the whole answer.
 *
 * @example
 * ```ts
 * const res = await send('http://127.0.0.1:3000', 'GET', '/users/me', { bearer: token })
 * ```
 */
export async function send(base: string, method: string, path: string, init: CallInit = {}): Promise<Res> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.basic) headers.authorization = `Basic ${Buffer.from(init.basic.join(':'), 'utf8').toString('base64')}`;
  const res = await request(new URL(path, base), { method: method as 'GET', headers, body, ...(init.from ? { dispatcher: agentFrom(init.from) } : {}) });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    headers: res.headers,
    text,
    json: () => JSON.parse(text),
    all(name) {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
  };
}

/**
 * The payload of a JWT, decoded without verifying it (to look at claims).
 *
 * @example
 * ```ts
 * jwtPayload(token).scope // 'me items'
 * ```
 */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
