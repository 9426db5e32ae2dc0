/**
 * A small issuer for the unit tests: a real HTTP server on 127.0.0.1 serving
 * an OpenID Connect discovery document and a JWKS, with keys made by jose,
 * that signs tokens, rotates keys and can be taken down: answering errors,
 * closing connections, or not listening at all (connections refused on its
 * port) until {@link TestIssuer.listen}. (The provider-backed tests in
 * examples/oidc-api run against a real OpenID Provider.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

interface Key {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export interface TestIssuer {
  readonly issuer: string;
  readonly discoveryUrl: string;
  readonly jwksUri: string;
  /** Requests served, by path. */
  readonly hits: Record<string, number>;
  /** `up`, `error` (500 answers) or `refuse` (connections closed at once). */
  mode: 'up' | 'error' | 'refuse';
  /** Opaque tokens the introspection endpoint knows, with their response (`active` added). */
  readonly opaque: Map<string, Record<string, unknown>>;
  /** Signs a token with the current key (or `key`); `iss`, `aud`, `iat`, `exp` filled in unless given. */
  sign(claims?: JWTPayload, options?: { key?: Key; header?: Record<string, unknown>; expiresIn?: number }): Promise<string>;
  /** A new current key, published beside the old ones (`keep: false`: replacing them). */
  rotate(options?: { keep?: boolean }): Promise<Key>;
  /** A key the issuer never publishes. */
  foreignKey(): Promise<Key>;
  current(): Key;
  /** Starts listening again on the same port (after {@link TestIssuer.close}, or when started `down`); resolves once connections are accepted. */
  listen(): Promise<void>;
  /** Stops listening and closes every connection: connections to its port are refused from then on. */
  close(): Promise<void>;
}

/** Options of {@link startIssuer}. */
export interface IssuerOptions {
  /** Start with nothing listening on the issuer's port (connections refused) until `listen()`. */
  down?: boolean;
}

let counter = 0;
async function makeKey(alg = 'RS256'): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `key-${++counter}`;
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export const AUDIENCE = 'api://tests';

export async function startIssuer(options: IssuerOptions = {}): Promise<TestIssuer> {
  let keys: Key[] = [await makeKey()];
  const hits: Record<string, number> = {};
  const opaque = new Map<string, Record<string, unknown>>();
  let origin = '';
  const state = { mode: 'up' as TestIssuer['mode'] };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    if (state.mode === 'refuse') return void req.socket.destroy();
    if (state.mode === 'error') return void res.writeHead(500).end('down');
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/.well-known/openid-configuration') return json({ issuer: origin, jwks_uri: `${origin}/jwks`, introspection_endpoint: `${origin}/introspect` });
    if (path === '/introspect' && req.method === 'POST') {
      if (req.headers.authorization !== `Basic ${Buffer.from('api:api-secret').toString('base64')}`) return void res.writeHead(401).end();
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const token = new URLSearchParams(body).get('token') ?? '';
        const known = opaque.get(token);
        json(known ? { active: true, ...known } : { active: false });
      });
      return;
    }
    if (path === '/jwks') return json({ keys: keys.map((k) => k.jwk) });
    res.writeHead(404).end();
  });
  const listenOn = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listenOn(0);
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // down: the port is known (and was free a moment ago), but nothing listens on it
  if (options.down) await close();
  return {
    issuer: origin,
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    jwksUri: `${origin}/jwks`,
    hits,
    opaque,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    current: () => keys[keys.length - 1],
    async sign(claims = {}, options = {}) {
      const key = options.key ?? keys[keys.length - 1];
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: origin, aud: AUDIENCE, iat: now, exp: now + (options.expiresIn ?? 300), ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt', ...options.header })
        .sign(key.privateKey);
    },
    async rotate({ keep = true } = {}) {
      const key = await makeKey();
      keys = keep ? [...keys, key] : [key];
      return key;
    },
    foreignKey: () => makeKey(),
    listen: () => (server.listening ? Promise.resolve() : listenOn(port)),
    close,
  };
}
