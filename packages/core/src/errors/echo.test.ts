import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorAnswer } from '../app/handle.js';
import { createRequestView } from '../request/view.js';
import { HTTPException, RequestValidationError, type ValidationIssue } from './catalogue.js';
import { echoInput, echoIssue, MAX_ECHO_ITEMS, validationBody } from './echo.js';

const deep = (n: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe('echoInput', () => {
  test('scalars and short strings as they are; long strings cut', () => {
    expect([echoInput(1), echoInput(true), echoInput(null), echoInput('abc'), echoInput(undefined)]).toEqual([1, true, null, 'abc', null]);
    expect(echoInput(10n)).toBe('10');
    expect(echoInput(Number.NaN)).toBeNull();
    expect(echoInput('x'.repeat(1000))).toBe(`${'x'.repeat(256)}…`);
  });
  test('one level of arrays and plain objects, never anything nested', () => {
    expect(echoInput({ title: 'milk', tags: ['a'], n: 1 })).toEqual({ title: 'milk', n: 1 });
    expect(echoInput([1, [2], { a: 1 }, 'x'])).toEqual([1, null, null, 'x']);
    expect(echoInput(deep(100_000))).toEqual([null]);
    expect(echoInput(new Map([[1, 2]]))).toBeNull();
    expect(Object.keys(echoInput(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))) as object)).toHaveLength(MAX_ECHO_ITEMS);
    expect(echoInput(Array.from({ length: 100 }, (_, i) => i))).toHaveLength(MAX_ECHO_ITEMS);
  });
  test('a throwing getter or proxy gives null', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    expect(echoInput(hostile)).toBeNull();
  });
  test('echoIssue bounds input, ctx values and loc entries', () => {
    const long = 'k'.repeat(1000);
    const issue = echoIssue({ type: 'x', loc: ['body', long, 3], msg: 'm', input: deep(10), ctx: { keys: [long], error: 'e' } });
    expect(issue).toEqual({ type: 'x', loc: ['body', `${'k'.repeat(256)}…`, 3], msg: 'm', input: [null], ctx: { keys: [`${'k'.repeat(256)}…`], error: 'e' } });
  });
});

describe('errorAnswer never fails to serialise', () => {
  const view = createRequestView();
  test('a 422 whose inputs are 100,000 levels deep', () => {
    const errors: unknown[] = [];
    const answer = errorAnswer(new RequestValidationError([{ type: 't', loc: ['body'], msg: 'm', input: deep(100_000) }]), view, (e) => errors.push(e));
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body as string)).toEqual({ detail: [{ type: 't', loc: ['body'], msg: 'm', input: [null] }] });
    expect(errors).toEqual([]);
  });
  test('an HTTPException whose detail does not serialise keeps its status and headers, with the reason phrase', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const detail of [circular, { n: 1n }, deep(100_000)]) {
      const errors: unknown[] = [];
      const answer = errorAnswer(new HTTPException(401, detail, { 'www-authenticate': 'Bearer' }), view, (e) => errors.push(e));
      expect(answer.status).toBe(401);
      expect(answer.headers).toContainEqual(['www-authenticate', 'Bearer']);
      expect(JSON.parse(answer.body as string)).toEqual({ detail: 'Unauthorized' });
      expect(errors).toHaveLength(1); // the failure is reported to onError
    }
  });
  test('unusable headers too: a plain-text body', () => {
    const answer = errorAnswer(new HTTPException(400, 1n, { bad: 5 as unknown as string }), view, () => {});
    expect(answer).toEqual({ status: 400, headers: [['content-type', 'text/plain; charset=utf-8']], body: 'Bad Request' });
  });
});

describe('validationBody(): the 422 text, written field by field', () => {
  const text = fc.oneof(fc.string(), fc.constantFrom('int_parsing', 'Field required', 'Input should be a valid integer, unable to parse string as an integer', 'a"b\\c', '\u2028', '\uD800'));
  const issue = fc.record(
    {
      type: text,
      loc: fc.array(fc.oneof(text, fc.integer(), fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY)), { maxLength: 40 }),
      msg: text,
      input: fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
      ctx: fc.dictionary(fc.string(), fc.anything({ withBigInt: true })),
    },
    { requiredKeys: ['type', 'loc', 'msg', 'input'] },
  ) as fc.Arbitrary<ValidationIssue>;

  test('the same text as JSON.stringify({ detail: issues.map(echoIssue) }), on any issues', () => {
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 5 }), (issues) => {
        expect(validationBody(issues)).toBe(JSON.stringify({ detail: issues.map(echoIssue) }));
      }),
      { numRuns: 3000 },
    );
  });

  test('an answer FastAPI clients parse', () => {
    const body = validationBody([{ type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }]);
    expect(JSON.parse(body)).toEqual({ detail: [{ type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }] });
  });
});
