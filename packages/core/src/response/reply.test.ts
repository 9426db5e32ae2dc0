import { describe, expect, test } from 'vitest';
import { Reply, jsonAnswer, reply, toAnswer } from './reply.js';

describe('answers', () => {
  test('a plain result is JSON with the default status; undefined is null', () => {
    expect(toAnswer({ a: 1 }, 201)).toEqual({ status: 201, headers: [['content-type', 'application/json']], body: '{"a":1}' });
    expect(toAnswer(undefined, 200).body).toBe('null');
  });

  test('reply() sets status and header lines (a repeated header as several lines); its content-type wins', () => {
    const answer = toAnswer(reply({ ok: true }, { status: 202, headers: { 'Set-Cookie': ['a=1', 'b=2'], 'content-type': 'application/problem+json' } }), 200);
    expect(answer.status).toBe(202);
    expect(answer.headers).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['content-type', 'application/problem+json'],
    ]);
    expect(answer.body).toBe('{"ok":true}');
  });

  test('text, bytes and empty replies', () => {
    expect(toAnswer(reply.text('hi'), 200)).toEqual({ status: 200, headers: [['content-type', 'text/plain; charset=utf-8']], body: 'hi' });
    const bytes = toAnswer(reply.bytes(new Uint8Array([1, 2])), 200);
    expect(bytes.body).toEqual(new Uint8Array([1, 2]));
    expect(bytes.headers).toEqual([['content-type', 'application/octet-stream']]);
    expect(toAnswer(reply.empty(), 200)).toEqual({ status: 204, headers: [], body: undefined });
    expect(reply('x')).toBeInstanceOf(Reply);
  });

  test('statuses without a body send none', () => {
    expect(jsonAnswer(304, { a: 1 })).toEqual({ status: 304, headers: [], body: undefined });
    expect(toAnswer(reply({ a: 1 }, { status: 204 }), 200).body).toBeUndefined();
  });

  test('jsonAnswer with headers keeps them in order and adds the JSON content type', () => {
    expect(jsonAnswer(401, { detail: 'Not authenticated' }, { 'WWW-Authenticate': ['Bearer', 'Basic'] })).toEqual({
      status: 401,
      headers: [
        ['www-authenticate', 'Bearer'],
        ['www-authenticate', 'Basic'],
        ['content-type', 'application/json'],
      ],
      body: '{"detail":"Not authenticated"}',
    });
  });
});
