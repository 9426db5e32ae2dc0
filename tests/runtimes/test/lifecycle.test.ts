/**
 * Teardown timing, client aborts and body limits on the Hono adapter in
 * this runtime. What each runtime tells the adapter about "sent": node-server
 * the Node response's `finish`; workerd nothing, but `executionCtx.waitUntil`
 * keeps the teardowns alive after the response; Bun and Deno nothing (the
 * teardowns run on the next macrotask after the response is handed back).
 * So the check everywhere is what a client sees: it has the whole response
 * while a request-scope teardown is still held open.
 */
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { SMALL_LIMIT } from '../src/app.js';
import { probeCall, probeState, sleep, until } from './probe.js';

const url = inject('url');
const runtime = inject('runtime');

describe(`hono on ${runtime}: lifecycle`, () => {
  beforeEach(() => probeCall(url, 'reset'));

  test('function-scope teardown closes before the response; request-scope after the client has it', async () => {
    await probeCall(url, 'hold/request');
    const res = await request(`${url}/teardown`);
    const body = (await res.body.json()) as { events: string[] };
    expect(res.statusCode).toBe(200);
    expect(body.events).toEqual(['function:open', 'request:open', 'handler']);
    // the client has the whole response; the request-scope teardown is still held
    const held = await probeState(url);
    expect(held.events).toEqual(['function:open', 'request:open', 'handler', 'function:close sent=false']);
    await probeCall(url, 'open/request');
    const done = await until(url, (s) => s.events.length === 5, 'the request-scope teardown');
    // only node-server can tell the adapter that the response has been written
    expect(done.events[4]).toBe(runtime === 'node' ? 'request:close sent=true' : 'request:close sent=false');
    expect(done.errors).toEqual([]);
  });

  test('the response waits for a function-scope teardown', async () => {
    await probeCall(url, 'hold/function');
    let received = false;
    const pending = request(`${url}/teardown`).then(async (res) => {
      received = true;
      await res.body.text();
      return res.statusCode;
    });
    await until(url, (s) => s.events.includes('handler'), 'the handler');
    await sleep(50);
    expect(received).toBe(false);
    await probeCall(url, 'open/function');
    expect(await pending).toBe(200);
    await until(url, (s) => s.events.some((e) => e.startsWith('request:close')), 'the request-scope teardown');
  });

  test('a client that disconnects mid-request still gets every teardown run', async () => {
    await probeCall(url, 'hold/handler');
    const controller = new AbortController();
    const pending = request(`${url}/slow`, { signal: controller.signal }).catch((e: unknown) => e);
    await until(url, (s) => s.events.includes('slow:start'), 'the handler to start');
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await sleep(30);
    await probeCall(url, 'open/handler');
    const done = await until(url, (s) => s.events.some((e) => e.startsWith('request:close')), 'the request-scope teardown');
    expect(done.events.filter((e) => e.includes('close')).map((e) => e.split(' ')[0])).toEqual(['function:close', 'request:close']);
    expect(done.errors).toEqual([]);
  });

  test(`a declared Content-Length over the limit (${SMALL_LIMIT} bytes) is a 413`, async () => {
    const res = await request(`${url}/small/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(SMALL_LIMIT * 2) }),
    });
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({ detail: 'Request body too large' });
  });

  test('a chunked body within the limit is read', async () => {
    async function* chunks() {
      yield '{"title":"';
      yield 'a'.repeat(100);
      yield '"}';
    }
    const res = await request(`${url}/small/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(chunks()) });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ length: 100 });
  });

  test('a chunked body over the limit is refused while it streams: the 413 comes before the client has sent it all', async () => {
    let sent = 0;
    let finished = false;
    async function* endless() {
      yield '{"title":"';
      for (let i = 0; i < 400; i++) {
        await sleep(10);
        sent += 256;
        yield 'a'.repeat(256);
      }
      finished = true;
      yield '"}';
    }
    const res = await request(`${url}/small/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(endless()) }).catch(
      (e: unknown) => e as Error,
    );
    // 400 chunks take 4 s or more to send; the answer comes once the limit is passed, not at the end
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(400 * 256);
    if (res instanceof Error) throw res;
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({ detail: 'Request body too large' });
    // the server goes on serving
    const next = await request(`${url}/bearer`, { headers: { authorization: 'Bearer good' } });
    expect(next.statusCode).toBe(200);
    await next.body.text();
  });
});
