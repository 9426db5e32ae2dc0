/**
 * `@depends/core/openapi`: the OpenAPI 3.1 builder on its own, for tools
 * that build a document from route data (an app's `routes` are such data;
 * `app.openapi()` is what most people call), and the analysis of a route's
 * declarations it reads.
 *
 * @example
 * ```ts
 * import { buildDocument } from '@depends/core/openapi'
 * const doc = buildDocument(app.routes, { title: 'Todo API', version: '1.0.0' })
 * ```
 */
export { buildDocument, checkSchemes } from './document.js';
export type { SchemeRegistry } from './document.js';
export { mergeDocument } from './merge.js';
export type { BaseDocument } from './merge.js';
export { checkPublicOrigin, checkServerOptions, documentServers, mountPrefix, serversFromRequest } from './servers.js';
export type { ServedAt } from './servers.js';
export type { ComponentsObject, DocumentOptions, DocumentRoute, JsonSchema, MediaTypeObject, OpenAPIDocument, OperationObject, ParameterObject, PathItemObject, RequestBodyObject, ResponseObject, SecurityRequirement, ServerObject, } from './types.js';
export { analyse } from '../model/analyse.js';
export type { RouteDeclaration } from '../model/analyse.js';
export type { DependencyNode, Edge, RouteTree } from '../model/tree.js';
