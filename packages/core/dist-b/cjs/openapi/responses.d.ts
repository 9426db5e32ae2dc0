/**
 * The error bodies every operation may document: `{ detail }` for 401, 403
 * and other HTTP errors, and FastAPI's `HTTPValidationError` /
 * `ValidationError` for 422.
 */
import type { ErrorBody } from '../errors/format.js';
import type { JsonSchema, MediaTypeObject, ResponseObject } from './types.js';
import { type SchemaComponents } from './schemas.js';
/** `{"detail": "..."}`: the body of every `HTTPException`. */
export declare const HTTP_ERROR: JsonSchema;
/** One 422 item, as FastAPI documents it. */
export declare const VALIDATION_ERROR: JsonSchema;
/** The 422 body: every problem listed. */
export declare const HTTP_VALIDATION_ERROR: JsonSchema;
/** A token endpoint's error body (RFC 6749 §5.2). */
export declare const OAUTH2_ERROR: JsonSchema;
/** The headers of every token endpoint answer (RFC 6749 §5.1). */
export declare const NO_STORE_DOC: NonNullable<ResponseObject['headers']>;
/**
 * A short description for a status code.
 *
 * @example
 * ```ts
 * statusText(404) // 'Not Found'
 * ```
 */
export declare function statusText(status: number): string;
/**
 * The documented `WWW-Authenticate` header of a 401/403: required, each
 * challenge the operation can send listed, and a pattern matching them
 * (a line starts with one of their auth-schemes).
 *
 * @example
 * ```ts
 * challengeDoc(['Basic realm="admin"']).schema // { type: 'string', pattern: '^(?:Basic)(?:[ ,]|$)' }
 * ```
 */
export declare function challengeDoc(challenges: readonly string[]): {
    description: string;
    required: boolean;
    schema: JsonSchema;
};
/**
 * The body of an error response: the app's `errorBody` shape (its schema
 * as a component, in its media type), or FastAPI's `{detail}` (the
 * `HTTPError` component).
 *
 * @example
 * ```ts
 * errorContent(components, problemDetails()) // { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } }
 * ```
 */
export declare function errorContent(components: SchemaComponents, shape?: ErrorBody): Record<string, MediaTypeObject>;
/**
 * The documented 401: a required credential is missing or rejected.
 *
 * @example
 * ```ts
 * unauthorized(components).description // 'Not authenticated'
 * ```
 */
export declare function unauthorized(components: SchemaComponents, shape?: ErrorBody): ResponseObject;
/**
 * The documented 403: authenticated, but the scopes required are missing.
 *
 * @example
 * ```ts
 * forbidden(components).description // 'Not enough permissions'
 * ```
 */
export declare function forbidden(components: SchemaComponents, shape?: ErrorBody): ResponseObject;
/**
 * The documented 422 (FastAPI's `HTTPValidationError`, or the app's
 * `errorBody` shape).
 *
 * @example
 * ```ts
 * validationFailed(components).content // { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } }
 * ```
 */
export declare function validationFailed(components: SchemaComponents, shape?: ErrorBody): ResponseObject;
/**
 * The standard error responses of one document, built once and shared by
 * every operation that lists them (a 5,000-route document would otherwise
 * hold 5,000 copies of the same 401).
 *
 * @example
 * ```ts
 * const standard = new StandardResponses(components)
 * standard.unauthorized() === standard.unauthorized() // true
 * ```
 */
export declare class StandardResponses {
    #private;
    /** `shape`: the app's `errorBody`, the body of every error response but a token endpoint's OAuth 2 errors. */
    constructor(components: SchemaComponents, shape?: ErrorBody);
    /** The 401 response. */
    unauthorized(): ResponseObject;
    /** The 403 response. */
    forbidden(): ResponseObject;
    /** The 401 of an operation whose schemes send these challenges (shared by operations with the same ones). */
    unauthorizedWith(challenges: readonly string[]): ResponseObject;
    /** The 403 of an operation whose scopes give these challenges. */
    forbiddenWith(challenges: readonly string[]): ResponseObject;
    /** The 422 response. */
    validationFailed(): ResponseObject;
    /** A token endpoint's 400 (and its 401 when client authentication fails): the OAuth 2 error body, no-store. */
    oauth2Error(): ResponseObject;
    /** Another HTTP error of a token endpoint: the `{detail}` body, no-store. */
    noStore(status: number): ResponseObject;
    /** Another HTTP error by status. */
    httpError(status: number): ResponseObject;
}
/**
 * Another HTTP error a dependency declares it may answer (`meta.responses`).
 *
 * @example
 * ```ts
 * httpError(components, 404).description // 'Not Found'
 * ```
 */
export declare function httpError(components: SchemaComponents, status: number, shape?: ErrorBody): ResponseObject;
