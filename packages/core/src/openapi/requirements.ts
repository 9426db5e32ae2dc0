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

const keyOf = (alt: Alternative): string => [...alt].sort().join('\u0000');

/**
 * Removes duplicate alternatives (same set of names), keeping the first.
 *
 * @example
 * ```ts
 * dedupe([['A', 'B'], ['B', 'A'], []]) // [['A', 'B'], []]
 * ```
 */
export function dedupe(alternatives: readonly Alternative[]): Alternative[] {
  const seen = new Set<string>();
  const out: Alternative[] = [];
  for (const alt of alternatives) {
    const key = keyOf(alt);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alt);
  }
  return out;
}

/**
 * The cartesian product of factors (AND of ORs), de-duplicated. No factor
 * gives `[[]]`: nothing required.
 *
 * @example
 * ```ts
 * product([[['A']], [[], ['B']]]) // [['A'], ['A', 'B']]
 * ```
 */
export function product(factors: readonly Factor[]): Alternative[] {
  let acc: Alternative[] = [[]];
  for (const factor of factors) {
    if (factor.length === 0) continue;
    const next: Alternative[] = [];
    for (const left of acc) {
      for (const right of factor) {
        const merged = [...left];
        for (const name of right) if (!merged.includes(name)) merged.push(name);
        next.push(merged);
      }
    }
    acc = dedupe(next);
  }
  return acc;
}

/**
 * Turns alternatives into OpenAPI requirement objects: keys in first-seen
 * order, each with the scheme's accumulated scopes.
 *
 * @example
 * ```ts
 * materialize([['B', 'A']], new Map([['A', ['me']], ['B', []]])) // [{ A: ['me'], B: [] }]
 * ```
 */
export function materialize(alternatives: readonly Alternative[], scopes: ReadonlyMap<string, readonly string[]>): SecurityRequirement[] {
  const order = [...scopes.keys()];
  const rank = new Map(order.map((name, i) => [name, i]));
  return alternatives.map((alt) => {
    const req: SecurityRequirement = {};
    for (const name of [...alt].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))) req[name] = [...(scopes.get(name) ?? [])];
    return req;
  });
}
