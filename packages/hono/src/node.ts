/**
 * `@hono/node-server` plumbing (internal): the Node request and response
 * behind a Hono context, when there is one (`c.env.incoming` /
 * `c.env.outgoing`).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { DependsApp, RequestView } from '@depends/core';

/** node-server's bindings (`c.env`): the Node request and response. */
export interface NodeBindings {
  readonly incoming: IncomingMessage;
  readonly outgoing: ServerResponse;
}

/** The node-server bindings of a context, or `undefined` on other runtimes. */
export function nodeBindings(c: Context): NodeBindings | undefined {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env && typeof env === 'object' && env.outgoing && typeof env.outgoing.writeHead === 'function' ? (env as NodeBindings) : undefined;
}

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

/** node-server's `content-type` for a response that has none. */
const DEFAULT_TYPE = 'text/plain; charset=UTF-8';

/**
 * Puts back what node-server changes when it writes the head (once): Fetch
 * `Headers` join a repeated name into one line (`a, b`), so the names the
 * answer repeats get their separate lines again; and an answer without a
 * `content-type` (204, empty replies) loses the default one node-server adds.
 */
export function fixHead(res: ServerResponse, repeated: Readonly<Record<string, readonly string[]>> | undefined, untyped: boolean): void {
  const original = res.writeHead;
  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest[rest.length - 1] as OutgoingHttpHeaders | undefined;
    if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
      for (const name in repeated) if (headers[name] === repeated[name].join(', ')) headers[name] = [...repeated[name]];
      if (untyped && headers['content-type'] === DEFAULT_TYPE) delete headers['content-type'];
    }
    res.writeHead = original;
    return (original as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
}
