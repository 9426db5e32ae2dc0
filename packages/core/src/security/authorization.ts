/**
 * The `Authorization` header, parsed exactly as FastAPI's
 * `get_authorization_scheme_param`: split at the first single space (a tab
 * does not count), the credentials part stripped of surrounding whitespace.
 */
import type { RequestView } from '../request/view.js';
import { repeatedCredential } from './errors.js';
import { pythonStrip } from './python-strings.js';
import { equalsIgnoringCase } from '../util/case.js';

/**
 * An `Authorization` header split into its scheme and its credentials.
 *
 * @example
 * ```ts
 * const { scheme, credentials }: AuthorizationParts = parseAuthorization('Bearer abc')
 * ```
 */
export interface AuthorizationParts {
  /** The scheme as sent (`Bearer`, `bearer`, ...); `''` when the header is absent or empty. */
  readonly scheme: string;
  /** Everything after the first space, stripped; `''` when there is nothing. */
  readonly credentials: string;
}

const EMPTY: AuthorizationParts = Object.freeze({ scheme: '', credentials: '' });

/**
 * Splits an `Authorization` header value as FastAPI does: `scheme` is what
 * comes before the first space, `credentials` what comes after, stripped.
 * Never throws.
 *
 * @example
 * ```ts
 * parseAuthorization('Bearer  foo ')   // { scheme: 'Bearer', credentials: 'foo' }
 * parseAuthorization('bearer foo bar') // { scheme: 'bearer', credentials: 'foo bar' }
 * parseAuthorization('Bearer\tfoo')    // { scheme: 'Bearer\tfoo', credentials: '' }
 * parseAuthorization(undefined)        // { scheme: '', credentials: '' }
 * ```
 */
export function parseAuthorization(value: string | null | undefined): AuthorizationParts {
  if (!value) return EMPTY;
  const space = value.indexOf(' ');
  if (space === -1) return { scheme: value, credentials: '' };
  return { scheme: value.slice(0, space), credentials: pythonStrip(value.slice(space + 1)) };
}

/**
 * Reads the request's `Authorization` header and returns its parts when its
 * scheme is `expected` — or one of them, for a scheme that takes several
 * (compared case-insensitively; give each as clients usually write it,
 * `'Bearer'`, `'DPoP'`: the usual header then compares as is, without a
 * pass over its letters) — and its credentials are not empty;
 * `undefined` otherwise. The header is looked up once. A header sent more
 * than once throws the 400 `invalid_request` answer
 * (`repeatedCredential`, with the Bearer challenge when `bearer`, by
 * default when `bearer` is expected): which line counts would be
 * ambiguous.
 *
 * @example
 * ```ts
 * const parts = readAuthorization(request, 'Bearer')
 * if (parts) verify(parts.credentials)
 * const either = readAuthorization(request, ['DPoP', 'Bearer']) // `DPoP …` or `Bearer …`: parts.scheme says which
 * ```
 */
export function readAuthorization(request: RequestView, expected: string | readonly string[], bearer = expects(expected, 'bearer')): AuthorizationParts | undefined {
  const line = authorizationLine(request, bearer);
  // the usual header (`Bearer …` for 'Bearer'): split where parseAuthorization splits, the scheme being the expected string itself (no copy cut from the line)
  if (line !== undefined) {
    const space = line.indexOf(' ');
    const scheme = space > 0 ? sentAsExpected(line, space, expected) : undefined;
    if (scheme !== undefined) {
      const credentials = pythonStrip(line.slice(space + 1));
      return credentials ? { scheme, credentials } : undefined;
    }
  }
  const parts = parseAuthorization(line);
  if (!parts.scheme || !parts.credentials) return undefined;
  return expects(expected, parts.scheme) ? parts : undefined;
}

/** The expected scheme that a header line's scheme (its first `space` characters) is exactly, as written; `undefined` when none is. */
function sentAsExpected(line: string, space: number, expected: string | readonly string[]): string | undefined {
  if (typeof expected === 'string') return space === expected.length && line.startsWith(expected) ? expected : undefined;
  for (const e of expected) if (space === e.length && line.startsWith(e)) return e;
  return undefined;
}

/** Whether `scheme` is `expected`, or one of them (case-insensitive). */
function expects(expected: string | readonly string[], scheme: string): boolean {
  if (typeof expected === 'string') return equalsIgnoringCase(scheme, expected);
  for (const e of expected) if (equalsIgnoringCase(scheme, e)) return true;
  return false;
}

/**
 * The request's one `Authorization` line (`undefined` without one); a
 * header sent more than once throws the 400 `invalid_request` answer
 * (`repeatedCredential`, with the Bearer challenge when `bearer`): which
 * line counts would be ambiguous. What `readAuthorization` and the Basic
 * scheme read the header with.
 *
 * @example
 * ```ts
 * const value = authorizationLine(request, false) // 'Basic YTpi', or undefined
 * ```
 */
export function authorizationLine(request: RequestView, bearer: boolean): string | undefined {
  const lines = request.headerAll('authorization');
  if (lines.length > 1) throw repeatedCredential('authorization', bearer);
  return lines[0];
}
