/**
 * Whether a string is an HTTP token (what an auth-scheme name must be).
 *
 * @example
 * ```ts
 * isToken('Bearer') // true
 * isToken('My Scheme') // false
 * ```
 */
export declare function isToken(value: string): boolean;
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
export declare function quoteString(value: string): string;
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
export declare function formatChallenge(scheme: string, params?: Readonly<Record<string, string | undefined>>): string;
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
export declare function basicChallenge(realm?: string): string;
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
export declare function schemeChallenge(scheme: string): string;
/**
 * Makes a string safe as an RFC 6750 `error_description` / `scope` value:
 * characters outside printable ASCII become `?`.
 *
 * @example
 * ```ts
 * sanitizeBearerParam('expired\r\n') // 'expired??'
 * ```
 */
export declare function sanitizeBearerParam(value: string): string;
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
export declare function bearerChallenge(params: {
    realm?: string;
    error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
    errorDescription?: string;
    scope?: string;
    /** The absolute URL of the resource's RFC 9728 metadata: a `resource_metadata` auth-param (§5.1). */
    resourceMetadata?: string;
}): string;
