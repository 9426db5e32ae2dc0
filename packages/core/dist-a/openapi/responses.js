import { isZodSchema } from './schemas.js';
/** `{"detail": "..."}`: the body of every `HTTPException`. */
export const HTTP_ERROR = {
    title: 'HTTPError',
    type: 'object',
    properties: { detail: { title: 'Detail', type: 'string' } },
    required: ['detail'],
};
/** One 422 item, as FastAPI documents it. */
export const VALIDATION_ERROR = {
    title: 'ValidationError',
    type: 'object',
    properties: {
        loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        msg: { title: 'Message', type: 'string' },
        type: { title: 'Error Type', type: 'string' },
        input: { title: 'Input' },
        ctx: { title: 'Context', type: 'object', additionalProperties: true },
    },
    required: ['loc', 'msg', 'type'],
};
/** The 422 body: every problem listed. */
export const HTTP_VALIDATION_ERROR = {
    title: 'HTTPValidationError',
    type: 'object',
    properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } },
};
/** A token endpoint's error body (RFC 6749 §5.2). */
export const OAUTH2_ERROR = {
    title: 'OAuth2Error',
    type: 'object',
    properties: {
        error: {
            title: 'Error',
            type: 'string',
            enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'],
        },
        error_description: { title: 'Error Description', type: 'string' },
        error_uri: { title: 'Error URI', type: 'string' },
    },
    required: ['error'],
};
/** The headers of every token endpoint answer (RFC 6749 §5.1). */
export const NO_STORE_DOC = {
    'Cache-Control': { description: 'Token answers are never stored (RFC 6749 §5.1).', required: true, schema: { type: 'string', const: 'no-store' } },
    Pragma: { description: 'For HTTP/1.0 caches.', required: true, schema: { type: 'string', const: 'no-cache' } },
};
const STATUS_TEXT = {
    400: 'Bad Request',
    401: 'Not authenticated',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    409: 'Conflict',
    410: 'Gone',
    412: 'Precondition Failed',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Validation Error',
    423: 'Locked',
    428: 'Precondition Required',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};
/**
 * A short description for a status code.
 *
 * @example
 * ```ts
 * statusText(404) // 'Not Found'
 * ```
 */
