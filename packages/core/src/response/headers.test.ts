import { describe, expect, test } from 'vitest';
import { groupHeaders, setHeaders } from './headers.js';

describe('groupHeaders', () => {
  test('one value per name; a repeated name keeps every value, in order', () => {
    const grouped = groupHeaders([
      ['www-authenticate', 'Bearer'],
      ['content-type', 'application/json'],
      ['www-authenticate', 'Basic'],
      ['www-authenticate', 'Digest'],
    ]);
    expect({ ...grouped }).toEqual({ 'www-authenticate': ['Bearer', 'Basic', 'Digest'], 'content-type': 'application/json' });
    expect(Object.keys(grouped)).toEqual(['www-authenticate', 'content-type']);
  });

  test('a header named like an Object member, or __proto__, is just a header, repeated or not', () => {
    const grouped = groupHeaders([
      ['constructor', 'x'],
      ['__proto__', 'p1'],
      ['tostring', 'y'],
      ['__proto__', 'p2'],
      ['hasownproperty', 'z'],
    ]);
    expect(Object.keys(grouped)).toEqual(['constructor', '__proto__', 'tostring', 'hasownproperty']);
    expect(grouped.constructor).toBe('x');
    expect(Object.getOwnPropertyDescriptor(grouped, '__proto__')?.value).toEqual(['p1', 'p2']);
    expect(Object.getPrototypeOf(grouped)).toBe(Object.prototype);
    expect(groupHeaders([['toString', 'a'], ['toString', 'b']]).toString).toEqual(['a', 'b']);
  });
});

describe('setHeaders', () => {
  const calls = (lines: Parameters<typeof setHeaders>[0]) => {
    const out: [string, string | string[]][] = [];
    setHeaders(lines, (name, value) => out.push([name, value]));
    return out;
  };

  test('one call per name, with the array of a repeated name', () => {
    expect(calls([['set-cookie', 'a=1'], ['content-type', 'text/plain'], ['set-cookie', 'b=2']])).toEqual([
      ['set-cookie', ['a=1', 'b=2']],
      ['content-type', 'text/plain'],
    ]);
  });

  test('a single line is set as it is; no lines, no call', () => {
    expect(calls([['content-type', 'application/json']])).toEqual([['content-type', 'application/json']]);
    expect(calls([])).toEqual([]);
  });
});
