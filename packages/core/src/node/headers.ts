/**
 * A request view's headers straight from Node's `rawHeaders`: nothing is
 * copied or lower-cased per request until a header is read.
 */
import type { HeaderSource } from '../request/view.js';
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
export function rawHeaderSource(raw: readonly string[]): Required<HeaderSource> {
  return new RawHeaders(raw);
}

/**
 * {@link rawHeaderSource}'s source: one object per request, its methods on
 * the prototype (no closures made per request). Header names are tokens
 * (RFC 9110 §5.1, ASCII only), so names of another length never match and
 * are not compared.
 */
class RawHeaders implements Required<HeaderSource> {
  readonly #raw: readonly string[];

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    return firstRawHeader(this.#raw, name) ?? null;
  }

  getAll(name: string): string[] {
    return allRawHeaders(this.#raw, name);
  }
}

/**
 * The first value of a header in Node's `rawHeaders` (name, value, name,
 * value…), the name compared ignoring case; `undefined` without one.
 *
 * @example
 * ```ts
 * firstRawHeader(['Authorization', 'Bearer t', 'Host', 'x'], 'authorization') // 'Bearer t'
 * ```
 */
export function firstRawHeader(raw: readonly string[], name: string): string | undefined {
  const usual = usualForm(name);
  // header names are ASCII tokens: a different length is a different name
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === name.length && sameName(raw[i], name, usual)) return raw[i + 1];
  return undefined;
}

/**
 * Every value of a header in Node's `rawHeaders`, in order (each line of a
 * repeated header).
 *
 * @example
 * ```ts
 * allRawHeaders(['X-A', '1', 'x-a', '2'], 'x-a') // ['1', '2']
 * ```
 */
export function allRawHeaders(raw: readonly string[], name: string): string[] {
  const usual = usualForm(name);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === name.length && sameName(raw[i], name, usual)) out.push(raw[i + 1]);
  return out;
}

/**
 * Whether a header name as sent is `name`: compared as is with its usual
 * form first (a string comparison), then as `equalsIgnoringCase` compares
 * (as is, then letter by letter ignoring case: a JavaScript loop over the
 * letters costs some twenty times more).
 */
const sameName = (sent: string, name: string, usual: string): boolean => sent === usual || equalsIgnoringCase(sent, name);

/** The usual form of each header name looked up, made once (names come from the code, not from requests: a bounded set, capped anyway). */
const USUAL = new Map<string, string>();

/**
 * A header name as clients usually write it on HTTP/1.1: each word
 * capitalised (`authorization` → `Authorization`, `x-api-key` →
 * `X-Api-Key`).
 */
function usualForm(name: string): string {
  let usual = USUAL.get(name);
  if (usual === undefined) {
    usual = name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
    if (USUAL.size < 1024) USUAL.set(name, usual);
  }
  return usual;
}
