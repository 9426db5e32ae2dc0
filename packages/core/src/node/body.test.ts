import type { IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { HTTPException } from '../errors/catalogue.js';
import type { RawBody } from '../request/view.js';
import { keepParsedBody, parsedForApp, readNodeBody } from './body.js';
import { listen, type TestServer } from './test/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a server that reads each request's body with `read`, and hands the results over. */
async function reading(read: (req: IncomingMessage) => RawBody | Promise<RawBody>): Promise<{ server: TestServer; results: Promise<RawBody | unknown>[] }> {
  const results: Promise<RawBody | unknown>[] = [];
  server = await listen((req, res) => {
    const result = Promise.resolve()
      .then(() => read(req))
      .catch((error: unknown) => error);
    results.push(result);
    void result.then(() => res.end('done'));
  });
  return { server, results };
}

const text = (body: RawBody | unknown): string => Buffer.from((body as { bytes: Uint8Array }).bytes).toString();

describe('readNodeBody', () => {
  test('reads the stream once into bytes', async () => {
    const { server, results } = await reading((req) => readNodeBody(req, undefined, 1024));
    await server.send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"milk"}' });
    const body = await results[0];
    expect((body as RawBody).kind).toBe('bytes');
    expect(text(body)).toBe('{"title":"milk"}');
  });

  test('a stream a body parser has consumed: its parsed value, or none without one', async () => {
    const { server, results } = await reading(async (req) => {
      for await (const chunk of req) void chunk; // what express.json() does
      return readNodeBody(req, (req as { url?: string }).url === '/parsed' ? { title: 'milk' } : undefined, 1024);
    });
    await server.send({ method: 'POST', path: '/parsed', body: '{"title":"milk"}' });
    await server.send({ method: 'POST', path: '/none', body: 'ignored' });
    expect(await results[0]).toEqual({ kind: 'parsed', value: { title: 'milk' } });
    expect(await results[1]).toEqual({ kind: 'none' });
  });

  test('a declared content-length over the limit is a 413 before anything is read', async () => {
    const { server, results } = await reading((req) => readNodeBody(req, undefined, 4));
    const reply = await server.send({ method: 'POST', body: '0123456789' });
    expect(reply.body).toBe('done'); // the rest was drained, the server still answers
    const error = await results[0];
    expect(error).toBeInstanceOf(HTTPException);
    expect(error).toMatchObject({ status: 413, detail: 'Request body too large' });
  });

  test('a chunked body that grows over the limit is a 413', async () => {
    const { server, results } = await reading((req) => readNodeBody(req, undefined, 4));
    await server.send({ method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: '0123456789' });
    expect(await results[0]).toMatchObject({ status: 413 });
  });

  test('a client that goes away while sending is a 400, not a server error', async () => {
    const { server, results } = await reading((req) => readNodeBody(req, undefined, 1024));
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', headers: { 'content-length': '100' } });
    req.on('error', () => {});
    req.write('{"title":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await expect.poll(() => results.length).toBe(1);
    const error = await results[0];
    expect(error).toBeInstanceOf(HTTPException);
    expect(error).toMatchObject({ status: 400, detail: 'There was an error reading the body' });
  });
});

describe('a body depends read first, left for the framework', () => {
  test('parsedForApp(): JSON as its value, a form as an object (repeats as arrays), text as a string, the rest as bytes', () => {
    expect(parsedForApp(Buffer.from('{"a":[1]}'), 'application/json; charset=utf-8')).toEqual({ a: [1] });
    expect(parsedForApp(Buffer.from('{"a":'), 'application/vnd.api+json')).toBeUndefined();
    expect({ ...(parsedForApp(Buffer.from('a=1&a=2&b=x+y'), 'application/x-www-form-urlencoded') as object) }).toEqual({ a: ['1', '2'], b: 'x y' });
    expect(parsedForApp(Buffer.from('hi'), 'text/plain')).toBe('hi');
    expect(parsedForApp(new Uint8Array([1, 2]), 'application/octet-stream')).toEqual(Buffer.from([1, 2]));
  });

  test('keepParsedBody(): parsed on first read, once; a value set later wins; never over a body already there', () => {
    const req: { body?: unknown } = {};
    keepParsedBody(req, 'body', Buffer.from('{"n":1}'), 'application/json');
    const first = req.body;
    expect(first).toEqual({ n: 1 });
    expect(req.body).toBe(first);
    req.body = 'replaced';
    expect(req.body).toBe('replaced');
    const parsed = { already: true };
    const other: { body?: unknown } = { body: parsed };
    keepParsedBody(other, 'body', Buffer.from('{"n":2}'), 'application/json');
    expect(other.body).toBe(parsed);
  });
});
