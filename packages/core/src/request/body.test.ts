import { describe, expect, test } from 'vitest';
import { parseBody, readParsedBody } from './body.js';
import { createRequestView } from './view.js';

describe('parseBody()', () => {
  test('with accepts: another media type is refused before parsing (415); an empty body is none', async () => {
    await expect(parseBody({ kind: 'text', text: 'a=1' }, 'application/x-www-form-urlencoded', ['application/json'])).rejects.toMatchObject({ status: 415 });
    expect(await parseBody({ kind: 'text', text: '' }, 'text/plain', ['application/json'])).toEqual({ kind: 'none' });
  });

  test('JSON also without a content type; text otherwise; empty is none', async () => {
    expect(await parseBody({ kind: 'text', text: '[1]' }, undefined)).toEqual({ kind: 'json', value: [1] });
    expect(await parseBody({ kind: 'text', text: 'hi' }, 'text/plain')).toEqual({ kind: 'text', text: 'hi' });
    expect(await parseBody({ kind: 'text', text: '' }, 'application/json')).toEqual({ kind: 'none' });
    expect(await parseBody({ kind: 'bytes', bytes: new TextEncoder().encode('{"a":1}') }, 'application/vnd.api+json')).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
  });

  test('a form body: url-encoded text, or an already parsed object (its last value for get)', async () => {
    const parsed = await parseBody({ kind: 'text', text: 'a=1&a=2&b=x' }, 'application/x-www-form-urlencoded');
    expect(parsed.kind === 'form' && [parsed.fields.getAll('a'), parsed.fields.get('b')]).toEqual([['1', '2'], 'x']);
    const fromObject = await parseBody({ kind: 'parsed', value: { a: ['1', '2'] } }, 'application/x-www-form-urlencoded');
    expect(fromObject.kind === 'form' && [fromObject.fields.get('a'), fromObject.fields.getAll('a')]).toEqual(['2', ['1', '2']]);
  });

  test('invalid JSON is a 422 json_invalid with the position', async () => {
    await expect(parseBody({ kind: 'text', text: '{"a":' }, 'application/json')).rejects.toMatchObject({
      status: 422,
      errors: [{ type: 'json_invalid', loc: ['body', expect.any(Number)], msg: 'JSON decode error' }],
    });
  });

  test('JSON bytes that are not UTF-8 are a 400, never U+FFFD in the value; a byte-order mark is dropped; other text is decoded leniently', async () => {
    const bytes = (...b: number[]) => ({ kind: 'bytes' as const, bytes: new Uint8Array(b) });
    const nameIs = (c: number[]) => bytes(...Buffer.from('{"n":"'), ...c, ...Buffer.from('"}'));
    for (const ct of [undefined, 'application/json', 'application/json; charset=latin1', 'application/problem+json']) {
      for (const invalid of [[0xff], [0xe9], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]])
        await expect(parseBody(nameIs(invalid), ct)).rejects.toMatchObject({ status: 400, detail: 'There was an error parsing the body' });
    }
    expect(await parseBody(nameIs([0xc3, 0xa9]), 'application/json')).toEqual({ kind: 'json', value: { n: 'é' } });
    expect(await parseBody(bytes(0xef, 0xbb, 0xbf, ...Buffer.from('[1]')), 'application/json')).toEqual({ kind: 'json', value: [1] });
    expect(await parseBody(bytes(0x61, 0xff), 'text/plain')).toEqual({ kind: 'text', text: 'a\uFFFD' });
  });

  test('a broken multipart body is a 400', async () => {
    await expect(
      parseBody({ kind: 'bytes', bytes: new TextEncoder().encode('garbage') }, 'multipart/form-data; boundary=x'),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('readParsedBody()', () => {
  test('reads the view\'s body with its content type', async () => {
    const view = createRequestView({ headers: { 'content-type': 'application/json' }, bodyText: '{"a":1}' });
    expect(await readParsedBody(view)).toEqual({ kind: 'json', value: { a: 1 } });
    expect(await readParsedBody(createRequestView({}))).toEqual({ kind: 'none' });
  });
});
