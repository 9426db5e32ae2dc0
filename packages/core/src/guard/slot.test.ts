import { describe, expect, test } from 'vitest';
import { requestSlot } from './slot.js';

describe('requestSlot', () => {
  test('a property of the request object under its own symbol, by default', () => {
    const slot = requestSlot<object, number>('depends.test');
    const a = {};
    const b = {};
    expect(slot.get(a)).toBeUndefined();
    slot.set(a, 1);
    expect([slot.get(a), slot.get(b)]).toEqual([1, undefined]);
    expect(Object.getOwnPropertySymbols(a).map(String)).toEqual(['Symbol(depends.test)']);
    // two slots of the same name never share a value
    expect(requestSlot<object, number>('depends.test').get(a)).toBeUndefined();
  });

  test("on the object the adapter names (Express's res.locals), the request object itself untouched", () => {
    const locals = Object.create(null) as object;
    const req = Object.setPrototypeOf({ method: 'GET', res: { locals } }, { get() {} }) as { res: { locals: object } };
    const slot = requestSlot<typeof req, number>('depends.test', (r) => r.res.locals);
    slot.set(req, 2);
    expect(slot.get(req)).toBe(2);
    expect(Reflect.ownKeys(req)).toEqual(['method', 'res']);
    expect(Object.getOwnPropertySymbols(locals).map(String)).toEqual(['Symbol(depends.test)']);
  });
});
