/**
 * Constant-time comparison of secrets (API keys, passwords), so the time
 * an answer takes says nothing about how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  // UTF-16 code units: lossless for every JavaScript string (UTF-8 would map
  // distinct lone surrogates to the same replacement character).
  return createHash('sha256').update(Buffer.from(value, 'utf16le')).digest();
}

/**
 * Compares two secrets in constant time: both are hashed with SHA-256 (so
 * their lengths do not leak either) and the digests compared with
 * `crypto.timingSafeEqual`. The result is exactly `a === b`.
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
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(String(a)), digest(String(b)));
}
