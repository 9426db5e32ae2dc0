import { describe, expect, test } from 'vitest';
import { dedupe, materialize, product } from './requirements.js';

describe('security requirement algebra', () => {
  test('no factor: nothing required', () => {
    expect(product([])).toEqual([[]]);
  });

  test('AND of required schemes is one alternative', () => {
    expect(product([[['A']], [['B']], [['A']]])).toEqual([['A', 'B']]);
  });

  test('OR × AND × optional: cartesian product, de-duplicated', () => {
    expect(product([[['A'], ['B']], [['C']]])).toEqual([
      ['A', 'C'],
      ['B', 'C'],
    ]);
    expect(product([[[], ['A']], [['B']]])).toEqual([['B'], ['A', 'B']]);
    expect(product([[[], ['A']], [['A']]])).toEqual([['A']]);
    expect(product([[['A'], ['B']], [['B'], ['A']]])).toEqual([['A', 'B'], ['A'], ['B']]);
  });

  test('dedupe compares sets', () => {
    expect(dedupe([['A', 'B'], ['B', 'A'], [], []])).toEqual([['A', 'B'], []]);
  });

  test('materialize orders keys by first appearance and attaches each scheme\'s scopes', () => {
    const scopes = new Map([
      ['A', ['me']],
      ['B', []],
    ]);
    expect(materialize([['B', 'A'], [], ['B']], scopes)).toStrictEqual([{ A: ['me'], B: [] }, {}, { B: [] }]);
  });
});
