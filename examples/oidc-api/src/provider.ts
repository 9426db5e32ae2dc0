/**
 * The example's identity provider: a real, certified OpenID Provider
 * (`oidc-provider`) on 127.0.0.1 with the two clients of the example, the
 * demo user alice, JWT access tokens for the API's audience (resource
 * indicators), and a small login and consent page of its own. It can
 * rotate its signing key while it runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, interactionPolicy, type ClientMetadata, type Configuration } from 'oidc-provider';

/** The API's audience: the resource indicator its tokens are issued for. */
export const AUDIENCE = 'api://oidc-api';

/** The scopes of the API, with their descriptions. */
export const API_SCOPES = { 'reports:read': 'Read reports', 'reports:write': 'Write reports' } as const;

/** The demo user of the login page. */
export const DEMO_USER = { username: 'alice', password: 'wonderland' } as const;

/**
 * The authentication levels the provider signs users in at (the `acr` of
 * their tokens): a password alone, or a password and a one-time code.
 */
export const ACR = { password: 'urn:depends:pwd', mfa: 'urn:depends:mfa' } as const;

/** The demo user's one-time code (a real provider checks a TOTP or a WebAuthn assertion instead). */
export const DEMO_OTP = '246810';

/** The machine client (client credentials). */
export const SERVICE_CLIENT = { id: 'reports-service', secret: 'reports-service-secret' } as const;

/** The docs page's public client (authorization code + PKCE). */
export const DOCS_CLIENT_ID = 'swagger-ui';

/** Options of {@link startProvider}. */
export interface ProviderOptions {
  /** Port (default 3001; 0 for any). */
  port?: number;
  host?: string;
  /** The API's base URL: the docs client comes back to `<apiUrl>/docs/oauth2-redirect.html`. */
  apiUrl: string;
  /** More clients (tests add some); the example has the two above. */
  extraClients?: ClientMetadata[];
  /** More resource servers by indicator, with their scopes (tests add one). */
  extraResources?: Readonly<Record<string, string>>;
  /** Resource indicators whose access tokens are opaque (checked by introspection) instead of JWTs. */
  opaqueResources?: readonly string[];
  /** Access token lifetime per client id, in seconds (default one hour; tests shorten one). */
  tokenTTL?: Readonly<Record<string, number>>;
  /**
   * Open dynamic client registration (RFC 7591) at `/reg`, for clients that
   * know nothing but a resource's URL (MCP clients); off by default.
   */
  registration?: boolean;
}

/** A running provider. */
export interface RunningProvider {
  /** The issuer, e.g. `http://127.0.0.1:3001`. */
  readonly issuer: string;
  /** Its discovery document URL. */
  readonly discoveryUrl: string;
  /** The key id tokens are signed with now. */
  currentKid(): string;
  /** A new signing key; the previous ones stay published so that tokens already issued keep verifying. */
  rotateKeys(): Promise<string>;
  close(): Promise<void>;
}

interface SigningKey {
  readonly jwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { jwk: { ...jwk, kid: `key-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, alg: 'RS256', use: 'sig' } };
}

const html = (title: string, body: string): string => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.5rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The standard interaction policy, with one more reason to sign in again:
 * an authorization request whose `acr_values` the session's sign-in does
 * not satisfy (a client stepping up after an RFC 9470 challenge), so the
 * login page asks for the second factor instead of reusing the session.
 */
function stepUpPolicy(): ReturnType<typeof interactionPolicy.base> {
  const policy = interactionPolicy.base();
  const { Check } = interactionPolicy;
  policy.get('login')!.checks.add(
    new Check('acr_values', 'none of the requested acr_values was obtained', (ctx) => {
      const asked = ctx.oidc.params?.acr_values;
      if (typeof asked !== 'string' || asked === '') return Check.NO_NEED_TO_PROMPT;
      return asked.split(' ').includes(String(ctx.oidc.acr)) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

function configuration(options: ProviderOptions, keys: readonly SigningKey[], cookieKeys: string[]): Configuration {
  const resources: Record<string, string> = { [AUDIENCE]: Object.keys(API_SCOPES).join(' '), ...options.extraResources };
  const apiOrigin = new URL(options.apiUrl).origin;
  const ttl = options.tokenTTL ?? {};
  const tokenTTL = (_ctx: unknown, token: { clientId?: string; resourceServer?: { accessTokenTTL?: number } }) =>
    (token.clientId !== undefined ? ttl[token.clientId] : undefined) ?? token.resourceServer?.accessTokenTTL ?? 3600;
  return {
    clients: [
      {
        client_id: SERVICE_CLIENT.id,
        client_secret: SERVICE_CLIENT.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: 'reports:read',
      },
      {
        client_id: DOCS_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${options.apiUrl}/docs/oauth2-redirect.html`],
        scope: `openid ${Object.keys(API_SCOPES).join(' ')}`,
      },
      ...(options.extraClients ?? []),
    ],
    jwks: { keys: keys.map((k) => k.jwk) } as Configuration['jwks'],
    cookies: { keys: cookieKeys },
    scopes: [...new Set(['openid', ...Object.values(resources).flatMap((scope) => scope.split(' '))])],
    claims: { openid: ['sub'] },
    // how the user signed in: the login page's two levels (acr_values in an authorization request are honoured there)
    acrValues: [ACR.password, ACR.mfa],
    // RFC 9068 §2.2.1: a user's access token says when and how the user signed in (from the authorization code or refresh token it comes from)
    extraTokenClaims: (ctx) => {
      const from = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      if (from === undefined) return undefined;
      return {
        ...(from.authTime !== undefined ? { auth_time: from.authTime } : {}),
        ...(from.acr !== undefined ? { acr: from.acr } : {}),
        ...(from.amr !== undefined ? { amr: from.amr } : {}),
      };
    },
    pkce: { required: () => true },
    // RFC 7591 §3.2.1 lets the provider replace what a client registers: a registered client may ask for any scope, not only those
    // of its registration (an MCP client registers with the scope of its first request, then steps up to more)
    ...(options.registration === true
      ? {
          extraClientMetadata: {
            properties: ['software_id'],
            validator: (ctx, key, _value, metadata) => {
              if (key === 'software_id' && ctx?.oidc?.route === 'registration') delete metadata.scope;
            },
          },
        }
      : {}),
    clientBasedCORS: (_ctx, origin) => origin === apiOrigin,
    findAccount: (_ctx, id) => (id === DEMO_USER.username ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: stepUpPolicy() },
    ttl: {
      AccessToken: tokenTTL,
      ClientCredentials: tokenTTL,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      IdToken: 3600,
    } as Configuration['ttl'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // RFC 7662, for resource servers given opaque tokens
      introspection: { enabled: true },
      // RFC 7591, when asked for: anyone may register a client (an MCP client registers itself)
      registration: { enabled: options.registration === true },
      // RFC 9449: a token request with a DPoP proof gets a token bound to the client's key (cnf.jkt), for GET /reports/bound
      dPoP: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A request that names no resource gets a token for the API.
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          const scope = resources[indicator];
          if (scope === undefined) throw new errors.InvalidTarget();
          if (options.opaqueResources?.includes(indicator)) return { scope, audience: indicator, accessTokenFormat: 'opaque', accessTokenTTL: 3600 };
          return { scope, audience: indicator, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  };
}

