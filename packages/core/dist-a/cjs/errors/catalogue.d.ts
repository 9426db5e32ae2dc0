/**
 * The one catalogue of errors: every error the library raises has a stable
 * `code` from {@link ErrorCode}. Configuration errors are thrown at startup
 * (route registration); HTTP errors become answers.
 */
/** Stable error codes: each is explained, with its fix, in `ERRORS.md`. */
export declare const ErrorCode: {
    /** A dependency depends on itself, directly or through others. */
    readonly DependencyCycle: "DEPENDS_DEPENDENCY_CYCLE";
    /** A `request`-scoped generator depends on a `function`-scoped one. */
    readonly DependencyScope: "DEPENDS_DEPENDENCY_SCOPE";
    /** Two different security schemes share one name. */
    readonly DuplicateScheme: "DEPENDS_DUPLICATE_SCHEME";
    /** Any other declaration mistake (plugins use it for their own options); the library's own mistakes have the codes below. */
    readonly InvalidDeclaration: "DEPENDS_INVALID_DECLARATION";
    /** `depends()`, `form()`, `inject()` or `overrides.set()` given something other than what it takes. */
    readonly InvalidDependency: "DEPENDS_INVALID_DEPENDENCY";
    /** A class given as an input while the services plugin (`@depends/core/services`) is not loaded. */
    readonly ServicesNotLoaded: "DEPENDS_SERVICES_NOT_LOADED";
    /** A security scheme built with an option it cannot use (empty name, bad realm, missing flow URL, ...). */
    readonly InvalidSchemeOption: "DEPENDS_INVALID_SCHEME_OPTION";
    /** `mtls()` of `@depends/jwt` told to read the client certificate from a header with no trusted proxies to set it (or proxies with no header, or an entry that is not an address). */
    readonly ClientCertificateSource: "DEPENDS_CLIENT_CERTIFICATE_SOURCE";
    /** Two routes given the same `operationId`. */
    readonly DuplicateOperationId: "DEPENDS_DUPLICATE_OPERATION_ID";
    /** Two different schemas given the same component name. */
    readonly DuplicateSchemaName: "DEPENDS_DUPLICATE_SCHEMA_NAME";
    /** A framework route method the adapter's framework has no method for. */
    readonly UnsupportedMethod: "DEPENDS_UNSUPPORTED_METHOD";
    /** A generator dependency that returned without yielding a value (answered 500). */
    readonly GeneratorDidNotYield: "DEPENDS_GENERATOR_DID_NOT_YIELD";
    /** A generator dependency that yielded again in its teardown (answered 500). */
    readonly GeneratorYieldedTwice: "DEPENDS_GENERATOR_YIELDED_TWICE";
    /** A helper given a value it cannot encode (a Basic username with `:`, a header value with control characters). */
    readonly InvalidArgument: "DEPENDS_INVALID_ARGUMENT";
    /** An HTTP error raised on purpose (401, 403, 404, ...). */
    readonly Http: "DEPENDS_HTTP";
    /** Request inputs failed validation (422). */
    readonly Validation: "DEPENDS_VALIDATION";
    /** A token endpoint's OAuth 2 error answer (RFC 6749 §5.2). */
    readonly OAuth2: "DEPENDS_OAUTH_ERROR";
    /** A teardown generator caught an error and did not re-raise it. */
    readonly ErrorSwallowed: "DEPENDS_ERROR_SWALLOWED";
    /** A route input is not a dependency, a use or an injectable class (often `undefined` from an import cycle). */
    readonly NotADependency: "DEPENDS_NOT_A_DEPENDENCY";
    /** A header parameter OpenAPI ignores (`Authorization`, `Accept`, `Content-Type`). */
    readonly IgnoredHeader: "DEPENDS_IGNORED_HEADER";
    /** `security()` over a dependency that reaches no security scheme. */
    readonly SecurityWithoutScheme: "DEPENDS_SECURITY_WITHOUT_SCHEME";
    /** A header, query, cookie or path schema that cannot be read from a string. */
    readonly UnreadableParameter: "DEPENDS_UNREADABLE_PARAMETER";
    /** `path(name)` on a route whose path has no `{name}`. */
    readonly UnknownPathParameter: "DEPENDS_UNKNOWN_PATH_PARAMETER";
    /** A scope an OAuth2 scheme does not declare in its flows. */
    readonly UndeclaredScope: "DEPENDS_UNDECLARED_SCOPE";
    /** The same method and path declared twice. */
    readonly DuplicateRoute: "DEPENDS_DUPLICATE_ROUTE";
    /** A document option it cannot use (`publicOrigin` that is not an absolute http(s) URL, or given with `servers`). */
    readonly InvalidDocumentOption: "DEPENDS_INVALID_DOCUMENT_OPTION";
    /** The docs page is served where there is no file system, and no bundled files were given. */
    readonly DocsFilesUnavailable: "DEPENDS_DOCS_FILES_UNAVAILABLE";
    /** A guarded or mounted route whose full path the framework does not let be known, so it cannot be documented. */
    readonly UnknownRoutePath: "DEPENDS_UNKNOWN_ROUTE_PATH";
    /** A guard's options do not fit the routes behind it (a `routes` key naming no such route, scopes with no scheme, a guard in front of no route). */
    readonly GuardOptions: "DEPENDS_GUARD_OPTIONS";
    /** Middleware placed after a guard and before a route the guard lets through with less than its strictest requirement. */
    readonly GuardOrder: "DEPENDS_GUARD_ORDER";
    /** `auth.values()` asked for a request the guard did not run for. */
    readonly GuardNotRun: "DEPENDS_GUARD_NOT_RUN";
    /** The app's own OpenAPI document (`base`) cannot take depends' entries: not OpenAPI 3.0/3.1, a security scheme name both define differently, a construct its version cannot hold. */
    readonly BaseDocument: "DEPENDS_BASE_DOCUMENT";
    /** The protected resource metadata (RFC 9728) cannot be derived from the declarations: a resource URI the verifier's audiences do not include, a scheme with no issuer on a route that points to the metadata. */
    readonly ResourceMetadata: "DEPENDS_RESOURCE_METADATA";
    /** A dependency or handler answered 401 without a `WWW-Authenticate` challenge on a route with no security scheme to take one from (answered 500). */
    readonly MissingChallenge: "DEPENDS_MISSING_CHALLENGE";
    /** A step-up requirement (`stepUp()` of `@depends/jwt`, RFC 9470) over something that is not a required token scheme, or asking for nothing. */
    readonly StepUp: "DEPENDS_STEP_UP";
};
/** One of the stable codes in {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
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
export declare class DependsError extends Error {
    readonly code: ErrorCode;
    constructor(code: ErrorCode, message: string, options?: {
        cause?: unknown;
    });
}
/**
 * A mistake in the declarations, found at startup. The message names the
 * route and the dependency.
 *
 * @example
 * ```ts
 * expect(() => app.add(route)).toThrow(ConfigurationError)
 * ```
 */
