import { describe, expect, test } from 'vitest';
import { createRequestView } from '../request/view.js';
import { readParsedBody } from './body.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.js';

describe('jsonTooDeep', () => {
  test('the position where nesting passes the limit, or -1', () => {
    expect(jsonTooDeep('[[1]]', 2)).toBe(-1);
    expect(jsonTooDeep('[[[1]]]', 2)).toBe(2);
    expect(jsonTooDeep('[{"a":[1]}]', 2)).toBe(6);
    expect(jsonTooDeep('[[],[],[],[]]', 2)).toBe(-1);
  });
  test('brackets inside strings, escaped quotes included, do not count', () => {
    expect(jsonTooDeep('["[[[[", "\\"[[[[", {"k[[[": 1}]', 2)).toBe(-1);
  });
  test('a 1 MB body in one pass', () => {
    expect(jsonTooDeep('['.repeat(1 << 20))).toBe(MAX_JSON_DEPTH);
    expect(jsonTooDeep(`[${'"x",'.repeat(1 << 18)}1]`)).toBe(-1);
  });
});

describe('JSON bodies nested deeper than the limit', () => {
  test('are a 422 json_invalid before parsing', async () => {
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await expect(readParsedBody(createRequestView({ method: 'POST', headers: { 'content-type': 'application/json' }, bodyText: text }))).rejects.toMatchObject({
      status: 422,
      errors: [{ type: 'json_invalid', loc: ['body', MAX_JSON_DEPTH], msg: 'JSON decode error' }],
    });
  });
  test(`${MAX_JSON_DEPTH} levels are read`, async () => {
    const text = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    await expect(readParsedBody(createRequestView({ method: 'POST', headers: { 'content-type': 'application/json' }, bodyText: text }))).resolves.toMatchObject({ kind: 'json' });
  });
});
