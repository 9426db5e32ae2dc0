/**
 * Reading a request's body: the raw body an adapter hands over, parsed once
 * per request by its content type (JSON, url-encoded or multipart form,
 * text) before any dependency runs. Body and form sources read the result.
 */
import { HTTPException, RequestValidationError } from '../errors/catalogue.js';
import type { RawBody, RequestView } from './view.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.js';

/** The body after parsing, as body and form sources read it. */
export type ParsedBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'form'; readonly fields: { get(name: string): unknown; getAll(name: string): unknown[] } }
  | { readonly kind: 'text'; readonly text: string };

/** No body. */
export const NONE: ParsedBody = { kind: 'none' };

function jsonError(text: string, error: unknown): RequestValidationError {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  return new RequestValidationError([
    {
      type: 'json_invalid',
      loc: ['body', pos ? Number(pos[1]) : text.length],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: message },
    },
  ]);
}

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
export function formFromObject(obj: Record<string, unknown>): ParsedBody {
  return {
    kind: 'form',
    fields: {
      get: (n) => {
        const v = obj[n];
        return Array.isArray(v) ? v[v.length - 1] : v;
      },
      getAll: (n) => {
        const v = obj[n];
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      },
    },
  };
}

const JSON_TYPE = 'application/json';

/**
 * Whether a media type (see {@link mediaTypeOf}) is JSON: `application/json`
 * or a `+json` suffix.
 *
 * @example
 * ```ts
 * isJsonType('application/merge-patch+json') // true
 * ```
 */
export const isJsonType = (type: string): boolean => type === JSON_TYPE || (type.startsWith('application/') && type.endsWith('+json'));

function isEmpty(raw: RawBody): boolean {
  if (raw.kind === 'none') return true;
  if (raw.kind === 'text') return raw.text === '';
  if (raw.kind === 'bytes') return raw.bytes.byteLength === 0;
  return raw.value === undefined;
}

/**
 * The 415 answer for a body in a media type the route does not read. The
 * detail names the accepted types (never the one sent).
 *
 * @example
 * ```ts
 * unsupportedMediaType(['application/json']).detail // 'Unsupported Media Type: expected application/json'
 * ```
 */
export function unsupportedMediaType(accepts: readonly string[]): HTTPException {
  return new HTTPException(415, `Unsupported Media Type: expected ${accepts.join(' or ')}`);
}

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
export function acceptsMediaType(accepts: readonly string[], contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType);
  if (type === '' || isJsonType(type)) return accepts.includes(JSON_TYPE);
  return accepts.includes(type);
}

/**
 * The media type of a `Content-Type` value: lower case, without parameters
 * (`''` without one).
 *
 * @example
 * ```ts
 * mediaTypeOf('Application/JSON; charset=utf-8') // 'application/json'
 * ```
 */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Parses the raw body by its content type: JSON (also when no content type
 * is given), url-encoded and multipart forms, or text. With `accepts` (the
 * media types the route declares), a non-empty body of another type is a
 * 415 naming them, raised before it is parsed. Invalid JSON is a 422
 * `json_invalid` (FastAPI's answer), raised before any dependency runs; so is
 * JSON nested deeper than `MAX_JSON_DEPTH` (64) arrays and objects. JSON
 * bytes that are not UTF-8, and a broken multipart body, are a 400.
 *
 * @example
 * ```ts
 * await parseBody({ kind: 'text', text: '{"a":1}' }, 'application/json') // { kind: 'json', value: { a: 1 } }
 * await parseBody({ kind: 'text', text: 'a=1' }, 'application/x-www-form-urlencoded', ['application/json']) // throws a 415
 * ```
 */
export async function parseBody(raw: RawBody, contentType: string | undefined, accepts?: readonly string[]): Promise<ParsedBody> {
  const ct = mediaTypeOf(contentType);
  if (raw.kind === 'none') return NONE;
  if (accepts !== undefined && !acceptsMediaType(accepts, ct) && !isEmpty(raw)) throw unsupportedMediaType(accepts);
  if (raw.kind === 'parsed') {
    const v = raw.value;
    if (v instanceof URLSearchParams) return { kind: 'form', fields: v };
    if (typeof FormData !== 'undefined' && v instanceof FormData) return { kind: 'form', fields: v };
    if (ct === 'application/x-www-form-urlencoded' || ct === 'multipart/form-data') {
      if (v && typeof v === 'object') return formFromObject(v as Record<string, unknown>);
    }
    if (typeof v === 'string') return parseText(v, ct);
    if (v instanceof Uint8Array) return parseBody({ kind: 'bytes', bytes: v }, contentType);
    return { kind: 'json', value: v };
  }
  if (raw.kind === 'bytes') {
    if (ct === 'multipart/form-data') {
      if (raw.bytes.byteLength === 0) return NONE;
      try {
        const form = await new Response(raw.bytes as BodyInit, { headers: { 'content-type': contentType! } }).formData();
        return { kind: 'form', fields: form };
      } catch {
        throw new HTTPException(400, 'There was an error parsing the body');
      }
    }
    return parseText(decode(raw.bytes, ct), ct);
  }
  return parseText(raw.text, ct);
}

/** UTF-8, a byte-order mark dropped; `fatal`: bytes that are not UTF-8 throw rather than become U+FFFD. */
const UTF8 = new TextDecoder('utf-8');
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A body's bytes as text. JSON must be UTF-8 (RFC 8259 §8.1): bytes that
 * are not are a 400, as FastAPI answers them ("There was an error parsing
 * the body"), never a value with U+FFFD where the client's characters were.
 * Other text is decoded as UTF-8, any invalid byte replaced.
 */
function decode(bytes: Uint8Array, ct: string): string {
  if (ct !== '' && !isJsonType(ct)) return UTF8.decode(bytes);
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new HTTPException(400, 'There was an error parsing the body');
  }
}

function parseText(text: string, ct: string): ParsedBody {
  if (ct === 'application/x-www-form-urlencoded') return { kind: 'form', fields: new URLSearchParams(text) };
  if (ct === '' || isJsonType(ct)) {
    if (text === '') return NONE;
    const deep = jsonTooDeep(text);
    if (deep !== -1) throw jsonError(text, `Nesting deeper than ${MAX_JSON_DEPTH} levels at position ${deep}`);
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch (e) {
      throw jsonError(text, e);
    }
  }
  return text === '' ? NONE : { kind: 'text', text };
}

/**
 * Reads and parses a request's body for sources that need it; `accepts`
 * as in {@link parseBody}.
 *
 * @example
 * ```ts
 * const parsed = await readParsedBody(createRequestView({ body: { a: 1 } })) // { kind: 'json', value: { a: 1 } }
 * ```
 */
export async function readParsedBody(request: RequestView, accepts?: readonly string[]): Promise<ParsedBody> {
  return parseBody(await request.readBody(), request.header('content-type'), accepts);
}
