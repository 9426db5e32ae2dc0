/**
 * The algebra of OpenAPI security requirements: a route's security is a
 * product (AND) of factors, each factor a list of alternatives (OR), each
 * alternative a set of scheme names that must all be present.
 *
 * - a required scheme `A`            → factor `[[A]]`
 * - an optional scheme `A`           → factor `[[], [A]]` (documented `[{}, {A:[]}]`)
 * - `anyOf(A, B)`                     → factor `[[A], [B]]`
 * - two required schemes `A` and `B`  → `[[A]] × [[B]]` = `[[A, B]]` (one object `{A:[],B:[]}`)
 */
import type { SecurityRequirement } from './types.js';
/** A set of scheme names that must all be satisfied (order = first seen). */
export type Alternative = readonly string[];
/** Alternatives, any one of which satisfies the factor. */
export type Factor = readonly Alternative[];
/**
 * Removes duplicate alternatives (same set of names), keeping the first.
 *
 * @example
 * ```ts
 * dedupe([['A', 'B'], ['B', 'A'], []]) // [['A', 'B'], []]
 * ```
 */
export declare function dedupe(alternatives: readonly Alternative[]): Alternative[];
/**
 * The cartesian product of factors (AND of ORs), de-duplicated. No factor
 * gives `[[]]`: nothing required.
 *
 * @example
 * ```ts
 * product([[['A']], [[], ['B']]]) // [['A'], ['A', 'B']]
 * ```
 */
export declare function product(factors: readonly Factor[]): Alternative[];
/**
 * Turns alternatives into OpenAPI requirement objects: keys in first-seen
 * order, each with the scheme's accumulated scopes.
 *
 * @example
 * ```ts
 * materialize([['B', 'A']], new Map([['A', ['me']], ['B', []]])) // [{ A: ['me'], B: [] }]
 * ```
 */
export declare function materialize(alternatives: readonly Alternative[], scopes: ReadonlyMap<string, readonly string[]>): SecurityRequirement[];
