/**
 * The one catalogue of errors: every error the library raises has a stable
 * `code` from {@link ErrorCode}. Configuration errors are thrown at startup
 * (route registration); HTTP errors become answers. Each class here is the
 * one every copy of the core in the process shares (see `shared`): an
 * `HTTPException` thrown through another copy (an ES module app with a
 * CommonJS package that requires the core) is answered as itself, and
 * `instanceof` holds whichever copy made the error.
 */
import * as made from './classes.js';
import { shared } from '../util/shared.js';

export * from './classes.js';

/**
 * Base class of every error this library throws.
 *
 * @example
 * ```ts
 * try { app.add(route) } catch (e) {
 *   if (e instanceof DependsError && e.code === ErrorCode.DependencyCycle) console.error(e.message)
 * }
 * ```
 */
export const DependsError: typeof made.DependsError = shared(made.DependsError, 'DependsError');
export type DependsError = made.DependsError;

/**
 * A mistake in the declarations, found at startup. The message names the
 * route and the dependency.
 *
 * @example
 * ```ts
 * expect(() => app.add(route)).toThrow(ConfigurationError)
 * ```
 */
export const ConfigurationError: typeof made.ConfigurationError = shared(made.ConfigurationError, 'ConfigurationError');
export type ConfigurationError = made.ConfigurationError;

/**
 * A dependency cycle. `path` lists the dependency names from the first
 * occurrence back to itself.
 *
 * @example
 * ```ts
 * // Dependency cycle in route GET /items: a -> b -> a
 * ```
 */
export const DependencyCycleError: typeof made.DependencyCycleError = shared(made.DependencyCycleError, 'DependencyCycleError');
export type DependencyCycleError = made.DependencyCycleError;

/**
 * FastAPI's scope rule: a `request`-scoped generator may not depend on a
 * `function`-scoped dependency (it would be closed first).
 *
 * @example
 * ```ts
 * // In route GET /: The dependency "session" has a scope of "request", it cannot depend on dependencies with scope "function".
 * ```
 */
export const DependencyScopeError: typeof made.DependencyScopeError = shared(made.DependencyScopeError, 'DependencyScopeError');
export type DependencyScopeError = made.DependencyScopeError;

/**
 * Two different security schemes registered under the same name.
 *
 * @example
 * ```ts
 * // Security scheme name "APIKeyHeader" is used by two different schemes: in route GET /a and in route GET /b
 * ```
 */
export const DuplicateSchemeError: typeof made.DuplicateSchemeError = shared(made.DuplicateSchemeError, 'DuplicateSchemeError');
export type DuplicateSchemeError = made.DuplicateSchemeError;

/**
 * A mistake in one input of a route, found when the route is registered:
 * `route` is its label (`GET /items/{id}`), `input` the path of input keys
 * from the route down to the faulty one (`user.token`, or `dependencies[0]`
 * for a router or route dependency), and the message says how to fix it.
 *
 * @example
 * ```ts
 * try { app.include(api) } catch (e) {
 *   if (e instanceof RouteInputError && e.code === ErrorCode.IgnoredHeader) console.error(e.route, e.input)
 * }
 * // Route GET /me, input "auth": header('authorization') declares "Authorization" as a header parameter, which OpenAPI ignores: ... httpBearer() ...
 * ```
 */
export const RouteInputError: typeof made.RouteInputError = shared(made.RouteInputError, 'RouteInputError');
export type RouteInputError = made.RouteInputError;

/**
 * The same method and path registered twice on one app (the second would
 * never be reached, and the document can hold only one).
 *
 * @example
 * ```ts
 * // Route GET /items/{id} is declared twice (the second time as GET /items/:key). ...
 * ```
 */
export const DuplicateRouteError: typeof made.DuplicateRouteError = shared(made.DuplicateRouteError, 'DuplicateRouteError');
export type DuplicateRouteError = made.DuplicateRouteError;

/**
 * An HTTP error answer: `status`, a JSON `detail` and optional headers.
 * Throw it from any dependency or handler; resolution stops and the client
 * gets `{"detail": detail}`.
 *
 * @example
 * ```ts
 * const item = depends({ id: path('id') }, ({ id }) => {
 *   const found = items.get(id)
 *   if (!found) throw new HTTPException(404, 'Item not found')
 *   return found
 * })
 * ```
 */
export const HTTPException: typeof made.HTTPException = shared(made.HTTPException, 'HTTPException');
export type HTTPException = made.HTTPException;

/**
 * A token endpoint's error answer (RFC 6749 §5.2): 400 `{"error",
 * "error_description"}` with `Cache-Control: no-store`; with a `challenge`
 * (the client tried to authenticate with the `Authorization` header and
 * failed) a 401 carrying it as `WWW-Authenticate`.
 *
 * @example
 * ```ts
 * throw new OAuth2Error('invalid_grant', 'Incorrect username or password')
 * throw new OAuth2Error('invalid_client', 'Unknown client', { challenge: 'Basic realm="token"' }) // 401
 * ```
 */
export const OAuth2Error: typeof made.OAuth2Error = shared(made.OAuth2Error, 'OAuth2Error');
export type OAuth2Error = made.OAuth2Error;

/**
 * 422: every problem found in the request's inputs, listed at once.
 *
 * @example
 * ```ts
 * throw new RequestValidationError([{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }])
 * ```
 */
export const RequestValidationError: typeof made.RequestValidationError = shared(made.RequestValidationError, 'RequestValidationError');
export type RequestValidationError = made.RequestValidationError;

/**
 * A teardown generator caught the request's error and neither re-raised it
 * nor raised another: the request answers 500 (FastAPI's "Response not
 * awaited" rule).
 *
 * @example
 * ```ts
 * // answered as 500 {"detail":"Internal Server Error"}
 * ```
 */
export const ErrorSwallowedError: typeof made.ErrorSwallowedError = shared(made.ErrorSwallowedError, 'ErrorSwallowedError');
export type ErrorSwallowedError = made.ErrorSwallowedError;

/**
 * A value a helper cannot encode (a Basic username with `:`, a header value
 * with control characters): a programming mistake, not a request problem.
 *
 * @example
 * ```ts
 * expect(() => encodeBasicCredentials('a:b', 'c')).toThrow(InvalidArgumentError)
 * ```
 */
export const InvalidArgumentError: typeof made.InvalidArgumentError = shared(made.InvalidArgumentError, 'InvalidArgumentError');
export type InvalidArgumentError = made.InvalidArgumentError;

/**
 * `auth.values(req)` asked for a request the guard did not run for (the
 * route is not behind it, or is public): a programming mistake.
 *
 * @example
 * ```ts
 * expect(() => auth.values(req)).toThrow(GuardNotRunError)
 * ```
 */
export const GuardNotRunError: typeof made.GuardNotRunError = shared(made.GuardNotRunError, 'GuardNotRunError');
export type GuardNotRunError = made.GuardNotRunError;
