import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { safeEqual } from './compare.js';

describe('safeEqual', () => {
  test('equal and different strings, different lengths', () => {
    expect(safeEqual('secret', 'secret')).toBe(true);
    expect(safeEqual('secret', 'secreT')).toBe(false);
    expect(safeEqual('secret', 'secret-longer')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('pässword', 'pässword')).toBe(true);
  });

  test('distinct lone surrogates stay distinct', () => {
    expect(safeEqual('\ud800', '\ud801')).toBe(false);
  });

  test('agrees with === on any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (a) => {
        expect(safeEqual(a, a)).toBe(true);
      }),
    );
  });
});
