/**
 * The error catalogue as this copy of the core defines it: the codes and
 * the error classes. Import from `catalogue.ts`, whose classes are the ones
 * every copy of the core in the process shares (see `shared`); those
 * defined here are used only when this copy is the first loaded.
 */

/** Stable error codes: each is explained, with its fix, in `ERRORS.md`. */
export const ErrorCode = {
  /** A dependency depends on itself, directly or through others. */
  DependencyCycle: 'DEPENDS_DEPENDENCY_CYCLE',
  /** A `request`-scoped generator depends on a `function`-scoped one. */
  DependencyScope: 'DEPENDS_DEPENDENCY_SCOPE',
  /** Two different security schemes share one name. */
  DuplicateScheme: 'DEPENDS_DUPLICATE_SCHEME',
  /** A route's `status` option no answer can carry, or any other declaration mistake (plugins use it for their own options); the library's other mistakes have the codes below. */
  InvalidDeclaration: 'DEPENDS_INVALID_DECLARATION',
  /** `depends()`, `form()`, `inject()` or `overrides.set()` given something other than what it takes. */
  InvalidDependency: 'DEPENDS_INVALID_DEPENDENCY',
  /** A class given as an input while the services plugin (`@depends/core/services`) is not loaded. */
  ServicesNotLoaded: 'DEPENDS_SERVICES_NOT_LOADED',
  /** A security scheme built with an option it cannot use (empty name, bad realm, missing flow URL, ...). */
  InvalidSchemeOption: 'DEPENDS_INVALID_SCHEME_OPTION',
  /** `mtls()` of `@depends/jwt` told to read the client certificate from a header with no trusted proxies to set it (or proxies with no header, or an entry that is not an address). */
  ClientCertificateSource: 'DEPENDS_CLIENT_CERTIFICATE_SOURCE',
  /** Two routes given the same `operationId`. */
  DuplicateOperationId: 'DEPENDS_DUPLICATE_OPERATION_ID',
  /** Two different schemas given the same component name. */
  DuplicateSchemaName: 'DEPENDS_DUPLICATE_SCHEMA_NAME',
  /** A framework route method the adapter's framework has no method for. */
  UnsupportedMethod: 'DEPENDS_UNSUPPORTED_METHOD',
  /** A generator dependency that returned without yielding a value (answered 500). */
  GeneratorDidNotYield: 'DEPENDS_GENERATOR_DID_NOT_YIELD',
  /** A generator dependency that yielded again in its teardown (answered 500). */
  GeneratorYieldedTwice: 'DEPENDS_GENERATOR_YIELDED_TWICE',
  /** A helper given a value it cannot encode (a Basic username with `:`, a header value with control characters), or an answer that cannot be sent (a reply's header or status, an HTTPException's status; answered 500). */
  InvalidArgument: 'DEPENDS_INVALID_ARGUMENT',
  /** An HTTP error raised on purpose (401, 403, 404, ...). */
  Http: 'DEPENDS_HTTP',
  /** Request inputs failed validation (422). */
  Validation: 'DEPENDS_VALIDATION',
  /** A token endpoint's OAuth 2 error answer (RFC 6749 §5.2). */
  OAuth2: 'DEPENDS_OAUTH_ERROR',
  /** A teardown generator caught an error and did not re-raise it. */
  ErrorSwallowed: 'DEPENDS_ERROR_SWALLOWED',
  /** A route input is not a dependency, a use or an injectable class (often `undefined` from an import cycle). */
  NotADependency: 'DEPENDS_NOT_A_DEPENDENCY',
  /** A header parameter OpenAPI ignores (`Authorization`, `Accept`, `Content-Type`). */
  IgnoredHeader: 'DEPENDS_IGNORED_HEADER',
  /** `security()` over a dependency that reaches no security scheme. */
  SecurityWithoutScheme: 'DEPENDS_SECURITY_WITHOUT_SCHEME',
  /** A header, query, cookie or path schema that cannot be read from a string. */
  UnreadableParameter: 'DEPENDS_UNREADABLE_PARAMETER',
  /** `path(name)` on a route whose path has no `{name}`. */
  UnknownPathParameter: 'DEPENDS_UNKNOWN_PATH_PARAMETER',
  /** A scope an OAuth2 scheme does not declare in its flows. */
  UndeclaredScope: 'DEPENDS_UNDECLARED_SCOPE',
  /** The same method and path declared twice. */
  DuplicateRoute: 'DEPENDS_DUPLICATE_ROUTE',
  /** A document option it cannot use (`publicOrigin` that is not an absolute http(s) URL, or given with `servers`). */
  InvalidDocumentOption: 'DEPENDS_INVALID_DOCUMENT_OPTION',
  /** The docs page is served where there is no file system, and no bundled files were given. */
  DocsFilesUnavailable: 'DEPENDS_DOCS_FILES_UNAVAILABLE',
  /** A guarded or mounted route whose full path the framework does not let be known, so it cannot be documented. */
  UnknownRoutePath: 'DEPENDS_UNKNOWN_ROUTE_PATH',
  /** A guard's options do not fit the routes behind it (a `routes` key naming no such route, scopes with no scheme, a guard in front of no route). */
  GuardOptions: 'DEPENDS_GUARD_OPTIONS',
  /** Middleware placed after a guard and before a route the guard lets through with less than its strictest requirement. */
  GuardOrder: 'DEPENDS_GUARD_ORDER',
  /** `auth.values()` asked for a request the guard did not run for. */
  GuardNotRun: 'DEPENDS_GUARD_NOT_RUN',
  /** The app's own OpenAPI document (`base`) cannot take depends' entries: not OpenAPI 3.0/3.1, a security scheme name both define differently, a construct its version cannot hold. */
  BaseDocument: 'DEPENDS_BASE_DOCUMENT',
  /** The protected resource metadata (RFC 9728) cannot be derived from the declarations: a resource URI the verifier's audiences do not include, a scheme with no issuer on a route that points to the metadata. */
  ResourceMetadata: 'DEPENDS_RESOURCE_METADATA',
  /** A dependency or handler answered 401 without a `WWW-Authenticate` challenge on a route with no security scheme to take one from (answered 500). */
  MissingChallenge: 'DEPENDS_MISSING_CHALLENGE',
  /** A step-up requirement (`stepUp()` of `@depends/jwt`, RFC 9470) over something that is not a required token scheme, or asking for nothing. */
  StepUp: 'DEPENDS_STEP_UP',
} as const;

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
export class DependsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
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
export class ConfigurationError extends DependsError {}

