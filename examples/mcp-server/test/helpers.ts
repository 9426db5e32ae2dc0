/**
 * Test helpers: the identity provider of `examples/oidc-api` and the MCP
 * server on each framework, on 127.0.0.1, talked to over HTTP with undici.
 */
import { request } from 'undici';
import { startProvider, type ProviderOptions, type RunningProvider } from 'oidc-api/provider';
import { FRAMEWORKS, type Framework } from '../src/config.js';
import { serverFor } from '../src/servers/index.js';
import type { RunningMcp } from '../src/servers/listen.js';
import { MCP_SCOPES } from '../src/tools.js';
import { freePort } from '../../../tests/support/ports.js';

/**
 * The frameworks to test: those `DEPENDS_ADAPTERS` names (comma-separated,
 * as for the adapter suite; names of other adapters are ignored), or both.
 */
export const ADAPTERS: readonly Framework[] = (() => {
  const names = process.env.DEPENDS_ADAPTERS;
  if (!names) return FRAMEWORKS;
  const wanted = names.split(',').map((n) => n.trim());
  return FRAMEWORKS.filter((f) => wanted.includes(f));
})();

/** Test-only clients of the provider (client credentials, for the HTTP tests). */
export const TEST_CLIENTS = {
  /** `mcp:read` for the MCP server. */
  reader: { id: 'mcp-reader', secret: 'mcp-reader-secret' },
  /** `mcp:read` and `mcp:write`. */
  writer: { id: 'mcp-writer', secret: 'mcp-writer-secret' },
  /** Tokens for another API (audience `api://other-api`). */
  other: { id: 'other-service', secret: 'other-service-secret' },
} as const;

export { freePort };

/** The provider and the MCP server of one test. */
export interface Running {
  readonly idp: RunningProvider;
  readonly mcp: RunningMcp;
  close(): Promise<void>;
}

/** Starts the provider (registration open, the MCP server as a resource, the test clients) and the MCP server on a framework. */
export async function startBoth(framework: Framework, options: Partial<ProviderOptions> = {}): Promise<Running> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = (id: string, secret: string, scope: string) => ({
    client_id: id,
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope,
  });
  const idp = await startProvider({
    port: 0,
    apiUrl: baseUrl,
    registration: true,
    ...options,
    extraResources: { [`${baseUrl}/mcp`]: Object.keys(MCP_SCOPES).join(' '), 'api://other-api': 'other:read', ...options.extraResources },
    extraClients: [
      service(TEST_CLIENTS.reader.id, TEST_CLIENTS.reader.secret, 'mcp:read'),
      service(TEST_CLIENTS.writer.id, TEST_CLIENTS.writer.secret, 'mcp:read mcp:write'),
      service(TEST_CLIENTS.other.id, TEST_CLIENTS.other.secret, 'other:read'),
      ...(options.extraClients ?? []),
    ],
  });
  try {
    const mcp = await (await serverFor(framework))({ issuer: idp.issuer, port });
    return { idp, mcp, close: async () => void (await Promise.all([mcp.close(), idp.close()])) };
  } catch (error) {
    await idp.close();
    throw error;
  }
}

/** An answer, read whole. */
export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/** Sends a request (JSON body when `json` is given). */
export async function call(url: string, init: { method?: string; bearer?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await request(url, { method: (init.method ?? 'GET') as 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** A JSON-RPC request to /mcp, with the headers Streamable HTTP asks for. */
export function rpc(mcpUrl: string, bearer: string | undefined, message: Record<string, unknown>): Promise<Res> {
  return call(mcpUrl, {
    method: 'POST',
    ...(bearer !== undefined ? { bearer } : {}),
    json: { jsonrpc: '2.0', ...message },
    headers: { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' },
  });
}

/** A client-credentials access token from the provider, for `resource` (RFC 8707) when given. */
export async function clientToken(issuer: string, client: { id: string; secret: string }, params: Record<string, string>): Promise<string> {
  const res = await request(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...params }).toString(),
  });
  const body = (await res.body.json()) as { access_token?: string };
  if (res.statusCode !== 200 || !body.access_token) throw new Error(`token endpoint answered ${res.statusCode}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** The decoded payload of a JWT (no verification: for assertions only). */
export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
