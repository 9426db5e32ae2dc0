/**
 * An answer's header lines in the shape frameworks set them: one value per
 * name, a repeated name (several `WWW-Authenticate` challenges, several
 * `Set-Cookie`s) as an array of its lines.
 */
import type { Answer } from './reply.js';
/**
 * An answer's header lines grouped by name (what {@link groupHeaders} gives).
 *
 * @example
 * ```ts
 * const headers: GroupedHeaders = { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }
 * ```
 */
export type GroupedHeaders = Record<string, string | string[]>;
/**
 * Groups an answer's header lines by name, in order: a name seen once maps
 * to its value, a repeated name to every value (which Node and Koa send as
 * separate lines).
 *
 * @example
 * ```ts
 * groupHeaders([['www-authenticate', 'Bearer'], ['www-authenticate', 'Basic'], ['content-type', 'application/json']])
 * // { 'www-authenticate': ['Bearer', 'Basic'], 'content-type': 'application/json' }
 * ```
 */
export declare function groupHeaders(lines: Answer['headers']): GroupedHeaders;
/**
 * Sets an answer's headers through a framework's setter, once per name (a
 * repeated name with the array of its values); a single line is set without
 * grouping anything.
 *
 * @example
 * ```ts
 * setHeaders(answer.headers, (name, value) => res.setHeader(name, value)) // Node
 * setHeaders(answer.headers, (name, value) => ctx.set(name, value))       // Koa
 * ```
 */
export declare function setHeaders(lines: Answer['headers'], set: (name: string, value: string | string[]) => void): void;
