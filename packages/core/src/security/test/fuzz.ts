/**
 * The property/fuzz suite over every credential reader (issue 10): Bearer,
 * Basic, Digest, API key in a header, a query and a cookie, and the
 * password form. Random and adversarial inputs — whitespace runs, control
 * bytes, NUL, lone surrogates, bytes that are not UTF-8, near-misses of the
 * right credential, repeated header lines, inputs of tens of KB — are served
 * through a real app (`app.request`), and each answer is checked against an
 * oracle written independently of the readers (Node's `Buffer` for base64,
 * regular expressions for Python's `strip`, `URLSearchParams` for forms):
 * never a throw, never a 5xx, never an unserialisable body, never a
 * credential accepted that is not exactly the right one.
 *
 * Used twice: a bounded run in the test suite (`fuzz.test.ts`) and a long
 * run of at least a million cases in `pnpm bench` (`bench/fuzz.bench.ts`).
 */
import fc from 'fast-check';
import { DependsApp } from '../../app/app.js';
import { HTTPException } from '../../errors/catalogue.js';
import type { RequestInit } from '../../request/view.js';
import { Router } from '../../router/router.js';
import { apiKeyCookie, apiKeyHeader, apiKeyQuery } from '../api-key.js';
import { safeEqual } from '../compare.js';
import { invalidToken } from '../errors.js';
import { httpBasic } from '../http-basic.js';
import { httpBearer, httpDigest } from '../http.js';
import { oauth2PasswordForm } from '../password-form.js';

/** The right credentials of the fuzzed app. */
export const SECRET = 'Zx9-secret_token.1';
export const BASIC_USER = 'admin';
export const BASIC_PASSWORD = 'pässword:1';
export const FORM_USER = 'johndoe';
export const FORM_PASSWORD = 'secret';

/** The app every case is served by: one route per reader, each comparing with the right credential. */
export function fuzzApp(onError: (error: unknown) => void): DependsApp {
  const api = new Router();
  const check = (ok: boolean) => {
    if (!ok) throw invalidToken();
    return 'ok';
  };
  api.get('/bearer', { auth: httpBearer() }, ({ auth }) => check(safeEqual(auth.credentials, SECRET)));
  api.get('/digest', { auth: httpDigest() }, ({ auth }) => check(safeEqual(auth.credentials, SECRET)));
  api.get('/basic', { who: httpBasic({ realm: 'fuzz' }) }, ({ who }) => check(safeEqual(who.username, BASIC_USER) && safeEqual(who.password, BASIC_PASSWORD)));
  api.get('/key/header', { key: apiKeyHeader({ name: 'X-API-Key' }) }, ({ key }) => check(safeEqual(key, SECRET)));
  api.get('/key/query', { key: apiKeyQuery({ name: 'api_key' }) }, ({ key }) => check(safeEqual(key, SECRET)));
  api.get('/key/cookie', { key: apiKeyCookie({ name: 'session' }) }, ({ key }) => check(safeEqual(key, SECRET)));
  api.post('/token', { form: oauth2PasswordForm }, ({ form }) => {
    if (!(safeEqual(form.username, FORM_USER) && safeEqual(form.password, FORM_PASSWORD))) throw new HTTPException(400, 'Incorrect username or password');
    return 'ok';
  });
  const app = new DependsApp({ onError });
  app.include(api);
  return app;
}

// ---------------------------------------------------------------- inputs ---

/** Characters that have broken parsers: Python and JavaScript whitespace, controls, NUL, separators, escapes, non-ASCII, a lone surrogate. */
const TRICKY = [' ', '  ', '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1f', '\x85', '\xa0', '\u2028', '\u3000', '\ufeff', '\0', '\x7f', '\x80', '\xff', '\ud800', '\udfff', 'é', '😀',
  '=', '==', ':', ';', ',', '"', '\\', '%', '%ff', '%00', '%2', '+', '&', '?', '/', '-', '_', '.', 'a', 'Z', '0', 'Bearer', 'Basic'];

const tricky = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 24 });
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), tricky);
/** A whitespace run of up to 20,000 characters between two words (the quadratic case of issue 10). */
const run = fc.tuple(fc.constantFrom(' ', '\t', ' \t', '\u3000', '\x1f'), fc.integer({ min: 1, max: 20_000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)));
/** The right value with something around it or in it. */
const nearMiss = (right: string) =>
  fc.oneof(
    fc.constant(right),
    fc.tuple(tricky, tricky).map(([a, b]) => `${a}${right}${b}`),
    fc.tuple(fc.nat({ max: right.length }), tricky).map(([i, t]) => `${right.slice(0, i)}${t}${right.slice(i)}`),
    fc.nat({ max: right.length - 1 }).map((i) => right.slice(0, i) + right.slice(i + 1)),
    fc.constantFrom(right.toUpperCase(), `${right}\0`, `${right}\0\0`, `\0${right}`, ` ${right} `, `${right}\n`),
  );
