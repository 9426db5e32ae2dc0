/**
 * A request view over a Node `IncomingMessage`: what the adapters of
 * Node-based frameworks (Express, Koa) build per request.
 */
import type { IncomingMessage } from 'node:http';
import { type RequestView } from '../request/view.js';
/**
 * What {@link nodeRequestView} takes besides the Node request.
 *
 * @example
 * ```ts
 * const init: NodeRequestInit = { url: ctx.originalUrl, params: ctx.params, parsedBody: () => ctx.request.body, bodyLimit: 1024 * 1024, native: ctx }
 * ```
 */
export interface NodeRequestInit {
    /** Path and query string as the app sees them (Express `req.originalUrl`, Koa `ctx.originalUrl`); default `req.url`. */
    url?: string;
    /** Path parameters matched by the framework's router. */
    params?: Readonly<Record<string, string>>;
    /** What a body parser left (Express `req.body`, Koa `ctx.request.body`), asked for when the body is read. */
    parsedBody?: () => unknown;
    /** Largest body read from the stream, in bytes; more is a 413. */
    bodyLimit: number;
    /** The framework's own request object (`view.native`); default the Node request. */
    native?: unknown;
}
/**
 * The request view of a Node request: headers from `rawHeaders` (every line
 * of a repeated header), path and query split from the URL, and a body read
 * once with {@link readNodeBody} (a parser's result when the stream is
 * already consumed). Nothing is copied until it is read.
 *
 * @example
 * ```ts
 * const view = nodeRequestView(req, { url: req.originalUrl, params: req.params, parsedBody: () => req.body, bodyLimit: 1024 * 1024 })
 * view.header('authorization')
 * ```
 */
export declare function nodeRequestView(req: IncomingMessage, init: NodeRequestInit): RequestView;
