import { DuplicateSchemeError } from '../errors/catalogue.js';
import { product } from './requirements.js';
const branchOf = (factors = []) => ({ factors, plain: new Set(), scoped: new Map() });
const consumedKeys = new WeakMap();
/** `in:name` keys of what a scheme consumes (header names lower-cased). */
function consumedBy(info) {
    let keys = consumedKeys.get(info);
    if (!keys)
        consumedKeys.set(info, (keys = info.consumes.map((c) => `${c.in}:${c.in === 'header' ? c.name.toLowerCase() : c.name}`)));
    return keys;
}
const schemeEntries = new WeakMap();
/** JSON with object keys sorted, so that key order never makes two entries differ. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
/**
 * The canonical JSON text of a scheme's `securitySchemes` entry (keys
 * sorted; memoised per scheme): two schemes with one name clash when it
 * differs.
 *
 * @example
 * ```ts
 * schemeEntry(info) // '{"scheme":"bearer","type":"http"}'
 * ```
 */
export function schemeEntry(info) {
    let entry = schemeEntries.get(info);
    if (entry === undefined)
        schemeEntries.set(info, (entry = canonicalJson(info.openapi)));
    return entry;
}
/**
 * Records a scheme under its name; throws {@link DuplicateSchemeError}
 * (naming both routes) when another scheme shape already holds the name.
 *
 * @example
 * ```ts
 * registerScheme(registry, info, 'GET /me')
 * ```
 */
export function registerScheme(registry, info, label) {
    const entry = schemeEntry(info);
    const prior = registry.get(info.name);
    if (!prior)
        registry.set(info.name, { info, entry, label });
    else if (prior.entry !== entry)
        throw new DuplicateSchemeError(info.name, prior.label, label);
}
function visit(walk, node, branch, documented) {
    const dep = node.dependency;
    const meta = dep.meta;
    if (meta.builtin !== undefined)
        return;
    const scopes = node.scopes;
    if (scopes.length === 0) {
        if (branch.plain.has(dep))
            return;
        branch.plain.add(dep);
    }
    else {
        const key = scopes.join(' ');
        let seen = branch.scoped.get(dep);
        if (seen?.has(key))
            return;
        if (!seen)
            branch.scoped.set(dep, (seen = new Set()));
        seen.add(key);
    }
    const { facts } = walk;
    const children = node.children;
    if (meta.responses)
        for (const status of meta.responses)
            (facts.statuses ??= new Set()).add(status);
    if (meta.operation) {
        for (const challenge of meta.operation.challenges ?? [])
            if (!(facts.challenges ??= []).includes(challenge))
                facts.challenges.push(challenge);
        for (const [key, value] of Object.entries(meta.operation.extensions ?? {}))
            if (key.startsWith('x-'))
                (facts.extensions ??= {})[key] = value;
    }
    if (meta.enforcesScopes && scopes.length > 0)
        facts.enforcesScopes = true;
    const security = node.security;
    if (security !== undefined) {
        if (security.kind === 'scheme') {
            const info = security.scheme;
            registerScheme(walk.registry, info, walk.label);
            const all = (facts.scopes ??= new Map());
            // A client certificate grants no scopes: a `mutualTLS` requirement (under a certificate-bound token scheme) lists none.
            const listed = info.openapi.type === 'mutualTLS' ? [] : scopes;
            const known = all.get(info.name);
            if (!known)
                all.set(info.name, [...listed]);
            else
                for (const s of listed)
                    if (!known.includes(s))
                        known.push(s);
            for (const key of consumedBy(info))
                (facts.consumed ??= new Set()).add(key);
            branch.factors.push(info.optional ? [[], [info.name]] : [[info.name]]);
            // What a scheme reads is its own business: no parameters, no 422.
            for (const edge of children)
                visit(walk, edge.node, branch, false);
            return;
        }
        if (security.kind === 'anyOf') {
            // `anyOf([...], { autoError: false })`: no credential at all is accepted too.
            const alternatives = security.optional ? [[]] : [];
            for (const alt of node.alternatives ?? []) {
                const sub = branchOf();
                visit(walk, alt, sub, documented);
                alternatives.push(...product(sub.factors));
            }
            branch.factors.push(product([alternatives]));
            // Its own inputs (usually the alternatives again) add no requirement of their own.
            const discard = branchOf();
            for (const edge of children)
                visit(walk, edge.node, discard, documented);
            return;
        }
        if (security.kind === 'public')
            facts.publicMarker = true;
    }
    const source = meta.source;
    if (source !== undefined && documented) {
        facts.validated = true;
        const list = source.in === 'body' || source.in === 'form' ? facts.bodies : facts.params;
        if (!list.includes(source))
            list.push(source);
    }
    for (const edge of children)
        visit(walk, edge.node, branch, documented);
}
/**
 * Walks a route's tree: its outer dependencies first (app, global
 * security, router, route — outermost first), then the handler's inputs.
 *
 * @example
 * ```ts
 * const facts = walkRoute(route.tree, registry)
 * facts.scopes // Map { 'OAuth2PasswordBearer' => ['items', 'me'] }
 * ```
 */
export function walkRoute(tree, registry) {
    const facts = {
        params: [],
        bodies: [],
        consumed: undefined,
        scopes: undefined,
        factors: [],
        validated: false,
        enforcesScopes: false,
        publicMarker: false,
        statuses: undefined,
    };
    const walk = { facts, registry, label: tree.label };
    const root = branchOf(facts.factors);
    for (const node of tree.dependencies)
        visit(walk, node, root, true);
    for (const edge of tree.inputs)
        visit(walk, edge.node, root, true);
    return facts;
}
//# sourceMappingURL=walk.js.map