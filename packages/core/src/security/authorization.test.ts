import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRequestView } from '../request/view.js';
import { parseAuthorization, readAuthorization } from './authorization.js';
import { isPythonSpace, pythonStrip } from './python-strings.js';

/** A straightforward port of FastAPI's get_authorization_scheme_param, as the reference. */
function reference(value: string | undefined): { scheme: string; credentials: string } {
  if (!value) return { scheme: '', credentials: '' };
  const [scheme, ...rest] = value.split(' ');
  let param = rest.join(' ');
  while (param.length && isPythonSpace(param[0])) param = param.slice(1);
  while (param.length && isPythonSpace(param[param.length - 1])) param = param.slice(0, -1);
  return { scheme, credentials: param };
}

describe('parseAuthorization (FastAPI get_authorization_scheme_param)', () => {
  test.each([
    ['Bearer  foo ', 'Bearer', 'foo'],
    ['Bearer', 'Bearer', ''],
    ['bearer foo bar', 'bearer', 'foo bar'],
    ['Bearer\tfoo', 'Bearer\tfoo', ''],
    ['Bearer \tfoo\t', 'Bearer', 'foo'],
    [' Bearer foo', '', 'Bearer foo'],
    ['Bearer \x1cfoo\x85', 'Bearer', 'foo'],
    ['Bearer \ufefffoo', 'Bearer', '\ufefffoo'],
  ])('%j → (%j, %j)', (value, scheme, credentials) => {
    expect(parseAuthorization(value)).toEqual({ scheme, credentials });
  });

  test('absent or empty → empty parts', () => {
    expect(parseAuthorization(undefined)).toEqual({ scheme: '', credentials: '' });
    expect(parseAuthorization(null)).toEqual({ scheme: '', credentials: '' });
    expect(parseAuthorization('')).toEqual({ scheme: '', credentials: '' });
  });
});

