/**
 * Which zod schemas a parameter can be read with: a header, query value,
 * cookie or path segment is a string (converted to a number or boolean
 * first when the schema asks for one), so an object, a record, a nested
 * array or a `Date` can never validate.
 */
import type { Schema } from '../sources/validate.js';
/**
 * What makes a schema unreadable from a parameter's string value (a short
 * description such as `an object`), or `undefined` when it can be read.
 * `repeatable`: the parameter may repeat (header, query), so a top-level
 * array of readable values is fine.
 *
 * @example
 * ```ts
 * unreadableFromString(z.object({ a: z.string() }), true) // 'an object'
 * unreadableFromString(z.array(z.number()), true)          // undefined
 * unreadableFromString(z.array(z.number()), false)         // 'an array'
 * ```
 */
export declare function unreadableFromString(schema: Schema, repeatable: boolean): string | undefined;
