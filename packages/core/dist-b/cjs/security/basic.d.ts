/**
 * The username and password of an HTTP Basic `Authorization` header.
 *
 * @example
 * ```ts
 * router.get('/admin', { who: httpBasic() }, ({ who }: { who: HTTPBasicCredentials }) => who.username)
 * ```
 */
export interface HTTPBasicCredentials {
    readonly username: string;
    readonly password: string;
}
/**
 * Decodes canonical, padded base64 (RFC 4648 §4) and rejects everything
 * else: characters outside the alphabet (spaces, URL-safe `-`/`_`), a length
 * that is not a multiple of 4, misplaced or missing padding, and non-zero
 * pad bits. Returns `undefined` instead of throwing.
 *
 * @example
 * ```ts
 * decodeBase64Strict('am9objpzZWNyZXQ=') // bytes of 'john:secret'
 * decodeBase64Strict('am9objpzZWNyZXQ')  // undefined (missing padding)
 * decodeBase64Strict('am9o bjpz')        // undefined (space)
 * ```
 */
export declare function decodeBase64Strict(text: string): Uint8Array | undefined;
/**
 * Encodes bytes as padded base64.
 *
 * @example
 * ```ts
 * encodeBase64(new TextEncoder().encode('john:secret')) // 'am9objpzZWNyZXQ='
 * ```
 */
export declare function encodeBase64(bytes: Uint8Array): string;
/**
 * Decodes the credentials part of a `Basic` `Authorization` header: strict
 * base64, strict UTF-8 (a byte sequence that is not UTF-8 is rejected, not
 * replaced), split at the first `:` (the password may contain colons, the
 * username may be empty). Returns `undefined` for anything malformed; never
 * throws.
 *
 * @example
 * ```ts
 * decodeBasicCredentials('am9objpzZWNyZXQ=') // { username: 'john', password: 'secret' }
 * decodeBasicCredentials(encodeBasicCredentials('jürgen', 'pässword')) // { username: 'jürgen', password: 'pässword' }
 * decodeBasicCredentials('notabase64token') // undefined
 * ```
 */
export declare function decodeBasicCredentials(token: string): HTTPBasicCredentials | undefined;
/**
 * Encodes a username and password as the credentials of a `Basic`
 * `Authorization` header (UTF-8, base64). Throws a `TypeError` when the
 * username contains a colon (RFC 7617 forbids it).
 *
 * @example
 * ```ts
 * const authorization = `Basic ${encodeBasicCredentials('john', 'secret')}` // 'Basic am9objpzZWNyZXQ='
 * ```
 */
export declare function encodeBasicCredentials(username: string, password: string): string;
