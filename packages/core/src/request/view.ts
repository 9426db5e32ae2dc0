/**
 * The framework-neutral request view: the only thing the core reads from a
 * request. Adapters build one per request; tests build one by hand with
 * `createRequestView()`.
 */

/** The body as the adapter has it: already parsed, raw text/bytes, or none. */
export type RawBody =
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'none' };

/**
 * What the core reads from a request. Header lookups are case-insensitive
 * and the first occurrence wins; query lookups take the last occurrence;
 * cookies the last duplicate (Starlette's rules).
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

/** Header input accepted by `createRequestView()`. */
export type HeadersInit =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | readonly (readonly [string, string])[]
  | { get(name: string): string | null };

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
 * Parses a `Cookie` header as Starlette does: split on `;`, trim, strip
 * surrounding quotes, percent-decode; the last duplicate wins.
 *
 * @example
 * ```ts
 * parseCookies('a=1; b="two"; a=3') // { a: '3', b: 'two' }
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
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value when it is not valid percent-encoding
    }
    out[key] = value;
  }
  return out;
}

type HeaderGetter = { first(name: string): string | undefined; all(name: string): string[] };

function headerGetter(init: HeadersInit | undefined): HeaderGetter {
  if (!init) return { first: () => undefined, all: () => [] };
  if (typeof (init as { get?: unknown }).get === 'function' && !Array.isArray(init)) {
    const h = init as { get(name: string): string | null };
    return {
      first: (n) => h.get(n) ?? undefined,
      all: (n) => {
        const v = h.get(n);
        return v == null ? [] : [v];
      },
    };
  }
  const map = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const key = k.toLowerCase();
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  if (Array.isArray(init)) for (const [k, v] of init as readonly (readonly [string, string])[]) add(k, v);
  else
    for (const [k, v] of Object.entries(init as Record<string, string | readonly string[] | undefined>)) {
      if (v === undefined) continue;
      if (typeof v === 'string') add(k, v);
      else for (const item of v) add(k, item);
    }
  return { first: (n) => map.get(n.toLowerCase())?.[0], all: (n) => map.get(n.toLowerCase())?.slice() ?? [] };
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
  const q = url?.indexOf('?') ?? -1;
  return new URLSearchParams(q === -1 ? '' : url!.slice(q + 1));
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
  const headers = headerGetter(init.headers);
  let search: URLSearchParams | undefined;
  let cookies: Record<string, string> | undefined = init.cookies as Record<string, string> | undefined;
  const searchParams = () => (search ??= toSearchParams(init.query, init.url));
  const path = init.path ?? (init.url ? init.url.split('?')[0] : '/');
  let body: RawBody | Promise<RawBody> | undefined;
  const readBody =
    init.readBody ??
    (() =>
      init.body !== undefined
        ? ({ kind: 'parsed', value: init.body } as const)
        : init.bodyText !== undefined
          ? ({ kind: 'text', text: init.bodyText } as const)
          : ({ kind: 'none' } as const));
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    path,
    header: headers.first,
    headerAll: headers.all,
    query(name) {
      const all = searchParams().getAll(name);
      return all.length ? all[all.length - 1] : undefined;
    },
    queryAll: (name) => searchParams().getAll(name),
    cookie(name) {
      cookies ??= parseCookies(headers.first('cookie'));
      return Object.prototype.hasOwnProperty.call(cookies, name) ? cookies[name] : undefined;
    },
    params: init.params ?? {},
    readBody: () => (body ??= readBody()),
    native: init.native,
  };
}
