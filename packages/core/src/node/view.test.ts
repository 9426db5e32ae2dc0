import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { RequestView } from '../request/view.js';
import { nodeRequestView, type NodeRequestInit } from './view.js';
import { listen, type TestServer } from './test/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves one request, building its view with `init`, and gives back what `read` took from the view. */
async function viewOf<T>(init: (req: IncomingMessage) => NodeRequestInit, read: (view: RequestView) => T | Promise<T>, send: Parameters<TestServer['send']>[0]): Promise<T> {
  let result!: Promise<T>;
  server = await listen((req, res) => {
    result = Promise.resolve(read(nodeRequestView(req, init(req))));
    void result.finally(() => res.end());
  });
  await server.send(send);
  return result;
}

describe('nodeRequestView', () => {
  test('method, path and query from the URL; headers from every raw line', async () => {
    const seen = await viewOf(
      () => ({ bodyLimit: 1024 }),
      (view) => ({ method: view.method, path: view.path, q: view.queryAll('q'), auth: view.header('authorization'), challenges: view.headerAll('x-challenge'), native: view.native !== undefined }),
      { method: 'delete', path: '/items/7?q=1&q=2', headers: { authorization: 'Bearer t', 'x-challenge': ['a', 'b'] } },
    );
    expect(seen).toEqual({ method: 'DELETE', path: '/items/7', q: ['1', '2'], auth: 'Bearer t', challenges: ['a', 'b'], native: true });
  });

  test('the URL the app sees (a mounted router\'s originalUrl), the matched params and the native object when given', async () => {
    const ctx = { framework: 'ctx' };
    const seen = await viewOf(
      () => ({ url: '/v1/items/7', params: { id: '7' }, bodyLimit: 1024, native: ctx }),
      (view) => ({ path: view.path, q: view.query('q'), params: view.params, native: view.native }),
      { path: '/items/7?q=1' },
    );
    expect(seen).toEqual({ path: '/v1/items/7', q: undefined, params: { id: '7' }, native: ctx });
  });

  test('the body: read from the stream once, up to the limit', async () => {
    const body = await viewOf(
      () => ({ bodyLimit: 1024 }),
      async (view) => {
        const first = await view.readBody();
        return { first: Buffer.from((first as { bytes: Uint8Array }).bytes).toString(), same: (await view.readBody()) === first };
      },
      { method: 'POST', body: 'hello' },
    );
    expect(body).toEqual({ first: 'hello', same: true });
    const tooLarge = await viewOf(() => ({ bodyLimit: 2 }), (view) => Promise.resolve(view.readBody()).catch((e: unknown) => e), { method: 'POST', body: 'hello' });
    expect(tooLarge).toMatchObject({ status: 413 });
  });

  test("a parser's result, asked for only when the body is read, once the stream is consumed", async () => {
    let asked = 0;
    const body = await viewOf(
      (req) => ({ bodyLimit: 1024, native: { req }, parsedBody: (native: { req: IncomingMessage }) => (asked++, { title: 'milk', native: native.req === req }) }),
      async (view) => {
        for await (const chunk of (view.native as { req: AsyncIterable<unknown> }).req) void chunk;
        const before = asked;
        return { before, body: await view.readBody() };
      },
      { method: 'POST', body: '{"title":"milk"}' },
    );
    // asked with the view's native (one function for every request)
    expect(body).toEqual({ before: 0, body: { kind: 'parsed', value: { title: 'milk', native: true } } });
  });
});
