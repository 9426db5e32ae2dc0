/**
 * A core app served over real TLS on 127.0.0.1 for the unit tests: Node's
 * `https` (or `http2.createSecureServer`, or plain `http` for the
 * proxy-header cases) asking the client for a certificate, each request
 * answered by the app's own test client with the Node request as `native`
 * (so the scheme reads the TLS socket as an adapter's request gives it).
 */
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import type { DependsApp } from '@depends/core';
import type { TestCertificates } from './certificates.js';

/** A listening server. */
export interface Served {
  /** `https://127.0.0.1:<port>` (or `http://` for `plain`). */
  readonly url: string;
  close(): Promise<void>;
}

type NodeRequest = IncomingMessage | Http2ServerRequest;

async function answer(app: DependsApp, req: NodeRequest, res: ServerResponse | Http2ServerResponse): Promise<void> {
  const headers: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (!req.rawHeaders[i].startsWith(':')) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  const result = await app.request({ method: req.method, url: req.url, headers, native: req });
  res.statusCode = result.status;
  const grouped = new Map<string, string[]>();
  for (const [name, value] of result.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0] : values);
  res.end(typeof result.body === 'string' ? result.body : '');
}

/**
 * Serves `app` on 127.0.0.1: `https` (default) or `http2` with the test
 * server certificate and `requestCert: true` (`rejectUnauthorized: false`:
 * self-signed client certificates are let through, the token binding is
 * the check), or `plain` http.
 *
 * @example
 * ```ts
 * const served = await serveApp(app, certs, 'https')
 * await request(`${served.url}/pay`, { dispatcher: clientOf(certs, certs.alice) })
 * ```
 */
export async function serveApp(app: DependsApp, certs: TestCertificates, kind: 'https' | 'http2' | 'plain' = 'https'): Promise<Served> {
  const handler = (req: NodeRequest, res: ServerResponse | Http2ServerResponse) => void answer(app, req, res);
  const tls = { key: certs.server.key, cert: certs.server.cert, ca: certs.ca, requestCert: true, rejectUnauthorized: false };
  const server: Server =
    kind === 'https' ? createHttps(tls, handler) : kind === 'http2' ? createSecureServer({ ...tls, allowHTTP1: false }, handler) : createHttp(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sockets = new Set<import('node:net').Socket>();
  server.on(kind === 'plain' ? 'connection' : 'secureConnection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    url: `${kind === 'plain' ? 'http' : 'https'}://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