export function statusText(status) {
    return STATUS_TEXT[status] ?? (status < 400 ? 'Response' : 'Error');
}
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
export function challengeDoc(challenges) {
    const schemes = [...new Set(challenges.map((c) => c.split(/[ ,]/)[0]))];
    const escaped = schemes.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return {
        description: `One line per challenge: ${challenges.map((c) => `\`${c}\``).join(', ')}.`,
        required: true,
        schema: { type: 'string', pattern: `^(?:${escaped.join('|')})(?:[ ,]|$)` },
    };
}
const challengeHeader = (description) => ({ 'WWW-Authenticate': { description, schema: { type: 'string' } } });
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
export function errorContent(components, shape) {
    if (shape === undefined)
        return { 'application/json': { schema: components.add('HTTPError', HTTP_ERROR) } };
    const schema = isZodSchema(shape.schema)
        ? components.schema(shape.schema, { name: shape.schemaName, side: 'output' })
        : components.add(shape.schemaName, shape.schema);
    return { [shape.mediaType]: { schema } };
}
/**
 * The documented 401: a required credential is missing or rejected.
 *
 * @example
 * ```ts
 * unauthorized(components).description // 'Not authenticated'
 * ```
 */
export function unauthorized(components, shape) {
    return {
        description: 'Not authenticated',
        headers: challengeHeader('The challenge of each accepted scheme (`Bearer`, `Basic`, `APIKey`, ...).'),
        content: errorContent(components, shape),
    };
}
/**
 * The documented 403: authenticated, but the scopes required are missing.
 *
 * @example
 * ```ts
 * forbidden(components).description // 'Not enough permissions'
 * ```
 */
export function forbidden(components, shape) {
    return {
        description: 'Not enough permissions',
        headers: challengeHeader('`Bearer error="insufficient_scope", scope="…"` for OAuth2 schemes.'),
        content: errorContent(components, shape),
    };
}
/**
 * The documented 422 (FastAPI's `HTTPValidationError`, or the app's
 * `errorBody` shape).
 *
 * @example
 * ```ts
 * validationFailed(components).content // { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } }
 * ```
 */
export function validationFailed(components, shape) {
    if (shape !== undefined)
        return { description: 'Validation Error', content: errorContent(components, shape) };
    components.add('ValidationError', VALIDATION_ERROR);
    return {
        description: 'Validation Error',
        content: { 'application/json': { schema: components.add('HTTPValidationError', HTTP_VALIDATION_ERROR) } },
    };
}
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
export class StandardResponses {
    #components;
    #shape;
    #unauthorized;
    #forbidden;
    #validation;
    #oauth2;
    #byStatus = new Map();
    #byChallenge = new Map();
    /** `shape`: the app's `errorBody`, the body of every error response but a token endpoint's OAuth 2 errors. */
    constructor(components, shape) {
        this.#components = components;
        this.#shape = shape;
    }
    /** The 401 response. */
    unauthorized() {
        return (this.#unauthorized ??= unauthorized(this.#components, this.#shape));
    }
    /** The 403 response. */
    forbidden() {
        return (this.#forbidden ??= forbidden(this.#components, this.#shape));
    }
    /** The 401 of an operation whose schemes send these challenges (shared by operations with the same ones). */
    unauthorizedWith(challenges) {
        return this.#challenged(401, challenges, () => this.unauthorized());
    }
    /** The 403 of an operation whose scopes give these challenges. */
    forbiddenWith(challenges) {
        return this.#challenged(403, challenges, () => this.forbidden());
    }
    #challenged(status, challenges, base) {
        const key = `${status} ${challenges.join('\n')}`;
        let r = this.#byChallenge.get(key);
        if (!r)
            this.#byChallenge.set(key, (r = { ...base(), headers: { 'WWW-Authenticate': challengeDoc(challenges) } }));
        return r;
    }
    /** The 422 response. */
    validationFailed() {
        return (this.#validation ??= validationFailed(this.#components, this.#shape));
    }
    /** A token endpoint's 400 (and its 401 when client authentication fails): the OAuth 2 error body, no-store. */
    oauth2Error() {
        return (this.#oauth2 ??= {
            description: 'OAuth 2 error (RFC 6749 §5.2): invalid_request, unsupported_grant_type, invalid_grant, …',
            headers: NO_STORE_DOC,
            content: { 'application/json': { schema: this.#components.add('OAuth2Error', OAUTH2_ERROR) } },
        });
    }
    /** Another HTTP error of a token endpoint: the `{detail}` body, no-store. */
    noStore(status) {
        return { ...this.httpError(status), headers: NO_STORE_DOC };
    }
    /** Another HTTP error by status. */
    httpError(status) {
        let r = this.#byStatus.get(status);
        if (!r)
            this.#byStatus.set(status, (r = httpError(this.#components, status, this.#shape)));
        return r;
    }
}
/**
 * Another HTTP error a dependency declares it may answer (`meta.responses`).
 *
 * @example
 * ```ts
 * httpError(components, 404).description // 'Not Found'
 * ```
 */
export function httpError(components, status, shape) {
    if (status < 400)
        return { description: statusText(status) };
    return {
        description: statusText(status),
        ...(status === 429 ? { headers: RATE_LIMIT_HEADERS } : status === 503 ? { headers: UNAVAILABLE_HEADERS } : {}),
        content: errorContent(components, shape),
    };
}
const integer = { type: 'integer', minimum: 0 };
/** The header of a 503 the library answers (a shared store or an identity provider unreachable): when to try again. */
const UNAVAILABLE_HEADERS = {
    'Retry-After': { description: 'Seconds to wait before trying again (sent by the library\'s own 503s).', schema: integer },
};
/** The headers of a 429 (`@depends/rate-limit`): when to retry, and the limit that was reached. */
const RATE_LIMIT_HEADERS = {
    'Retry-After': { description: 'Seconds to wait before trying again.', required: true, schema: integer },
    'RateLimit-Limit': { description: 'Requests (or failed attempts) allowed in the window.', schema: integer },
    'RateLimit-Remaining': { description: 'How many are left in the window (0 on a 429).', schema: integer },
    'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: integer },
};
//# sourceMappingURL=responses.js.map