/**
 * HTTP Basic credentials (RFC 7617), decoded strictly: canonical padded
 * base64 (RFC 4648 §4), then fatal UTF-8, split at the first colon.
 * FastAPI's lenient base64 and ASCII-only decoding are known bugs we do
 * not copy.
 */
import { InvalidArgumentError } from '../errors/catalogue.js';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++)
    VALUES[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='
function sextet(code) {
    return code < 128 ? VALUES[code] : -1;
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
export function decodeBase64Strict(text) {
    const length = text.length;
    if (length % 4 !== 0)
        return undefined;
    let padding = 0;
    if (length > 0 && text.charCodeAt(length - 1) === PAD)
        padding = text.charCodeAt(length - 2) === PAD ? 2 : 1;
    const out = new Uint8Array((length / 4) * 3 - padding);
    let o = 0;
    for (let i = 0; i < length; i += 4) {
        const last = i + 4 === length;
        const a = sextet(text.charCodeAt(i));
        const b = sextet(text.charCodeAt(i + 1));
        if (a < 0 || b < 0)
            return undefined;
        if (last && padding === 2) {
            if ((b & 0x0f) !== 0)
                return undefined;
            out[o] = (a << 2) | (b >> 4);
            break;
        }
        const c = sextet(text.charCodeAt(i + 2));
        if (c < 0)
            return undefined;
        if (last && padding === 1) {
            if ((c & 0x03) !== 0)
                return undefined;
            out[o++] = (a << 2) | (b >> 4);
            out[o] = ((b & 0x0f) << 4) | (c >> 2);
            break;
        }
        const d = sextet(text.charCodeAt(i + 3));
        if (d < 0)
            return undefined;
        out[o++] = (a << 2) | (b >> 4);
        out[o++] = ((b & 0x0f) << 4) | (c >> 2);
        out[o++] = ((c & 0x03) << 6) | d;
    }
    return out;
}
/**
 * Encodes bytes as padded base64.
 *
 * @example
 * ```ts
 * encodeBase64(new TextEncoder().encode('john:secret')) // 'am9objpzZWNyZXQ='
 * ```
 */
export function encodeBase64(bytes) {
    let out = '';
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
    }
    const rest = bytes.length - i;
    if (rest === 1) {
        const n = bytes[i] << 16;
        out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '==';
    }
    else if (rest === 2) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '=';
    }
    return out;
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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
export function decodeBasicCredentials(token) {
    const bytes = decodeBase64Strict(token);
    if (!bytes)
        return undefined;
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
    const colon = text.indexOf(':');
    if (colon === -1)
        return undefined;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
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
export function encodeBasicCredentials(username, password) {
    if (username.includes(':'))
        throw new InvalidArgumentError('A Basic username cannot contain ":"');
    return encodeBase64(new TextEncoder().encode(`${username}:${password}`));
}
//# sourceMappingURL=basic.js.map