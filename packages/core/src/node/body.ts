/**
 * Reading a Node request's body once, for a request view's `readBody()`.
 */
import type { IncomingMessage } from 'node:http';
import { HTTPException } from '../errors/catalogue.js';
import { isJsonType, mediaTypeOf } from '../request/body.js';
import type { RawBody } from '../request/view.js';

const NONE: RawBody = { kind: 'none' };

/**
 * The body of a Node request: what a body parser already produced (`parsed`,
 * e.g. Express's `req.body`) when the stream has been consumed, otherwise the
 * stream read here, once. More than `limit` bytes (declared or received) is a
 * 413 (the rest is discarded as it comes; written with `writeNodeAnswer` or
 * after `closeAfterAnswer`, the answer then closes the connection in stages);
 * a client that breaks the stream (disconnect, bad chunking) is a 400, not a
 * server error.
 *
 * @example
 * ```ts
 * const view = createRequestView({ url: req.url, readBody: () => readNodeBody(req, req.body, 1024 * 1024) })
 * ```
 */
export function readNodeBody(req: IncomingMessage, parsed: unknown, limit: number): RawBody | Promise<RawBody> {
  if (req.readableEnded || (req.complete && !req.readable)) return parsed === undefined ? NONE : { kind: 'parsed', value: parsed };
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: unknown) => {
      req.off('data', onData).off('end', onEnd).off('error', onBroken).off('close', onBroken);
      if (error) reject(error);
      else resolve({ kind: 'bytes', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(tooLarge(req));
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    // The client's doing (disconnect, broken chunking): a 400, not a server error.
    const onBroken = () => done(new HTTPException(400, 'There was an error reading the body'));
    req.on('data', onData).on('end', onEnd).on('error', onBroken).on('close', onBroken);
  });
}

function tooLarge(req: IncomingMessage): HTTPException {
  req.resume(); // drain and discard the rest
  return new HTTPException(413, 'Request body too large');
}

/**
 * What a framework's body parser would have left for a body depends read
 * first: JSON as its value (`undefined` when it is not JSON), a url-encoded
 * form as an object (a repeated field as an array of its values, as
 * `express.urlencoded({ extended: false })` gives), other text as a string,
 * anything else as a `Buffer`.
 *
 * @example
 * ```ts
 * parsedForApp(Buffer.from('a=1&a=2&b=x'), 'application/x-www-form-urlencoded') // { a: ['1', '2'], b: 'x' }
 * ```
 */
export function parsedForApp(bytes: Uint8Array, contentType: string | undefined): unknown {
  const type = mediaTypeOf(contentType);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isJsonType(type)) {
    try {
      return JSON.parse(buffer.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    for (const [name, value] of new URLSearchParams(buffer.toString('utf8'))) {
      const prior = fields[name];
      fields[name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
    }
    return fields;
  }
  if (type.startsWith('text/')) return buffer.toString('utf8');
  return buffer;
}

/**
 * Leaves a body depends read from the stream (a guard in front of the app's
 * own body parser) where the framework's parsers look for one, so that they
 * skip the request instead of finding the stream consumed, and the app's
 * handler still gets its body: `target[key]`, parsed on first read with
 * {@link parsedForApp}, unless something is there already.
 *
 * @example
 * ```ts
 * keepParsedBody(req, 'body', bytes, req.headers['content-type']) // express.json() then skips; req.body is the value
 * ```
 */
export function keepParsedBody(target: object, key: string, bytes: Uint8Array, contentType: string | undefined): void {
  if ((target as Record<string, unknown>)[key] !== undefined) return;
  let value: unknown;
  let parsed = false;
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get: () => (parsed ? value : ((parsed = true), (value = parsedForApp(bytes, contentType)))),
    set: (v: unknown) => void Object.defineProperty(target, key, { value: v, writable: true, configurable: true, enumerable: true }),
  });
}
