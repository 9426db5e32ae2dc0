import { outerKey } from './declarations.js';
/**
 * Every node of an analysed route tree, pre-order, each node once (per
 * reading by a scheme or not), with its key path.
 *
 * @example
 * ```ts
 * placedNodes(analyse({ label: 'GET /me', dependencies: [], inputs: { user } })).map((n) => n.key) // ['user', 'user.token']
 * ```
 */
export function placedNodes(tree) {
    const out = [];
    const seen = new Set();
    const seenInScheme = new Set();
    const visit = (node, key, parent, withinScheme) => {
        const marks = withinScheme ? seenInScheme : seen;
        if (marks.has(node))
            return;
        marks.add(node);
        let scopes = parent;
        for (const s of node.scopes)
            if (!scopes.some(([have]) => have === s))
                scopes = [...scopes, [s, key]];
        out.push({ key, node, scopes, withinScheme });
        node.alternatives?.forEach((alt, i) => visit(alt, `${key}.anyOf[${i}]`, scopes, withinScheme));
        const below = withinScheme || node.security?.kind === 'scheme';
        for (const edge of node.children)
            visit(edge.node, `${key}.${edge.name}`, scopes, below);
    };
    tree.dependencies.forEach((node, i) => visit(node, outerKey(node.dependency, i), [], false));
    for (const edge of tree.inputs)
        visit(edge.node, edge.name, [], false);
    return out;
}
//# sourceMappingURL=tree.js.map