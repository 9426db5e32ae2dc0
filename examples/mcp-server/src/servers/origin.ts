/**
 * The MCP transport's defence against DNS rebinding: a request to `/mcp`
 * whose `Origin` header is present and not one of this server's own origins
 * (or those configured) is answered 403 before anything else, on both
 * frameworks. Requests without `Origin` (MCP clients that are not browser
 * pages) are not affected.
 */

/**
 * The JSON-RPC error body of the 403.
 *
 * @example
 * ```ts
 * res.status(403).json(FORBIDDEN_ORIGIN)
 * ```
 */
export const FORBIDDEN_ORIGIN = { jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden: this Origin may not call the MCP server' }, id: null } as const;

/**
 * Whether a request's `Origin` may reach `/mcp`: absent, or exactly one of
 * the server's origins (`http://127.0.0.1:<port>`, `http://localhost:<port>`)
 * or of `allowed`.
 *
 * @example
 * ```ts
 * const ok = originCheck('http://127.0.0.1:3000', [])
 * ok(undefined)                     // true
 * ok('http://localhost:3000')       // true
 * ok('http://evil.example')         // false
 * ```
 */
export function originCheck(url: string, allowed: readonly string[] = []): (origin: string | undefined) => boolean {
  const own = new URL(url);
  const origins = new Set([own.origin, `${own.protocol}//localhost:${own.port}`, ...allowed.map((o) => new URL(o).origin)]);
  return (origin) => origin === undefined || origins.has(origin);
}