/** The login and consent pages (`/interaction/:uid`). */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction session mismatch');
  const client = escape(String(details.params.client_id));
  // acr_values of the authorization request (RFC 9470 step-up): asking for the second factor only makes the code required
  const asked = typeof details.params.acr_values === 'string' ? details.params.acr_values.split(' ') : [];
  const codeRequired = asked.length > 0 && !asked.includes(ACR.password) && asked.includes(ACR.mfa);
  const loginPage = (note: string) =>
    html(
      'Sign in',
      `<p>to continue to <b>${client}</b></p>${note}<form method="post" action="/interaction/${uid}/login">
<label>Username<input name="username" autocomplete="username" autofocus></label>
<label>Password<input name="password" type="password" autocomplete="current-password"></label>
<label>One-time code${codeRequired ? '' : ' (optional: signs you in with two factors)'}<input name="otp" inputmode="numeric" autocomplete="one-time-code"${codeRequired ? ' required' : ''}></label>
<button type="submit">Sign in</button></form>`,
    );
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (details.prompt.name === 'login') {
      res.end(loginPage(codeRequired ? '<p id="step-up">This application asks for a second factor: enter your one-time code.</p>' : ''));
      return;
    }
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    const asked = [...new Set([...(missing.missingOIDCScope ?? []), ...Object.values(missing.missingResourceScopes ?? {}).flat()])];
    res.end(
      html(
        'Authorize',
        `<p><b>${client}</b> asks for: ${asked.map((s) => `<code>${escape(s)}</code>`).join(', ') || 'nothing new'}</p>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>`,
      ),
    );
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const ok = sameText(form.get('username') ?? '', DEMO_USER.username) && sameText(form.get('password') ?? '', DEMO_USER.password);
    const otp = form.get('otp') ?? '';
    if (!ok || (otp !== '' && !sameText(otp, DEMO_OTP))) {
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(html('Sign in', `<p>Wrong username, password or code.</p><p><a href="/interaction/${uid}">Try again</a></p>`));
      return;
    }
    if (otp === '' && codeRequired) {
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage('<p id="step-up">A one-time code is required to continue.</p>'));
      return;
    }
    // the level of this sign-in: the acr (and amr, RFC 8176) of the tokens issued from it
    const level = otp === '' ? { acr: ACR.password, amr: ['pwd'] } : { acr: ACR.mfa, amr: ['pwd', 'otp'] };
    await provider.interactionFinished(req, res, { login: { accountId: DEMO_USER.username, ...level } }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === 'POST' && action === 'confirm') {
    const { session, params, prompt } = details;
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(405).end();
}

/**
 * Starts the provider on `host:port` (its issuer is `http://host:port`).
 *
 * @example
 * ```ts
 * const idp = await startProvider({ port: 3001, apiUrl: 'http://127.0.0.1:3000' })
 * console.log(idp.discoveryUrl)
 * await idp.rotateKeys()
 * ```
 */
export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const host = options.host ?? '127.0.0.1';
  let keys: SigningKey[] = [await newKey()];
  const cookieKeys = [randomBytes(32).toString('base64url')];
  let provider: Provider | undefined;
  let callback: ReturnType<Provider['callback']> | undefined;
  const server: Server = createServer((req, res) => {
    const current = provider!;
    if (req.url?.startsWith('/interaction/')) {
      interaction(current, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(error instanceof errors.OIDCProviderError ? error.error_description ?? error.message : 'Bad request');
      });
      return;
    }
    callback!(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3001, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  const issuer = `http://${shown}:${(server.address() as AddressInfo).port}`;
  const build = () => {
    provider = new Provider(issuer, configuration(options, keys, cookieKeys));
    callback = provider.callback();
  };
  build();
  let closing: Promise<void> | undefined;
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    currentKid: () => String(keys[0].jwk.kid),
    async rotateKeys() {
      // The new key signs (it comes first); the previous one stays published.
      keys = [await newKey(), keys[0]];
      build();
      return String(keys[0].jwk.kid);
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
