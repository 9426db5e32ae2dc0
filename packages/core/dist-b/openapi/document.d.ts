import type { DocumentOptions, DocumentRoute, OpenAPIDocument } from './types.js';
/**
 * Scheme names seen so far: the entry's JSON and the first route using it.
 *
 * @example
 * ```ts
 * const registry: SchemeRegistry = new Map()
 * checkSchemes(route, registry)
 * registry.get('HTTPBearer') // { entry: '{"scheme":"bearer","type":"http"}', label: 'GET /me' }
 * ```
 */
export type SchemeRegistry = Map<string, {
    entry: string;
    label: string;
}>;
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
export declare function checkSchemes(route: Pick<DocumentRoute, 'label' | 'tree'>, registry: SchemeRegistry): void;
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
export declare function buildDocument(routes: readonly DocumentRoute[], options: DocumentOptions): OpenAPIDocument;
