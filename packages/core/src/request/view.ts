/**
 * The framework-neutral request view: the only thing the core reads from a
 * request. Adapters build one per request; tests build one by hand with
 * `createRequestView()`.
 */
import { upperCaseMethod } from '../util/case.js';

/** The body as the adapter has it: already parsed, raw text/bytes, or none. */
export type RawBody =
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'none' };

/**
 * What the core reads from a request. Header lookups are case-insensitive
 * and the first occurrence wins; query lookups take the last occurrence;
 * cookies are parsed as Starlette's `cookie_parser` does (no
 * percent-decoding) and the last duplicate wins (Starlette's rules).
 */
export interface RequestView {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** First value of a header (case-insensitive), or `undefined`. */
  header(name: string): string | undefined;
  /** Every value of a header, in order. */
  headerAll(name: string): string[];
  /** Last value of a query key, or `undefined`. */
  query(name: string): string | undefined;
  /** Every value of a query key, in order. */
  queryAll(name: string): string[];
  /** Value of a cookie (last duplicate wins), or `undefined`. */
  cookie(name: string): string | undefined;
  /** Path parameters matched by the framework's router. */
  readonly params: Readonly<Record<string, string>>;
  /** Reads the body once; later calls return the same result. */
  readBody(): RawBody | Promise<RawBody>;
  /** The framework's own request object (Express `req`, Koa `ctx`, Hono `c`). */
  readonly native: unknown;
}

/**
 * A lazy header source (what adapters pass): `get` gives the first value,
 * `getAll` every value of a repeated header. Names are asked lower-case.
 */
export interface HeaderSource {
  get(name: string): string | null | undefined;
  getAll?(name: string): string[];
}

/** Header input accepted by `createRequestView()`. */
export type HeadersInit =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | readonly (readonly [string, string])[]
  | HeaderSource;

/** Everything `createRequestView()` accepts; all optional. */
export interface RequestInit {
  method?: string;
  /** A path, optionally with a query string (`/items?q=1`). */
  url?: string;
  path?: string;
  headers?: HeadersInit;
  /** Query as a string, `URLSearchParams` or a record (arrays = repeated keys). */
  query?: string | URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Cookies; when absent they are parsed from the `cookie` header. */
  cookies?: Readonly<Record<string, string>>;
  params?: Readonly<Record<string, string>>;
  /** A parsed body (e.g. from `express.json()`), used as is. */
  body?: unknown;
  /** Raw body text (parsed by the core according to `content-type`). */
  bodyText?: string;
  /** Custom body reader (adapters). */
  readBody?: () => RawBody | Promise<RawBody>;
  native?: unknown;
}

/** Python's `http.cookies._unquote` escapes: `\ooo` (octal, first digit 0-3) or `\x` (the character itself). */
const COOKIE_ESCAPE = /\\(?:([0-3][0-7][0-7])|([\s\S]))/g;

/**
 * Parses a `Cookie` header exactly as Starlette's `cookie_parser` does (so
 * as FastAPI reads cookies): split on `;`; a chunk without `=` is a value
 * with an empty name; name and value trimmed; a value in double quotes is
 * unquoted with Python's rules (`"a\054b"` → `a,b`, `"a\"b"` → `a"b`);
 * no percent-decoding (`a%20b` stays `a%20b`); the last duplicate wins.
 *
 * @example
 * ```ts
 * parseCookies('a=1; b="x\\054y"; c=a%20b; a=3') // { a: '3', b: 'x,y', c: 'a%20b' }
 * ```
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header) return out;
  for (const chunk of header.split(';')) {
    const eq = chunk.indexOf('=');
    const key = (eq === -1 ? '' : chunk.slice(0, eq)).trim();
    let value = (eq === -1 ? chunk : chunk.slice(eq + 1)).trim();
    if (!key && !value) continue;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(COOKIE_ESCAPE, (_, octal: string | undefined, char: string | undefined) =>
        octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : char!,
      );
    }
    out[key] = value;
  }
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;
const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

function isGetter(init: HeadersInit): init is HeaderSource {
  return typeof (init as { get?: unknown }).get === 'function' && !Array.isArray(init);
}

function toSearchParams(query: RequestInit['query'], url: string | undefined): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  if (typeof query === 'string') return new URLSearchParams(query);
  if (query) {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      if (typeof v === 'string') sp.append(k, v);
      else for (const item of v) sp.append(k, item);
    }
    return sp;
  }
  return new URLSearchParams(queryOf(url));
}

/** What follows the first `?` of a URL (`''` without one). */
function queryOf(url: string | undefined): string {
  const q = url === undefined ? -1 : url.indexOf('?');
  return q === -1 ? '' : url!.slice(q + 1);
}

