import { describe, expect, it } from 'vitest';
import { installedBy, installedKind, markInstalled } from './installed.js';

describe('installed marks', () => {
  it('tells what an install made, and who made it', () => {
    const owner = {};
    const fn = () => undefined;
    expect(installedKind(fn)).toBeUndefined();
    expect(installedBy(fn, owner)).toBe(false);
    expect(markInstalled(fn, 'checkpoint', owner)).toBe(fn);
    expect(installedKind(fn)).toBe('checkpoint');
    expect(installedBy(fn, owner)).toBe(true);
    expect(installedBy(fn, {})).toBe(false);
    expect(installedKind('not a function')).toBeUndefined();
  });

  it('keeps the marks of the function it wraps: a router two apps share carries both owners', () => {
    const first = {};
    const second = {};
    const inner = markInstalled(() => undefined, 'wrapper', first);
    const outer = markInstalled(() => undefined, 'wrapper', second, inner);
    expect(installedBy(outer, first)).toBe(true);
    expect(installedBy(outer, second)).toBe(true);
    expect(installedBy(inner, second)).toBe(false);
  });

  it('leaves the marks off what the function shows', () => {
    const fn = markInstalled(() => undefined, 'param', {});
    expect(Object.keys(fn)).toEqual([]);
    expect(Object.getOwnPropertySymbols(fn).map((s) => Object.getOwnPropertyDescriptor(fn, s)?.enumerable)).toEqual([false, false]);
  });
});
