/**
 * The TLS connection behind a framework's request object: its peer
 * certificate and the immediate peer's address, on every adapter (Express
 * `req`, Koa `ctx`, Fastify's reply, Hono's `c` on `@hono/node-server`),
 * over Node's `https` and `http2.createSecureServer` alike.
 */

/** What is read of a connection's socket (a `tls.TLSSocket`, or the socket proxy of an HTTP/2 request). */
interface PeerSocket {
  readonly remoteAddress?: string;
  getPeerX509Certificate?(): { readonly raw: Uint8Array } | undefined;
}

type Loose = { readonly [key: string]: unknown } | undefined;

const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : undefined);

/**
 * The socket of the connection a request arrived on, from the framework's
 * request object (`view.native`): Hono's `c.env.incoming`, Fastify's
 * `reply.request.raw` or `request.raw`, Koa's `ctx.req`, Express's (or
 * Node's) `req`. `undefined` where there is none (a request made in a test
 * with no connection, a runtime other than Node).
 *
 * @example
 * ```ts
 * socketOf(view.native)?.remoteAddress // '127.0.0.1'
 * ```
 */
export function socketOf(native: unknown): PeerSocket | undefined {
  const n = asObject(native);
  if (n === undefined) return undefined;
  const owners = [asObject(asObject(n.env)?.incoming), asObject(asObject(n.request)?.raw), asObject(n.raw), asObject(n.req), n];
  for (const owner of owners) {
    const socket = asObject(owner?.socket);
    if (socket !== undefined) return socket as PeerSocket;
  }
  return undefined;
}

/**
 * The DER bytes of the certificate the client presented on the TLS
 * connection (the server asked for one with `requestCert: true`), or
 * `undefined`: none presented, or not a TLS connection. Whether it chains
 * to a trusted CA is the server's `rejectUnauthorized` choice; binding a
 * token to it is what proves the client holds its key (RFC 8705 §3).
 *
 * @example
 * ```ts
 * const der = peerCertificate(socketOf(view.native))
 * ```
 */
export function peerCertificate(socket: PeerSocket | undefined): Uint8Array | undefined {
  if (typeof socket?.getPeerX509Certificate !== 'function') return undefined;
  const certificate = socket.getPeerX509Certificate();
  return certificate?.raw;
}
