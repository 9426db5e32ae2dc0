/**
 * The MCP server's Node HTTP server, the same on both frameworks: it
 * listens first (so that a test can ask for any port) and then serves the
 * app built for its URL — the resource identifier contains the port.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DependsApp } from '@depends/core';

/** Options of a server's `start()`. */
export interface StartOptions {
  /** The identity provider's issuer URL. */
  issuer: string;
  /** Port (default 3000; 0 for any). */
  port?: number;
  /** Leeway for expiry checks in seconds (default 5). */
  clockTolerance?: number;
  /** Browser origins allowed to call `/mcp` besides the server's own (any other `Origin` is answered 403: DNS rebinding). */
  allowedOrigins?: readonly string[];
}

/** A running MCP server. */
export interface RunningMcp {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The MCP endpoint, also the resource identifier: `http://127.0.0.1:3000/mcp`. */
  readonly mcpUrl: string;
  /** Where the protected resource metadata is served. */
  readonly metadataUrl: string;
  /** The adapter's app (route table, document, overrides). */
  readonly app: DependsApp;
  close(): Promise<void>;
}

/** What a framework builds once the URL is known. */
export interface Built {
  readonly listener: RequestListener;
  readonly app: DependsApp;
  readonly metadataUrl: string;
}

/**
 * Listens on 127.0.0.1:`port`, then serves what `build` makes for the
 * server's URL.
 *
 * @example
 * ```ts
 * const mcp = await listen(3000, (url) => buildExpress({ issuer, url }))
 * ```
 */
export async function listen(port: number, build: (url: string) => Built | Promise<Built>): Promise<RunningMcp> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  let built: Built;
  try {
    built = await build(url);
  } catch (error) {
    await close();
    throw error;
  }
  server.on('request', built.listener);
  return { url, mcpUrl: `${url}/mcp`, metadataUrl: built.metadataUrl, app: built.app, close };
}