/**
 * A dependency cycle. `path` lists the dependency names from the first
 * occurrence back to itself.
 *
 * @example
 * ```ts
 * // Dependency cycle in route GET /items: a -> b -> a
 * ```
 */
export class DependencyCycleError extends ConfigurationError {
  readonly path: readonly string[];
  constructor(route: string, path: readonly string[]) {
    super(ErrorCode.DependencyCycle, `Dependency cycle in route ${route}: ${path.join(' -> ')}`);
    this.path = path;
  }
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
export class DependencyScopeError extends ConfigurationError {
  constructor(route: string, dependency: string) {
    super(
      ErrorCode.DependencyScope,
      `In route ${route}: The dependency "${dependency}" has a scope of "request", it cannot depend on dependencies with scope "function".`,
    );
  }
}

/**
 * Two different security schemes registered under the same name.
 *
 * @example
 * ```ts
 * // Security scheme name "APIKeyHeader" is used by two different schemes: in route GET /a and in route GET /b
 * ```
 */
export class DuplicateSchemeError extends ConfigurationError {
  constructor(name: string, firstRoute: string, secondRoute: string) {
    super(
      ErrorCode.DuplicateScheme,
      `Security scheme name "${name}" is used by two different schemes: in route ${firstRoute} and in route ${secondRoute}. Give one of them its own schemeName.`,
    );
  }
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
export class RouteInputError extends ConfigurationError {
  /** The route's label, e.g. `GET /items/{id}`. */
  readonly route: string;
  /** The input's key path, e.g. `user.token`. */
  readonly input: string;
  constructor(code: ErrorCode, route: string, input: string, problem: string) {
    super(code, `Route ${route}, input "${input}": ${problem}`);
    this.route = route;
    this.input = input;
  }
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
export class DuplicateRouteError extends ConfigurationError {
  constructor(first: string, second: string) {
    super(
      ErrorCode.DuplicateRoute,
      `Route ${first} is declared twice${first === second ? '' : ` (the second time as ${second})`}: the framework would only ever run the first one, and the document can hold only one operation per method and path. Remove one, or give it another path or method.`,
    );
  }
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
export class HTTPException extends DependsError {
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
  static captureStackTraces = false;
  // `declare`: assigned in the constructor, or by `stackless()` for an instance built without it.
  declare readonly status: number;
  declare readonly detail: unknown;
  declare readonly headers: HeaderValues | undefined;
  constructor(status: number, detail?: unknown, headers?: HeaderValues) {
    if (status < 500 && !HTTPException.captureStackTraces) return stackless(new.target, status, detail, headers);
    super(ErrorCode.Http, typeof detail === 'string' ? detail : `HTTP ${status}`);
    this.status = status;
    this.detail = detail ?? defaultReason(status);
    this.headers = headers;
  }
}

/** Where a stackless exception keeps its message (read through `message` on the prototype). */
const MESSAGE = Symbol('message');

/**
 * An HTTP exception without a stack trace: an object of the same class (so
 * `instanceof` and the prototype's methods work) with the same own
 * enumerable properties as a constructed one, built without `Error`'s
 * constructor, which captures a stack whatever `Error.stackTraceLimit`
 * says. Its `message` and `stack` are accessors of the prototype (a
 * constructed exception has its own, which hide them): defining a
 * non-enumerable own property costs more than building the object.
 */
function stackless(target: abstract new (...args: never[]) => HTTPException, status: number, detail: unknown, headers: HeaderValues | undefined): HTTPException {
  const e = Object.create(target.prototype) as { -readonly [K in keyof HTTPException]: HTTPException[K] } & { [MESSAGE]: string };
  e[MESSAGE] = typeof detail === 'string' ? detail : `HTTP ${status}`;
  e.code = ErrorCode.Http;
  e.name = target.name;
  e.status = status;
  e.detail = detail ?? defaultReason(status);
  e.headers = headers;
  return e;
}

Object.defineProperties(HTTPException.prototype, {
  message: {
    configurable: true,
    get(this: { [MESSAGE]?: string }): string {
      return this[MESSAGE] ?? '';
    },
    set(this: { [MESSAGE]?: string }, value: string) {
      this[MESSAGE] = value;
    },
  },
  // A stackless exception's `stack` is its first line.
  stack: {
    configurable: true,
    get(this: HTTPException): string {
      return `${this.name}: ${this.message}`;
    },
    set(this: HTTPException, value: unknown) {
      Object.defineProperty(this, 'stack', { value, writable: true, configurable: true });
    },
  },
});

/** The `error` codes of a token endpoint's error answer (RFC 6749 §5.2). */
export type OAuth2ErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

/** Headers every token endpoint answer carries (RFC 6749 §5.1, §5.2). */
export const NO_STORE_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'cache-control': 'no-store', pragma: 'no-cache' });

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
export class OAuth2Error extends HTTPException {
  readonly error: OAuth2ErrorCode;
  readonly description: string | undefined;
  constructor(error: OAuth2ErrorCode, description?: string, options: { challenge?: string } = {}) {
    const headers: HeaderValues = { ...NO_STORE_HEADERS, ...(options.challenge !== undefined ? { 'www-authenticate': options.challenge } : {}) };
    super(options.challenge !== undefined ? 401 : 400, description ?? error, headers);
    (this as { code: ErrorCode }).code = ErrorCode.OAuth2;
    this.error = error;
    this.description = description;
  }

