import { describe, expect, test } from 'vitest';
import { argBuilder, canGenerateCode } from './plan.js';

/** Where the runtime forbids code generation (a CI step runs the suite so), only the closure can be built. */
const modes: [string, boolean][] = canGenerateCode ? [['generated', true], ['closure', false]] : [['closure', false]];

describe('argBuilder', () => {
  const values = ['a', 'b', 'c', { user: 1 }, 'e', 'query'];

  test.each(modes)('%s: builds the input object from the slots, or undefined when an input failed', (_, generate) => {
    const build = argBuilder(['user', 'q'], [3, 5], generate);
    expect(build(values, undefined)).toEqual({ user: { user: 1 }, q: 'query' });
    expect(Object.keys(build(values, undefined)!)).toEqual(['user', 'q']);
    expect(build(values, new Uint8Array(6))).toEqual({ user: { user: 1 }, q: 'query' });
    const failed = new Uint8Array(6);
    failed[5] = 1;
    expect(build(values, failed)).toBeUndefined();
    failed[5] = 0;
    failed[0] = 1; // a slot the step does not read
    expect(build(values, failed)).toEqual({ user: { user: 1 }, q: 'query' });
  });

  test.each(modes)('%s: names that are not identifiers, and no inputs', (_, generate) => {
    expect(argBuilder(['x-api-key', "it's", '0'], [0, 1, 2], generate)(values, undefined)).toEqual({ 'x-api-key': 'a', "it's": 'b', 0: 'c' });
    expect(argBuilder([], [], generate)(values, undefined)).toEqual({});
  });

  test('code generation is detected once, from the runtime', () => {
    // Node under --disallow-code-generation-from-strings (a CI step) reports false here.
    let allowed = true;
    try {
      // eslint-disable-next-line no-new-func
      new Function('return 1')();
    } catch {
      allowed = false;
    }
    expect(canGenerateCode).toBe(allowed);
    expect(argBuilder(['a'], [0])(['x'], undefined)).toEqual({ a: 'x' });
    // asked to generate where the runtime refuses: the closure, and the refusal remembered
    expect(argBuilder(['a'], [0], true)(['x'], undefined)).toEqual({ a: 'x' });
    expect(canGenerateCode).toBe(allowed);
  });
});
