/**
 * zod 4 → JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) and the
 * document's `components.schemas`: schemas named by `.meta({ id })` (or a
 * source's `schemaName`) become components referenced with `$ref`.
 */
import { z } from 'zod/v4';
import type { JsonSchema } from './types.js';
/** Which side of a transform to describe: requests use the input, responses the output. */
export type SchemaSide = 'input' | 'output';
/**
 * Whether a value is a zod 4 schema.
 *
 * @example
 * ```ts
 * isZodSchema(z.string()) // true
 * ```
 */
export declare function isZodSchema(value: unknown): value is z.ZodType;
/**
 * The `components.schemas` of one document under construction: converts
 * zod schemas (cached per schema object across documents), registers named
 * ones, and refuses two different schemas under one name. As in FastAPI,
 * a named schema whose request (input) and response (output) forms differ
 * gets a second component, `Name-Output` (or `Name-Input`, whichever comes
 * second).
 *
 * @example
 * ```ts
 * const components = new SchemaComponents()
 * const Item = z.object({ title: z.string() }).meta({ id: 'Item' })
 * components.schema(Item)      // { $ref: '#/components/schemas/Item' }
 * components.schemas.Item      // { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] }
 * ```
 */
export declare class SchemaComponents {
    #private;
    /** The named schemas registered so far. */
    readonly schemas: Record<string, JsonSchema>;
    /**
     * The JSON Schema of a zod schema: a `$ref` when it is named (`name`, its
     * zod `id`, or because it is recursive), else the schema inline. Anything
     * that is not a zod schema documents as `{}`.
     *
     * @example
     * ```ts
     * components.schema(z.number().int().min(1)) // { type: 'integer', minimum: 1 }
     * components.schema(Item, { side: 'output' }) // { $ref: '#/components/schemas/Item' }
     * ```
     */
    schema(schema: unknown, options?: {
        name?: string;
        side?: SchemaSide;
    }): JsonSchema;
    /**
     * Registers a ready JSON Schema under a name (used for the built-in error
     * bodies and `Body_…` schemas); returns its `$ref`.
     *
     * @example
     * ```ts
     * components.add('HTTPError', HTTP_ERROR) // { $ref: '#/components/schemas/HTTPError' }
     * ```
     */
    add(name: string, schema: JsonSchema): JsonSchema;
    /**
     * The registered schemas sorted by name (FastAPI's order).
     *
     * @example
     * ```ts
     * Object.keys(components.sorted()) // ['HTTPValidationError', 'Item', 'ValidationError']
     * ```
     */
    sorted(): Record<string, JsonSchema>;
}
