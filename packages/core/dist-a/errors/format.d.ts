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
export type ErrorSchema = {
    readonly [key: string]: unknown;
};
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
export declare function errorBody<S extends z.ZodType>(schema: S, body: (problem: Problem) => z.input<S>, options?: ErrorBodyOptions): ErrorBody;
export declare function errorBody(schema: ErrorSchema, body: (problem: Problem) => unknown, options?: ErrorBodyOptions): ErrorBody;
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
export declare function problemDetails(): ErrorBody;
/**
 * The reason phrase of a status (RFC 9110), what a {@link Problem}'s
 * `title` is.
 *
 * @example
 * ```ts
 * reasonPhrase(429) // 'Too Many Requests'
 * ```
 */
export declare function reasonPhrase(status: number): string;
