/**
 * The framework-neutral request view: the only thing the core reads from a
 * request. Adapters build one per request; tests build one by hand with
 * `createRequestView()`.
 */
/** The body as the adapter has it: already parsed, raw text/bytes, or none. */
export type RawBody = {
    readonly kind: 'parsed';
    readonly value: unknown;
} | {
    readonly kind: 'text';
    readonly text: string;
} | {
    readonly kind: 'bytes';
    readonly bytes: Uint8Array;
} | {
    readonly kind: 'none';
};
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
export type HeadersInit = Readonly<Record<string, string | readonly string[] | undefined>> | readonly (readonly [string, string])[] | HeaderSource;
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
export declare function parseCookies(header: string | undefined): Record<string, string>;
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
export declare function createRequestView(init?: RequestInit): RequestView;
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
export declare function nativeWasRead(view: RequestView): boolean;
