/**
 * zod validation for request sources: string coercion for scalar
 * parameters, and zod issues turned into FastAPI's 422 items.
 */
import { type z } from 'zod/v4';
import { Refusal } from '../dependency/refusal.js';
import { type ValidationIssue } from '../errors/catalogue.js';
/** Any zod schema. */
export type Schema = z.ZodType;
/**
 * The schema under optional/default/nullable/pipe wrappers.
 *
 * @example
 * ```ts
 * unwrapSchema(z.number().optional()) // the z.number() schema
 * ```
 */
export declare function unwrapSchema(schema: Schema): Schema;
/**
 * The base type of a schema (`string`, `number`, `array`, `object`, ...).
 *
 * @example
 * ```ts
 * baseType(z.array(z.string()).optional()) // 'array'
 * ```
 */
export declare function baseType(schema: Schema): string;
/** The element schema of an array schema, if it is one. */
export declare function arrayElement(schema: Schema): Schema | undefined;
/** The shape of an object schema, if it is one. */
export declare function objectShape(schema: Schema): Record<string, Schema> | undefined;
/**
 * Whether `undefined` is accepted (the parameter is optional).
 *
 * @example
 * ```ts
 * acceptsUndefined(z.string().optional()) // true
 * ```
 */
export declare function acceptsUndefined(schema: Schema): boolean;
/**
 * Converts a string from a header, query, cookie, path or form to what a
 * scalar schema expects (numbers, booleans), as FastAPI does. Anything that
 * does not convert is left as is so zod reports it.
 *
 * @example
 * ```ts
 * coerceScalar(z.number(), '42') // 42
 * coerceScalar(z.boolean(), 'off') // false
 * ```
 */
export declare function coerceScalar(schema: Schema, raw: string): unknown;
/**
 * A string an integer schema cannot take (`1e1`, `1.5`, `ten`): reported
 * as pydantic's `int_parsing` (FastAPI's 422), never handed to zod, whose
 * coercion would accept `1e1` as 10.
 */
export declare class IntParsing {
    readonly input: string;
    constructor(input: string);
}
/**
 * Whether a number schema only takes integers (`z.int()`, `z.number().int()`,
 * `z.int32()`, …).
 *
 * @example
 * ```ts
 * isIntegerSchema(z.coerce.number().int().optional()) // true
 * ```
 */
export declare function isIntegerSchema(schema: Schema): boolean;
/**
 * The string converter for a scalar schema, chosen once (sources pick it at
 * declaration so no schema is inspected per request).
 *
 * @example
 * ```ts
 * scalarCoercer(z.number().optional())('7') // 7
 * ```
 */
export declare function scalarCoercer(schema: Schema): (raw: string) => unknown;
/**
 * Turns zod issues into 422 items with `loc` prefixed by the source (for
 * example `["query", "limit"]`). A value that is absent is reported as
 * FastAPI does: `{"type":"missing","msg":"Field required","input":null}`.
 *
 * @example
 * ```ts
 * const r = z.number().safeParse('x', { reportInput: true })
 * toValidationIssues(r.error!.issues, ['query', 'limit'])
 * // [{ type: 'invalid_type', loc: ['query','limit'], msg: 'Invalid input: expected number, received string', input: 'x', ctx: { expected: 'number' } }]
 * ```
 */
export declare function toValidationIssues(issues: readonly z.core.$ZodIssue[], loc: readonly (string | number)[]): ValidationIssue[];
/**
 * Validates a value with a schema; throws a 422 listing every problem.
 *
 * @example
 * ```ts
 * validate(z.number().int(), 3, ['query', 'page']) // 3
 * ```
 */
export declare function validate<S extends Schema>(schema: S, value: unknown, loc: readonly (string | number)[]): z.output<S>;
/**
 * {@link validate} for the library's own request sources: the 422 comes back
 * as a {@link Refusal} (which the resolver handles as thrown) rather than
 * being thrown.
 */
export declare function validateOrRefuse<S extends Schema>(schema: S, value: unknown, loc: readonly (string | number)[]): z.output<S> | Refusal;
