/** The shared scenario table, on the Hono adapter in this runtime. */
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { request } from 'undici';
import { checkScenario, scenarios } from '../../adapters/src/scenarios.js';
import { probeCall, probeState } from './probe.js';

const url = inject('url');
const runtime = inject('runtime');
/** node-server keeps repeated header lines; Bun, Deno and workerd hand over Fetch objects. */
const fetchObjects = runtime !== 'node';

describe(`hono on ${runtime}: scenarios`, () => {
  beforeEach(() => probeCall(url, 'reset'));

  test('the server is the runtime under test', async () => {
    expect((await probeState(url)).runtime).toBe(runtime);
  });

  test.each(scenarios)('$name', (s) => checkScenario(url, s, { fetch: fetchObjects }));

  test('the 500 was reported once to onError, and its message not sent', async () => {
    const res = await request(`${url}/boom`);
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).not.toContain('hunter2');
    const { errors } = await probeState(url);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('hunter2');
  });

  test("the client's address, as a per-client rate limit keys it: the runtime's peer where it tells one, none on workerd", async () => {
    const res = await request(`${url}/_probe/address`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const { ip } = (await res.body.json()) as { ip: string | null };
    if (runtime === 'workerd') expect(ip).toBeNull();
    else expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  test('HEAD on a GET route answers without a body', async () => {
    const res = await request(`${url}/bearer`, { method: 'HEAD', headers: { authorization: 'Bearer good' } });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('');
  });
});