  /** The answer's body: `{"error": …, "error_description"?: …}`. */
  toJSON(): { error: OAuth2ErrorCode; error_description?: string } {
    return this.description === undefined ? { error: this.error } : { error: this.error, error_description: this.description };
  }
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
export class RequestValidationError extends HTTPException {
  readonly errors: ValidationIssue[];
  constructor(errors: ValidationIssue[]) {
    super(422, errors);
    (this as { code: ErrorCode }).code = ErrorCode.Validation;
    this.errors = errors;
    this.message = `Request validation failed (${errors.length} problem${errors.length === 1 ? '' : 's'})`;
  }
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
export class ErrorSwallowedError extends DependsError {
  constructor(dependency: string, cause: unknown) {
    super(
      ErrorCode.ErrorSwallowed,
      `The teardown of dependency "${dependency}" caught an error without re-raising it`,
      { cause },
    );
  }
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
export class InvalidArgumentError extends DependsError {
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, message);
  }
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
export class GuardNotRunError extends DependsError {
  constructor(accessor: string) {
    super(ErrorCode.GuardNotRun, `${accessor}: the guard did not run for this request (the route is not behind it, or it is public)`);
  }
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** The standard reason phrase for a status, used as the default `detail`. */
export function defaultReason(status: number): string {
  return reasons[status] ?? `HTTP ${status}`;
}
