import { describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException, depends, reply } from '../index.js';
import { InvalidArgumentError } from '../errors/catalogue.js';
import { checkHeader, checkStatus, sendableStatus } from './sendable.js';
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
