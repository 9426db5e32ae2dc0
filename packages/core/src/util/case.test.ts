import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { equalsIgnoringCase, upperCaseMethod } from './case.js';

describe('equalsIgnoringCase', () => {
  test('says what toLowerCase() on both sides says, ASCII and beyond', () => {
    expect(equalsIgnoringCase('WWW-Authenticate', 'www-authenticate')).toBe(true);
    expect(equalsIgnoringCase('x-@', 'x-`')).toBe(false);
    expect(equalsIgnoringCase('x-[', 'x-{')).toBe(false);
    expect(equalsIgnoringCase('\u0130x', 'i\u0307x')).toBe(true); // 'İ' lower-cases to two code units
    const unit = fc.constantFrom('a', 'A', 'z', 'Z', '@', '`', '[', '{', '-', '\u0130', 'i', '\u0307', '\u00c9', '\u00e9');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.string({ unit, maxLength: 6 }), (a, b) => {
        expect(equalsIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('upperCaseMethod', () => {
  test('a usual method as it is, any other upper-cased', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']) expect(upperCaseMethod(m)).toBe(m);
    expect(upperCaseMethod('get')).toBe('GET');
    expect(upperCaseMethod('Patch')).toBe('PATCH');
    expect(upperCaseMethod('PROPFIND')).toBe('PROPFIND');
    expect(upperCaseMethod('mkcol')).toBe('MKCOL');
  });
});
