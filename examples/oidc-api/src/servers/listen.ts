/**
 * Starting and stopping the API's Node HTTP server the same way on the
 * three frameworks, and the docs settings they share.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DependsApp } from '@depends/core';
import type { DocsOptions } from '@depends/core/adapter';
import type { ReportsApi } from '../api.js';
import { API_SCOPES, DOCS_CLIENT_ID } from '../provider.js';

/** Options of a server's `start()`. */
export interface StartOptions {
  /** The provider's issuer URL. */
  issuer: string;
  /** Port (default 3000; 0 for any). */
  port?: number;
  host?: string;
  /** Leeway for expiry checks in seconds (default 5). */
  clockTolerance?: number;
  /** Least time between two key fetches for unknown key ids, in ms (default 30 000). */
  cooldownDuration?: number;
  /** The API's own URL as a protected resource (RFC 9728): its metadata served, its tokens accepted (see `ReportsApiOptions.resource`). */
  resource?: string;
  /** More providers whose tokens are accepted besides `issuer`'s, each its own scheme in the document (see `ReportsApiOptions.moreIssuers`). */
  moreIssuers?: readonly string[];
}

/** A running API. */
export interface RunningApi {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The adapter's app (route table, document, overrides). */
  readonly app: DependsApp;
  close(): Promise<void>;
}

/** The docs page: Swagger UI's Authorize signs in at the provider as the public `swagger-ui` client, with PKCE. */
export const DOCS: DocsOptions = {
  openapiPath: '/openapi.json',
  docsPath: '/docs',
  title: 'Reports API',
  initOAuth: { clientId: DOCS_CLIENT_ID, usePkceWithAuthorizationCodeGrant: true, scopes: ['openid', ...Object.keys(API_SCOPES)] },
};

/**
 * Listens on `host:port` and resolves once connections are accepted.
 *
 * @example
 * ```ts
 * const api = await listen(createServer(app), d.app, 0, '127.0.0.1')
 * ```
 */
export async function listen(server: Server, app: DependsApp, port: number, host: string): Promise<RunningApi> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${(server.address() as AddressInfo).port}`,
    app,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/**
 * The docs settings of an API: {@link DOCS}, and the protected resource
 * metadata (`/.well-known/oauth-protected-resource`) when it is one.
 *
 * @example
 * ```ts
 * d.docs(app, docsOf(reportsApi({ issuer, resource: 'http://127.0.0.1:3000' })))
 * ```
 */
export function docsOf(api: ReportsApi): DocsOptions {
  return api.resource === undefined ? DOCS : { ...DOCS, resourceMetadata: api.resource };
}
