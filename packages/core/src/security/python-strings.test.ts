import { describe, expect, test } from 'vitest';
import { isPythonSpace, pythonSplit, pythonStrip, pythonTitle } from './python-strings.js';

describe('pythonStrip', () => {
  test('strips Python whitespace, not JavaScript whitespace', () => {
    expect(pythonStrip('  foo \t\n')).toBe('foo');
    expect(pythonStrip('\x1c\x1d\x1e\x1ffoo\x85')).toBe('foo');
    expect(pythonStrip('\ufefffoo\ufeff')).toBe('\ufefffoo\ufeff');
    expect(pythonStrip('\u00a0\u3000foo\u2028')).toBe('foo');
    expect(pythonStrip('   ')).toBe('');
    expect(pythonStrip('a b')).toBe('a b');
  });
  test('isPythonSpace', () => {
    expect(isPythonSpace('\x1f')).toBe(true);
    expect(isPythonSpace('\ufeff')).toBe(false);
    expect(isPythonSpace('a')).toBe(false);
  });
});

describe('pythonSplit', () => {
  test('splits on runs of whitespace, drops empties', () => {
    expect(pythonSplit('me items')).toEqual(['me', 'items']);
    expect(pythonSplit('  me \t\n items  ')).toEqual(['me', 'items']);
    expect(pythonSplit('')).toEqual([]);
    expect(pythonSplit('   ')).toEqual([]);
  });
});

describe('pythonTitle (str.title)', () => {
  test.each([
    ['bearer', 'Bearer'],
    ['OTHER', 'Other'],
    ['x-custom', 'X-Custom'],
    ['my_scheme', 'My_Scheme'],
    ['myScheme', 'Myscheme'],
    ['aws4-hmac-sha256', 'Aws4-Hmac-Sha256'],
    ['4a', '4A'],
    ["they're", "They'Re"],
    ['', ''],
    ['straße', 'Straße'],
    ['ßa', 'Ssa'],
    ['ǆemal', 'ǅemal'],
    ['élan vital', 'Élan Vital'],
  ])('%j → %j', (value, expected) => {
    expect(pythonTitle(value)).toBe(expected);
  });
});
