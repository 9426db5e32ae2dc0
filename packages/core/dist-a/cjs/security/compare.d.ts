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
export declare function safeEqual(a: string, b: string): boolean;
