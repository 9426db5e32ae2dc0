/**
 * The one analysis pass over a route's declarations: FastAPI's dependant
 * tree with overrides applied, scopes accumulated, cache keys and teardown
 * scopes decided. Cycles and the teardown scope rule fail here, once,
 * naming the route and the dependency.
 */
import { SecurityScopes } from '../dependency/builtins.js';
import { accumulateScopes, toUse } from '../dependency/use.js';
import { DependencyCycleError, DependencyScopeError } from '../errors/catalogue.js';
const SOURCE_RANK = { path: 1, query: 2, header: 3, cookie: 4, body: 5, form: 5 };
/**
 * FastAPI's rank of an input among its siblings: sub-dependencies first
 * (0), then request sources (path, query, header, cookie, body). It decides
 * what runs first and how 422 problems are listed.
 *
 * @example
 * ```ts
 * sourceRank(query('q')) // 2
 * ```
 */
export function sourceRank(dependency) {
    const src = dependency.meta.source;
    return src ? SOURCE_RANK[src.in] : 0;
}
/**
 * Sorts edges (stable) into FastAPI's order (see {@link sourceRank}).
 *
 * @example
 * ```ts
 * fastApiOrder<Edge>(node.children, (e) => e.node.dependency).map((e) => e.name) // ['user', 'id', 'q']
 * ```
 */
export function fastApiOrder(entries, dependencyOf) {
    return entries
        .map((e, i) => [e, sourceRank(dependencyOf(e)), i])
        .sort((a, b) => a[1] - b[1] || a[2] - b[2])
        .map(([e]) => e);
}
/**
 * Whether a dependency "uses scopes" (FastAPI 0.123 cache rule): it is a
 * security scheme, takes `securityScopes`, requires scopes on an input, or
 * any input below does. Memoised per dependency; cycles count as false here
 * (the analysis reports them).
 */
function usesScopes(dep, overrides, memo) {
    const hit = memo.get(dep);
    if (hit !== undefined)
        return hit;
    memo.set(dep, false);
    const impl = overrides?.get(dep) ?? dep;
    let result = dep.meta.security !== undefined || dep.meta.builtin === 'securityScopes' || dep.meta.enforcesScopes === true;
    if (!result) {
        for (const input of Object.values(impl.inputs)) {
            const use = toUse(input);
            if (use.scopes.length > 0 || usesScopes(use.dependency, overrides, memo)) {
                result = true;
                break;
            }
        }
    }
    memo.set(dep, result);
    return result;
}
const NO_EDGES = Object.freeze([]);
/** How many route analyses this process has run (internal: what the tests count). */
export const analyses = { count: 0 };
/**
 * Analyses one route into its {@link RouteTree}. Throws a
 * `DependencyCycleError` or `DependencyScopeError` naming the route.
 *
 * @example
 * ```ts
 * const tree = analyse({ label: 'GET /me', dependencies: [], inputs: { user } })
 * tree.inputs[0].node.scopes // []
 * ```
 */
export function analyse(route, overrides) {
    analyses.count++;
    const { label } = route;
    const keyed = new Map();
    const memo = new Map();
    const stack = [];
    const edges = (inputs, scopes, check) => {
        const names = Object.keys(inputs);
        if (names.length === 0)
            return NO_EDGES;
        const uses = names.map((name) => ({ name, use: toUse(inputs[name], `Route ${label}, input "${name}"`) }));
        const out = new Map();
        // Visit in FastAPI's order (what the plan runs, so nodes are shared as the plan shares values) ...
        for (const { name, use } of fastApiOrder(uses, (u) => u.use.dependency)) {
            if (check) {
                const childScope = use.scope ?? use.dependency.scope;
                if (childScope === 'function')
                    throw new DependencyScopeError(label, check.name);
            }
            out.set(name, { name, node: visit(use, scopes) });
        }
        // ... and keep declaration order (what the document lists).
        return names.map((name) => out.get(name));
    };
    const visit = (use, parentScopes) => {
        const original = use.dependency;
        if (original.meta.builtin === 'securityScopes') {
            return {
                dependency: original,
                impl: original,
                scopes: parentScopes,
                useCache: false,
                cacheKey: '',
                teardown: 'request',
                source: undefined,
                security: undefined,
                alternatives: undefined,
                children: NO_EDGES,
                constant: new SecurityScopes(parentScopes),
            };
        }
        const impl = overrides?.get(original) ?? original;
        const scopes = accumulateScopes(parentScopes, use.scopes);
        const useCache = use.useCache ?? original.useCache;
        const explicitScope = use.scope ?? original.scope;
        const isGenerator = original.callKind !== 'plain';
        const computedScope = explicitScope ?? (isGenerator ? 'request' : undefined);
        const scoped = use.scopes.length > 0 || usesScopes(original, overrides, memo);
        const cacheKey = `${scoped ? [...new Set(scopes)].sort().join(' ') : ''}|${computedScope ?? ''}`;
        let byKey = keyed.get(original);
        const cached = byKey?.get(cacheKey);
        if (useCache && cached !== undefined)
            return cached;
        if (stack.includes(original)) {
            const from = stack.indexOf(original);
            throw new DependencyCycleError(label, [...stack.slice(from), original].map((d) => d.name));
        }
        stack.push(original);
        const children = edges(impl.inputs, scopes, isGenerator && computedScope === 'request' ? original : undefined);
        const security = original.meta.security;
        const alternatives = security?.kind === 'anyOf' ? security.alternatives.map((alt) => visit(toUse(alt), scopes)) : undefined;
        stack.pop();
        const node = {
            dependency: original,
            impl,
            scopes,
            useCache,
            cacheKey,
            teardown: computedScope ?? 'request',
            source: original.meta.source ?? impl.meta.source,
            security,
            alternatives,
            children,
        };
        if (!byKey)
            keyed.set(original, (byKey = new Map()));
        if (!byKey.has(cacheKey))
            byKey.set(cacheKey, node);
        return node;
    };
    const dependencies = route.dependencies.map((dep, i) => visit(toUse(dep, `Route ${label}, dependencies[${i}]`), []));
    const inputs = edges(route.inputs, []);
    return { label, dependencies, inputs };
}
//# sourceMappingURL=analyse.js.map