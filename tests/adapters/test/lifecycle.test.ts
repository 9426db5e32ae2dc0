/**
 * Teardown timing (FastAPI's lifecycle), client aborts and test overrides,
 * over real HTTP on every adapter.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { harnesses, type Started } from '../src/harness.js';
import { USERS, bearerUser, claims, gate, probe, scenarioRouters, singleHandlers, type Probe } from '../src/api.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, timeout = 2000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

for (const harness of harnesses) {
  describe(`${harness.name}: lifecycle`, () => {
    let server: Started;
    let p: Probe;
    beforeEach(async () => {
      p = probe(harness.sent);
      server = await harness.start({ app: { onError: (e) => p.errors.push(e) }, routers: scenarioRouters(p), handlers: singleHandlers });
    });
    afterEach(() => server.close());

    test('function-scope teardown closes before the response; request-scope after it has been sent', async () => {
      const hold = gate();
      p.requestHold = hold.promise;
      const res = await request(`${server.url}/teardown`);
      // The client has the whole response while the request-scope teardown is still held open.
      const body = (await res.body.json()) as { events: string[] };
      expect(res.statusCode).toBe(200);
      expect(body.events).toEqual(['function:open', 'request:open', 'handler']);
      expect(p.events).toEqual(['function:open', 'request:open', 'handler', 'function:close sent=false']);
      hold.open();
      await until(() => p.events.length === 5, 'the request-scope teardown');
      expect(p.events[4]).toBe('request:close sent=true');
      expect(p.errors).toEqual([]);
    });

    test('the response waits for a function-scope teardown', async () => {
      const hold = gate();
      p.functionHold = hold.promise;
      let received = false;
      const pending = request(`${server.url}/teardown`).then(async (res) => {
        received = true;
        await res.body.text();
        return res.statusCode;
      });
      await until(() => p.events.includes('handler'), 'the handler');
      await sleep(50);
      expect(received).toBe(false);
      hold.open();
      expect(await pending).toBe(200);
      await until(() => p.events.includes('request:close sent=true'), 'the request-scope teardown');
    });

    test('a client that disconnects mid-request still gets every teardown run', async () => {
      const hold = gate();
      p.handlerHold = hold.promise;
      const controller = new AbortController();
      const pending = request(`${server.url}/slow`, { signal: controller.signal }).catch((e: unknown) => e);
      await until(() => p.events.includes('slow:start'), 'the handler to start');
      controller.abort();
      expect(await pending).toBeInstanceOf(Error);
      await sleep(30); // let the server see the closed connection
      hold.open();
      await until(() => p.events.some((e) => e.startsWith('request:close')), 'the request-scope teardown');
      expect(p.events.filter((e) => e.includes('close'))).toEqual(['function:close sent=false', 'request:close sent=false']);
      expect(p.errors).toEqual([]);
    });

    test('a client that disconnects while the body is being read leaves the server serving', async () => {
      const controller = new AbortController();
      async function* slowBody() {
        yield '{"title":';
        await sleep(200);
        yield '"late"}';
      }
      const pending = request(`${server.url}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Readable.from(slowBody()),
        signal: controller.signal,
      }).catch((e: unknown) => e);
      await sleep(50);
      controller.abort();
      expect(await pending).toBeInstanceOf(Error);
      const res = await request(`${server.url}/bearer`, { headers: { authorization: 'Bearer good' } });
      expect(res.statusCode).toBe(200);
      await res.body.text();
      expect(p.errors).toEqual([]);
    });

    test('overrides replace a dependency for a test, keeping its scopes, and can be removed', async () => {
      server.d.app.overrides.set(claims, () => USERS.root);
      const res = await request(`${server.url}/users/me/items`, { headers: { authorization: 'Bearer whatever' } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toEqual([{ owner: 'root' }]);
      server.d.app.overrides.set(claims, () => ({ username: 'fake', scopes: ['me'] }));
      const forbidden = await request(`${server.url}/users/me/items`, { headers: { authorization: 'Bearer whatever' } });
      expect(forbidden.statusCode).toBe(403);
      await forbidden.body.text();
      server.d.app.overrides.clear();
      const real = await request(`${server.url}/users/me/items`, { headers: { authorization: 'Bearer whatever' } });
      expect(real.statusCode).toBe(401);
      await real.body.text();
    });

    test('overrides reach single handlers too', async () => {
      server.d.app.overrides.set(bearerUser, () => ({ username: 'stub', scopes: [] }));
      const res = await request(`${server.url}/wrapped/me`);
      expect(await res.body.json()).toEqual({ username: 'stub', wrapped: true });
    });
  });
}
