/**
 * Closing a connection in stages after an answer given before the request's
 * body has arrived (RFC 9112 §9.6), so that the client reads the answer
 * instead of a connection reset.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

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

const MAX_BYTES = 1024 * 1024;
const MAX_MS = 5_000;

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
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse, limits: CloseLimits = {}): void {
  if (req.complete || req.httpVersionMajor !== 1 || !hasBody(req)) return;
  // Before Node's own 'finish' listener: it would discard the rest of the body unseen (uncounted), or destroy the socket.
  res.prependOnceListener('finish', () => {
    const socket = req.socket;
    // a connection to close: not the stand-in of a request injected in process (Fastify's inject(), light-my-request), which has no end()
    if (!req.complete && isConnection(socket) && !socket.destroyed && !staged.has(socket)) closeInStages(req, socket, limits);
  });
}

/** Whether a request's socket is a connection that can be closed in stages (it ends, is destroyed and says when it closes). */
const isConnection = (socket: Socket | null | undefined): socket is Socket =>
  socket != null && typeof socket.end === 'function' && typeof socket.destroy === 'function' && typeof socket.once === 'function';

/** Sockets being closed in stages. */
const staged = new WeakSet<Socket>();

/** Whether the request's framing announces a body (chunked, or a `Content-Length` over 0). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
}

/**
 * Once the answer is sent: the rest of the body read and discarded (counted);
 * then, unless the whole request turns out to have arrived with its head,
 * the half-close, and the socket destroyed when the body ends, the client
 * closes, or a limit is reached.
 */
function closeInStages(req: IncomingMessage, socket: Socket, limits: CloseLimits): void {
  staged.add(socket);
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
  // Node's server ends a connection after a response that closes it and destroys it once its FIN is out
  // (`destroySoon()`): here it only ends it, the rest is done below.
  let closing = false;
  socket.destroySoon = () => {
    closing = true;
    socket.end();
  };
  let discarded = 0;
  const cleanup = () => {
    clearTimeout(timer);
    req.off('data', onData).off('end', onEnd).off('error', cleanup);
    socket.off('close', cleanup);
  };
  const destroy = () => {
    cleanup();
    socket.destroy();
  };
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) destroy();
  };
  // The whole request has arrived: nothing more to read, the socket goes once its FIN is out.
  const onEnd = () => {
    cleanup();
    if (socket.writableFinished) socket.destroy();
    else socket.once('finish', () => socket.destroy());
  };
  const timer = setTimeout(destroy, limits.maxMs ?? MAX_MS);
  timer.unref();
  req.on('data', onData).on('error', cleanup);
  socket.once('close', cleanup);
  req.resume();
  // A body that came with the head is parsed only once the answer given from the 'request' event has gone out.
  setImmediate(() => {
    if (socket.destroyed) return cleanup();
    if (!req.complete) {
      req.on('end', onEnd);
      socket.end(); // the half-close, after the answer
      return;
    }
    // all of it had arrived: the connection is kept or closed as Node would have
    cleanup();
    staged.delete(socket);
    Reflect.deleteProperty(socket, 'destroySoon');
    if (closing) socket.destroySoon();
  });
}
