/**
 * The shared scenario table (`src/scenarios.ts`), run over real HTTP
 * against every adapter.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { harnesses, type Started } from '../src/harness.js';
import { probe, scenarioRouters, singleHandlers, type Probe } from '../src/api.js';
import { checkScenario, scenarios } from '../src/scenarios.js';

for (const harness of harnesses) {
  describe(`${harness.name}: scenarios`, () => {
    let server: Started;
    let p: Probe;
    beforeAll(async () => {
      p = probe(harness.sent);
      server = await harness.start({ app: { onError: (e) => p.errors.push(e) }, routers: scenarioRouters(p), handlers: singleHandlers });
    });
    afterAll(() => server.close());

    test.each(scenarios)('$name', (s) => checkScenario(server.url, s));

    test('the 500 was reported once to onError, and its message not sent', async () => {
      p.errors.length = 0;
      const res = await request(`${server.url}/boom`);
      expect(await res.body.text()).not.toContain('hunter2');
      expect(p.errors).toHaveLength(1);
      expect((p.errors[0] as Error).message).toContain('hunter2');
    });

    test('HEAD on a GET route answers without a body', async () => {
      const res = await request(`${server.url}/bearer`, { method: 'HEAD', headers: { authorization: 'Bearer good' } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toBe('');
    });
  });
}
