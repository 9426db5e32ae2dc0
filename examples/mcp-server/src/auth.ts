/**
 * The auth layer of `/mcp`, declared once for both frameworks: the MCP
 * server is a protected resource (RFC 9728) named by its URL; its tokens
 * are the identity provider's JWT access tokens for that URL (RFC 8707
 * audience, RFC 9068 profile); a guard stands in front of the `/mcp` route
 * and asks `mcp:read`; a `tools/call` of a tool that needs more
 * (`add_note`: `mcp:write`) is refused with the 403 an MCP client steps up
 * from.
 */
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { z } from 'zod';
import { assertScopes, body, depends, type AppOptions, type Dependency, type GuardOptions } from '@depends/core';
import { jwtBearer, protectedResource, type AccessToken, type ProtectedResource, type Rfc9068Claims } from '@depends/jwt';
import { BASE_SCOPE, MCP_SCOPES, TOOL_SCOPES } from './tools.js';

/** A JSON-RPC message as `/mcp` receives it: only what the scope check reads is typed, the MCP server validates the rest. */
const Message = z.looseObject({ jsonrpc: z.literal('2.0'), method: z.string().optional(), params: z.unknown().optional() });
/** One message, or a batch of them (2025-03-26 clients). */
const Messages = z.union([Message, z.array(Message).min(1)]).meta({ title: 'JsonRpcMessage', description: 'A JSON-RPC 2.0 message of the MCP protocol (or a batch)' });

/** The verified access token the guard gives the `/mcp` handlers. */
export type McpToken = AccessToken<Rfc9068Claims>;

/** Options of {@link mcpAuth}. */
export interface McpAuthOptions {
  /** The identity provider's issuer URL (`http://127.0.0.1:3001`). */
  issuer: string;
  /** The MCP server's URL, its resource identifier: `http://127.0.0.1:3000/mcp`. */
  resource: string;
  /** Leeway for expiry checks in seconds (default 5). */
  clockTolerance?: number;
}

/** What {@link mcpAuth} declares. */
export interface McpAuth {
  /** The protected resource: its metadata is served by `d.docs(app, { resourceMetadata })`. */
  readonly resource: ProtectedResource;
  /** The guard's inputs: the verified token, as `token`. */
  readonly inputs: { readonly token: Dependency<McpToken> };
  /** The guard's options: `mcp:read` on `/mcp` (POST, GET, DELETE); the tool scope check on POST. */
  readonly options: GuardOptions;
  /** The document's title and description. */
  readonly docs: AppOptions;
}

/** The scopes the `tools/call` messages of a request need beyond {@link BASE_SCOPE}. */
export function toolScopesOf(messages: z.output<typeof Messages>): string[] {
  const needed = new Set<string>();
  for (const message of Array.isArray(messages) ? messages : [messages]) {
    if (message.method !== 'tools/call' || typeof message.params !== 'object' || message.params === null) continue;
    const name = (message.params as { name?: unknown }).name;
    // an unknown tool needs nothing more: the MCP server answers that it does not exist
    if (typeof name === 'string' && Object.hasOwn(TOOL_SCOPES, name)) for (const scope of TOOL_SCOPES[name]) needed.add(scope);
  }
  return [...needed];
}

/**
 * Declares the auth of `/mcp` for one issuer and one resource URL.
 *
 * @example
 * ```ts
 * const auth = mcpAuth({ issuer: 'http://127.0.0.1:3001', resource: 'http://127.0.0.1:3000/mcp' })
 * const d = createDepends(auth.docs)
 * app.use(express.json(), d.guard(auth.inputs, auth.options))
 * d.docs(app, { resourceMetadata: auth.resource })
 * ```
 */
export function mcpAuth(options: McpAuthOptions): McpAuth {
  const resource = protectedResource({ resource: options.resource, resourceName: 'Notes MCP server' });
  const token = jwtBearer({
    issuer: options.issuer,
    // the token a client asks for this server (RFC 8707 resource=) carries its URL as audience
    audience: options.resource,
    resource,
    profile: 'rfc9068',
    clockTolerance: options.clockTolerance,
    description: 'An access token of the identity provider for this MCP server (authorization code + PKCE, from a dynamically registered client).',
    onProviderError: (error) => console.warn(`identity provider unreachable: ${error instanceof Error ? error.message : String(error)}`),
  });
  /**
   * The tools called by a POST and the scopes they need: 403
   * insufficient_scope naming every scope the request needs (the guard's
   * and the tool's, so that a client asking for exactly these keeps
   * `mcp:read`) and the metadata, before the MCP server runs anything.
   */
  const toolScopes = depends(
    { token, messages: body(Messages, { description: 'A JSON-RPC message of the MCP protocol' }) },
    ({ token, messages }) => {
      const needed = toolScopesOf(messages);
      if (needed.length > 0) assertScopes([BASE_SCOPE, ...needed], token.scopes, { resourceMetadata: resource.metadataUrl });
    },
    { name: 'toolScopes' },
  );
  return {
    resource,
    inputs: { token },
    options: {
      scopes: [BASE_SCOPE],
      tags: ['mcp'],
      routes: {
        'POST /mcp': {
          summary: 'Send an MCP message (Streamable HTTP)',
          description: `Tools and the scopes they need: ${Object.entries(TOOL_SCOPES)
            .map(([tool, scopes]) => `${tool} (${[BASE_SCOPE, ...scopes].join(' ')})`)
            .join(', ')}.`,
          dependencies: [toolScopes],
        },
        'GET /mcp': { summary: 'Open the server-to-client stream (405: this server answers each POST instead)' },
        'DELETE /mcp': { summary: 'End an MCP session (405: this server keeps none)' },
      },
    },
    docs: {
      title: 'Notes MCP server',
      version: '1.0.0',
      description: `An MCP server (Streamable HTTP at /mcp) behind a depends guard. Scopes: ${Object.entries(MCP_SCOPES)
        .map(([scope, what]) => `${scope} (${what})`)
        .join(', ')}.`,
    },
  };
}

/**
 * The token as the MCP SDK's transports hand it to tools (`extra.authInfo`).
 *
 * @example
 * ```ts
 * transport.handleRequest(c.req.raw, { authInfo: authInfoOf(c.var.token, auth.resource), parsedBody })
 * ```
 */
export function authInfoOf(token: McpToken, resource: ProtectedResource): AuthInfo {
  return {
    token: token.token,
    clientId: token.claims.client_id,
    scopes: [...token.scopes],
    expiresAt: token.claims.exp,
    resource: new URL(resource.resource),
    extra: { sub: token.claims.sub },
  };
}
