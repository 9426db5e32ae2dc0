/**
 * The shared scenario table: each request → expected status, headers and
 * body, run over real HTTP against every adapter (`test/scenarios.test.ts`)
 * and against the Hono adapter on every runtime (`tests/runtimes`).
 */
import { expect } from 'vitest';
import { request } from 'undici';

export interface Scenario {
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string;
  readonly status: number;
  /** Expected header values (`undefined`: absent; an array: that many lines). */
  readonly expectHeaders?: Record<string, string | string[] | undefined>;
  /** Expected JSON body (deep equality), or text for a string. */
  readonly expectBody?: unknown;
  /** Partial match of the JSON body. */
  readonly expectMatch?: unknown;
  /**
   * The expected body where requests are Fetch `Request`s (Bun, Deno,
   * workerd): Fetch `Headers` join a repeated request header into one value.
   */
  readonly fetchBody?: unknown;
}

const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const NOT_AUTH = { detail: 'Not authenticated' };
const BEARER = { 'www-authenticate': 'Bearer' };

/** The scenarios every adapter (and the Hono adapter on every runtime) answers identically. */
export const scenarios: readonly Scenario[] = [
  // HTTP Bearer
  { name: 'bearer: success', path: '/bearer', headers: { authorization: 'Bearer good' }, status: 200, expectBody: { username: 'alice' } },
  { name: 'bearer: missing', path: '/bearer', status: 401, expectHeaders: BEARER, expectBody: NOT_AUTH },
  { name: 'bearer: wrong scheme', path: '/bearer', headers: { authorization: basicAuth('a', 'b') }, status: 401, expectHeaders: BEARER, expectBody: NOT_AUTH },
  {
    name: 'bearer: rejected token',
    path: '/bearer',
    headers: { authorization: 'Bearer nope' },
    status: 401,
    expectHeaders: { 'www-authenticate': 'Bearer error="invalid_token"' },
    expectBody: { detail: 'Could not validate credentials' },
  },
  { name: 'bearer, refused without a throw: success', path: '/bearer/refused', headers: { authorization: 'Bearer good' }, status: 200, expectBody: { username: 'alice' } },
  {
    name: 'bearer, refused without a throw: rejected token',
    path: '/bearer/refused',
    headers: { authorization: 'Bearer nope' },
    status: 401,
    expectHeaders: { 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store' },
    expectBody: { detail: 'Could not validate credentials' },
  },
  { name: 'handler refuses without a throw', path: '/refused/7', status: 404, expectBody: { detail: 'No item 7' } },
  { name: 'bearer optional: present', path: '/bearer/optional', headers: { authorization: 'Bearer x' }, status: 200, expectBody: { token: 'x' } },
  { name: 'bearer optional: missing', path: '/bearer/optional', status: 200, expectBody: { token: null }, expectHeaders: { 'www-authenticate': undefined } },
  // HTTP Basic
  { name: 'basic: success (UTF-8)', path: '/basic', headers: { authorization: basicAuth('zoë', 'pässword') }, status: 200, expectBody: { username: 'zoë', password: 'pässword' } },
  { name: 'basic: missing', path: '/basic', status: 401, expectHeaders: { 'www-authenticate': 'Basic realm="tests"' }, expectBody: NOT_AUTH },
  { name: 'basic: wrong scheme', path: '/basic', headers: { authorization: 'Bearer good' }, status: 401, expectHeaders: { 'www-authenticate': 'Basic realm="tests"' } },
  { name: 'basic optional: missing', path: '/basic/optional', status: 200, expectBody: { username: null } },
  { name: 'basic optional: malformed still 401', path: '/basic/optional', headers: { authorization: 'Basic %%%' }, status: 401, expectHeaders: { 'www-authenticate': 'Basic' } },
  // API keys
  { name: 'api key header: success', path: '/key/header', headers: { 'X-API-Key': 'k1' }, status: 200, expectBody: { key: 'k1' } },
  { name: 'api key header: missing', path: '/key/header', status: 401, expectHeaders: { 'www-authenticate': 'APIKey' }, expectBody: NOT_AUTH },
  { name: 'api key header optional: missing', path: '/key/header/optional', status: 200, expectBody: { key: null } },
  { name: 'api key query: success', path: '/key/query?api_key=k2', status: 200, expectBody: { key: 'k2' } },
  { name: 'api key query: missing', path: '/key/query', status: 401, expectHeaders: { 'www-authenticate': 'APIKey' } },
  { name: 'api key cookie: success', path: '/key/cookie', headers: { cookie: 'a=1; session=k3' }, status: 200, expectBody: { key: 'k3' } },
  { name: 'api key cookie: missing', path: '/key/cookie', headers: { cookie: 'a=1' }, status: 401, expectHeaders: { 'www-authenticate': 'APIKey' } },
  // OAuth2 password bearer + scopes
  { name: 'oauth2: success with scope', path: '/users/me', headers: { authorization: 'Bearer good' }, status: 200, expectBody: { username: 'alice' } },
  { name: 'oauth2: missing', path: '/users/me', status: 401, expectHeaders: BEARER, expectBody: NOT_AUTH },
  { name: 'oauth2: wrong scheme', path: '/users/me', headers: { authorization: 'Token good' }, status: 401, expectHeaders: BEARER },
  {
    name: 'oauth2: insufficient scope → 403',
    path: '/users/me/items',
    headers: { authorization: 'Bearer good' },
    status: 403,
    expectHeaders: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="items"' },
    expectBody: { detail: 'Not enough permissions' },
  },
  { name: 'oauth2: enough scopes', path: '/users/me/items', headers: { authorization: 'Bearer root' }, status: 200, expectBody: [{ owner: 'root' }] },
  {
    name: 'oauth2: password form → token',
    method: 'POST',
    path: '/token',
    headers: FORM_TYPE,
    body: 'grant_type=password&username=alice&password=good&scope=me%20items',
    status: 200,
    expectHeaders: { 'cache-control': 'no-store', pragma: 'no-cache' },
    expectBody: { access_token: 'good', token_type: 'bearer', scopes: ['me', 'items'] },
  },
  {
    name: 'token endpoint: missing fields → 400 invalid_request, no-store (RFC 6749 §5.2)',
    method: 'POST',
    path: '/token',
    headers: FORM_TYPE,
    body: 'grant_type=password',
    status: 400,
    expectHeaders: { 'cache-control': 'no-store', pragma: 'no-cache' },
    expectBody: { error: 'invalid_request', error_description: 'Missing parameters: username, password' },
  },
  {
    name: 'token endpoint: another grant type → 400 unsupported_grant_type',
    method: 'POST',
    path: '/token',
    headers: FORM_TYPE,
    body: 'grant_type=client_credentials&username=alice&password=good',
    status: 400,
    expectHeaders: { 'cache-control': 'no-store' },
    expectMatch: { error: 'unsupported_grant_type' },
  },
  {
    name: 'token endpoint: a JSON body → 400 invalid_request (not read, not 415)',
    method: 'POST',
    path: '/token',
    headers: JSON_TYPE,
    body: '{"grant_type":"password","username":"alice","password":"good"}',
    status: 400,
    expectHeaders: { 'cache-control': 'no-store' },
    expectMatch: { error: 'invalid_request' },
  },
  {
    name: 'token endpoint: a malformed multipart body → 400 invalid_request',
    method: 'POST',
    path: '/token',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body: 'garbage',
    status: 400,
    expectMatch: { error: 'invalid_request' },
  },
  {
    name: 'token endpoint: wrong password → the app\'s OAuth2Error invalid_grant, no-store',
    method: 'POST',
    path: '/token',
    headers: FORM_TYPE,
    body: 'grant_type=password&username=alice&password=nope',
    status: 400,
    expectHeaders: { 'cache-control': 'no-store' },
    expectBody: { error: 'invalid_grant', error_description: 'Incorrect username or password' },
  },

  // anyOf
  { name: 'anyOf: first alternative', path: '/any', headers: { authorization: 'Bearer x' }, status: 200, expectBody: { via: 'bearer' } },
  { name: 'anyOf: second alternative', path: '/any', headers: { 'x-api-key': 'k' }, status: 200, expectBody: { via: 'key' } },
  { name: 'anyOf: none → one 401, two challenge lines', path: '/any', status: 401, expectHeaders: { 'www-authenticate': ['Bearer', 'APIKey'] }, expectBody: NOT_AUTH },
  // 422 details
  {
    name: 'query validation: every problem listed',
    path: '/search?q=a&limit=1000',
    status: 422,
    expectMatch: { detail: [{ loc: ['query', 'q'] }, { loc: ['query', 'limit'] }] },
  },
  { name: 'query: last value wins', path: '/search?q=x&q=abc&limit=5', status: 200, expectBody: { q: 'abc', limit: 5 } },
  { name: 'query: missing → 422 listing both', path: '/search', status: 422, expectMatch: { detail: [{ type: 'missing', loc: ['query', 'q'] }, { loc: ['query', 'limit'] }] } },
  { name: 'path param: parsed', path: '/items/42', status: 200, expectBody: { id: 42 } },
  { name: 'path param: invalid → 422', path: '/items/abc', status: 422, expectMatch: { detail: [{ loc: ['path', 'id'] }] } },
  // bodies
  { name: 'JSON body', method: 'POST', path: '/items', headers: JSON_TYPE, body: '{"title":"milk","done":false}', status: 201, expectBody: { title: 'milk', done: false } },
  { name: 'JSON body: invalid → 422', method: 'POST', path: '/items', headers: JSON_TYPE, body: '{"title":', status: 422, expectMatch: { detail: [{ type: 'json_invalid', loc: ['body', 9] }] } },
  { name: 'JSON body: wrong shape → 422', method: 'POST', path: '/items', headers: JSON_TYPE, body: '{"title":""}', status: 422, expectMatch: { detail: [{ loc: ['body', 'title'] }] } },
  { name: 'JSON body: missing → 422', method: 'POST', path: '/items', headers: JSON_TYPE, status: 422, expectMatch: { detail: [{ type: 'missing', loc: ['body'] }] } },
  { name: 'form body', method: 'POST', path: '/login', headers: FORM_TYPE, body: 'username=bob&age=42', status: 200, expectBody: { username: 'bob', age: 42 } },
  { name: 'form body: invalid → 422', method: 'POST', path: '/login', headers: FORM_TYPE, body: 'username=bob&age=old', status: 422, expectMatch: { detail: [{ loc: ['body', 'age'] }] } },
  { name: 'form body: a repeated field → the last value', method: 'POST', path: '/login', headers: FORM_TYPE, body: 'username=ann&age=1&username=bob', status: 200, expectBody: { username: 'bob', age: 1 } },
  // media types: a body route reads only what it declares
  { name: 'JSON route: a form body → 415', method: 'POST', path: '/items', headers: FORM_TYPE, body: 'title=milk', status: 415, expectBody: { detail: 'Unsupported Media Type: expected application/json' } },
  { name: 'JSON route: text/plain → 415', method: 'POST', path: '/items', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '{"title":"milk"}', status: 415 },
  { name: 'JSON route: no content type → read as JSON (FastAPI)', method: 'POST', path: '/items', body: '{"title":"milk"}', status: 201, expectBody: { title: 'milk' } },
  { name: 'JSON route: a +json type is JSON', method: 'POST', path: '/items', headers: { 'content-type': 'application/merge-patch+json' }, body: '{"title":"milk"}', status: 201 },
  { name: 'form route: a JSON body → 415, never read', method: 'POST', path: '/login', headers: JSON_TYPE, body: '{"username":"bob","age":42}', status: 415, expectBody: { detail: 'Unsupported Media Type: expected application/x-www-form-urlencoded' } },
  { name: 'form route: no content type → 415', method: 'POST', path: '/login', body: '{"username":"bob","age":42}', status: 415 },
  {
    name: 'form route: multipart when only url-encoded is declared → 415',
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body: '--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nbob\r\n--b--\r\n',
    status: 415,
  },
  // cookies as Starlette reads them
  { name: 'cookie: no percent-decoding', path: '/cookie', headers: { cookie: 'session=a%20b' }, status: 200, expectBody: { session: 'a%20b' } },
  { name: 'cookie: quoted \\ooo escapes decoded', path: '/cookie', headers: { cookie: 'session="a\\054b"' }, status: 200, expectBody: { session: 'a,b' } },
  { name: 'cookie: the last duplicate wins', path: '/cookie', headers: { cookie: 'session=1; session=2' }, status: 200, expectBody: { session: '2' } },
  // integers refuse exponent notation (FastAPI's int_parsing)
  { name: 'integer header and query: plain digits', path: '/count?n=7', headers: { 'x-count': '10' }, status: 200, expectBody: { header: 10, query: 7 } },
  {
    name: 'integer header and query: 1e1 → 422 int_parsing',
    path: '/count?n=1e1',
    headers: { 'x-count': '1e1' },
    status: 422,
    expectMatch: { detail: [{ type: 'int_parsing', loc: ['query', 'n'], input: '1e1' }, { type: 'int_parsing', loc: ['header', 'x-count'], input: '1e1' }] },
  },
  // answers
  { name: 'reply.empty → 204, no body', method: 'DELETE', path: '/items/1', status: 204, expectBody: '', expectHeaders: { 'content-type': undefined } },
  { name: 'reply.text with status and repeated header', path: '/text', status: 202, expectBody: 'pong', expectHeaders: { 'content-type': 'text/plain; charset=utf-8', 'x-many': ['a', 'b'] } },
  { name: 'repeated request headers reach the view', path: '/headers', headers: { 'x-multi': ['one', 'two'] }, status: 200, expectBody: { first: 'one', all: ['one', 'two'] }, fetchBody: { first: 'one, two', all: ['one, two'] } },
  { name: 'unexpected error → 500, nothing leaked', path: '/boom', status: 500, expectBody: { detail: 'Internal Server Error' } },
  // router-level dependencies
  { name: 'router dependency: rejects', path: '/admin/stats', status: 403, expectBody: { detail: 'Admins only' } },
  { name: 'router dependency: passes', path: '/admin/stats', headers: { 'x-admin': 'yes' }, status: 200, expectBody: { users: 2 } },
  // single handlers (d.handler on the framework's own router)
  { name: 'd.handler: success', path: '/wrapped/me', headers: { authorization: 'Bearer good' }, status: 200, expectBody: { username: 'alice', wrapped: true } },
  { name: 'd.handler: missing credential', path: '/wrapped/me', status: 401, expectHeaders: BEARER },
  { name: 'd.handler: JSON body + status', method: 'POST', path: '/wrapped/items', headers: JSON_TYPE, body: '{"title":"eggs"}', status: 201, expectBody: { title: 'eggs' } },
  { name: 'd.handler: invalid JSON → 422', method: 'POST', path: '/wrapped/items', headers: JSON_TYPE, body: '{', status: 422, expectMatch: { detail: [{ type: 'json_invalid' }] } },
  { name: 'd.handler: path params from the framework', path: '/wrapped/items/7', headers: { 'x-api-key': 'k' }, status: 200, expectBody: { id: 7 } },
];

/** A header's lines as one value, joined with `, ` (RFC 9110 §5.3). */
const joined = (value: unknown): unknown => (Array.isArray(value) ? value.join(', ') : value);

/**
 * Sends one scenario's request and checks the answer. `fetch` is for servers
 * whose requests and responses are Fetch objects (Bun, Deno, workerd): Fetch
 * `Headers` join a repeated request header into one value, and a repeated
 * response header may go out as one line (Bun, Deno; workerd keeps the lines
 * of some), so there a header's lines are compared joined.
 */
export async function checkScenario(url: string, s: Scenario, options: { fetch?: boolean } = {}): Promise<void> {
  const res = await request(url + s.path, { method: (s.method ?? 'GET') as 'GET', headers: s.headers, body: s.body });
  const text = await res.body.text();
  expect(res.statusCode, text).toBe(s.status);
  for (const [name, value] of Object.entries(s.expectHeaders ?? {})) {
    if (options.fetch) expect(joined(res.headers[name]), name).toEqual(joined(value));
    else expect(res.headers[name], name).toEqual(value);
  }
  const expected = options.fetch && s.fetchBody !== undefined ? s.fetchBody : s.expectBody;
  if (expected !== undefined) expect(typeof expected === 'string' ? text : JSON.parse(text)).toEqual(expected);
  if (s.expectMatch !== undefined) expect(JSON.parse(text)).toMatchObject(s.expectMatch as object);
  if (s.status >= 200 && s.status < 300 && s.status !== 204 && typeof expected !== 'string') expect(res.headers['content-type']).toBe('application/json');
}
