/**
 * What an MCP client application keeps for the SDK's OAuth support: an
 * `OAuthClientProvider` in memory (registration, tokens, PKCE verifier),
 * and the loopback page the browser comes back to with the code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

/** The SDK client's storage, in memory, recording what it was asked to do. */
export class MemoryOAuthClient implements OAuthClientProvider {
  /** Every authorization URL the SDK sent the user to. */
  readonly authorizations: URL[] = [];
  #client: OAuthClientInformationMixed | undefined;
  #tokens: OAuthTokens | undefined;
  #verifier: string | undefined;

  constructor(readonly redirectUrl: string) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'depends MCP test client',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.#client;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.#client = info;
  }

  tokens(): OAuthTokens | undefined {
    return this.#tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.#tokens = tokens;
  }

  redirectToAuthorization(url: URL): void {
    this.authorizations.push(url);
  }

  saveCodeVerifier(verifier: string): void {
    this.#verifier = verifier;
  }

  codeVerifier(): string {
    if (this.#verifier === undefined) throw new Error('no code verifier saved');
    return this.#verifier;
  }
}

/** The client's loopback redirect page: `GET /callback?code=…` hands the code to whoever waits for it. */
export interface Callback {
  readonly url: string;
  /** The code of the next redirect (an `error=` redirect rejects). */
  next(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the redirect page on 127.0.0.1 (any port).
 *
 * @example
 * ```ts
 * const callback = await startCallback()
 * const code = await callback.next() // once the browser comes back
 * ```
 */
export async function startCallback(): Promise<Callback> {
  let waiting: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('code');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>Signed in</title><p>Signed in: you can close this window.</p>');
    const waiter = waiting;
    waiting = undefined;
    if (code !== null) waiter?.resolve(code);
    else waiter?.reject(new Error(`authorization failed: ${url.searchParams.get('error')} ${url.searchParams.get('error_description') ?? ''}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    next: () => new Promise<string>((resolve, reject) => (waiting = { resolve, reject })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
