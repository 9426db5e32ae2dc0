/**
 * Requests sent as raw bytes over a socket: one for tests of request targets
 * no HTTP client would send as written (absolute form, fragments, dot
 * segments, `*`), giving the status the server answers, 0 when it closed
 * without answering; and an upload that keeps sending while the server
 * answers, giving the answer as the client read it (no client library to
 * hide a connection reset).
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

/** What {@link rawUpload} sends: a chunked body, one chunk after another, each written once the previous one has left. */
export interface RawUpload {
  readonly method?: string;
  readonly target: string;
  /** Extra header lines (`Name: value`). */
  readonly headers?: readonly string[];
  /** Bytes of body to send in all (`Infinity`: until the server closes). */
  readonly total: number;
  /** Bytes per chunk (default 16 KiB). */
  readonly chunk?: number;
  /** Milliseconds between chunks (default none: the next one as soon as the last has left). */
  readonly interval?: number;
}

/** What came back from a {@link rawUpload}: the answer as read, and how the connection ended. */
export interface RawUploadResult {
  /** The status of the answer, 0 when none was read. */
  readonly status: number;
  /** Whether the whole answer was read: the head, and a body as long as its `Content-Length` (or up to its last chunk). */
  readonly complete: boolean;
  /** The answer's head, lower-case names (the last line of a name). */
  readonly headers: Readonly<Record<string, string>>;
  /** The answer's body (decoded from chunks). */
  readonly body: string;
  /** Bytes of body written to the socket before it closed. */
  readonly sent: number;
  /** The socket error that ended the connection (`ECONNRESET`, `EPIPE`), if any. */
  readonly error?: string;
}

/**
 * Uploads a chunked body of `total` bytes to the server at `port`, the way
 * a client that does not wait for the answer sends: the next chunk is
 * written as soon as the previous one has been handed to the kernel (or
 * `interval` ms later), so data is still arriving when the server answers,
 * until everything is sent or the connection fails; the server's half-close
 * does not stop it. Whatever arrives meanwhile is kept. One chunk buffer is
 * reused, so the client holds nothing of what it sends. Resolves once the
 * connection has closed, with the answer as read.
 */
export function rawUpload(port: number, upload: RawUpload): Promise<RawUploadResult> {
  const size = upload.chunk ?? 16 * 1024;
  const head = [`${upload.method ?? 'POST'} ${upload.target} HTTP/1.1`, 'Host: x', 'Transfer-Encoding: chunked', ...(upload.headers ?? [])];
  const chunk = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 'a'), Buffer.from('\r\n')]);
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const received: Buffer[] = [];
    let sent = 0;
    let error: string | undefined;
    let over = false;
    const next = (): void => {
      if (over || socket.destroyed || !socket.writable) return;
      if (sent >= upload.total) return void socket.end('0\r\n\r\n');
      sent += size;
      socket.write(chunk, (e) => (e ? undefined : upload.interval ? setTimeout(next, upload.interval) : setImmediate(next)));
    };
    socket.on('data', (data: Buffer) => received.push(data));
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => {
      over = true;
      resolve({ ...parseAnswer(Buffer.concat(received)), sent, error });
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`, () => next());
  });
}

/** The first HTTP/1.1 answer in `bytes`: status, head, body, and whether all of it is there. */
function parseAnswer(bytes: Buffer): Pick<RawUploadResult, 'status' | 'complete' | 'headers' | 'body'> {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), complete: false, headers: {}, body: '' };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
  let rest = bytes.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const eol = rest.indexOf('\r\n');
      if (eol === -1) return { status, complete: false, headers, body: Buffer.concat(parts).toString() };
      const length = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
      if (length === 0) return { status, complete: true, headers, body: Buffer.concat(parts).toString() };
      if (rest.length < eol + 2 + length) return { status, complete: false, headers, body: Buffer.concat(parts).toString() };
      parts.push(rest.subarray(eol + 2, eol + 2 + length));
      rest = rest.subarray(eol + 4 + length);
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  return { status, complete: rest.length >= length, headers, body: rest.subarray(0, length).toString() };
}
