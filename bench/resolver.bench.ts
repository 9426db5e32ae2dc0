/**
 * Resolver benchmark (issues 2, 14, 23): one route of six dependencies — a
 * header credential, a sync user lookup, a zod-validated query, an async
 * service, one dependency shared by two others, and one teardown generator —
 * served through the core, against a hand-written function doing the same
 * work, in the same run; an all-sync variant, which resolves without a
 * single promise; and the HTTP bench's routes (`GET /me` and its refusals).
 *
 * Each route's plan runs as its generated function (issue 23); the same
 * module then runs again in a child process under
 * `--disallow-code-generation-from-strings` (as on Cloudflare Workers),
 * where the interpreter runs every plan: both modes, each against
 * hand-written code in its own run. Ratios are the median of per-round
 * paired ratios (seven alternating rounds), the rounds listed.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { z } from 'zod';
import { DependsApp, HTTPException, depends, header, httpBearer, invalidToken, query, refuse, security, withScopes, type RequestView } from '@depends/core';
import { createRequestView, type MaybePromise, type Outcome } from '@depends/core/adapter';
import type { BenchResult } from './run.js';

const users = new Map([['token-1', { id: 1, name: 'john' }]]);
const Limit = z.number().int().min(1).max(100).default(20);

// --- declared with depends ---------------------------------------------------
// A plain header (a credential in `Authorization` must be declared as a security scheme: refused at startup).
const credential = header('x-token');
const currentUser = depends({ credential }, ({ credential }) => {
  if (!credential.startsWith('Bearer ')) throw new HTTPException(401, 'Not authenticated', { 'www-authenticate': 'Bearer' });
  const user = users.get(credential.slice(7));
  if (!user) throw new HTTPException(401, 'Not authenticated', { 'www-authenticate': 'Bearer error="invalid_token"' });
  return user;
});
const limit = query('limit', Limit);
const service = depends(async () => ({ list: (n: number) => n }));
const settings = depends(() => ({ prefix: 'item-' }));
const titles = depends({ settings, user: currentUser }, ({ settings, user }) => `${settings.prefix}${user.name}`);
const footer = depends({ settings }, ({ settings }) => settings.prefix.length);
const tx = depends(async function* transaction() {
  const state = { open: true };
  try {
    yield state;
  } finally {
    state.open = false;
  }
});

const app = new DependsApp({ onError: () => {} });
const route = app.route('GET', '/items', { user: currentUser, limit, service, titles, footer, tx }, ({ user, limit, service, titles, footer, tx }) => ({
  user: user.name,
  n: service.list(limit),
  titles,
  footer,
  open: tx.open,
}));

const syncRoute = app.route('GET', '/sync', { user: currentUser, limit, titles, footer }, ({ user, limit, titles, footer }) => ({
  user: user.name,
  limit,
  titles,
  footer,
}));

// --- hand-written --------------------------------------------------------------
function coerceNumber(raw: string | undefined): unknown {
  return raw !== undefined && /^\s*[+-]?\d+(\.\d*)?\s*$/.test(raw) ? Number(raw) : raw;
}
const handService = async () => ({ list: (n: number) => n });

type Answer = { status: number; body: string };

/** The checks every hand-written variant does first: the bearer credential, the user, the query. */
function checkRequest(req: ReturnType<typeof createRequestView>): Answer | { user: { id: number; name: string }; limit: number } {
  const credential = req.header('x-token');
  if (!credential || !credential.startsWith('Bearer ')) return { status: 401, body: '{"detail":"Not authenticated"}' };
  const user = users.get(credential.slice(7));
  if (!user) return { status: 401, body: '{"detail":"Not authenticated"}' };
  const parsed = Limit.safeParse(coerceNumber(req.query('limit')));
  if (!parsed.success) return { status: 422, body: JSON.stringify({ detail: parsed.error.issues }) };
  return { user, limit: parsed.data };
}

async function handWritten(req: ReturnType<typeof createRequestView>): Promise<{ status: number; body: string }> {
  const checked = checkRequest(req);
  if ('status' in checked) return checked;
  const { user, limit } = checked;
  const svc = await handService();
  const settings = { prefix: 'item-' };
  const titles = `${settings.prefix}${user.name}`;
  const footer = settings.prefix.length;
  const state = { open: true };
  try {
    return { status: 200, body: JSON.stringify({ user: user.name, n: svc.list(limit), titles, footer, open: state.open }) };
  } finally {
    state.open = false;
  }
}

async function* handTransaction() {
  const state = { open: true };
  try {
    yield state;
  } finally {
    state.open = false;
  }
}

