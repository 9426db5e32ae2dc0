/** The JSON-RPC error bodies the HTTP layer answers itself, the same on both frameworks. */

/**
 * GET and DELETE `/mcp`: this server answers every POST with its result and
 * keeps no session, so it offers no server-to-client stream and nothing to
 * end (the Streamable HTTP transport allows a 405 for both).
 *
 * @example
 * ```ts
 * res.status(405).set('allow', 'POST').json(METHOD_NOT_ALLOWED)
 * ```
 */
export const METHOD_NOT_ALLOWED = { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: POST your MCP messages to /mcp' }, id: null } as const;

/**
 * An unexpected failure of the MCP server: nothing of it is sent.
 *
 * @example
 * ```ts
 * res.status(500).json(SERVER_ERROR)
 * ```
 */
export const SERVER_ERROR = { jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null } as const;
