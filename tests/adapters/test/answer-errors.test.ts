/**
 * A handler whose answer cannot be sent (a header value with a newline, a
 * header name that is not a token, a 1xx status, an HTTPException with
 * status 1000, a `content-length` the body does not have): the same 500 `{"detail": "Internal Server Error"}` on every
 * adapter, mounted or wrapped, and the app's `onError` told which header or
 * status it was. Before the core checked, Fastify answered its own error
 * body naming the header, Hono on node-server never answered at all, and
 * a wrong `content-length` left the client of Express and Hono waiting.
 * Binary bodies in every form `reply.bytes()` takes are sent alike.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { ErrorCode, HTTPException, Router, reply } from '../../../packages/core/src/index.js';
import { harnesses, type Started } from '../src/harness.js';
import type { SingleHandler } from '../src/api.js';

/** Each case: what the handler answers, and what `onError` is told. */
const cases: Record<string, { answer: () => unknown; told: string }> = {
  'header-value': { answer: () => reply.text('x', { headers: { 'x-bad': 'a\r\nx-injected: 1' } }), told: 'Header "x-bad" cannot be sent: its value holds' },
  'header-name': { answer: () => reply({ ok: true }, { headers: { 'x bad': 'a' } }), told: 'Header "x bad" cannot be sent: a header name' },
  'content-length': { answer: () => reply.text('hello', { headers: { 'content-length': '99' } }), told: 'Header "content-length" does not match the body (5 bytes)' },
  'transfer-encoding': { answer: () => reply.text('hello', { headers: { 'transfer-encoding': 'chunked' } }), told: 'Header "transfer-encoding" cannot be set' },
  'header-number': { answer: () => reply({}, { headers: { 'x-count': 5 as unknown as string } }), told: 'Header "x-count" cannot be sent: give its value as a string' },
  'status-150': { answer: () => reply.empty({ status: 150 }), told: "A reply's status 150 cannot be sent" },
  'exception-1000': {
    answer: () => {
      throw new HTTPException(1000, 'odd');
    },
    told: "An HTTPException's status 1000 cannot be sent",
  },
};

const AB = [65, 66];
/** Every form `reply.bytes()` takes, each holding "AB". */
const binaries: Record<string, () => Uint8Array | ArrayBuffer | ArrayBufferView> = {
  Uint8Array: () => new Uint8Array(AB),
  Buffer: () => Buffer.from('AB'),
  ArrayBuffer: () => new Uint8Array(AB).buffer,
  DataView: () => new DataView(new Uint8Array([0, ...AB, 0]).buffer, 1, 2),
  subarray: () => new Uint8Array([0, ...AB, 0]).subarray(1, 3),
};

for (const harness of harnesses) {
  describe(`${harness.name}: an answer that cannot be sent`, () => {
    let server: Started;
    const errors: unknown[] = [];
    beforeAll(async () => {
      const api = new Router();
      const handlers: SingleHandler[] = [];
      for (const [name, { answer }] of Object.entries(cases)) {
        api.get(`/mounted/${name}`, {}, answer);
        handlers.push({ method: 'GET', path: `/wrapped/${name}`, inputs: {}, fn: answer });
      }
      for (const [name, bytes] of Object.entries(binaries)) api.get(`/mounted/bytes/${name}`, {}, () => reply.bytes(bytes()));
      api.get('/mounted/matching-length', {}, () => reply.text('héllo', { headers: { 'Content-Length': '6' } }));
      api.get('/mounted/head-length', {}, () => reply.empty({ status: 200, headers: { 'content-length': '1234' } }));
      server = await harness.start({ app: { onError: (e) => errors.push(e) }, routers: [api], handlers });
    });
    afterAll(() => server.close());

    for (const where of ['mounted', 'wrapped'])
      for (const [name, { told }] of Object.entries(cases))
        test(`${where}: ${name} answers depends' 500 and tells onError`, async () => {
          errors.length = 0;
          // a server that never answers fails here within seconds, not at the test's timeout
          const res = await request(`${server.url}/${where}/${name}`, { headersTimeout: 20_000 });
          const text = await res.body.text();
          expect([res.statusCode, res.headers['content-type'], JSON.parse(text)]).toEqual([500, 'application/json', { detail: 'Internal Server Error' }]);
          expect(res.headers['x-bad']).toBeUndefined();
          expect(res.headers['x-injected']).toBeUndefined();
          expect(errors).toEqual([expect.objectContaining({ code: ErrorCode.InvalidArgument, message: expect.stringContaining(told) })]);
        });

    for (const name of Object.keys(binaries))
      test(`reply.bytes() of ${name} sends its bytes`, async () => {
        const res = await request(`${server.url}/mounted/bytes/${name}`, { headersTimeout: 20_000 });
        expect([res.statusCode, res.headers['content-type'], res.headers['content-length'], await res.body.text()]).toEqual([200, 'application/octet-stream', '2', 'AB']);
      });

    test("a HEAD request's answer may give the length of the GET's body (not refused: how it is framed is the framework's)", async () => {
      errors.length = 0;
      const res = await request(`${server.url}/mounted/head-length`, { method: 'HEAD', headersTimeout: 20_000 });
      expect([res.statusCode, await res.body.text(), errors]).toEqual([200, '', []]);
      // Express and Hono send it as given; Koa and Fastify frame the empty answer themselves (content-length: 0)
      expect(['1234', '0']).toContain(res.headers['content-length']);
      const get = await request(`${server.url}/mounted/head-length`, { headersTimeout: 20_000 });
      expect([get.statusCode, await get.body.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    });

    test('a content-length that matches the body is kept', async () => {
      const res = await request(`${server.url}/mounted/matching-length`);
      expect([res.statusCode, res.headers['content-length'], await res.body.text()]).toEqual([200, '6', 'héllo']);
    });
  });
}
