/**
 * The framework-neutral request view: the only thing the core reads from a
 * request. Adapters build one per request; tests build one by hand with
 * `createRequestView()`.
 */
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
export function parseCookies(header) {
    const out = Object.create(null);
    if (!header)
        return out;
    for (const chunk of header.split(';')) {
        const eq = chunk.indexOf('=');
        const key = (eq === -1 ? '' : chunk.slice(0, eq)).trim();
        let value = (eq === -1 ? chunk : chunk.slice(eq + 1)).trim();
        if (!key && !value)
            continue;
        if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
            value = value.slice(1, -1).replace(COOKIE_ESCAPE, (_, octal, char) => octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : char);
        }
        out[key] = value;
    }
    return out;
}
const hasOwn = Object.prototype.hasOwnProperty;
const EMPTY_PARAMS = Object.freeze({});
function isGetter(init) {
    return typeof init.get === 'function' && !Array.isArray(init);
}
function toSearchParams(query, url) {
    if (query instanceof URLSearchParams)
        return query;
    if (typeof query === 'string')
        return new URLSearchParams(query);
    if (query) {
        const sp = new URLSearchParams();
        for (const [k, v] of Object.entries(query)) {
            if (v === undefined)
                continue;
            if (typeof v === 'string')
                sp.append(k, v);
            else
                for (const item of v)
                    sp.append(k, item);
        }
        return sp;
    }
    return new URLSearchParams(queryOf(url));
}
/** What follows the first `?` of a URL (`''` without one). */
function queryOf(url) {
    const q = url === undefined ? -1 : url.indexOf('?');
    return q === -1 ? '' : url.slice(q + 1);
}
/**
 * A query string that `URLSearchParams` would read literally: no `%`
 * escapes, no `+`, no lone surrogate (which it would turn into U+FFFD).
 * Such a string splits into the same names and values by hand, without
 * building a `URLSearchParams`. `null` when there is none or it must be
 * decoded.
 */
function literalQuery(query, url) {
    let raw;
    if (typeof query === 'string')
        raw = query;
    else if (query === undefined)
        raw = queryOf(url);
    else
        return null;
    // `URLSearchParams` drops one leading `?` of the string it is given
    if (raw.charCodeAt(0) === 0x3f)
        raw = raw.slice(1);
    return raw.indexOf('%') === -1 && raw.indexOf('+') === -1 && !SURROGATE.test(raw) ? raw : null;
}
const SURROGATE = /[\uD800-\uDFFF]/;
/** Every value of `name` in a literal query string, in order, split as `URLSearchParams` splits it. */
function scanQuery(raw, name) {
    const out = [];
    let start = 0;
    while (start <= raw.length) {
        let end = raw.indexOf('&', start);
        if (end === -1)
            end = raw.length;
        if (end > start) {
            const eq = raw.indexOf('=', start);
            const keyEnd = eq === -1 || eq > end ? end : eq;
            if (keyEnd - start === name.length && raw.startsWith(name, start))
                out.push(keyEnd === end ? '' : raw.slice(keyEnd + 1, end));
        }
        start = end + 1;
    }
    return out;
}
function pathOf(url) {
    if (!url)
        return '/';
    const q = url.indexOf('?');
    return q === -1 ? url : url.slice(0, q);
}
/** The request view built by {@link createRequestView}: lookups are lazy, nothing is copied up front. */
class PlainRequestView {
    method;
    path;
    params;
    #init;
    /** Whether anything has read `native` (see {@link nativeWasRead}). */
    #nativeRead = false;
    /** Lower-cased header map, built only when the input is not already lower-case. */
    #headerMap;
    #search;
    #cookies;
    #body;
    constructor(init) {
        this.#init = init;
        this.method = init.method === undefined ? 'GET' : init.method.toUpperCase();
        this.path = init.path ?? pathOf(init.url);
        this.params = init.params ?? EMPTY_PARAMS;
        this.#cookies = init.cookies;
    }
    get native() {
        this.#nativeRead = true;
        return this.#init.native;
    }
    /** @internal see {@link nativeWasRead} */
    static nativeWasRead(view) {
        return view.#nativeRead;
    }
    #values(name) {
        const headers = this.#init.headers;
        if (headers === undefined)
            return undefined;
        const lower = name.toLowerCase();
        if (isGetter(headers))
            return headers.get(lower) ?? undefined;
        if (!Array.isArray(headers)) {
            // Node's headers are lower-case already: look up directly, fall back to a scan
            const direct = headers[lower];
            if (direct !== undefined)
                return direct;
        }
        return this.#map().get(lower);
    }
    #map() {
        if (this.#headerMap)
            return this.#headerMap;
        const map = new Map();
        const add = (k, v) => {
            const key = k.toLowerCase();
            const list = map.get(key);
            if (list)
                list.push(v);
            else
                map.set(key, [v]);
        };
        const headers = this.#init.headers;
        if (Array.isArray(headers))
            for (const [k, v] of headers)
                add(k, v);
        else if (headers && !isGetter(headers))
            for (const [k, v] of Object.entries(headers)) {
                if (v === undefined)
                    continue;
                if (typeof v === 'string')
                    add(k, v);
                else
                    for (const item of v)
                        add(k, item);
            }
        return (this.#headerMap = map);
    }
    header(name) {
        const headers = this.#init.headers;
        if (headers !== undefined && isGetter(headers))
            return headers.get(name.toLowerCase()) ?? undefined;
        const v = this.#values(name);
        return v === undefined || typeof v === 'string' ? v : v[0];
    }
    headerAll(name) {
        const headers = this.#init.headers;
        if (headers !== undefined && isGetter(headers)) {
            // Fetch `Headers` in workerd and Bun have a `getAll` for Set-Cookie only (it throws for other names); they join repeats anyway.
            if (headers.getAll && !(typeof Headers === 'function' && headers instanceof Headers))
                return headers.getAll(name.toLowerCase());
            const one = headers.get(name.toLowerCase());
            return one == null ? [] : [one];
        }
        const v = this.#values(name);
        return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
    }
    #params() {
        return (this.#search ??= toSearchParams(this.#init.query, this.#init.url));
    }
    /** The raw query string when it can be read without decoding anything (see {@link literalQuery}). */
    #literal;
    #queryAll(name) {
        if (this.#search === undefined) {
            const literal = (this.#literal ??= literalQuery(this.#init.query, this.#init.url));
            if (literal !== null)
                return scanQuery(literal, name);
        }
        return this.#params().getAll(name);
    }
    query(name) {
        const all = this.#queryAll(name);
        return all.length ? all[all.length - 1] : undefined;
    }
    queryAll(name) {
        return this.#queryAll(name);
    }
    cookie(name) {
        const cookies = (this.#cookies ??= parseCookies(this.header('cookie')));
        return hasOwn.call(cookies, name) ? cookies[name] : undefined;
    }
    readBody() {
        if (this.#body !== undefined)
            return this.#body;
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
export function createRequestView(init = {}) {
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
export function nativeWasRead(view) {
    return view instanceof PlainRequestView ? PlainRequestView.nativeWasRead(view) : true;
}
//# sourceMappingURL=view.js.map