/**
 * Closing a connection in stages after an answer given before the request's
 * body has arrived (RFC 9112 §9.6), so that the client reads the answer
 * instead of a connection reset.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
/**
 * How long a connection is kept after an answer given before the request's
 * body arrived (see {@link closeAfterAnswer}): the bytes of body read and
 * discarded, and the time, before it is destroyed.
 *
 * @example
 * ```ts
 * closeAfterAnswer(req, res, { maxBytes: 4 * 1024 * 1024, maxMs: 10_000 })
 * ```
 */
export interface CloseLimits {
    /** Bytes of the rest of the body read and discarded once the answer is sent (default 1 MiB); past them the connection is destroyed. */
    readonly maxBytes?: number;
    /** Milliseconds the connection is kept once the answer is sent (default 5 s); then it is destroyed. */
    readonly maxMs?: number;
}
/**
 * Call before writing an answer on `res`: when the request's body is still
 * arriving once the answer has been sent (a 413 over the body limit, a 401
 * given before the body was needed), the connection is closed in stages
 * (RFC 9112 §9.6) so that the client reads the answer: the answer, then a
 * half-close (FIN), then the rest of the body read and discarded (never
 * buffered) until it ends, the client closes, `maxBytes` have been
 * discarded or `maxMs` have passed; then the connection is destroyed.
 * Otherwise (no body, or all of it arrived) nothing changes: a keep-alive
 * connection stays open. A client that keeps sending gets a reset only once
 * a limit is reached, long after its answer.
 *
 * Why: Node's server ends a connection after a response that closes it
 * (the client sent `Connection: close`, or the answer did) and destroys it
 * as soon as its FIN is out; body bytes still arriving then make the kernel
 * send a reset, which discards the answer before the client reads it. And a
 * keep-alive connection would read and discard the rest of any body,
 * unbounded.
 *
 * @example
 * ```ts
 * res.statusCode = 413
 * closeAfterAnswer(req, res)
 * res.end('{"detail":"Request body too large"}')
 * ```
 */
export declare function closeAfterAnswer(req: IncomingMessage, res: ServerResponse, limits?: CloseLimits): void;