describe('readAuthorization', () => {
  test('matches the scheme case-insensitively and needs credentials', () => {
    const view = (value: string) => createRequestView({ headers: { authorization: value } });
    expect(readAuthorization(view('BEARER x'), 'bearer')).toEqual({ scheme: 'BEARER', credentials: 'x' });
    expect(readAuthorization(view('Bearer'), 'bearer')).toBeUndefined();
    expect(readAuthorization(view('Basic x'), 'bearer')).toBeUndefined();
    expect(readAuthorization(createRequestView(), 'bearer')).toBeUndefined();
  });

  test('several schemes: the parts of whichever was sent; a repeated header is the 400, with the Bearer challenge when asked', () => {
    const view = (value: string) => createRequestView({ headers: { authorization: value } });
    expect(readAuthorization(view('DPoP t'), ['dpop', 'bearer'])).toEqual({ scheme: 'DPoP', credentials: 't' });
    expect(readAuthorization(view('bearer t'), ['dpop', 'bearer'])).toEqual({ scheme: 'bearer', credentials: 't' });
    expect(readAuthorization(view('Basic t'), ['dpop', 'bearer'])).toBeUndefined();
    expect(readAuthorization(view('DPoP'), ['dpop'])).toBeUndefined();
    const twice = createRequestView({ headers: [['authorization', 'DPoP a'], ['authorization', 'DPoP b']] });
    expect(() => readAuthorization(twice, ['dpop'])).toThrow(expect.objectContaining({ status: 400, headers: undefined }));
    expect(() => readAuthorization(twice, ['dpop'], true)).toThrow(expect.objectContaining({ status: 400, headers: { 'www-authenticate': expect.stringMatching(/^Bearer error="invalid_request"/) } }));
    expect(() => readAuthorization(twice, ['dpop', 'bearer'])).toThrow(expect.objectContaining({ headers: { 'www-authenticate': expect.stringMatching(/^Bearer /) } }));
  });

  test('the usual header (the expected scheme as is, then a space) reads as any other: every line and expected scheme give what parsing and comparing give', () => {
    const view = (value: string) => createRequestView({ headers: { authorization: value } });
    expect(readAuthorization(view('Bearer  t '), 'Bearer')).toEqual({ scheme: 'Bearer', credentials: 't' });
    expect(readAuthorization(view('Bearer   '), 'Bearer')).toBeUndefined();
    expect(readAuthorization(view(' t'), '')).toBeUndefined();
    expect(readAuthorization(view('My Scheme t'), 'My Scheme')).toBeUndefined(); // the scheme ends at the first space
    expect(readAuthorization(view('Bearer t'), ['DPoP', 'Bearer'])).toEqual({ scheme: 'Bearer', credentials: 't' });
    expect(readAuthorization(view('DPoP  t'), ['DPoP', 'Bearer'])).toEqual({ scheme: 'DPoP', credentials: 't' });
    expect(readAuthorization(view('DPoP '), ['DPoP', 'Bearer'])).toBeUndefined();
    const unit = fc.constantFrom('B', 'b', 'e', ' ', '\t', 't', '\u00a0');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), fc.oneof(fc.constantFrom('Bearer', 'bearer', 'Be', ''), fc.string({ unit, maxLength: 3 })), (line, expected) => {
        const parts = reference(line);
        const wanted = parts.scheme && parts.credentials && parts.scheme.toLowerCase() === expected.toLowerCase() ? parts : undefined;
        expect(readAuthorization(view(line), expected)).toEqual(wanted);
        const either = parts.scheme && parts.credentials && [expected, 'Be'].some((e) => parts.scheme.toLowerCase() === e.toLowerCase()) ? parts : undefined;
        expect(readAuthorization(view(line), [expected, 'Be'])).toEqual(either);
      }),
      { numRuns: 3000 },
    );
  });

  test('compares schemes as their lower-case forms do, beyond ASCII too', () => {
    const view = (value: string) => createRequestView({ headers: { authorization: value } });
    expect(readAuthorization(view('bEaReR x'), 'BEARER')).toEqual({ scheme: 'bEaReR', credentials: 'x' });
    expect(readAuthorization(view('Bearer@ x'), 'bearer`')).toBeUndefined(); // '@' | 0x20 is '`'
    expect(readAuthorization(view('Bearer[ x'), 'bearer{')).toBeUndefined();
    expect(readAuthorization(view('\u0130x y'), 'i\u0307x')).toEqual({ scheme: '\u0130x', credentials: 'y' }); // 'İ' lower-cases to two code units
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('b', 'B', 'e', 'E', '@', '`', '[', '{', '\u0130', 'i', '\u0307', '\u00c9', '\u00e9'), minLength: 1, maxLength: 5 }), fc.string({ unit: fc.constantFrom('b', 'B', 'e', '@', '`', '[', '{', 'i', '\u0307', '\u00e9'), minLength: 1, maxLength: 5 }), (sent, expected) => {
        const parts = readAuthorization(view(`${sent} token`), expected);
        expect(parts !== undefined).toBe(sent.toLowerCase() === expected.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties', () => {
  const headerish = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom('Bearer', 'bearer', 'Basic', ' ', '  ', '\t', 'x', 'tok en', '\x85', '\u00a0', '\ufeff'), { maxLength: 8 }).map((a) => a.join('')),
  );

  test('never throws and agrees with the reference port', () => {
    fc.assert(
      fc.property(fc.option(headerish, { nil: undefined }), (value) => {
        expect(parseAuthorization(value)).toEqual(reference(value));
      }),
      { numRuns: 3000 },
    );
  });

  test('the scheme never holds a space, the credentials are always stripped', () => {
    fc.assert(
      fc.property(headerish, (value) => {
        const { scheme, credentials } = parseAuthorization(value);
        expect(scheme.includes(' ')).toBe(false);
        expect(pythonStrip(credentials)).toBe(credentials);
      }),
      { numRuns: 2000 },
    );
  });

  test('round-trips a scheme token and stripped credentials', () => {
    const scheme = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    const credentials = fc.string().map(pythonStrip);
    fc.assert(
      fc.property(scheme, credentials, fc.nat(3), fc.nat(3), (s, c, before, after) => {
        const value = `${s} ${' '.repeat(before)}${c}${' '.repeat(after)}`;
        expect(parseAuthorization(value)).toEqual({ scheme: s, credentials: c });
      }),
      { numRuns: 2000 },
    );
  });
});
