/**
 * A request view over a Node `IncomingMessage`: what the adapters of
 * Node-based frameworks (Express, Koa) build per request.
 */
import type { IncomingMessage } from 'node:http';
import { parseCookies, QueryValues, type RawBody, type RequestView } from '../request/view.js';
import { allRawHeaders, firstRawHeader } from './headers.js';
import { readNodeBody } from './body.js';
import { upperCaseMethod } from '../util/case.js';

/**
 * What {@link nodeRequestView} takes besides the Node request.
 *
 * @example
 * ```ts
 * const init: NodeRequestInit = { url: ctx.originalUrl, params: ctx.params, parsedBody: (ctx) => ctx.request.body, bodyLimit: 1024 * 1024, native: ctx }
 * ```
 */
export interface NodeRequestInit {
  /** Path and query string as the app sees them (Express `req.originalUrl`, Koa `ctx.originalUrl`); default `req.url`. */
  url?: string;
  /** Path parameters matched by the framework's router. */
  params?: Readonly<Record<string, string>>;
  /**
   * What a body parser left (Express `req.body`, Koa `ctx.request.body`),
   * asked for when the body is read, with the view's `native` (one function
   * for every request, no closure made per request).
   */
  parsedBody?: (native: any) => unknown;
  /** Largest body read from the stream, in bytes; more is a 413. */
  bodyLimit: number;
  /**
   * Called once depends has read the body from the stream (a guard reading
   * it before the app's own body parser), so that the framework's parsers
   * and handlers after it still find it (see {@link keepParsedBody}).
   */
  keepBody?: (native: any, bytes: Uint8Array, contentType: string | undefined) => void;
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
 * const view = nodeRequestView(req, { url: req.originalUrl, params: req.params, parsedBody: (req) => req.body, bodyLimit: 1024 * 1024 })
 * view.header('authorization')
 * ```
 */
export function nodeRequestView(req: IncomingMessage, init: NodeRequestInit): RequestView {
  return new NodeRequestView(req, init);
}

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The view itself: one object per request, reading `rawHeaders` in place
 * (names compared ignoring case, no header map built) and the query string
 * as the plain view reads it.
 */
class NodeRequestView implements RequestView {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly native: unknown;
  readonly #req: IncomingMessage;
  readonly #raw: readonly string[];
  /** The query string (`''` without one), and its values once read. */
  readonly #queryString: string;
  #query: QueryValues | undefined = undefined;
  readonly #parsedBody: ((native: unknown) => unknown) | undefined;
  readonly #bodyLimit: number;
  readonly #keepBody: NodeRequestInit['keepBody'];
  #cookies: Record<string, string> | undefined = undefined;
  #body: RawBody | Promise<RawBody> | undefined = undefined;

  constructor(req: IncomingMessage, init: NodeRequestInit) {
    const url = init.url ?? req.url ?? '/';
    const q = url.indexOf('?');
    this.method = req.method === undefined ? 'GET' : upperCaseMethod(req.method);
    this.path = q === -1 ? url : url.slice(0, q);
    this.params = init.params ?? EMPTY_PARAMS;
    this.native = init.native ?? req;
    this.#req = req;
    this.#raw = req.rawHeaders;
    this.#queryString = q === -1 ? '' : url.slice(q + 1);
    this.#parsedBody = init.parsedBody;
    this.#bodyLimit = init.bodyLimit;
    this.#keepBody = init.keepBody;
  }

  header(name: string): string | undefined {
    return firstRawHeader(this.#raw, name);
  }

  headerAll(name: string): string[] {
    return allRawHeaders(this.#raw, name);
  }

  query(name: string): string | undefined {
    return (this.#query ??= new QueryValues(this.#queryString, undefined)).last(name);
  }

  queryAll(name: string): string[] {
    return (this.#query ??= new QueryValues(this.#queryString, undefined)).all(name);
  }

  cookie(name: string): string | undefined {
    const cookies = (this.#cookies ??= parseCookies(this.header('cookie')));
    return Object.prototype.hasOwnProperty.call(cookies, name) ? cookies[name] : undefined;
  }

  readBody(): RawBody | Promise<RawBody> {
    return (this.#body ??= this.#read());
  }

  #read(): RawBody | Promise<RawBody> {
    const body = readNodeBody(this.#req, this.#parsedBody?.(this.native), this.#bodyLimit);
    const keep = this.#keepBody;
    if (keep === undefined || !(body instanceof Promise)) return body;
    return body.then((raw) => {
      if (raw.kind === 'bytes') keep(this.native, raw.bytes, this.header('content-type'));
      return raw;
    });
  }
}
