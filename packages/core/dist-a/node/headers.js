import { equalsIgnoringCase } from '../util/case.js';
/**
 * A lazy {@link HeaderSource} over Node's `rawHeaders` (`[name, value, name,
 * value, …]`): `get` gives the first line of a header, `getAll` every line in
 * order (a repeated header keeps its separate lines, which `req.headers`
 * would join). Names are case-insensitive.
 *
 * @example
 * ```ts
 * const view = createRequestView({ method: req.method, url: req.url, headers: rawHeaderSource(req.rawHeaders) })
 * view.headerAll('www-authenticate') // ['Bearer', 'Basic'] when sent as two lines
 * ```
 */
export function rawHeaderSource(raw) {
    return new RawHeaders(raw);
}
/**
 * {@link rawHeaderSource}'s source: one object per request, its methods on
 * the prototype (no closures made per request). Header names are tokens
 * (RFC 9110 §5.1, ASCII only), so names of another length never match and
 * are not compared.
 */
class RawHeaders {
    #raw;
    constructor(raw) {
        this.#raw = raw;
    }
    get(name) {
        const raw = this.#raw;
        for (let i = 0; i < raw.length; i += 2)
            if (raw[i].length === name.length && equalsIgnoringCase(raw[i], name))
                return raw[i + 1];
        return null;
    }
    getAll(name) {
        const raw = this.#raw;
        const out = [];
        for (let i = 0; i < raw.length; i += 2)
            if (raw[i].length === name.length && equalsIgnoringCase(raw[i], name))
                out.push(raw[i + 1]);
        return out;
    }
}
//# sourceMappingURL=headers.js.map