/**
 * Node `http` plumbing (internal): the request view's headers straight from
 * `rawHeaders`, reading a request body once, and running `finish()` once
 * the response has gone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPException, type DependsApp, type RawBody, type RequestView } from '@depends/core';

const NONE: RawBody = { kind: 'none' };

/**
 * Header lookups on Node's `rawHeaders` (every line, in order; names
 * case-insensitive): nothing is built per request until a header is read.
 */
export function rawHeaders(raw: readonly string[]): { get(name: string): string | null; all(name: string): string[] } {
  return {
    get(name) {
      const n = name.toLowerCase();
      for (let i = 0; i < raw.length; i += 2) if (raw[i].length === n.length && raw[i].toLowerCase() === n) return raw[i + 1];
      return null;
    },
    all(name) {
      const n = name.toLowerCase();
      const out: string[] = [];
      for (let i = 0; i < raw.length; i += 2) if (raw[i].length === n.length && raw[i].toLowerCase() === n) out.push(raw[i + 1]);
      return out;
    },
  };
}

/**
 * The body of a Node request: what a body parser already put on `req.body`
 * when the stream has been consumed, otherwise the stream read here (once;
 * more than `limit` bytes is a 413).
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

/** Gives an error to the app's `onError` hook (a failing hook is ignored). */
export function report(app: DependsApp, view: RequestView, error: unknown): void {
  try {
    app.onError(error, view);
  } catch {
    // a failing hook must not break anything else
  }
}

/**
 * Calls `finish` once the response is over: Node emits `close` on a
 * response after `finish` (sent), or alone when the client has gone; at
 * once when that already happened.
 */
export function afterSent(res: ServerResponse, finish: () => Promise<void>, app: DependsApp, view: RequestView): void {
  const run = () => void finish().catch((error: unknown) => report(app, view, error));
  if (res.destroyed || res.closed) run();
  else res.once('close', run);
}