const value = (right: string) => fc.oneof({ weight: 4, arbitrary: nearMiss(right) }, { weight: 3, arbitrary: anyText }, { weight: 1, arbitrary: run.map((r) => `a${r}b`) });
const schemeWord = (name: string) =>
  fc.oneof(fc.constantFrom(name, name.toLowerCase(), name.toUpperCase(), `${name}\t`, `${name}:`, 'Bearer', 'Basic', 'Digest', ''), tricky);
/** One header line, or two (a repeated credential header must be a 400). */
const lines = <T>(one: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: one.map((v) => [v]) }, { weight: 1, arbitrary: fc.tuple(one, one).map(([a, b]) => [a, b]) });

// --------------------------------------------------------------- oracles ---

const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${PY_SPACE}]+`);
const SPACE = new RegExp(`^[${PY_SPACE}]$`);
/** Python's `str.strip()` by a character-class regular expression (not the helper under test). */
function referenceStrip(v: string): string {
  const lead = v.replace(LEADING, '');
  let end = lead.length;
  while (end > 0 && SPACE.test(lead[end - 1])) end--;
  return lead.slice(0, end);
}

/** `Authorization` read as FastAPI does: what comes after the first space, stripped, when the scheme matches. */
function authorizationCredentials(line: string, scheme: string): string | undefined {
  const space = line.indexOf(' ');
  if (space === -1 || line.slice(0, space).toLowerCase() !== scheme) return undefined;
  const credentials = referenceStrip(line.slice(space + 1));
  return credentials === '' ? undefined : credentials;
}

/** Strict Basic decoding by Node's Buffer: canonical padded base64, fatal UTF-8. */
function basicPair(token: string): [string, string] | undefined {
  if (token.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.toString('base64') !== token) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon === -1 ? undefined : [text.slice(0, colon), text.slice(colon + 1)];
}

/** A case: the request, and the statuses the oracle allows. */
export interface Case {
  readonly request: RequestInit;
  readonly allowed: readonly number[];
}

const header = (name: string, values: readonly string[]): [string, string][] => values.map((v) => [name, v]);

function authorizationCase(path: string, scheme: string, hs: readonly string[]): Case {
  if (hs.length > 1) return { request: { method: 'GET', url: path, headers: header('authorization', hs) }, allowed: [400] };
  const credentials = authorizationCredentials(hs[0], scheme);
  return { request: { method: 'GET', url: path, headers: header('authorization', hs) }, allowed: [credentials === SECRET ? 200 : 401] };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const RIGHT_BASIC = b64(`${BASIC_USER}:${BASIC_PASSWORD}`);
const basicToken = fc.oneof(
  value(RIGHT_BASIC),
  fc.tuple(value(BASIC_USER), value(BASIC_PASSWORD)).map(([u, p]) => b64(`${u}:${p}`)),
  fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64')), // bytes that are rarely UTF-8
  fc.constantFrom(RIGHT_BASIC.replace(/=+$/, ''), RIGHT_BASIC.replace(/\+/g, '-').replace(/\//g, '_'), `${RIGHT_BASIC}=`, ` ${RIGHT_BASIC}`),
);

/** One fuzzed reader: its name and the cases it is given. */
export interface Reader {
  readonly name: string;
  readonly cases: fc.Arbitrary<Case>;
}

/** Every credential reader with its case generator and oracle. */
export const READERS: readonly Reader[] = [
  {
    name: 'Bearer',
    cases: lines(fc.tuple(schemeWord('Bearer'), fc.constantFrom(' ', '  ', '\t', ''), value(SECRET)).map(([s, sep, v]) => `${s}${sep}${v}`)).map((hs) =>
      authorizationCase('/bearer', 'bearer', hs),
    ),
  },
  {
    name: 'Digest',
    cases: lines(fc.tuple(schemeWord('Digest'), fc.constantFrom(' ', '  ', '\t'), value(SECRET)).map(([s, sep, v]) => `${s}${sep}${v}`)).map((hs) =>
      authorizationCase('/digest', 'digest', hs),
    ),
  },
  {
    name: 'Basic',
    cases: lines(fc.tuple(schemeWord('Basic'), fc.constantFrom(' ', '  ', '\t'), basicToken).map(([s, sep, v]) => `${s}${sep}${v}`)).map((hs): Case => {
      const request = { method: 'GET', url: '/basic', headers: header('authorization', hs) };
      if (hs.length > 1) return { request, allowed: [400] };
      const space = hs[0].indexOf(' ');
      if (space === -1 || hs[0].slice(0, space).toLowerCase() !== 'basic') return { request, allowed: [401] };
      const token = referenceStrip(hs[0].slice(space + 1));
      const pair = token === '' ? undefined : basicPair(token);
      return { request, allowed: [pair && pair[0] === BASIC_USER && pair[1] === BASIC_PASSWORD ? 200 : 401] };
    }),
  },
  {
    name: 'API key (header)',
    cases: lines(value(SECRET)).map((hs): Case => {
      const request = { method: 'GET', url: '/key/header', headers: header('x-api-key', hs) };
      return { request, allowed: hs.length > 1 ? [400] : [hs[0] === SECRET ? 200 : 401] };
    }),
  },
  {
    name: 'API key (query)',
    cases: fc
      .tuple(fc.array(fc.tuple(fc.constantFrom('api_key', 'API_KEY', 'api%5Fkey', 'x', ''), value(SECRET), fc.boolean()), { maxLength: 3 }), tricky)
      .map(([pairs, tail]): Case => {
        // Values percent-encoded, or raw (broken escapes, '&' and '=' inside).
        const query = pairs.map(([k, v, raw]) => `${k}=${raw ? v : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}`).join('&') + tail;
        const got = new URLSearchParams(query).getAll('api_key').at(-1);
        return { request: { method: 'GET', url: `/key/query?${query}` }, allowed: [got === SECRET ? 200 : 401] };
      }),
  },
  {
    name: 'API key (cookie)',
    cases: fc.tuple(fc.array(fc.tuple(fc.constantFrom('session', 'Session', ' session', 'other', ''), value(SECRET), fc.boolean()), { maxLength: 3 }), tricky).map(
      ([pairs, tail]): Case => {
        const cookie = pairs.map(([k, v, quoted]) => `${k}=${quoted ? `"${v}"` : v}`).join('; ') + tail;
        // Weak oracle (cookie parsing has its own tests): a 200 needs the secret to be in the header at all, or an escape that could spell it.
        const possible = cookie.includes(SECRET) || cookie.includes('\\');
        return { request: { method: 'GET', url: '/key/cookie', headers: [['cookie', cookie]] }, allowed: possible ? [200, 401] : [401] };
      },
    ),
  },
  {
    name: 'password form',
    cases: fc
      .tuple(
        // the right pair one time in ten: each value alone is right too rarely for both to be (a run of 1,000 saw 3 to 9)
        fc.oneof({ weight: 1, arbitrary: fc.constant([FORM_USER, FORM_PASSWORD] as const) }, { weight: 9, arbitrary: fc.tuple(value(FORM_USER), value(FORM_PASSWORD)) }),
        fc.constantFrom('', '', 'grant_type=password&', 'username=x&', 'password=y&', 'scope=a%20b&'),
        fc.boolean(),
        fc.oneof(fc.constant(''), tricky.map((t) => `&${t}`), tricky),
      )
      .map(([[user, password], extra, raw, tail]): Case => {
        const enc = (v: string) => (raw ? v : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')));
        const body = `${extra}username=${enc(user)}&password=${enc(password)}${tail}`;
        const fields = new URLSearchParams(body);
        const users = fields.getAll('username');
        const passwords = fields.getAll('password');
        const right = users.at(-1) === FORM_USER && passwords.at(-1) === FORM_PASSWORD; // FastAPI: the last value of a repeated field
        // Which occurrence of a repeated field counts is request reading's business (tested there); here a
        // 200 needs the right user name and password among the values sent, never a credential sent nowhere.
        const repeated = (users.length > 1 && new Set(users).size > 1) || (passwords.length > 1 && new Set(passwords).size > 1);
        const possible = users.includes(FORM_USER) && passwords.includes(FORM_PASSWORD);
        return {
          request: { method: 'POST', url: '/token', headers: [['content-type', 'application/x-www-form-urlencoded']], bodyText: body },
          // 422: a field the form validates (empty, scope too long, grant_type other than password).
          allowed: repeated ? (possible ? [200, 400, 422] : [400, 422]) : right ? [200, 422] : [400, 422],
        };
      }),
  },
];

/**
 * Serves one case and returns what is wrong with the answer, or
 * `undefined`: a status the oracle does not allow (5xx included), a body
 * that is not JSON, an error given to `onError`, a throw.
 */
export async function checkCase(app: DependsApp, errors: unknown[], c: Case, statuses?: Map<number, number>): Promise<string | undefined> {
  errors.length = 0;
  let status: number;
  try {
    const answer = await app.request(c.request);
    status = answer.status;
    if (typeof answer.body === 'string' && answer.body !== '') JSON.parse(answer.body);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  if (errors.length > 0) return `onError: ${String(errors[0])}`;
  statuses?.set(status, (statuses.get(status) ?? 0) + 1);
  if (!c.allowed.includes(status)) return `status ${status}, expected ${c.allowed.join(' or ')}`;
  return undefined;
}

/**
 * Runs `numRuns` cases of one reader with fast-check (shrinking a failure
 * to a small example); throws on the first failing case. Resolves to how
 * many answers each status got (so a caller can tell the run was not
 * vacuous: the right credential was accepted, wrong ones refused).
 *
 * @example
 * ```ts
 * const statuses = await fuzzReader(READERS[0], 1000) // Map { 401 => 930, 200 => 61, 400 => 9 }
 * ```
 */
export async function fuzzReader(reader: Reader, numRuns: number, seed?: number): Promise<Map<number, number>> {
  const errors: unknown[] = [];
  const app = fuzzApp((e) => errors.push(e));
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(reader.cases, async (c) => {
      const problem = await checkCase(app, errors, c, statuses);
      if (problem) throw new Error(`${reader.name}: ${problem} for ${JSON.stringify(c.request).slice(0, 400)}`);
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
  return statuses;
}