/**
 * A query string that `URLSearchParams` would read literally: no `%`
 * escapes, no `+`, no lone surrogate (which it would turn into U+FFFD).
 * Such a string splits into the same names and values by hand, without
 * building a `URLSearchParams`. `null` when there is none or it must be
 * decoded.
 */
function literalQuery(query: RequestInit['query'], url: string | undefined): string | null {
  let raw: string;
  if (typeof query === 'string') raw = query;
  else if (query === undefined) raw = queryOf(url);
  else return null;
  // `URLSearchParams` drops one leading `?` of the string it is given
  if (raw.charCodeAt(0) === 0x3f) raw = raw.slice(1);
  return raw.indexOf('%') === -1 && raw.indexOf('+') === -1 && !SURROGATE.test(raw) ? raw : null;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Every value of `name` in a literal query string, in order, split as `URLSearchParams` splits it. */
function scanQuery(raw: string, name: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = raw.length;
    if (end > start) {
      const eq = raw.indexOf('=', start);
      const keyEnd = eq === -1 || eq > end ? end : eq;
      if (keyEnd - start === name.length && raw.startsWith(name, start)) out.push(keyEnd === end ? '' : raw.slice(keyEnd + 1, end));
    }
    start = end + 1;
  }
  return out;
}

/**
 * A request's query values by name, as `URLSearchParams` reads them: split
 * by hand while nothing in the query must be decoded (see `literalQuery`),
 * through one `URLSearchParams` otherwise. What the plain view and the Node
 * view (`node/view.ts`) both read their query with.
 *
 * @example
 * ```ts
 * const q = new QueryValues('a=1&a=2', undefined)
 * q.all('a') // ['1', '2']
 * ```
 */
export class QueryValues {
  readonly #query: RequestInit['query'];
  readonly #url: string | undefined;
  /** The query string when it reads literally, `null` when it must be decoded; `undefined` until asked. */
  #literal: string | null | undefined = undefined;
  #search: URLSearchParams | undefined = undefined;

  /** `query` as `createRequestView()` takes it, or (without one) the query string of `url`. */
  constructor(query: RequestInit['query'], url: string | undefined) {
    this.#query = query;
    this.#url = url;
  }

