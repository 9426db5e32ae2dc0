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
// Declaring dependencies
export { depends, use, security } from './dependency/depends.js';
export { refuse } from './dependency/refusal.js';
export { SecurityScopes, securityScopes, requestView } from './dependency/builtins.js';
// Request sources
export { header, query, cookie, path } from './sources/params.js';
export { body, form } from './sources/body.js';
// Routes, the app, answers, tests
export { Router } from './router/router.js';
export { DependsApp, resolve } from './app/app.js';
export { reply } from './response/reply.js';
// Errors
export { DependsError, ConfigurationError, RouteInputError, DuplicateRouteError, HTTPException, RequestValidationError, OAuth2Error, ErrorCode } from './errors/catalogue.js';
export { errorBody, problemDetails } from './errors/format.js';
// Security schemes
export { httpBearer, httpDigest, httpScheme } from './security/http.js';
export { httpBasic } from './security/http-basic.js';
export { apiKeyHeader, apiKeyQuery, apiKeyCookie } from './security/api-key.js';
export { oauth2, oauth2PasswordBearer, oauth2AuthorizationCodeBearer, oauth2ClientCredentialsBearer } from './security/oauth2.js';
export { openIdConnect } from './security/open-id-connect.js';
export { anyOf } from './security/any-of.js';
export { withScopes, assertScopes, missingScopes } from './security/scopes.js';
export { notAuthenticated, invalidToken, insufficientScope } from './security/errors.js';
export { oauth2PasswordForm, oauth2PasswordFormStrict, oauth2PasswordRequestForm } from './security/password-form.js';
export { defineScheme } from './security/scheme.js';
export { safeEqual } from './security/compare.js';
// Stores a dependency needs (rate-limit counters, DPoP replay store): health, outage policy, Redis client events
export { StoreStatus } from './stores/status.js';
export { StoreOutage, StoreUnavailableError, STORE_UNAVAILABLE, describeStoreError, outageMistake } from './stores/outage.js';
export { watchRedisClient, redisClientReady, isNodeRedis } from './stores/redis-events.js';
//# sourceMappingURL=index.js.map