import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { SchemaComponents } from './schemas.js';

describe('zod → JSON Schema for the document', () => {
  test('draft 2020-12 without $schema; safe-integer bounds dropped; input side by default', () => {
    const c = new SchemaComponents();
    expect(c.schema(z.number().int())).toStrictEqual({ type: 'integer' });
    expect(c.schema(z.number().int().min(0))).toStrictEqual({ type: 'integer', minimum: 0 });
    expect(c.schema(z.string().default('x'))).toStrictEqual({ default: 'x', type: 'string' });
    expect(c.schema(z.string().nullable())).toStrictEqual({ type: ['string', 'null'] });
    expect(c.schema(z.string().transform(Number))).toStrictEqual({ type: 'string' });
    expect(c.schema(z.object({ a: z.string() }), { side: 'output' })).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    expect(c.schema(z.strictObject({ a: z.string() }), { side: 'output' })).toMatchObject({ additionalProperties: false });
    expect(c.schema('not zod')).toStrictEqual({});
    expect(c.schemas).toStrictEqual({});
  });

  test('an id or a given name makes a component; the same schema gives the same reference', () => {
    const c = new SchemaComponents();
    const Pet = z.object({ name: z.string() }).meta({ id: 'Pet', description: 'A pet.' });
    expect(c.schema(Pet)).toStrictEqual({ $ref: '#/components/schemas/Pet' });
    expect(c.schema(Pet)).toStrictEqual({ $ref: '#/components/schemas/Pet' });
    expect(c.schema(z.object({ n: z.number() }), { name: 'Named' })).toStrictEqual({ $ref: '#/components/schemas/Named' });
    expect(c.schema(Pet, { name: 'Alias' })).toStrictEqual({ $ref: '#/components/schemas/Alias' });
    expect(c.sorted()).toStrictEqual({
      Alias: { $ref: '#/components/schemas/Pet' },
      Named: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
      Pet: { description: 'A pet.', type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    });
  });

  test('each document gets its own objects (mutating one document does not touch the next)', () => {
    const S = z.object({ a: z.string() });
    const first = new SchemaComponents().schema(S);
    (first.properties as Record<string, unknown>).a = 'mutated';
    expect(new SchemaComponents().schema(S)).toStrictEqual({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
  });

  test('a name whose input and output forms differ: the second side gets a suffix, references follow', () => {
    const c = new SchemaComponents();
    const Inner = z.object({ n: z.number().default(1) }).meta({ id: 'Inner' });
    const Outer = z.object({ inner: Inner }).meta({ id: 'Outer' });
    expect(c.schema(Outer, { side: 'output' })).toStrictEqual({ $ref: '#/components/schemas/Outer' });
    expect(c.schema(Outer)).toStrictEqual({ $ref: '#/components/schemas/Outer-Input' });
    expect(c.schemas['Outer-Input']).toStrictEqual({
      type: 'object',
      properties: { inner: { $ref: '#/components/schemas/Inner-Input' } },
      required: ['inner'],
    });
    expect(c.schemas.Outer).toStrictEqual({ type: 'object', properties: { inner: { $ref: '#/components/schemas/Inner' } }, required: ['inner'] });
    expect(c.schemas['Inner-Input']).toStrictEqual({ type: 'object', properties: { n: { default: 1, type: 'number' } } });
  });
});
