/**
 * What an error answer may echo of the request: scalars and short strings,
 * one level of plain objects and arrays, never a nested structure. An
 * error answer must serialise whatever the client sent (a 10 KB `[[[[…]]]]`
 * used to overflow `JSON.stringify` and turn a 422 into a 500).
 */
import type { ValidationIssue } from './catalogue.js';
/** Longest string echoed as is (characters); a longer one is cut, ending with `…`. */
export declare const MAX_ECHO_LENGTH = 256;
/** Most keys or items echoed from an object or array. */
export declare const MAX_ECHO_ITEMS = 32;
/**
 * The part of a request value an error answer echoes: a scalar or short
 * string as is (a longer string cut to {@link MAX_ECHO_LENGTH} characters
 * and `…`), an array or plain object one level deep (its first
 * {@link MAX_ECHO_ITEMS} entries, nested values as `null` in arrays and
 * left out of objects), anything else `null`. Never throws; the result
 * always serialises.
 *
 * @example
 * ```ts
 * String(echoInput('x'.repeat(1000))).length // 257
 * echoInput({ title: 'milk', tags: ['a'] }) // { title: 'milk' }
 * echoInput([[[[]]]]) // [null]
 * ```
 */
export declare function echoInput(value: unknown): unknown;
/**
 * A 422 item as answered: `input`, `ctx` values and `loc` entries bounded
 * by {@link echoInput}.
 *
 * @example
 * ```ts
 * echoIssue({ type: 'too_big', loc: ['body', 'scope'], msg: 'Too big', input: 'x'.repeat(10_000) }).input // 256 characters and '…'
 * ```
 */
export declare function echoIssue(issue: ValidationIssue): ValidationIssue;
/**
 * The body of a 422 answer, `{"detail":[…]}`, each issue bounded by
 * {@link echoIssue}: exactly the text of
 * `JSON.stringify({ detail: issues.map(echoIssue) })`, written field by
 * field with the strings a 422 repeats (types, messages, locations) quoted
 * once and remembered (at most 512 of them). `JSON.stringify` re-reads
 * every character of a message such as zod's 70-character
 * `int_parsing` text on each answer: this costs a fifth of it.
 *
 * @example
 * ```ts
 * validationBody([{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }])
 * // '{"detail":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}'
 * ```
 */
export declare function validationBody(issues: readonly ValidationIssue[]): string;
