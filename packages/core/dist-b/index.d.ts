/**
 * `@depends/core`: FastAPI's `Depends` / `Security` for TypeScript, with no
 * framework in it. Declare what a handler needs once; get request-time
 * checks and the OpenAPI document from that one declaration. This entry is
 * for people writing APIs; adapter authors, scheme authors, the OpenAPI
 * builder, the docs page and class injection have their own entries
 * (`@depends/core/adapter`, `/node`, `/schemes`, `/openapi`, `/docs`,
 * `/services`).
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
export { depends, use, security } from './dependency/depends.js';
export type { DependsOptions, UseOptions, SecurityOptions } from './dependency/depends.js';
export { refuse } from './dependency/refusal.js';
export type { Refusal } from './dependency/refusal.js';
export { SecurityScopes, securityScopes, requestView } from './dependency/builtins.js';
export type { CallContext, Dependency, Injectable, Input, Inputs, Produced, ServiceContainer, TeardownScope, Use, ValueOf, Values, } from './dependency/types.js';
export { header, query, cookie, path } from './sources/params.js';
export type { ParamOptions, HeaderOptions } from './sources/params.js';
export { body, form } from './sources/body.js';
export type { BodyOptions, FormOptions, FormMediaType } from './sources/body.js';
export type { Schema } from './sources/validate.js';
export type { RequestView, RequestInit } from './request/view.js';
export { Router } from './router/router.js';
export type { RouteOptions, RouterOptions, ResponseDoc, Handler } from './router/router.js';
export { DependsApp, resolve } from './app/app.js';
export type { AppOptions } from './app/app.js';
export type { ErrorHook } from './app/handle.js';
export type { Overrides, Replacement } from './overrides/overrides.js';
export { reply } from './response/reply.js';
export type { Reply, ReplyInit, Answer } from './response/reply.js';
export type { DocumentOptions, OpenAPIDocument } from './openapi/types.js';
export type { GuardOptions, GuardRouteOptions } from './guard/types.js';
export { DependsError, ConfigurationError, RouteInputError, DuplicateRouteError, HTTPException, RequestValidationError, OAuth2Error, ErrorCode } from './errors/catalogue.js';
export type { HeaderValues, ValidationIssue, OAuth2ErrorCode } from './errors/catalogue.js';
export { errorBody, problemDetails } from './errors/format.js';
export type { ErrorBody, ErrorBodyOptions, ErrorSchema, Problem } from './errors/format.js';
export { httpBearer, httpDigest, httpScheme } from './security/http.js';
export type { HTTPAuthorizationCredentials, HttpBearerOptions, HttpDigestOptions, HttpSchemeOptions } from './security/http.js';
export { httpBasic } from './security/http-basic.js';
export type { HttpBasicOptions } from './security/http-basic.js';
export type { HTTPBasicCredentials } from './security/basic.js';
export { apiKeyHeader, apiKeyQuery, apiKeyCookie } from './security/api-key.js';
export type { ApiKeyOptions } from './security/api-key.js';
export { oauth2, oauth2PasswordBearer, oauth2AuthorizationCodeBearer, oauth2ClientCredentialsBearer } from './security/oauth2.js';
export type { OAuthScopes, OAuthFlows, OAuthFlowBase, OAuthFlowImplicit, OAuthFlowPassword, OAuthFlowClientCredentials, OAuthFlowAuthorizationCode, Extensions, OAuth2Options, OAuth2PasswordBearerOptions, OAuth2AuthorizationCodeBearerOptions, OAuth2ClientCredentialsBearerOptions, } from './security/oauth2.js';
export { openIdConnect } from './security/open-id-connect.js';
export type { OpenIdConnectOptions } from './security/open-id-connect.js';
export { anyOf } from './security/any-of.js';
export type { AnyOfOptions, AlternativeSchemes, SchemeInput } from './security/any-of.js';
export { withScopes, assertScopes, missingScopes } from './security/scopes.js';
export type { GrantedScopes, WithScopesOptions } from './security/scopes.js';
export { notAuthenticated, invalidToken, insufficientScope } from './security/errors.js';
export type { InvalidTokenOptions, InsufficientScopeOptions } from './security/errors.js';
export { oauth2PasswordForm, oauth2PasswordFormStrict, oauth2PasswordRequestForm } from './security/password-form.js';
export type { OAuth2PasswordRequest, PasswordFormOptions } from './security/password-form.js';
export { defineScheme } from './security/scheme.js';
export type { SchemeOptions, SchemeValue, SecurityScheme, SchemeDefinition, ReadResult, VerifyContext } from './security/scheme.js';
export { safeEqual } from './security/compare.js';
export { StoreStatus } from './stores/status.js';
export type { StoreHealth } from './stores/status.js';
export { StoreOutage, StoreUnavailableError, STORE_UNAVAILABLE, describeStoreError, outageMistake } from './stores/outage.js';
export type { OnStoreDown, OutagePolicy, StoreOutageEvent, StoreOutageOptions, WatchedStore } from './stores/outage.js';
export { watchRedisClient, redisClientReady, isNodeRedis } from './stores/redis-events.js';
