/**
 * A handler whose answer cannot be sent (a header value with a newline, a
 * header name that is not a token, a 1xx status, an HTTPException with
 * status 1000): the same 500 `{"detail": "Internal Server Error"}` on every
 * adapter, mounted or wrapped, and the app's `onError` told which header or
 * status it was. Before the core checked, Fastify answered its own error
 * body naming the header and Hono on node-server never answered at all.
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
  'status-150': { answer: () => reply.empty({ status: 150 }), told: "A reply's status 150 cannot be sent" },
  'exception-1000': {
    answer: () => {
      throw new HTTPException(1000, 'odd');
    },
    told: "An HTTPException's status 1000 cannot be sent",
  },
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
  });
}
