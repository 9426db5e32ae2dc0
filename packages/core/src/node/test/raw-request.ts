/**
 * One request sent as raw bytes over a socket, for tests of request targets
 * no HTTP client would send as written (absolute form, fragments, dot
 * segments, `*`): the status the server answers, 0 when it closed without
 * answering.
 */
import { connect } from 'node:net';

/** What to send: the request line's method and target, and extra header lines (`Name: value`). */
export interface RawRequest {
  readonly method?: string;
  readonly target: string;
  readonly headers?: readonly string[];
}

/** Sends `request` to the server at `url` (or port) with `Connection: close` and resolves with the status of its answer. */
export function rawStatus(url: string | number, request: RawRequest): Promise<number> {
  const port = typeof url === 'number' ? url : Number(new URL(url).port);
  const lines = [`${request.method ?? 'GET'} ${request.target} HTTP/1.1`, 'Host: x', 'Connection: close', 'Content-Length: 0', ...(request.headers ?? [])];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const status = () => Number(/^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'))?.[1] ?? 0);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // a server that answers then resets the connection still gave its answer
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve(status()) : reject(e)));
    socket.on('close', () => resolve(status()));
    socket.end(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
