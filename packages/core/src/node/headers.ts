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
  return new RawHeaders(raw);
}

/** {@link rawHeaderSource}'s source: one object per request, its methods on the prototype (no closures made per request). */
class RawHeaders implements Required<HeaderSource> {
  readonly #raw: readonly string[];

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const raw = this.#raw;
    const n = name.toLowerCase();
    for (let i = 0; i < raw.length; i += 2) if (sameName(raw[i], n)) return raw[i + 1];
    return null;
  }

  getAll(name: string): string[] {
    const raw = this.#raw;
    const n = name.toLowerCase();
    const out: string[] = [];
    for (let i = 0; i < raw.length; i += 2) if (sameName(raw[i], n)) out.push(raw[i + 1]);
    return out;
  }
}

/**
 * Whether a header name as sent equals a lower-case name, ignoring ASCII
 * case, without lower-casing (no string made per header per lookup). Header
 * names are tokens (RFC 9110 §5.1): only ASCII letters differ by case, and
 * Node refuses any other character in them.
 */
function sameName(sent: string, lower: string): boolean {
  if (sent.length !== lower.length) return false;
  if (sent === lower) return true;
  for (let i = 0; i < sent.length; i++) {
    const c = sent.charCodeAt(i);
    const l = lower.charCodeAt(i);
    if (c !== l && !(c >= 0x41 && c <= 0x5a && c + 0x20 === l)) return false;
  }
  return true;
}
