import { ConfigurationError, DuplicateSchemeError, ErrorCode } from '../errors/catalogue.js';
import { analyse } from '../model/analyse.js';
import { toOpenApiPath } from '../router/paths.js';
import { buildOperation, deriveOperationId, handlerName } from './operation.js';
import { materialize, product } from './requirements.js';
import { StandardResponses } from './responses.js';
import { SchemaComponents } from './schemas.js';
import { checkServerOptions, documentServers } from './servers.js';
import { schemeEntry, walkRoute } from './walk.js';
/**
 * Checks that every security scheme a route reaches has a name no other
 * scheme of a different shape uses; registers the names. It reads the
 * route's analysed tree; `DependsApp.add()` calls it, so a clash fails at
 * startup.
 *
 * @example
 * ```ts
 * const registry: SchemeRegistry = new Map()
 * checkSchemes(first, registry)
 * checkSchemes(second, registry) // throws DuplicateSchemeError naming both routes
 * ```
 */
export function checkSchemes(route, registry) {
    const seen = new Set();
    const walk = (node) => {
        if (seen.has(node.dependency))
            return;
        seen.add(node.dependency);
        const sec = node.security;
        if (sec?.kind === 'scheme') {
            const entry = schemeEntry(sec.scheme);
            const prior = registry.get(sec.scheme.name);
            if (prior && prior.entry !== entry)
                throw new DuplicateSchemeError(sec.scheme.name, prior.label, route.label);
            if (!prior)
                registry.set(sec.scheme.name, { entry, label: route.label });
        }
        node.alternatives?.forEach(walk);
        for (const edge of node.children)
            walk(edge.node);
    };
    route.tree.dependencies.forEach(walk);
    for (const edge of route.tree.inputs)
        walk(edge.node);
}
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/**
 * Builds the OpenAPI 3.1 document for a set of routes: operations with
 * parameters, bodies, responses (401/403/422 included where they apply) and
 * security; `components.schemas` and `components.securitySchemes`; the
 * top-level `security` from `options.security`; `servers` as given, or the
 * app's `publicOrigin`, or `/` (a served document takes the request's
 * origin instead: see `DependsApp.openapi`). Routes marked `hidden` are
 * left out; for one method and path the first route wins, as in matching.
 *
 * @example
 * ```ts
 * const doc = buildDocument(app.routes, { title: 'Todo API', version: '1.0.0', security: [bearer] })
 * doc.paths['/users/me'].get.security // [{ HTTPBearer: [] }]
 * ```
 */
export function buildDocument(routes, options) {
    checkServerOptions(options);
    const components = new SchemaComponents();
    const standard = new StandardResponses(components, options.errorBody);
    const registry = new Map();
    const globalSecurity = (options.security?.length ?? 0) > 0;
    const visible = routes.filter((r) => !r.def.options.hidden && METHODS.has(r.def.method.toLowerCase()));
    const taken = new Set();
    for (const route of visible) {
        const id = route.def.options.operationId;
        if (id === undefined)
            continue;
        if (taken.has(id)) {
            throw new ConfigurationError(ErrorCode.DuplicateOperationId, `operationId "${id}" is given to two routes (the second is ${route.label})`);
        }
        taken.add(id);
    }
    const paths = {};
    for (const route of visible) {
        const { def } = route;
        const method = def.method.toLowerCase();
        const path = toOpenApiPath(def.path);
        const item = (paths[path] ??= {});
        if (item[method])
            continue;
        let operationId = def.options.operationId;
        if (operationId === undefined) {
            const base = deriveOperationId(handlerName(def.handler), method, path);
            operationId = base;
            for (let n = 2; taken.has(operationId); n++)
                operationId = `${base}_${n}`;
            taken.add(operationId);
        }
        const facts = walkRoute(route.tree, registry);
        item[method] = buildOperation(def, facts, { components, standard, operationId, path, globalSecurity, schemes: registry });
    }
    let security;
    if (globalSecurity) {
        const facts = walkRoute(analyse({ label: 'the global security', dependencies: options.security, inputs: {} }), registry);
        const alternatives = product(facts.factors);
        if (alternatives.some((a) => a.length > 0))
            security = materialize(alternatives, facts.scopes ?? new Map());
    }
    const doc = {
        openapi: '3.1.0',
        info: {
            title: options.title ?? 'API',
            version: options.version ?? '0.1.0',
            ...(options.description !== undefined ? { description: options.description } : {}),
            ...(options.contact !== undefined ? { contact: { ...options.contact } } : {}),
            ...(options.license !== undefined ? { license: { ...options.license } } : {}),
        },
    };
    // Generated clients need a base URL: the servers given, or the app's public origin (or `/`).
    doc.servers = documentServers(options);
    doc.paths = paths;
    const schemas = components.sorted();
    const securitySchemes = {};
    for (const [name, use] of registry)
        securitySchemes[name] = structuredClone(use.info.openapi);
    if (Object.keys(schemas).length > 0 || registry.size > 0) {
        doc.components = {
            ...(Object.keys(schemas).length > 0 ? { schemas } : {}),
            ...(registry.size > 0 ? { securitySchemes } : {}),
        };
    }
    if (security)
        doc.security = security;
    if (options.tags?.length)
        doc.tags = options.tags.map((t) => ({ ...t }));
    return doc;
}
//# sourceMappingURL=document.js.map