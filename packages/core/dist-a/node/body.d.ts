/**
 * Reading a Node request's body once, for a request view's `readBody()`.
 */
import type { IncomingMessage } from 'node:http';
import type { RawBody } from '../request/view.js';
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
export declare function readNodeBody(req: IncomingMessage, parsed: unknown, limit: number): RawBody | Promise<RawBody>;
