/**
 * Constant-time comparison of secrets (API keys, passwords), so the time
 * an answer takes says nothing about how much of a guess was right.
 * Runtime-neutral: SHA-256 from `@noble/hashes` (no `node:crypto`), so it
 * runs the same on Node, Bun, Deno and Workers, and stays synchronous.
 */
import { sha256 } from '@noble/hashes/sha2.js';
/** SHA-256 of the string's UTF-16 code units: lossless for every JavaScript string (UTF-8 would map distinct lone surrogates to the same replacement character). */
function digest(value) {
    const units = new Uint8Array(value.length * 2);
    for (let i = 0; i < value.length; i++) {
        const unit = value.charCodeAt(i);
        units[2 * i] = unit & 0xff;
        units[2 * i + 1] = unit >>> 8;
    }
    return sha256(units);
}
/**
 * Compares two secrets in constant time: both are hashed with SHA-256 (so
 * their lengths do not leak either) and every byte of the digests is
 * compared, whatever the first difference. The result is exactly `a === b`.
 *
 * @example
 * ```ts
 * const apiKey = apiKeyHeader({ name: 'x-api-key' })
 * const client = depends({ key: apiKey }, ({ key }) => {
 *   if (!safeEqual(key, process.env.API_KEY!)) throw new HTTPException(401, 'Invalid API key')
 *   return 'client'
 * })
 * ```
 */
export function safeEqual(a, b) {
    const x = digest(String(a));
    const y = digest(String(b));
    let diff = 0;
    for (let i = 0; i < x.length; i++)
        diff |= x[i] ^ y[i];
    return diff === 0;
}
//# sourceMappingURL=compare.js.map