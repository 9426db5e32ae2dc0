import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
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

describe('linear on adversarial input (issue 10)', () => {
  // The former trailing `[…]+$` regex backtracked: O(n²) on "a" + n spaces + "b"
  // (1 MB took minutes). An index loop answers at once; a regression hits the test timeout.
  const MB = 1024 * 1024;
  const spaces = ' '.repeat(MB);
  test('strip and split of 1 MB whitespace runs between two words', () => {
    expect(pythonStrip(`a${spaces}b`)).toBe(`a${spaces}b`);
    expect(pythonSplit(`a${spaces}b`)).toEqual(['a', 'b']);
    expect(pythonStrip(`${spaces}a${spaces}`)).toBe('a');
    expect(pythonSplit('\x1f\u3000'.repeat(MB / 2))).toEqual([]);
    expect(pythonSplit('a '.repeat(MB / 2))).toHaveLength(MB / 2);
  });
});

describe('same answers as the regular-expression definitions', () => {
  const SET = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
  const reference = {
    space: (c: string) => new RegExp(`^[${SET}]$`).test(c),
    strip: (v: string) => v.replace(new RegExp(`^[${SET}]+`), '').replace(new RegExp(`[${SET}]+$`), ''),
    split: (v: string) => {
      const s = reference.strip(v);
      return s === '' ? [] : s.split(new RegExp(`[${SET}]+`));
    },
  };
  const alphabet = [' ', '\t', '\n', '\x0b', '\x1c', '\x1f', '\x85', '\xa0', '\u2000', '\u200a', '\u200b', '\u3000', '\ufeff', 'a', 'b', '\x00', '\ud800'];
  const text = fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
  test('isPythonSpace over every BMP code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      if (isPythonSpace(c) !== reference.space(c)) throw new Error(`U+${code.toString(16)}`);
    }
  });
  test('strip and split', () => {
    fc.assert(
      fc.property(text, (v) => {
        expect(pythonStrip(v)).toBe(reference.strip(v));
        expect(pythonSplit(v)).toEqual(reference.split(v));
      }),
      { numRuns: 2000 },
    );
  });
});
