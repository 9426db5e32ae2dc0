/**
 * The body of the error answers the library writes (401, 403, 422, 429,
 * 503, 404, ...): FastAPI's `{"detail": …}` by default, or the app's own
 * shape (`errorBody()`), or RFC 9457 problem details (`problemDetails()`).
 * The status and the headers (`WWW-Authenticate`, `Retry-After`,
 * `Cache-Control`) never depend on it; the document's error responses use
 * its schema.
 */
import type { z } from 'zod/v4';
import type { HTTPException, ValidationIssue } from './catalogue.js';

/**
 * One error answer, as an {@link ErrorBody} sees it.
 *
 * @example
 * ```ts
 * const shape = errorBody(z.object({ message: z.string() }), (problem: Problem) => ({ message: problem.detail }))
 * ```
 */
export interface Problem {
  /** The answer's status (401, 403, 422, ...). */
  readonly status: number;
  /** The status's reason phrase (`Unauthorized`, `Unprocessable Content`). */
  readonly title: string;
  /**
   * What went wrong, for a person: the exception's `detail` when it is a
   * string (`Not authenticated`, `Could not validate credentials`, `Item
   * not found`), otherwise its message or the title.
   */
  readonly detail: string;
  /** A 422's problems, every one (inputs echoed only as far as the default answer echoes them). */
  readonly errors?: readonly ValidationIssue[];
  /**
   * The `HTTPException` answered (its `detail` as thrown, its subclass);
   * `undefined` for a 500 and a framework's own HTTP error.
   */
  readonly exception?: HTTPException;
}

/**
 * A JSON Schema object (OpenAPI 3.1's dialect): an {@link ErrorBody}'s
 * schema when it is not a zod schema.
 *
 * @example
 * ```ts
 * const schema: ErrorSchema = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }
 * ```
 */
export type ErrorSchema = { readonly [key: string]: unknown };

/**
 * How the library writes the body of its error answers: the body of each
 * {@link Problem}, its media type, and its schema for the document. Made
 * by {@link errorBody} or {@link problemDetails}; given to the app as the
 * `errorBody` option.
 *
 * @example
 * ```ts
 * const app = new DependsApp({ errorBody: problemDetails() })
 * ```
 */
export interface ErrorBody {
  /** The answers' media type (`application/json`, `application/problem+json`). */
  readonly mediaType: string;
  /** The body's schema, for the document's error responses: a zod schema or a JSON Schema. */
  readonly schema: z.ZodType | ErrorSchema;
  /** The name of that schema in `components.schemas`. */
  readonly schemaName: string;
  /**
   * The body of one answer. It must serialise as JSON; when it throws or
   * does not, the answer falls back to `{"detail": …}` (same status and
   * headers) and the error goes to `onError`.
   */
  body(problem: Problem): unknown;
}

/**
 * Options of {@link errorBody}.
 *
 * @example
 * ```ts
 * const options: ErrorBodyOptions = { mediaType: 'application/vnd.api+json', schemaName: 'Errors' }
 * errorBody({ type: 'object' }, (problem) => ({ errors: [{ status: String(problem.status), title: problem.title }] }), options)
 * ```
 */
export interface ErrorBodyOptions {
  /** The answers' media type (default `application/json`). */
  mediaType?: string;
  /** The schema's name in `components.schemas` (default: the zod schema's `id`, else `Error`). */
  schemaName?: string;
}

/**
 * The app's own error shape for every error answer the library writes:
 * `body` builds it from the {@link Problem}, `schema` documents it (each
 * error response of the document refers to it). The status and the
 * headers (`WWW-Authenticate` challenges, `Retry-After`) are unchanged.
 *
 * @example
 * ```ts
 * const d = createDepends({
 *   errorBody: errorBody(z.object({ message: z.string() }), (problem) => ({ message: problem.detail })),
 * })
 * // a request without a token: 401 {"message":"Not authenticated"} + WWW-Authenticate: Bearer
 * ```
 */
export function errorBody<S extends z.ZodType>(schema: S, body: (problem: Problem) => z.input<S>, options?: ErrorBodyOptions): ErrorBody;
export function errorBody(schema: ErrorSchema, body: (problem: Problem) => unknown, options?: ErrorBodyOptions): ErrorBody;
export function errorBody(schema: z.ZodType | ErrorSchema, body: (problem: Problem) => unknown, options: ErrorBodyOptions = {}): ErrorBody {
  const id = isZod(schema) ? (schema as { meta?: () => { id?: unknown } | undefined }).meta?.()?.id : undefined;
  return Object.freeze({
    mediaType: options.mediaType ?? 'application/json',
    schema,
    schemaName: options.schemaName ?? (typeof id === 'string' ? id : 'Error'),
    body,
  });
}

const isZod = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/** A 422 problem, as {@link problemDetails} lists them under `errors`. */
const PROBLEM_ITEM: ErrorSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    loc: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
    msg: { type: 'string' },
    input: {},
    ctx: { type: 'object', additionalProperties: true },
  },
  required: ['type', 'loc', 'msg'],
};

/** RFC 9457's problem details object, as {@link problemDetails} writes it. */
const PROBLEM_DETAILS: ErrorSchema = {
  title: 'ProblemDetails',
  type: 'object',
  description: 'RFC 9457 problem details.',
  properties: {
    type: { type: 'string', description: 'A URI reference naming the problem type (`about:blank`: the status says it all).' },
    title: { type: 'string', description: "The status's reason phrase." },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    errors: { type: 'array', description: 'A 422: every problem found in the request.', items: PROBLEM_ITEM },
  },
  required: ['type', 'title', 'status', 'detail'],
};

/**
 * RFC 9457 problem details for every error answer the library writes:
 * `application/problem+json` bodies `{"type":"about:blank","title",
 * "status","detail"}`, and a 422's problems under `errors`. Documented as
 * the `ProblemDetails` component. Challenge headers are unchanged.
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Notes API', errorBody: problemDetails() })
 * // 401 application/problem+json {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Not authenticated"}
 * ```
 */
export function problemDetails(): ErrorBody {
  return PROBLEM;
}

const PROBLEM: ErrorBody = Object.freeze({
  mediaType: 'application/problem+json',
  schema: PROBLEM_DETAILS,
  schemaName: 'ProblemDetails',
  body: (problem: Problem) => ({
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.errors !== undefined ? { errors: problem.errors } : {}),
  }),
});

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The reason phrase of a status (RFC 9110), what a {@link Problem}'s
 * `title` is.
 *
 * @example
 * ```ts
 * reasonPhrase(429) // 'Too Many Requests'
 * ```
 */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
