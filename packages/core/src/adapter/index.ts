/**
 * `@depends/core/adapter`: what adapter authors build with. The adapter kit
 * (options, wrapped single handlers and their discovery, docs routes,
 * serving a request), the request view and body reading, answers and
 * header grouping, route paths, the guard core (`Guards`, `runGuard`) and
 * framework HTTP error recognition. Node `http` helpers are in
 * `@depends/core/node`.
 *
 * @example
 * ```ts
 * import { AdapterKit, createRequestView, setHeaders } from '@depends/core/adapter'
 * const kit: AdapterKit<MyApp, MyHandler> = new AdapterKit(app, options, {
 *   handlerOf: (route) => (req) => kit.respond(route, viewOf(req), send),
 *   routes: (target) => target.table(),
 * })
 * ```
 */
export { AdapterKit, appFrom } from './kit.js';
export type { AdapterOptions, HandlerOptions, AdapterBinding, RouteEntry } from './kit.js';
export { groupHeaders, setHeaders } from '../response/headers.js';
export type { GroupedHeaders } from '../response/headers.js';
export { createRequestView, nativeWasRead, parseCookies } from '../request/view.js';
export type { RawBody, HeaderSource, HeadersInit, RequestView, RequestInit } from '../request/view.js';
export { parseBody, readParsedBody, acceptsMediaType, unsupportedMediaType } from '../request/body.js';
export type { ParsedBody } from '../request/body.js';
export { jsonAnswer, toAnswer } from '../response/reply.js';
export type { Answer } from '../response/reply.js';
export { errorAnswer } from '../app/handle.js';
export type { Outcome, ErrorHook, NativeCheck } from '../app/handle.js';
export { Guards, GuardGate, entryForMethod, guardValues, requestSlot, runGuard } from '../guard/index.js';
export type { RequestSlot, StateHolder } from '../guard/index.js';
export type { GuardStep, GuardOutcome, GuardOptions, GuardRouteOptions, TableRoute } from '../guard/index.js';
export { frameworkHttpError } from '../errors/framework.js';
export { GuardNotRunError } from '../errors/catalogue.js';
export type { FrameworkHttpError } from '../errors/framework.js';
export type { DependsApp, AppRoute, AppOptions } from '../app/app.js';
export { routeDef } from '../router/router.js';
export type { RouteDef, RouteOptions, Handler } from '../router/router.js';
export { toOpenApiPath, toColonPath, pathParams, joinPath, matchPath, showablePath } from '../router/paths.js';
export { markInstalled, installedKind, installedBy } from './installed.js';
export type { MaybePromise } from '../resolver/execute.js';
export type { OpenAPIDocument } from '../openapi/types.js';
export type { DocsOptions, DocsRoute, DocsSource } from '../docs/routes.js';
export type { ServedAt } from '../openapi/servers.js';
export { mountPrefix } from '../openapi/servers.js';
export type { Inputs } from '../dependency/types.js';
