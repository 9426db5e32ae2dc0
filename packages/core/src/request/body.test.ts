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
