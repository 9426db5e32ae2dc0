/**
 * Starting and stopping a Node HTTP server the same way for the three
 * frameworks.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DependsApp } from '@depends/core';
import type { TodoApi } from '../api.js';
import type { TodoStore } from '../db.js';

/** A running example server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The declared API (tests override its dependencies through the adapter's app). */
  readonly api: TodoApi;
  /** The adapter's app (route table, OpenAPI document, overrides for tests). */
  readonly app: DependsApp;
  /** The JWT key in use (tests sign expired tokens with it). */
  readonly jwtSecret: string;
  /** Stops accepting connections, ends open ones, and closes the database. */
  close(): Promise<void>;
}

/**
 * Listens on `host:port` and resolves once the server accepts connections.
 *
 * @example
 * ```ts
 * const running = await listen(createServer(app), { port: 0, host: '127.0.0.1', api, app: d.app, store, jwtSecret })
 * console.log(running.url)
 * await running.close()
 * ```
 */
export async function listen(
  server: Server,
  options: { port: number; host: string; api: TodoApi; app: DependsApp; store: TodoStore; jwtSecret: string },
): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    api: options.api,
    app: options.app,
    jwtSecret: options.jwtSecret,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          options.store.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      })),
  };
}
