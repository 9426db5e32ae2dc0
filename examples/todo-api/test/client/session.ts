/**
 * A scripted session with a client generated from the example's document
 * (`openapi-typescript` types in `schema.d.ts`, calls by `openapi-fetch`):
 * every operation, and every status the document gives it that a client can
 * provoke through a proxy. Each step records what was sent and what came
 * back; the document test runs it through Prism and reads Prism's verdicts.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

/** One call of the session. */
export interface Step {
  /** `METHOD /path` as in the document. */
  readonly operation: string;
  readonly status: number;
  /** Whether the request itself follows the document (error steps send what the document forbids on purpose). */
  readonly validRequest: boolean;
  readonly response: Response;
}

/** Demo credentials of the example (see its README). */
const JOHN = { username: 'johndoe', password: 'secret' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * Runs the session against `baseUrl` (the proxy in front of the server).
 *
 * @example
 * ```ts
 * const steps = await runSession('http://127.0.0.1:4010')
 * ```
 */
export async function runSession(baseUrl: string): Promise<Step[]> {
  const client = createClient<paths>({ baseUrl });
  const steps: Step[] = [];
  const record = (operation: string, validRequest: boolean, response: Response) => {
    steps.push({ operation, status: response.status, validRequest, response });
  };
  const form = (body: Record<string, string>) => ({
    body: body as never,
    bodySerializer: (b: Record<string, string>) => new URLSearchParams(b).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  // GET /status
  record('GET /status', true, (await client.GET('/status')).response);

  // POST /token: a token, a wrong password, missing fields, another grant type
  const token = async (scope?: string) => {
    const r = await client.POST('/token', form({ grant_type: 'password', ...JOHN, ...(scope ? { scope } : {}) }));
    record('POST /token', true, r.response);
    if (!r.data) throw new Error(`POST /token answered ${r.response.status}`);
    return r.data.access_token;
  };
  const full = await token();
  const itemsOnly = await token('items');
  const meOnly = await token('me');
  record('POST /token', true, (await client.POST('/token', form({ grant_type: 'password', username: 'johndoe', password: 'wrong' }))).response);
  record('POST /token', false, (await client.POST('/token', form({ grant_type: 'password' }))).response);
  record('POST /token', false, (await client.POST('/token', form({ grant_type: 'client_credentials', ...JOHN }))).response);

  // 429: past 5 failed logins for one user name from one address
  for (let i = 0; i < 6; i++) {
    record('POST /token', true, (await client.POST('/token', form({ grant_type: 'password', username: 'mallory', password: `guess-${i}` }))).response);
  }

  const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

  // GET /users/me: 200, 401 (none, rejected), 403 (a token without `me`)
  record('GET /users/me', true, (await client.GET('/users/me', bearer(full))).response);
  record('GET /users/me', false, (await client.GET('/users/me')).response);
  record('GET /users/me', true, (await client.GET('/users/me', bearer('not-a-token'))).response);
  record('GET /users/me', true, (await client.GET('/users/me', bearer(itemsOnly))).response);

  // GET /users/me/items: 200, 401, 403 (a token without `items`)
  record('GET /users/me/items', true, (await client.GET('/users/me/items', bearer(full))).response);
  record('GET /users/me/items', false, (await client.GET('/users/me/items')).response);
  record('GET /users/me/items', true, (await client.GET('/users/me/items', bearer(meOnly))).response);

  // POST /users/me/items: 201, 409, 422, 415, 401, 403
  const title = `milk ${Date.now()}`;
  record('POST /users/me/items', true, (await client.POST('/users/me/items', { ...bearer(full), body: { title } })).response);
  record('POST /users/me/items', true, (await client.POST('/users/me/items', { ...bearer(full), body: { title: `  ${title}  `, done: true } })).response);
  record('POST /users/me/items', false, (await client.POST('/users/me/items', { ...bearer(full), body: { title: '   ' } })).response);
  record(
    'POST /users/me/items',
    false,
    (
      await client.POST('/users/me/items', {
        ...bearer(full),
        body: { title } as never,
        bodySerializer: (b) => JSON.stringify(b),
        headers: { authorization: `Bearer ${full}`, 'content-type': 'text/plain' },
      })
    ).response,
  );
  record('POST /users/me/items', false, (await client.POST('/users/me/items', { body: { title } })).response);
  record('POST /users/me/items', true, (await client.POST('/users/me/items', { ...bearer(meOnly), body: { title } })).response);

  // GET /v1/health: 200, 401 (no key, wrong key)
  record('GET /v1/health', true, (await client.GET('/v1/health', { headers: { 'X-API-Key': 'demo-api-key' } })).response);
  record('GET /v1/health', false, (await client.GET('/v1/health')).response);
  record('GET /v1/health', true, (await client.GET('/v1/health', { headers: { 'X-API-Key': 'nope' } })).response);

  // GET /admin/stats: 200, 401 (none, wrong password)
  record('GET /admin/stats', true, (await client.GET('/admin/stats', { headers: { authorization: basic('admin', 'admin-password') } })).response);
  record('GET /admin/stats', false, (await client.GET('/admin/stats')).response);
  for (let i = 0; i < 6; i++) {
    record('GET /admin/stats', true, (await client.GET('/admin/stats', { headers: { authorization: basic('mallory', `guess-${i}`) } })).response);
  }

  return steps;
}
