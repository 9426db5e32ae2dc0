/**
 * `@hono/node-server` plumbing (internal): the Node request and response
 * behind a Hono context, when there is one (`c.env.incoming` /
 * `c.env.outgoing`).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context } from 'hono';

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
