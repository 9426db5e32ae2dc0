/**
 * What an answer can carry on every runtime: a final status, header names
 * that are HTTP tokens and header values without control characters. An
 * app's own status or header that breaks these rules is refused while the
 * answer is built, in the core: every adapter then answers the same 500 and
 * tells the app's `onError` which header or status it was, where a framework
 * or a server would otherwise fail while writing it (Fastify's own error
 * body, or a Node server for Hono whose response never ends).
 */
import { InvalidArgumentError } from '../errors/catalogue.js';

/** RFC 9110 §5.6.2 `token`: what a header name is made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A character no header value may hold (Node's rule, stricter than Fetch's): controls other than tab, DEL, anything above U+00FF. */
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Whether a status can be an answer's status everywhere: an integer from
 * 200 to 599 (a 1xx is never a final answer; Fetch's `Response` takes no
 * other).
 *
 * @example
 * ```ts
 * sendableStatus(201) // true
 * sendableStatus(42)  // false
 * ```
 */
export function sendableStatus(status: unknown): status is number {
  return typeof status === 'number' && status >= 200 && status <= 599 && Number.isInteger(status);
}

/**
 * Throws an `InvalidArgumentError` naming the status unless it is
 * {@link sendableStatus}; `what` says where it came from.
 *
 * @example
 * ```ts
 * checkStatus(42, 'A reply') // throws: "A reply's status 42 cannot be sent: ..."
 * ```
 */
export function checkStatus(status: unknown, what: string): void {
  if (!sendableStatus(status)) throw unsendableStatus(status, what);
}

/**
 * The `InvalidArgumentError` for a status no answer can carry (see
 * {@link sendableStatus}); `what` says where it came from.
 *
 * @example
 * ```ts
 * unsendableStatus(1000, 'An HTTPException').message // "An HTTPException's status 1000 cannot be sent: give an integer from 200 to 599"
 * ```
 */
export function unsendableStatus(status: unknown, what: string): InvalidArgumentError {
  return new InvalidArgumentError(`${what}'s status ${String(status)} cannot be sent: give an integer from 200 to 599`);
}

/**
 * Throws an `InvalidArgumentError` naming the header (never its value,
 * which may be a credential) when its name is not an HTTP token or its
 * value holds a character no header can carry (CR, LF, NUL and the other
 * controls but tab, DEL, anything above U+00FF).
 *
 * @example
 * ```ts
 * checkHeader('location', '/items/1')  // fine
 * checkHeader('x-note', 'a\r\nb')      // throws: Header "x-note" cannot be sent: its value holds ...
 * ```
 */
export function checkHeader(name: string, value: string): void {
  if (typeof value !== 'string') throw new InvalidArgumentError(`Header "${name}" cannot be sent: give its value as a string (or several values as an array of strings), not ${value === null ? 'null' : typeof value}`);
  if (!TOKEN.test(name)) throw new InvalidArgumentError(`Header ${JSON.stringify(name)} cannot be sent: a header name is made of letters, digits and !#$%&'*+-.^_\`|~ only`);
  if (UNSENDABLE.test(value)) {
    throw new InvalidArgumentError(
      `Header "${name}" cannot be sent: its value holds a character no header can carry (CR, LF, NUL or another control character, or one above U+00FF); encode it first (e.g. encodeURIComponent)`,
    );
  }
}

const utf8 = new TextEncoder();

/**
 * A binary body as the bytes an adapter writes: a `Uint8Array` (a Node
 * `Buffer` is one) as it is; an `ArrayBuffer` or another view of one
 * (`DataView`, any typed array) as a `Uint8Array` over the same memory; a
 * string as its UTF-8 bytes. Anything else throws an
 * `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * bytesOf(new Uint8Array([1, 2]))           // the same array
 * bytesOf(new Uint16Array([1]).buffer)      // Uint8Array [1, 0]
 * ```
 */
export function bytesOf(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'string') return utf8.encode(body);
  throw new InvalidArgumentError(`reply.bytes() cannot send ${body === null ? 'null' : typeof body}: give a Uint8Array (a Buffer), an ArrayBuffer or a view of one`);
}

/** An answer body's length in bytes (a string's in UTF-8). */
const byteLength = (body: string | Uint8Array | undefined): number => (body === undefined ? 0 : typeof body === 'string' ? utf8.encode(body).byteLength : body.byteLength);

/**
 * Checks the framing headers an app set on an answer against its body: the
 * server frames the answer itself, so `transfer-encoding` is refused and a
 * `content-length` must be the body's length in bytes (0 without a body;
 * any on a 304 and on the answer to a HEAD request (`head`), where it is
 * the length of the representation a GET would send). A wrong length
 * would leave the client waiting for bytes that never come, or read the
 * next answer's bytes as this one's. Throws an `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * checkFraming([['content-length', '2']], 200, 'ok')  // fine
 * checkFraming([['content-length', '99']], 200, 'ok') // throws: Header "content-length" does not match the body (2 bytes) ...
 * ```
 */
export function checkFraming(lines: readonly (readonly [string, string])[], status: number, body: string | Uint8Array | undefined, head = false): void {
  for (const [name, value] of lines) {
    if (name === 'transfer-encoding') throw new InvalidArgumentError('Header "transfer-encoding" cannot be set on an answer: the server frames the answer itself; remove it');
    if (name === 'content-length' && status !== 304 && !head) {
      const length = byteLength(body);
      if (value.trim() !== String(length)) throw new InvalidArgumentError(`Header "content-length" does not match the body (${length} bytes): remove it, the server sets it from the body`);
    }
  }
}
