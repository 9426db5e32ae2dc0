/**
 * Test helpers: a real provider and the API on each framework, on
 * 127.0.0.1, talked to over HTTP with undici; tokens from the provider's
 * token endpoint.
 */
import { request } from 'undici';
import type { Framework } from '../src/config.js';
import { SERVICE_CLIENT, startProvider, type ProviderOptions, type RunningProvider } from '../src/provider.js';
import { serverFor } from '../src/servers/index.js';
import type { RunningApi, StartOptions } from '../src/servers/listen.js';
import { freePort } from '../../../tests/support/ports.js';

export { FRAMEWORKS } from '../src/config.js';

/** Test-only clients of the provider (the example itself has `reports-service` and `swagger-ui`). */
export const TEST_CLIENTS = {
  /** Both scopes, for POST /reports. */
  writer: { id: 'reports-writer', secret: 'reports-writer-secret' },
  /** Tokens that live three seconds. */
  expiring: { id: 'expiring-service', secret: 'expiring-service-secret' },
  /** Tokens for another API (audience `api://other-api`). */
  other: { id: 'other-service', secret: 'other-service-secret' },
} as const;

export { freePort };

/** Starts the provider with the test clients, for an API at `apiUrl`. */
export function startTestProvider(apiUrl: string, options: Partial<ProviderOptions> = {}): Promise<RunningProvider> {
  const service = (id: string, secret: string, scope: string) => ({
    client_id: id,
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope,
  });
  return startProvider({
    port: 0,
    apiUrl,
    tokenTTL: { [TEST_CLIENTS.expiring.id]: 3 },
    ...options,
    extraResources: { 'api://other-api': 'other:read', ...options.extraResources },
    extraClients: [
      service(TEST_CLIENTS.writer.id, TEST_CLIENTS.writer.secret, 'reports:read reports:write'),
      service(TEST_CLIENTS.expiring.id, TEST_CLIENTS.expiring.secret, 'reports:read'),
      service(TEST_CLIENTS.other.id, TEST_CLIENTS.other.secret, 'other:read'),
      ...(options.extraClients ?? []),
    ],
  });
}

/** Starts the API on a framework, trusting `issuer`. */
export async function startApi(framework: Framework, options: StartOptions): Promise<RunningApi> {
  return (await serverFor(framework))(options);
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

/**
 * A client-credentials access token from the provider (default: the
 * example's `reports-service` with `reports:read`).
 */
export async function clientToken(
  issuer: string,
  client: { id: string; secret: string } = SERVICE_CLIENT,
  params: Record<string, string> = { scope: 'reports:read' },
): Promise<string> {
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

/** The decoded header of a JWT. */
export function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** `Bearer error="invalid_token", error_description="…"`. */
export const refused = (description: string): string => `Bearer error="invalid_token", error_description="${description}"`;
