import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, body, header, query } from '../index.js';
import { structuralKey } from './structural-key.js';

describe('structuralKey()', () => {
  test('schemas built the same way share a key', () => {
    const make = () => z.object({ title: z.string().min(1).max(200), done: z.boolean().default(false), tags: z.array(z.string()).optional() });
    expect(structuralKey(make())).toBe(structuralKey(make()));
    expect(structuralKey(z.number().int().min(1))).toBe(structuralKey(z.number().int().min(1)));
    expect(structuralKey(z.enum(['a', 'b']))).toBe(structuralKey(z.enum(['a', 'b'])));
  });

  test('any difference in types, checks, defaults, patterns, keys or metadata changes the key', () => {
    const variants = [
      z.string(),
      z.string().min(1),
      z.string().min(2),
      z.string().max(1),
      z.string().regex(/a/),
      z.string().regex(/a/i),
      z.string().email(),
      z.string().describe('a name'),
      z.string().optional(),
      z.string().nullable(),
      z.string().default('x'),
      z.string().default('y'),
      z.number(),
      z.number().int(),
      z.array(z.string()),
      z.object({ a: z.string() }),
      z.object({ b: z.string() }),
      z.object({ a: z.string() }).catchall(z.number()),
      z.literal('a'),
      z.enum(['a']),
    ];
    const keys = variants.map((s) => structuralKey(s));
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(variants.length);
  });

  test('refinements, transforms, pipes, unions and lazy schemas get no key', () => {
    expect(structuralKey(z.string().refine((s) => s.length > 1))).toBeUndefined();
    expect(structuralKey(z.string().transform((s) => s.length))).toBeUndefined();
    expect(structuralKey(z.union([z.string(), z.number()]))).toBeUndefined();
    expect(structuralKey(z.lazy(() => z.string()))).toBeUndefined();
    expect(structuralKey(z.object({ a: z.string().refine(() => true) }))).toBeUndefined();
  });
});

describe('documents with structurally shared schemas', () => {
  test('routes writing their own schemas document exactly what one shared schema documents', () => {
    const shared = { limit: z.number().int().min(1).max(100).default(20), item: z.object({ title: z.string().min(1) }) };
    const build = (inline: boolean) => {
      const app = new DependsApp({ title: 't', version: '1' });
      for (let i = 0; i < 3; i++) {
        const limit = inline ? z.number().int().min(1).max(100).default(20) : shared.limit;
        const item = inline ? z.object({ title: z.string().min(1) }) : shared.item;
        app.route('POST', `/r${i}`, { limit: query('limit', limit), trace: header('x_trace', z.string().optional()), item: body(item) }, () => null);
      }
      return app.openapi();
    };
    expect(build(true)).toEqual(build(false));
  });
});
