const keyOf = (alt) => [...alt].sort().join('\u0000');
/**
 * Removes duplicate alternatives (same set of names), keeping the first.
 *
 * @example
 * ```ts
 * dedupe([['A', 'B'], ['B', 'A'], []]) // [['A', 'B'], []]
 * ```
 */
export function dedupe(alternatives) {
    const seen = new Set();
    const out = [];
    for (const alt of alternatives) {
        const key = keyOf(alt);
        if (seen.has(key))
            continue;
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
export function product(factors) {
    let acc = [[]];
    for (const factor of factors) {
        if (factor.length === 0)
            continue;
        const next = [];
        for (const left of acc) {
            for (const right of factor) {
                const merged = [...left];
                for (const name of right)
                    if (!merged.includes(name))
                        merged.push(name);
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
export function materialize(alternatives, scopes) {
    const order = [...scopes.keys()];
    const rank = new Map(order.map((name, i) => [name, i]));
    return alternatives.map((alt) => {
        const req = {};
        for (const name of [...alt].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)))
            req[name] = [...(scopes.get(name) ?? [])];
        return req;
    });
}
//# sourceMappingURL=requirements.js.map