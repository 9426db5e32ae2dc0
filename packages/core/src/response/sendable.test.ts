import { describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException, depends, reply } from '../index.js';
import { InvalidArgumentError } from '../errors/catalogue.js';
import { bytesOf, checkFraming, checkHeader, checkStatus, sendableStatus } from './sendable.js';
import { toAnswer } from './reply.js';

describe('what an answer can carry', () => {
  test('statuses: integers from 200 to 599', () => {
    for (const status of [200, 201, 204, 302, 401, 599]) expect(sendableStatus(status)).toBe(true);
    for (const status of [0, 42, 100, 101, 150, 199, 600, 1000, 200.5, Number.NaN, '200']) expect(sendableStatus(status)).toBe(false);
    expect(() => checkStatus(150, 'A reply')).toThrow("A reply's status 150 cannot be sent: give an integer from 200 to 599");
  });

  test('header names are tokens; values hold no control character and nothing above U+00FF', () => {
    expect(() => checkHeader('x-ok', 'tab\tand latin-1 é and !#~')).not.toThrow();
    for (const name of ['x bad', 'x:bad', 'x\nbad', '', 'ü']) expect(() => checkHeader(name, 'v')).toThrow(InvalidArgumentError);
    for (const value of ['a\nb', 'a\rb', 'a\0b', 'a\x7fb', 'a\x1bb', 'snow ☃']) expect(() => checkHeader('x-bad', value)).toThrow(/^Header "x-bad" cannot be sent: its value holds/);
  });

  test('the message names the header, never its value (it may be a credential)', () => {
    expect(() => checkHeader('set-cookie', 'session=s3cr3t\r\nx')).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument, message: expect.not.stringContaining('s3cr3t') }));
  });

  test('a header value that is not a string is refused with the fix', () => {
    expect(() => checkHeader('x-count', 5 as unknown as string)).toThrow('Header "x-count" cannot be sent: give its value as a string (or several values as an array of strings), not number');
    expect(() => toAnswer(reply({}, { headers: { 'x-list': ['a', null as unknown as string] } }), 200)).toThrow('not null');
  });

  test('framing: content-length must be the body length, transfer-encoding is the server\'s', () => {
    expect(() => checkFraming([['content-length', '6']], 200, 'héllo')).not.toThrow();
    expect(() => checkFraming([['content-length', ' 2 ']], 200, new Uint8Array(2))).not.toThrow();
    expect(() => checkFraming([['content-length', '5']], 200, 'héllo')).toThrow('Header "content-length" does not match the body (6 bytes)');
    expect(() => checkFraming([['content-length', '10']], 200, undefined)).toThrow('(0 bytes)');
    expect(() => checkFraming([['content-length', '10']], 304, undefined)).not.toThrow();
    expect(() => checkFraming([['transfer-encoding', 'chunked']], 200, 'x')).toThrow('Header "transfer-encoding" cannot be set on an answer');
    expect(() => toAnswer(reply.text('hello', { headers: { 'Content-Length': '99' } }), 200)).toThrow(InvalidArgumentError);
    expect(() => toAnswer(reply.empty({ status: 200, headers: { 'content-length': '3' } }), 200)).toThrow('(0 bytes)');
    expect(toAnswer(reply({ a: 1 }, { headers: { 'content-length': '7' } }), 200).headers).toContainEqual(['content-length', '7']);
    // the answer to a HEAD request says how long the GET's body is
    const head = reply.empty({ status: 200, headers: { 'content-length': '1234' } });
    expect(toAnswer(head, 200, 'HEAD').headers).toEqual([['content-length', '1234']]);
    expect(() => toAnswer(head, 200, 'GET')).toThrow('(0 bytes)');
    expect(() => checkFraming([['transfer-encoding', 'chunked']], 200, undefined, true)).toThrow(InvalidArgumentError);
  });

  test('reply.bytes(): a Uint8Array as it is, other binary forms as a Uint8Array over the same bytes', () => {
    const array = new Uint8Array([1, 2]);
    expect(bytesOf(array)).toBe(array);
    expect(bytesOf(new Uint16Array([0x0201]).buffer)).toEqual(new Uint8Array([1, 2]));
    expect(bytesOf(new DataView(new Uint8Array([9, 1, 2, 9]).buffer, 1, 2))).toEqual(new Uint8Array([1, 2]));
    expect(bytesOf('é')).toEqual(new Uint8Array([0xc3, 0xa9]));
    expect(() => bytesOf({ length: 2 })).toThrow('reply.bytes() cannot send object: give a Uint8Array (a Buffer), an ArrayBuffer or a view of one');
    expect(toAnswer(reply.bytes(new Uint8Array([0, 1, 2, 0]).subarray(1, 3).buffer), 200).body).toEqual(new Uint8Array([0, 1, 2, 0]));
  });

  test("a reply's headers and status are checked while its answer is built", () => {
    expect(() => toAnswer(reply.text('x', { headers: { 'X-Note': 'a\r\nSet-Cookie: x=1' } }), 200)).toThrow(/Header "x-note" cannot be sent/);
    expect(() => toAnswer(reply({}, { headers: { 'x-list': ['ok', 'a\nb'] } }), 200)).toThrow(/Header "x-list"/);
    expect(() => toAnswer(reply({}, { status: 42 }), 200)).toThrow("A reply's status 42 cannot be sent");
    expect(toAnswer(reply({}, { status: 299, headers: { 'x-ok': 'fine' } }), 200)).toMatchObject({ status: 299, headers: [['x-ok', 'fine'], ['content-type', 'application/json']] });
  });
});

