/**
 * A request view's headers straight from Node's `rawHeaders`: nothing is
 * copied or lower-cased per request until a header is read.
 */
import type { HeaderSource } from '../request/view.js';

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
export function rawHeaderSource(raw: readonly string[]): Required<HeaderSource> {
  return {
    get(name) {
      const n = name.toLowerCase();
      for (let i = 0; i < raw.length; i += 2) if (raw[i].length === n.length && raw[i].toLowerCase() === n) return raw[i + 1];
      return null;
    },
    getAll(name) {
      const n = name.toLowerCase();
      const out: string[] = [];
      for (let i = 0; i < raw.length; i += 2) if (raw[i].length === n.length && raw[i].toLowerCase() === n) out.push(raw[i + 1]);
      return out;
    },
  };
}