export declare class ConfigurationError extends DependsError {
}
/**
 * A dependency cycle. `path` lists the dependency names from the first
 * occurrence back to itself.
 *
 * @example
 * ```ts
 * // Dependency cycle in route GET /items: a -> b -> a
 * ```
 */
export declare class DependencyCycleError extends ConfigurationError {
    readonly path: readonly string[];
    constructor(route: string, path: readonly string[]);
}
/**
 * FastAPI's scope rule: a `request`-scoped generator may not depend on a
 * `function`-scoped dependency (it would be closed first).
 *
 * @example
 * ```ts
 * // In route GET /: The dependency "session" has a scope of "request", it cannot depend on dependencies with scope "function".
 * ```
 */
export declare class DependencyScopeError extends ConfigurationError {
    constructor(route: string, dependency: string);
}
/**
 * Two different security schemes registered under the same name.
 *
 * @example
 * ```ts
 * // Security scheme name "APIKeyHeader" is used by two different schemes: in route GET /a and in route GET /b
 * ```
 */
export declare class DuplicateSchemeError extends ConfigurationError {
    constructor(name: string, firstRoute: string, secondRoute: string);
}
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
export declare class RouteInputError extends ConfigurationError {
    /** The route's label, e.g. `GET /items/{id}`. */
    readonly route: string;
    /** The input's key path, e.g. `user.token`. */
    readonly input: string;
    constructor(code: ErrorCode, route: string, input: string, problem: string);
}
/**
 * The same method and path registered twice on one app (the second would
 * never be reached, and the document can hold only one).
 *
 * @example
 * ```ts
 * // Route GET /items/{id} is declared twice (the second time as GET /items/:key). ...
 * ```
 */
