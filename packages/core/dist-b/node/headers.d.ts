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
export declare function rawHeaderSource(raw: readonly string[]): Required<HeaderSource>;