  /** Every value of `name`, in order. */
  all(name: string): string[] {
    if (this.#search === undefined) {
      if (this.#literal === undefined) this.#literal = literalQuery(this.#query, this.#url);
      if (this.#literal !== null) return scanQuery(this.#literal, name);
      this.#search = toSearchParams(this.#query, this.#url);
    }
    return this.#search.getAll(name);
  }

  /** The last value of `name`, or `undefined`. */
  last(name: string): string | undefined {
    const all = this.all(name);
    return all.length ? all[all.length - 1] : undefined;
  }
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** The request view built by {@link createRequestView}: lookups are lazy, nothing is copied up front. */
class PlainRequestView implements RequestView {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly #init: RequestInit;
  /** Whether anything has read `native` (see {@link nativeWasRead}). */
  #nativeRead = false;
  /** Lower-cased header map, built only when the input is not already lower-case. */
  #headerMap: Map<string, string[]> | undefined;
  /** Made when the query is first read. */
  #query: QueryValues | undefined;
  #cookies: Record<string, string> | undefined;
  #body: RawBody | Promise<RawBody> | undefined;

  constructor(init: RequestInit) {
    this.#init = init;
    this.method = init.method === undefined ? 'GET' : upperCaseMethod(init.method);
    this.path = init.path ?? pathOf(init.url);
    this.params = init.params ?? EMPTY_PARAMS;
    this.#cookies = init.cookies as Record<string, string> | undefined;
  }

  get native(): unknown {
    this.#nativeRead = true;
    return this.#init.native;
  }

  /** @internal see {@link nativeWasRead} */
  static nativeWasRead(view: PlainRequestView): boolean {
    return view.#nativeRead;
  }

  #values(name: string): string | readonly string[] | undefined {
    const headers = this.#init.headers;
    if (headers === undefined) return undefined;
    const lower = name.toLowerCase();
    if (isGetter(headers)) return headers.get(lower) ?? undefined;
    if (!Array.isArray(headers)) {
      // Node's headers are lower-case already: look up directly, fall back to a scan
      const direct = (headers as HeaderRecord)[lower];
      if (direct !== undefined) return direct;
    }
    return this.#map().get(lower);
  }

  #map(): Map<string, string[]> {
    if (this.#headerMap) return this.#headerMap;
    const map = new Map<string, string[]>();
    const add = (k: string, v: string) => {
      const key = k.toLowerCase();
      const list = map.get(key);
      if (list) list.push(v);
      else map.set(key, [v]);
    };
    const headers = this.#init.headers;
    if (Array.isArray(headers)) for (const [k, v] of headers as readonly (readonly [string, string])[]) add(k, v);
    else if (headers && !isGetter(headers))
      for (const [k, v] of Object.entries(headers as HeaderRecord)) {
        if (v === undefined) continue;
        if (typeof v === 'string') add(k, v);
        else for (const item of v) add(k, item);
      }
    return (this.#headerMap = map);
  }

  header(name: string): string | undefined {
    const headers = this.#init.headers;
    if (headers !== undefined && isGetter(headers)) return headers.get(name.toLowerCase()) ?? undefined;
    const v = this.#values(name);
    return v === undefined || typeof v === 'string' ? v : v[0];
  }

  headerAll(name: string): string[] {
    const headers = this.#init.headers;
    if (headers !== undefined && isGetter(headers)) {
      // Fetch `Headers` in workerd and Bun have a `getAll` for Set-Cookie only (it throws for other names); they join repeats anyway.
      if (headers.getAll && !(typeof Headers === 'function' && headers instanceof Headers)) return headers.getAll(name.toLowerCase());
      const one = headers.get(name.toLowerCase());
      return one == null ? [] : [one];
    }
    const v = this.#values(name);
    return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  }

  query(name: string): string | undefined {
    return (this.#query ??= new QueryValues(this.#init.query, this.#init.url)).last(name);
  }

  queryAll(name: string): string[] {
    return (this.#query ??= new QueryValues(this.#init.query, this.#init.url)).all(name);
  }

  cookie(name: string): string | undefined {
    const cookies = (this.#cookies ??= parseCookies(this.header('cookie')));
    return hasOwn.call(cookies, name) ? cookies[name] : undefined;
  }

  readBody(): RawBody | Promise<RawBody> {
    if (this.#body !== undefined) return this.#body;
    const init = this.#init;
    return (this.#body = init.readBody
      ? init.readBody()
      : init.body !== undefined
        ? { kind: 'parsed', value: init.body }
        : init.bodyText !== undefined
          ? { kind: 'text', text: init.bodyText }
          : { kind: 'none' });
  }
}

/**
 * Builds a request view from plain data: what tests use to resolve a
 * dependency without a server, and what adapters use to describe a request.
 *
 * @example
 * ```ts
 * const request = createRequestView({
 *   method: 'GET',
 *   url: '/items?q=1&q=2',
 *   headers: { authorization: 'Bearer abc' },
 * })
 * request.header('Authorization') // 'Bearer abc'
 * request.queryAll('q')           // ['1', '2']
 * ```
 */
export function createRequestView(init: RequestInit = {}): RequestView {
  return new PlainRequestView(init);
}

/**
 * Whether anything (a dependency, a handler, a hook) has read the view's
 * `native` object so far: while nothing has, nothing but the adapter has
 * touched the framework's own request (a Hono context's `c.header()`, say).
 * A view not made by {@link createRequestView} counts as read.
 *
 * @example
 * ```ts
 * const view = createRequestView({ native: c })
 * nativeWasRead(view) // false
 * void view.native
 * nativeWasRead(view) // true
 * ```
 */
export function nativeWasRead(view: RequestView): boolean {
  return view instanceof PlainRequestView ? PlainRequestView.nativeWasRead(view) : true;
}
