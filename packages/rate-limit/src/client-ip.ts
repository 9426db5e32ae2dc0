/**
 * The client's IP address as the framework sees it, for keying limits.
 */
import { depends, requestView, type Dependency } from '@depends/core';

type Maybe = { [key: string]: unknown } | undefined;

const asObject = (v: unknown): Maybe => (typeof v === 'object' && v !== null ? (v as Maybe) : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const remote = (socketOwner: unknown): string | undefined => asString(asObject(asObject(socketOwner)?.socket)?.remoteAddress);

/** Bun's server, Hono's `c.env` there (`fetch: app.fetch`): `requestIP(request)` gives the peer of the connection. */
function bunPeer(env: Maybe, request: unknown): string | undefined {
  const requestIP = env?.requestIP;
  if (typeof requestIP !== 'function' || !(request instanceof Request)) return undefined;
  try {
    return asString(asObject((requestIP as (r: Request) => unknown).call(env, request))?.address);
  } catch {
    return undefined;
  }
}

/** Deno's serve handler info, Hono's `c.env` there (`Deno.serve(app.fetch)`): `remoteAddr.hostname` of a TCP connection. */
const denoPeer = (env: Maybe): string | undefined => asString(asObject(env?.remoteAddr)?.hostname);

/**
 * The client address behind a framework request object: the framework's
 * own `ip` first (Express `req.ip`, Koa `ctx.ip`, Fastify `request.ip`,
 * which follow each framework's trust-proxy setting), else the socket's
 * peer address (Hono on `@hono/node-server`, plain Node), or the peer the
 * runtime gives Hono (Bun's `server.requestIP()`, Deno's `remoteAddr`,
 * with the server or handler info passed on as Hono's `env`). Never a
 * header: on Workers, where the runtime tells no address, `undefined`.
 *
 * @example
 * ```ts
 * ipOf(req) // '127.0.0.1'
 * ```
 */
export function ipOf(native: unknown): string | undefined {
  const n = asObject(native);
  if (!n) return undefined;
  return (
    asString(n.ip) ??
    remote(n) ??
    remote(n.req) ?? // Koa ctx.req
    remote(n.raw) ?? // Fastify request.raw
    remote(asObject(n.env)?.incoming) ?? // Hono c.env.incoming (node-server)
    bunPeer(asObject(n.env), asObject(n.req)?.raw) ?? // Hono on Bun
    denoPeer(asObject(n.env)) // Hono on Deno
  );
}

/**
 * A dependency giving the client's IP address (see {@link ipOf});
 * `undefined` where the runtime does not tell it (a limit keyed by it then
 * does not apply). Behind a proxy, configure the framework's trust-proxy
 * setting so that `req.ip` is the client's, not the proxy's.
 *
 * @example
 * ```ts
 * const perIp = rateLimit({ name: 'api', points: 100, duration: 60, key: clientIp })
 * ```
 */
export const clientIp: Dependency<string | undefined> = depends({ request: requestView }, ({ request }) => ipOf(request.native), { name: 'clientIp' });