/** The same work with the transaction written as an async generator too (its own next/return round trips). */
async function handWrittenGenerator(req: ReturnType<typeof createRequestView>): Promise<{ status: number; body: string }> {
  const checked = checkRequest(req);
  if ('status' in checked) return checked;
  const { user, limit } = checked;
  const svc = await handService();
  const settings = { prefix: 'item-' };
  const tx = handTransaction();
  const state = (await tx.next()).value as { open: boolean };
  try {
    return {
      status: 200,
      body: JSON.stringify({ user: user.name, n: svc.list(limit), titles: `${settings.prefix}${user.name}`, footer: settings.prefix.length, open: state.open }),
    };
  } finally {
    await tx.return(undefined);
  }
}

function handWrittenSync(req: ReturnType<typeof createRequestView>): { status: number; body: string } {
  const checked = checkRequest(req);
  if ('status' in checked) return checked;
  const { user, limit } = checked;
  const settings = { prefix: 'item-' };
  return { status: 200, body: JSON.stringify({ user: user.name, limit, titles: `${settings.prefix}${user.name}`, footer: settings.prefix.length }) };
}

const view = () => createRequestView({ method: 'GET', url: '/items?limit=5', headers: { 'x-token': 'Bearer token-1', host: 'x' } });

async function viaDepends(r: typeof route): Promise<void> {
  const outcome = await app.handle(r, view());
  if (outcome.answer.status !== 200) throw new Error(String(outcome.answer.body));
  await outcome.finish();
}

/** Set in the child process that measures the interpreter. */
const CHILD = 'DEPENDS_RESOLVER_BENCH_INTERPRETED';
const interpreted = process.env[CHILD] === '1';
const MODE = interpreted ? 'interpreter (no code generation)' : 'generated plans';

