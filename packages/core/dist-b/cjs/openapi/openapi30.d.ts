/**
 * JSON Schema as OpenAPI 3.1 writes it (draft 2020-12), in OpenAPI 3.0's
 * dialect: what `mergeDocument()` gives an app whose own document is 3.0.
 */
import type { JsonSchema } from './types.js';
/**
 * One schema in OpenAPI 3.0's dialect: `const` becomes `enum: [value]`,
 * `type: [T, "null"]` and `anyOf: [S, { type: "null" }]` become
 * `nullable: true`, a numeric `exclusiveMinimum`/`exclusiveMaximum` the
 * bound with `exclusiveMinimum: true`, `examples` the first `example`, a
 * `$ref` with other keywords `allOf: [{ $ref }]` with them, boolean
 * schemas `{}` and `{ not: {} }`; annotations 3.0 has no place for are
 * left out. Anything else 3.0 cannot say (tuples, `patternProperties`,
 * `if`/`then`/`else`, `dependentSchemas`, ...) calls `fail` with where it
 * is (`at`, a JSON pointer under it) and the keyword.
 *
 * @example
 * ```ts
 * to30({ type: ['string', 'null'], const: 'a' }, '#/components/schemas/A', fail) // { type: 'string', nullable: true, enum: ['a'] }
 * ```
 */
export declare function to30(schema: unknown, at: string, fail: (at: string, what: string) => never): JsonSchema;
