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
 * checkStatus(reply.status, 'A reply') // throws for 42: "A reply's status 42 cannot be sent: ..."
 * ```
 */
export function checkStatus(status: unknown, what: string): void {
  if (!sendableStatus(status)) throw new InvalidArgumentError(`${what}'s status ${String(status)} cannot be sent: give an integer from 200 to 599`);
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
  if (!TOKEN.test(name)) throw new InvalidArgumentError(`Header ${JSON.stringify(name)} cannot be sent: a header name is made of letters, digits and !#$%&'*+-.^_\`|~ only`);
  if (UNSENDABLE.test(value)) {
    throw new InvalidArgumentError(
      `Header "${name}" cannot be sent: its value holds a character no header can carry (CR, LF, NUL or another control character, or one above U+00FF); encode it first (e.g. encodeURIComponent)`,
    );
  }
}
