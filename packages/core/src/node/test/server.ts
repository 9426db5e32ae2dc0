/**
 * A real Node server for the `node/` tests: listens on 127.0.0.1, answers
 * with the given listener, and a client that reports the raw header lines.
 */
import { createServer, request, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  readonly status: number;
  /** The header lines as received: `[name, value, name, value, …]`. */
  readonly rawHeaders: string[];
  readonly body: string;
}

export interface TestServer {
  readonly port: number;
  /** Sends a request (`body` written as is, in one chunk) and reads the whole reply. */
  send(options: { method?: string; path?: string; headers?: Record<string, string | string[]>; body?: string }): Promise<Reply>;
  close(): Promise<void>;
}

export async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server: Server = createServer(listener as RequestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    send: ({ method = 'GET', path = '/', headers = {}, body }) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The header lines of a reply under one name (lower-case), in order. */
export function linesOf(reply: Reply, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < reply.rawHeaders.length; i += 2) if (reply.rawHeaders[i].toLowerCase() === name) out.push(reply.rawHeaders[i + 1]);
  return out;
}
