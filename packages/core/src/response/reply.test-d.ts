import { describe, expectTypeOf, test } from 'vitest';
import { Reply, reply } from './reply.js';

describe('reply types', () => {
  test('reply.bytes() takes every binary form, not strings or plain objects', () => {
    expectTypeOf(reply.bytes).parameter(0).toEqualTypeOf<Uint8Array | ArrayBuffer | ArrayBufferView>();
    expectTypeOf(reply.bytes(new ArrayBuffer(2))).toEqualTypeOf<Reply>();
    expectTypeOf(reply.bytes(new DataView(new ArrayBuffer(2)))).toEqualTypeOf<Reply>();
    // @ts-expect-error: text goes through reply.text()
    reply.bytes('text');
    // @ts-expect-error: an array-like object is not bytes
    reply.bytes({ length: 2 });
  });

  test('reply() and reply.text() take headers as strings or arrays of strings', () => {
    expectTypeOf(reply({}, { status: 201, headers: { location: '/items/1', 'set-cookie': ['a=1', 'b=2'] } })).toEqualTypeOf<Reply>();
    // @ts-expect-error: a header value is a string
    reply.text('x', { headers: { 'x-count': 5 } });
  });
});
