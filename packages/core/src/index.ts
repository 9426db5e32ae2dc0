/**
 * `@depends/core`: FastAPI's `Depends` / `Security` for TypeScript, with no
 * framework in it. Declare what a handler needs once; get request-time
 * checks and the OpenAPI document from that one declaration.
 *
 * @example
 * ```ts
 * import { Router, depends, header, query } from '@depends/core'
 * const token = header('x_token')
 * const user = depends({ token }, ({ token }) => users.byToken(token))
 * const api = new Router()
 * api.get('/items', { user, q: query('q', z.string().optional()) }, ({ user, q }) => items.find(user, q))
 * ```
 */
export * from './errors/catalogue.js';
export * from './dependency/types.js';
export { depends, createDependency, use, security, isDependency, isUse, isInput, notADependency } from './dependency/depends.js';
export type { DependsOptions, UseOptions, SecurityOptions } from './dependency/depends.js';
export { SecurityScopes, securityScopes, requestView } from './dependency/builtins.js';
export * from './request/view.js';
export { header, query, cookie, path } from './sources/params.js';
export type { ParamOptions, HeaderOptions } from './sources/params.js';
export { body, form } from './sources/body.js';
export { parseBody, readParsedBody, acceptsMediaType, unsupportedMediaType } from './request/body.js';
export type { ParsedBody } from './request/body.js';
export type { BodyOptions, FormOptions, FormMediaType } from './sources/body.js';
export { validate, toValidationIssues, coerceScalar } from './sources/validate.js';
export type { Schema } from './sources/validate.js';
export { Overrides } from './overrides/overrides.js';
export type { Replacement } from './overrides/overrides.js';
export { compile } from './resolver/compile.js';
export type { CompileInput } from './resolver/compile.js';
export { toUse, accumulateScopes } from './dependency/use.js';
export type { Plan, Step } from './resolver/plan.js';
export { execute, executeThen, Execution } from './resolver/execute.js';
export type { MaybePromise } from './resolver/execute.js';
export { closeStack } from './resolver/exit-stack.js';
export { Reply, reply, toAnswer, jsonAnswer } from './response/reply.js';
export type { Answer, ReplyInit } from './response/reply.js';
export { Router, routeDef } from './router/router.js';
export type { RouteDef, RouteOptions, RouterOptions, ResponseDoc, Handler } from './router/router.js';
export { toOpenApiPath, toColonPath, pathParams, joinPath, matchPath } from './router/paths.js';
export { DependsApp, resolve } from './app/app.js';
export type { AppOptions, AppRoute } from './app/app.js';
export { serve, errorAnswer } from './app/handle.js';
export type { Outcome, ErrorHook, ServeOptions } from './app/handle.js';
export { checkDeclarations, checkTree, checkDuplicateRoute, routeKey, placedNodes, reachesScheme, unreadableFromString, nodeChecks } from './checks/index.js';
export type { NodeCheck, PlacedNode, RoutePlace, RouteDeclarations } from './checks/index.js';
export { buildDocument, checkSchemes } from './openapi/document.js';
export type { DocumentOptions, OpenAPIDocument, SchemeRegistry } from './openapi/document.js';
export * from './security/index.js';
export * from './docs/index.js';
export * from './adapter/index.js';
export * from './node/index.js';