export async function run(): Promise<BenchResult[]> {
  const here = [await accepted(), await refused()];
  if (interpreted) return here;
  // The same module under --disallow-code-generation-from-strings: every plan interpreted.
  const child = spawnSync(process.execPath, [...process.execArgv, '--disallow-code-generation-from-strings', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [CHILD]: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULTS '));
  if (child.status !== 0 || line === undefined) throw new Error(`the interpreter's run failed (${child.status}): ${child.stderr}`);
  return [...here, ...(JSON.parse(line.slice('RESULTS '.length)) as BenchResult[])];
}


/**
 * The accepted-route cases, by name: the six-dependency route and the
 * all-sync one, through depends and hand-written (also read by
 * `resolver-instructions.bench.ts`).
 */
export function acceptedCases(): [string, () => unknown][] {
  return [
    ['depends: 6 dependencies (async service + teardown)', () => viaDepends(route)],
    [
      'hand-written: same work',
      async () => {
        const r = await handWritten(view());
        if (r.status !== 200) throw new Error(r.body);
      },
    ],
    [
      'hand-written, transaction as an async generator',
      async () => {
        const r = await handWrittenGenerator(view());
        if (r.status !== 200) throw new Error(r.body);
      },
    ],
    [
      'depends: all-sync route',
      () => {
        const o = app.handle(syncRoute, view()) as Outcome;
        if (o.answer.status !== 200) throw new Error('status');
      },
    ],
    [
      'hand-written: all-sync',
      () => {
        if (handWrittenSync(view()).status !== 200) throw new Error('status');
      },
    ],
  ];
}

async function accepted(): Promise<BenchResult> {
  // sanity: both give the same body
  const a = await app.handle(route, view());
  const b = await handWritten(view());
  if (a.answer.body !== b.body) throw new Error(`bodies differ: ${String(a.answer.body)} vs ${b.body}`);
  const syncOutcome: MaybePromise<Outcome> = app.handle(syncRoute, view());
  const syncIsPromise = syncOutcome instanceof Promise;
  await syncOutcome;

  // Alternating rounds; each µs figure is the median over rounds of the median
  // time per operation, each ratio the median of the per-round ratios, so a
  // busy neighbour does not decide it.
  const cases = acceptedCases();
  const us = await rounds(cases, 300, 100);
  const SIX = 'depends: 6 dependencies (async service + teardown)';
  const SYNC = 'depends: all-sync route';
  const rows = cases.map(([name]) => ({ case: name, 'µs/op (median)': +us.median(name).toFixed(2), 'ops/s': Math.round(1e6 / us.median(name)) }));
  const paired = (a: string, b: string) => {
    const ratios = us.perRound(a, b);
    return `${median(ratios).toFixed(2)}x [${ratios.map((r) => r.toFixed(2)).join(' ')}]`;
  };
  const six = median(us.perRound(SIX, 'hand-written: same work'));
  const sync = median(us.perRound(SYNC, 'hand-written: all-sync'));
  return {
    title: `Resolver, ${MODE}: one route of 6 dependencies vs hand-written (same run)`,
    rows,
    notes: [
      `6 dependencies, depends / hand-written (median of per-round ratios [rounds]): ${paired(SIX, 'hand-written: same work')} (target <= 1.2x: ${six <= 1.2 ? 'met' : 'NOT met'})`,
      `same route, depends / hand-written with the transaction as an async generator: ${paired(SIX, 'hand-written, transaction as an async generator')}`,
      `all-sync route, depends / hand-written: ${paired(SYNC, 'hand-written: all-sync')} (target <= 1.2x: ${sync <= 1.2 ? 'met' : 'NOT met'})`,
      `all-sync route answered without a promise: ${!syncIsPromise}`,
      `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    ],
  };
}

// --- refused requests (issue 14) ------------------------------------------------
// The HTTP bench's routes, in process: `httpBearer()` and a user lookup that
// throws `invalidToken()` (or returns `refuse(invalidToken())`), scopes through `withScopes`, a validated query;
// against hand-written code giving the same answers without throwing.

interface BenchUser {
  id: number;
  username: string;
}
const benchUsers = new Map<string, BenchUser>([['token-1', { id: 1, username: 'johndoe' }]]);
const grantedScopes = new Map<number, readonly string[]>([[1, ['me']]]);
const IntLimit = z.number().int().min(1).max(100);

const bearer = httpBearer();
const benchUser = depends({ auth: bearer }, ({ auth }) => {
  const user = benchUsers.get(auth.credentials);
  if (!user) throw invalidToken();
  return user;
});
/** The same lookup refusing with `refuse()` rather than a throw. */
const benchUserRefusing = depends({ auth: bearer }, ({ auth }) => benchUsers.get(auth.credentials) ?? refuse(invalidToken()));
const refusing = new DependsApp({ onError: () => {} });
const me = refusing.route('GET', '/me', { user: benchUser }, ({ user }) => user);
const whoami = refusing.route('GET', '/whoami', { user: benchUserRefusing }, ({ user }) => user);
const admin = refusing.route('GET', '/admin', { user: security(withScopes(benchUser, (u) => grantedScopes.get(u.id)), { scopes: ['admin'] }) }, ({ user }) => user);
const items = refusing.route('GET', '/items', { user: benchUser, limit: query('limit', IntLimit) }, ({ user, limit }) => ({ user: user.username, limit }));

type Plain = { status: number; headers: [string, string][]; body: string };
const JSON_TYPE: [string, string] = ['content-type', 'application/json'];
const refusal = (status: number, detail: unknown, challenge?: string): Plain => ({
  status,
  headers: challenge ? [['www-authenticate', challenge], ['cache-control', 'no-store'], JSON_TYPE] : [JSON_TYPE],
  body: JSON.stringify({ detail }),
});
const INT_PARSING = 'Input should be a valid integer, unable to parse string as an integer';

/** Hand-written: the same answers, written as a middleware would, without throwing. */
function handRoute(path: string, req: RequestView): Plain {
  const authorization = req.header('authorization');
  const space = authorization?.indexOf(' ') ?? -1;
  if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return refusal(401, 'Not authenticated', 'Bearer');
  const user = benchUsers.get(authorization.slice(space + 1).trim());
  if (!user) return refusal(401, 'Could not validate credentials', 'Bearer error="invalid_token"');
  if (path === '/admin') {
    if (!grantedScopes.get(user.id)?.includes('admin')) return refusal(403, 'Not enough permissions', 'Bearer error="insufficient_scope", scope="admin"');
    return { status: 200, headers: [JSON_TYPE], body: JSON.stringify(user) };
  }
  if (path === '/items') {
    const raw = req.query('limit');
    if (typeof raw === 'string' && !/^\s*[+-]?\d+\s*$/.test(raw)) return refusal(422, [{ type: 'int_parsing', loc: ['query', 'limit'], msg: INT_PARSING, input: raw }]);
    const r = IntLimit.safeParse(raw === undefined ? raw : Number(raw), { reportInput: true });
    if (!r.success) return refusal(422, r.error.issues.map((i) => ({ type: i.code, loc: ['query', 'limit', ...i.path], msg: i.message, input: i.input ?? null })));
    return { status: 200, headers: [JSON_TYPE], body: JSON.stringify({ user: user.username, limit: r.data }) };
  }
  return { status: 200, headers: [JSON_TYPE], body: JSON.stringify(user) };
}

const SCENARIOS = [
  { label: '200 accepted', route: me, path: '/me', authorization: 'Bearer token-1', status: 200 },
  { label: '401 missing credential', route: me, path: '/me', authorization: undefined, status: 401 },
  { label: '401 unknown token (invalidToken())', route: me, path: '/me', authorization: 'Bearer nope', status: 401 },
  { label: '401 unknown token (refuse(invalidToken()))', route: whoami, path: '/whoami', authorization: 'Bearer nope', status: 401 },
  { label: '403 missing scope', route: admin, path: '/admin', authorization: 'Bearer token-1', status: 403 },
  { label: '422 invalid query', route: items, path: '/items?limit=abc', authorization: 'Bearer token-1', status: 422 },
] as const;

/**
 * The HTTP bench's routes in process, by name: each scenario through
 * depends and hand-written, after checking that both give the same answer
 * (also read by `resolver-instructions.bench.ts`).
 */
export function refusedCases(): [string, () => unknown][] {
  const viewOf = (path: string, authorization: string | undefined) => () =>
    createRequestView({ method: 'GET', url: path, headers: authorization ? { authorization, host: 'x' } : { host: 'x' } });
  const cases: [string, () => unknown][] = [];
  for (const s of SCENARIOS) {
    const view = viewOf(s.path, s.authorization);
    const path = s.path.split('?')[0];
    // sanity: the same answer (status, header lines, bytes) both ways
    const d = (refusing.handle(s.route, view()) as Outcome).answer;
    const h = handRoute(path, view());
    if (d.status !== s.status || JSON.stringify([d.status, d.headers, d.body]) !== JSON.stringify([h.status, h.headers, h.body]))
      throw new Error(`${s.label}: answers differ: ${JSON.stringify(d)} vs ${JSON.stringify(h)}`);
    cases.push([`depends: ${s.label}`, () => (refusing.handle(s.route, view()) as Outcome).answer.status]);
    cases.push([`hand-written: ${s.label}`, () => handRoute(path, view()).status]);
  }
  return cases;
}

async function refused(): Promise<BenchResult> {
  const cases = refusedCases();
  const us = await rounds(cases, 200, 50);
  const rows = SCENARIOS.map((s) => {
    const ratios = us.perRound(`depends: ${s.label}`, `hand-written: ${s.label}`);
    return {
      scenario: s.label,
      'depends µs': +us.median(`depends: ${s.label}`).toFixed(2),
      'hand-written µs': +us.median(`hand-written: ${s.label}`).toFixed(2),
      'depends / hand-written (median of rounds)': +median(ratios).toFixed(2),
      rounds: ratios.map((r) => r.toFixed(2)).join(' '),
    };
  });
  const accepted = us.median(`depends: ${SCENARIOS[0].label}`);
  return {
    title: `Resolver, ${MODE}: the HTTP bench routes in process (GET /me and its refusals), depends vs hand-written that answers without throwing`,
    rows,
    notes: [
      ...SCENARIOS.slice(1).map((s) => `${s.label}: ${(us.median(`depends: ${s.label}`) / accepted).toFixed(2)}x the accepted request through depends`),
      `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    ],
  };
}

const median = (xs: readonly number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * Seven alternating rounds of every case (each round runs every case for
 * `time` ms after `warmupTime` ms): median µs per case, and per-round
 * ratios between two cases.
 */
async function rounds(cases: [string, () => unknown][], time: number, warmupTime: number): Promise<{ median(name: string): number; perRound(a: string, b: string): number[] }> {
  const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let round = 0; round < 7; round++) {
    const bench = new Bench({ time, warmupTime });
    for (const [name, fn] of cases) bench.add(name, fn);
    await bench.run();
    for (const t of bench.tasks) {
      const r = t.result as { latency: { p50?: number; mean: number } };
      samples.get(t.name)!.push((r.latency.p50 ?? r.latency.mean) * 1000);
    }
  }
  return {
    median: (name) => median(samples.get(name)!),
    perRound: (a, b) => samples.get(a)!.map((x, i) => x / samples.get(b)![i]),
  };
}

// The child process: run, and hand the results to the parent.
if (interpreted && process.argv[1] === fileURLToPath(import.meta.url)) {
  // eslint-disable-next-line no-new-func
  const generates = (() => { try { return new Function('return 1')() === 1; } catch { return false; } })();
  if (generates) throw new Error('the interpreter run must not be able to generate code');
  process.stdout.write(`RESULTS ${JSON.stringify(await run())}\n`);
}