describe('an answer that cannot be sent is a 500, told to onError', () => {
  const setup = () => {
    const errors: unknown[] = [];
    const events: string[] = [];
    const app = new DependsApp({ onError: (e) => errors.push(e) });
    const tx = depends(async function* () {
      events.push('open');
      try {
        yield 'tx';
      } catch (error) {
        events.push(`close with ${(error as Error).constructor.name}`);
        throw error;
      }
    });
    app.route('GET', '/header', { tx }, () => reply.text('x', { headers: { 'x-next': 'a\nb' } }));
    app.route('GET', '/status', {}, () => reply.empty({ status: 150 }));
    app.route('GET', '/exception', {}, () => {
      throw new HTTPException(1000, 'odd');
    });
    return { app, errors, events };
  };

  test("a handler's header with a newline: the route's teardown sees the error, the client a plain 500", async () => {
    const { app, errors, events } = setup();
    const res = await app.request({ url: '/header' });
    expect([res.status, res.header('x-next'), res.json()]).toEqual([500, undefined, { detail: 'Internal Server Error' }]);
    expect(events).toEqual(['open', 'close with InvalidArgumentError']);
    expect(errors).toEqual([expect.objectContaining({ code: ErrorCode.InvalidArgument, message: expect.stringContaining('Header "x-next"') })]);
  });

  test('a 1xx reply (never a final answer) and an HTTPException with status 1000', async () => {
    const { app, errors } = setup();
    for (const url of ['/status', '/exception']) {
      const res = await app.request({ url });
      expect([res.status, res.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    }
    expect(errors.map((e) => (e as Error).message)).toEqual([
      "A reply's status 150 cannot be sent: give an integer from 200 to 599",
      "An HTTPException's status 1000 cannot be sent: give an integer from 200 to 599",
    ]);
    expect((errors[1] as { cause?: unknown }).cause).toBeInstanceOf(HTTPException);
  });

  test("a route's status option that cannot be sent fails when the route is added, naming it", () => {
    const app = new DependsApp();
    expect(() => app.route('POST', '/items', {}, () => ({}), { status: 42 })).toThrow(ConfigurationError);
    expect(() => app.route('POST', '/items', {}, () => ({}), { status: 1000 })).toThrow('Route POST /items: status 1000 cannot be sent; give an integer from 200 to 599');
  });
});
