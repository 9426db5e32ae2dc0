import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../errors/catalogue.js';
import { basicChallenge, bearerChallenge, formatChallenge, isToken, quoteString, schemeChallenge } from './challenges.js';

describe('challenges', () => {
  test('quoteString escapes quotes and backslashes', () => {
    expect(quoteString('plain')).toBe('"plain"');
    expect(quoteString('my "app"')).toBe('"my \\"app\\""');
    expect(quoteString('a\\b')).toBe('"a\\\\b"');
    expect(quoteString('tab\there é')).toBe('"tab\there é"');
  });

  test('quoteString refuses what a header cannot carry', () => {
    expect(() => quoteString('a\r\nb')).toThrow(InvalidArgumentError);
    expect(() => quoteString('nul\0')).toThrow(InvalidArgumentError);
    expect(() => quoteString('snow ☃')).toThrow(InvalidArgumentError);
  });

  test('formatChallenge', () => {
    expect(formatChallenge('Basic')).toBe('Basic');
    expect(formatChallenge('Bearer', { realm: 'api', error: undefined, scope: 'a b' })).toBe('Bearer realm="api", scope="a b"');
  });

  test('basicChallenge', () => {
    expect(basicChallenge()).toBe('Basic');
    expect(basicChallenge('')).toBe('Basic');
    expect(basicChallenge('simple')).toBe('Basic realm="simple"');
    expect(basicChallenge('say "hi"')).toBe('Basic realm="say \\"hi\\""');
  });

  test('schemeChallenge title-cases as Python', () => {
    expect(schemeChallenge('other')).toBe('Other');
    expect(schemeChallenge('x-custom')).toBe('X-Custom');
  });

  test('bearerChallenge sanitises descriptions to RFC 6750 characters', () => {
    expect(bearerChallenge({ error: 'invalid_token' })).toBe('Bearer error="invalid_token"');
    expect(bearerChallenge({ error: 'invalid_token', errorDescription: 'expired\r\n é' })).toBe(
      'Bearer error="invalid_token", error_description="expired?? ?"',
    );
    expect(bearerChallenge({ error: 'insufficient_scope', scope: 'items me' })).toBe('Bearer error="insufficient_scope", scope="items me"');
  });

  test('isToken', () => {
    expect(isToken('AWS4-HMAC-SHA256')).toBe(true);
    expect(isToken('')).toBe(false);
    expect(isToken('a b')).toBe(false);
    expect(isToken('a"b')).toBe(false);
  });
});