export declare class DuplicateRouteError extends ConfigurationError {
    constructor(first: string, second: string);
}
/** Header values of an HTTP answer; an array is sent as several header lines. */
export type HeaderValues = Record<string, string | readonly string[]>;
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
export declare class HTTPException extends DependsError {
    /**
     * Whether refusals (HTTP exceptions with a 4xx status) capture a stack
     * trace: a debug switch, off by default in every mode (whatever
     * `NODE_ENV` says). A refusal is an expected outcome (a wrong token, a
     * 404), not a crash: capturing its stack costs more than the rest of a
     * refused request, and the answer never shows it. Without a stack, the
     * exception is still an `HTTPException` (and an `Error` by `instanceof`,
     * with `name`, `message` and `code`); its `stack` is its first line
     * (`HTTPException: Not Found`). HTTP exceptions with a 5xx status and
     * unexpected errors keep their stacks whatever this says.
     *
     * @example
     * ```ts
     * HTTPException.captureStackTraces = true // debugging: see where each 401 comes from
     * ```
     */
    static captureStackTraces: boolean;
    readonly status: number;
    readonly detail: unknown;
    readonly headers: HeaderValues | undefined;
    constructor(status: number, detail?: unknown, headers?: HeaderValues);
}
/** The `error` codes of a token endpoint's error answer (RFC 6749 §5.2). */
export type OAuth2ErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';
/** Headers every token endpoint answer carries (RFC 6749 §5.1, §5.2). */
export declare const NO_STORE_HEADERS: Readonly<Record<string, string>>;
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
export declare class OAuth2Error extends HTTPException {
    readonly error: OAuth2ErrorCode;
    readonly description: string | undefined;
    constructor(error: OAuth2ErrorCode, description?: string, options?: {
        challenge?: string;
    });
    /** The answer's body: `{"error": …, "error_description"?: …}`. */
    toJSON(): {
        error: OAuth2ErrorCode;
        error_description?: string;
    };
}
/** One problem in a 422 answer, as FastAPI lists them. */
export interface ValidationIssue {
    type: string;
    loc: (string | number)[];
    msg: string;
    input: unknown;
    ctx?: Record<string, unknown>;
}
/**
 * 422: every problem found in the request's inputs, listed at once.
 *
 * @example
 * ```ts
 * throw new RequestValidationError([{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }])
 * ```
 */
export declare class RequestValidationError extends HTTPException {
    readonly errors: ValidationIssue[];
    constructor(errors: ValidationIssue[]);
}
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
export declare class ErrorSwallowedError extends DependsError {
    constructor(dependency: string, cause: unknown);
}
/**
 * A value a helper cannot encode (a Basic username with `:`, a header value
 * with control characters): a programming mistake, not a request problem.
 *
 * @example
 * ```ts
 * expect(() => encodeBasicCredentials('a:b', 'c')).toThrow(InvalidArgumentError)
 * ```
 */
export declare class InvalidArgumentError extends DependsError {
    constructor(message: string);
}
/**
 * `auth.values(req)` asked for a request the guard did not run for (the
 * route is not behind it, or is public): a programming mistake.
 *
 * @example
 * ```ts
 * expect(() => auth.values(req)).toThrow(GuardNotRunError)
 * ```
 */
export declare class GuardNotRunError extends DependsError {
    constructor(accessor: string);
}
/** The standard reason phrase for a status, used as the default `detail`. */
export declare function defaultReason(status: number): string;
