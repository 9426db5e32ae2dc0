/**
 * `WWW-Authenticate` challenges: quoting of auth-param values (RFC 9110
 * quoted-string), the Basic challenge with its realm, the generic scheme's
 * title-cased name, and RFC 6750 Bearer error challenges.
 */
import { InvalidArgumentError } from '../errors/catalogue.js';
import { pythonTitle } from './python-strings.js';
/** Characters a quoted-string may hold (RFC 9110 §5.6.4: HTAB, SP, VCHAR, obs-text). */
const QUOTABLE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** An RFC 9110 token (auth-scheme names). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * Whether a string is an HTTP token (what an auth-scheme name must be).
 *
 * @example
 * ```ts
 * isToken('Bearer') // true
 * isToken('My Scheme') // false
 * ```
 */
export function isToken(value) {
    return TOKEN.test(value);
}
/**
 * Quotes a value as an HTTP quoted-string: `"` and `\` are escaped with a
 * backslash. Throws a `TypeError` for characters a header cannot carry
 * (control characters other than tab, anything above U+00FF), so a realm
 * can never inject a header line.
 *
 * @example
 * ```ts
 * quoteString('my "app"') // '"my \\"app\\""'
 * ```
 */
export function quoteString(value) {
    if (!QUOTABLE.test(value))
        throw new InvalidArgumentError('The value cannot be sent in an HTTP header (control or non-Latin-1 character)');
    return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
/**
 * Builds a challenge: the scheme, then `name="value"` auth-params joined by
 * `, ` (undefined values are left out). Values are quoted with
 * {@link quoteString}.
 *
 * @example
 * ```ts
 * formatChallenge('Bearer', { error: 'invalid_token' }) // 'Bearer error="invalid_token"'
 * formatChallenge('Basic')                              // 'Basic'
 * ```
 */
export function formatChallenge(scheme, params = {}) {
    const parts = [];
    for (const [name, value] of Object.entries(params))
        if (value !== undefined)
            parts.push(`${name}=${quoteString(value)}`);
    return parts.length ? `${scheme} ${parts.join(', ')}` : scheme;
}
/**
 * The Basic challenge: `Basic`, or `Basic realm="…"` with the realm quoted
 * and escaped (FastAPI does not escape it; an empty realm gives `Basic`).
 *
 * @example
 * ```ts
 * basicChallenge()              // 'Basic'
 * basicChallenge('my "realm"')  // 'Basic realm="my \\"realm\\""'
 * ```
 */
export function basicChallenge(realm) {
    return realm ? formatChallenge('Basic', { realm }) : 'Basic';
}
/**
 * The challenge of a generic HTTP scheme: its name as Python's `str.title()`
 * writes it (FastAPI's `HTTPBase`).
 *
 * @example
 * ```ts
 * schemeChallenge('other')     // 'Other'
 * schemeChallenge('x-custom')  // 'X-Custom'
 * ```
 */
export function schemeChallenge(scheme) {
    return pythonTitle(scheme);
}
/**
 * Makes a string safe as an RFC 6750 `error_description` / `scope` value:
 * characters outside printable ASCII become `?`.
 *
 * @example
 * ```ts
 * sanitizeBearerParam('expired\r\n') // 'expired??'
 * ```
 */
export function sanitizeBearerParam(value) {
    return value.replace(/[^\x20-\x7e]/g, '?');
}
/**
 * An RFC 6750 Bearer challenge with an error code, e.g.
 * `Bearer error="invalid_token", error_description="expired"`.
 *
 * @example
 * ```ts
 * bearerChallenge({ error: 'insufficient_scope', scope: 'items me' })
 * // 'Bearer error="insufficient_scope", scope="items me"'
 * bearerChallenge({ resourceMetadata: 'https://api.example.com/.well-known/oauth-protected-resource/mcp' })
 * // 'Bearer resource_metadata="https://api.example.com/.well-known/oauth-protected-resource/mcp"'
 * ```
 */
export function bearerChallenge(params) {
    return formatChallenge('Bearer', {
        realm: params.realm,
        error: params.error,
        error_description: params.errorDescription === undefined ? undefined : sanitizeBearerParam(params.errorDescription),
        scope: params.scope === undefined ? undefined : sanitizeBearerParam(params.scope),
        resource_metadata: params.resourceMetadata,
    });
}
//# sourceMappingURL=challenges.js.map