/**
 * Reading a request's body: the raw body an adapter hands over, parsed once
 * per request by its content type (JSON, url-encoded or multipart form,
 * text) before any dependency runs. Body and form sources read the result.
 */
import { HTTPException } from '../errors/catalogue.js';
import type { RawBody, RequestView } from './view.js';
/** The body after parsing, as body and form sources read it. */
export type ParsedBody = {
    readonly kind: 'none';
} | {
    readonly kind: 'json';
    readonly value: unknown;
} | {
    readonly kind: 'form';
    readonly fields: {
        get(name: string): unknown;
        getAll(name: string): unknown[];
    };
} | {
    readonly kind: 'text';
    readonly text: string;
};
/** No body. */
export declare const NONE: ParsedBody;
/**
 * Form fields over a plain object (a body a framework already parsed): the
 * last value of a repeated field wins for `get`.
 *
 * @example
 * ```ts
 * const parsed = formFromObject({ a: ['1', '2'] })
 * if (parsed.kind === 'form') parsed.fields.get('a') // '2'
 * ```
 */
export declare function formFromObject(obj: Record<string, unknown>): ParsedBody;
/**
 * The 415 answer for a body in a media type the route does not read. The
 * detail names the accepted types (never the one sent).
 *
 * @example
 * ```ts
 * unsupportedMediaType(['application/json']).detail // 'Unsupported Media Type: expected application/json'
 * ```
 */
export declare function unsupportedMediaType(accepts: readonly string[]): HTTPException;
/**
 * Whether a body of this content type may be read by a route accepting
 * `accepts`: a JSON route also takes `+json` types and, as FastAPI, a
 * body sent without a content type; a form route only its own type.
 *
 * @example
 * ```ts
 * acceptsMediaType(['application/json'], 'application/merge-patch+json') // true
 * acceptsMediaType(['application/x-www-form-urlencoded'], 'application/json') // false
 * ```
 */
export declare function acceptsMediaType(accepts: readonly string[], contentType: string | undefined): boolean;
/**
 * Parses the raw body by its content type: JSON (also when no content type
 * is given), url-encoded and multipart forms, or text. With `accepts` (the
 * media types the route declares), a non-empty body of another type is a
 * 415 naming them, raised before it is parsed. Invalid JSON is a 422
 * `json_invalid` (FastAPI's answer), raised before any dependency runs; so is
 * JSON nested deeper than `MAX_JSON_DEPTH` (64) arrays and objects. A broken
 * multipart body is a 400.
 *
 * @example
 * ```ts
 * await parseBody({ kind: 'text', text: '{"a":1}' }, 'application/json') // { kind: 'json', value: { a: 1 } }
 * await parseBody({ kind: 'text', text: 'a=1' }, 'application/x-www-form-urlencoded', ['application/json']) // throws a 415
 * ```
 */
export declare function parseBody(raw: RawBody, contentType: string | undefined, accepts?: readonly string[]): Promise<ParsedBody>;
/**
 * Reads and parses a request's body for sources that need it; `accepts`
 * as in {@link parseBody}.
 *
 * @example
 * ```ts
 * const parsed = await readParsedBody(createRequestView({ body: { a: 1 } })) // { kind: 'json', value: { a: 1 } }
 * ```
 */
export declare function readParsedBody(request: RequestView, accepts?: readonly string[]): Promise<ParsedBody>;
