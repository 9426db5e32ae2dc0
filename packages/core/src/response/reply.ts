/**
 * The answer types: `Reply` for handlers that set a status, headers or a
 * non-JSON body, and `Answer`, the serialised form every adapter writes
 * as is (so all frameworks send the same bytes).
 */
import type { HeaderValues } from '../errors/catalogue.js';
import { shared } from '../util/shared.js';
import * as made from './reply-class.js';
import type { ReplyInit } from './reply-class.js';
import { bytesOf, checkFraming, checkHeader, checkStatus } from './sendable.js';

/**
 * A handler's answer with an explicit status, headers or body type.
 * A plain return value is sent as JSON with the route's status.
 *
 * @example
 * ```ts
 * router.post('/items', { item: body(NewItem) }, ({ item }) => reply(store.add(item), { status: 201, headers: { location: '/items/1' } }))
 * router.get('/robots.txt', {}, () => reply.text('User-agent: *'))
 * router.delete('/items/{id}', { id: path('id') }, ({ id }) => { store.remove(id); return reply.empty() })
 * ```
 */
export const Reply: typeof made.Reply = shared(made.Reply, 'Reply');
export type Reply = made.Reply;
export type { ReplyInit } from './reply-class.js';

/**
 * Builds a JSON reply; `reply.text`, `reply.bytes` and `reply.empty` build
 * the other kinds.
 *
 * @example
 * ```ts
 * return reply({ id: 1 }, { status: 201 })
 * ```
 */
export function reply(body: unknown, init?: ReplyInit): Reply {
  return new Reply(body, init, 'json');
}
/**
 * A `text/plain` reply (or another text type set in `headers`).
 *
 * @example
 * ```ts
 * return reply.text('pong')
 * ```
 */
reply.text = (body: string, init?: ReplyInit): Reply => new Reply(body, init, 'text');
/**
 * A binary reply (`application/octet-stream` unless `content-type` is set):
 * a `Uint8Array` (a Node `Buffer`), an `ArrayBuffer`, or any view of one
 * (`DataView`, another typed array), sent as its bytes.
 *
 * @example
 * ```ts
 * return reply.bytes(png, { headers: { 'content-type': 'image/png' } })
 * return reply.bytes(await blob.arrayBuffer())
 * ```
 */
reply.bytes = (body: Uint8Array | ArrayBuffer | ArrayBufferView, init?: ReplyInit): Reply => new Reply(body, init, 'bytes');
/**
 * A reply without a body (default status 204).
 *
 * @example
 * ```ts
 * return reply.empty()
 * ```
 */
reply.empty = (init?: ReplyInit): Reply => new Reply(undefined, { status: 204, ...init }, 'empty');

/**
 * The serialised answer an adapter writes: status, header lines (a name may
 * repeat, e.g. several `WWW-Authenticate` challenges) and the body bytes.
 */
export interface Answer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | Uint8Array | undefined;
}

/** Statuses whose answer has no body (compared in line: this is on every answer's path). */
const noBody = (status: number): boolean => status === 204 || status === 205 || status === 304;
/** The header lines of a plain JSON answer (shared, never mutated). */
const JSON_HEADERS: readonly (readonly [string, string])[] = Object.freeze([Object.freeze(['content-type', 'application/json'] as const)]);

/**
 * Adds a reply's (or an exception's) headers to `out` as lines, each
 * checked (see `checkHeader`); `true` when one of them is a framing header
 * (`content-length`, `transfer-encoding`), which the answer's body must
 * then agree with (see `checkFraming`).
 */
function headerLines(headers: HeaderValues | undefined, out: [string, string][]): boolean {
  if (!headers) return false;
  let framing = false;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') framing = true;
    if (typeof value === 'string') {
      checkHeader(lower, value);
      out.push([lower, value]);
    } else if (Array.isArray(value)) {
      for (const v of value as unknown[]) {
        checkHeader(lower, v as string);
        out.push([lower, v as string]);
      }
    } else checkHeader(lower, value as unknown as string);
  }
  return framing;
}

/** The answer, once its framing headers (when `framing`) are checked against its body (see `checkFraming`; `method`: the request's). */
function framed(answer: Answer, framing: boolean, method?: string): Answer {
  if (framing) checkFraming(answer.headers, answer.status, answer.body, method === 'HEAD');
  return answer;
}

/**
 * Serialises a JSON value with extra headers into an {@link Answer}.
 *
 * @example
 * ```ts
 * jsonAnswer(401, { detail: 'Not authenticated' }, { 'www-authenticate': 'Bearer' })
 * ```
 */
export function jsonAnswer(status: number, value: unknown, headers?: HeaderValues): Answer {
  return jsonWith(status, value, headers, undefined);
}

/** {@link jsonAnswer} for a request of `method` (a HEAD request's `content-length` is the GET's). */
function jsonWith(status: number, value: unknown, headers: HeaderValues | undefined, method: string | undefined): Answer {
  if (headers === undefined && !noBody(status)) return jsonTextAnswer(status, JSON.stringify(value === undefined ? null : value));
  const lines: [string, string][] = [];
  const framing = headerLines(headers, lines);
  if (noBody(status)) return framed({ status, headers: lines, body: undefined }, framing, method);
  if (!lines.some(([n]) => n === 'content-type')) lines.push(['content-type', 'application/json']);
  return framed({ status, headers: lines, body: JSON.stringify(value === undefined ? null : value) }, framing, method);
}

/**
 * A JSON answer whose body is already serialised, with the plain JSON
 * header line.
 *
 * @example
 * ```ts
 * jsonTextAnswer(422, '{"detail":[]}')
 * ```
 */
export function jsonTextAnswer(status: number, text: string): Answer {
  return { status, headers: JSON_HEADERS, body: text };
}

/**
 * Serialises a handler's result (a plain value or a {@link Reply}) with the
 * route's default status; `method` is the request's (a reply to a HEAD
 * request may give the `content-length` of the representation).
 *
 * @example
 * ```ts
 * toAnswer({ ok: true }, 200) // { status: 200, headers: [['content-type','application/json']], body: '{"ok":true}' }
 * ```
 */
export function toAnswer(result: unknown, defaultStatus: number, method?: string): Answer {
  if (!(result instanceof Reply)) return jsonAnswer(defaultStatus, result);
  const status = result.status ?? defaultStatus;
  if (result.status !== undefined) checkStatus(status, 'A reply');
  if (result.type === 'json') return jsonWith(status, result.body, result.headers, method);
  const lines: [string, string][] = [];
  const framing = headerLines(result.headers, lines);
  if (result.type === 'empty' || noBody(status)) return framed({ status, headers: lines, body: undefined }, framing, method);
  const hasType = lines.some(([n]) => n === 'content-type');
  if (result.type === 'text') {
    if (!hasType) lines.push(['content-type', 'text/plain; charset=utf-8']);
    return framed({ status, headers: lines, body: String(result.body) }, framing, method);
  }
  if (!hasType) lines.push(['content-type', 'application/octet-stream']);
  return framed({ status, headers: lines, body: bytesOf(result.body) }, framing, method);
}
