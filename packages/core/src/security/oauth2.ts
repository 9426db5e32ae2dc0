/**
 * OAuth2 schemes (FastAPI's `OAuth2`, `OAuth2PasswordBearer`,
 * `OAuth2AuthorizationCodeBearer`, plus a client-credentials bearer). They
 * read `Authorization` and document their flows; the token itself is
 * checked by the application (see `invalidToken`, `withScopes`).
 */
import { readAuthorization } from './authorization.js';
import { defineScheme, found, invalidOption, MISSING, readsAuthorizationOnce, type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';

/**
 * OAuth2 scopes offered by a flow: name → description.
 *
 * @example
 * ```ts
 * const scopes: OAuthScopes = { me: 'Read information about the current user', items: 'Read items' }
 * ```
 */
export type OAuthScopes = Readonly<Record<string, string>>;

/**
 * OpenAPI specification extensions (`x-…`), passed through as is.
 *
 * @example
 * ```ts
 * oauth2({ flows: { password: { tokenUrl: 'token', 'x-token-lifetime': 3600 } } })
 * ```
 */
export type Extensions = { readonly [key: `x-${string}`]: unknown };

/**
 * Fields every OAuth2 flow has.
 *
 * @example
 * ```ts
 * const flow: OAuthFlowBase = { refreshUrl: 'refresh', scopes: { read: 'Read' } }
 * ```
 */
export interface OAuthFlowBase extends Extensions {
  readonly refreshUrl?: string;
  /** Default `{}` (always emitted, as FastAPI does). */
  readonly scopes?: OAuthScopes;
}
/**
 * The implicit flow.
 *
 * @example
 * ```ts
 * oauth2({ flows: { implicit: { authorizationUrl: 'https://id.example.com/authorize' } } })
 * ```
 */
export interface OAuthFlowImplicit extends OAuthFlowBase {
  readonly authorizationUrl: string;
}
/**
 * The resource owner password flow.
 *
 * @example
 * ```ts
 * oauth2({ flows: { password: { tokenUrl: 'token', scopes: { me: 'Me' } } } })
 * ```
 */
export interface OAuthFlowPassword extends OAuthFlowBase {
  readonly tokenUrl: string;
}
/**
 * The client credentials flow.
 *
 * @example
 * ```ts
 * oauth2({ flows: { clientCredentials: { tokenUrl: 'https://id.example.com/token' } } })
 * ```
 */
export interface OAuthFlowClientCredentials extends OAuthFlowBase {
  readonly tokenUrl: string;
}
/**
 * The authorization code flow.
 *
 * @example
 * ```ts
 * oauth2({ flows: { authorizationCode: { authorizationUrl: 'authorize', tokenUrl: 'token' } } })
 * ```
 */
export interface OAuthFlowAuthorizationCode extends OAuthFlowBase {
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
}
/**
 * The flows of an OAuth2 scheme (OpenAPI's OAuth Flows Object).
 *
 * @example
 * ```ts
 * const flows: OAuthFlows = { password: { tokenUrl: 'token' }, authorizationCode: { authorizationUrl: 'authorize', tokenUrl: 'token' } }
 * ```
 */
export interface OAuthFlows extends Extensions {
  readonly implicit?: OAuthFlowImplicit;
  readonly password?: OAuthFlowPassword;
  readonly clientCredentials?: OAuthFlowClientCredentials;
  readonly authorizationCode?: OAuthFlowAuthorizationCode;
}

const FLOW_URLS: Readonly<Record<string, readonly string[]>> = {
  implicit: ['authorizationUrl'],
  password: ['tokenUrl'],
  clientCredentials: ['tokenUrl'],
  authorizationCode: ['authorizationUrl', 'tokenUrl'],
};

function normaliseFlow(kind: string, flow: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const urls = FLOW_URLS[kind] ?? [];
  for (const url of urls) if (typeof flow[url] !== 'string') invalidOption('OAuth2', `flow "${kind}" needs a string ${url}`);
  const out: Record<string, unknown> = {};
  if (flow.refreshUrl !== undefined && flow.refreshUrl !== null) out.refreshUrl = flow.refreshUrl;
  out.scopes = { ...((flow.scopes as OAuthScopes | undefined) ?? {}) };
  for (const url of urls) out[url] = flow[url];
  for (const [key, value] of Object.entries(flow)) {
    if (key in out || key === 'refreshUrl' || value === undefined || value === null) continue;
    out[key] = value;
  }
  return out;
}

/**
 * The OpenAPI `flows` object as FastAPI emits it: `undefined`/`null` fields
 * dropped, `scopes` always present (`{}` by default), extensions kept.
 *
 * @example
 * ```ts
 * normaliseFlows({ password: { tokenUrl: '/token' } }) // { password: { scopes: {}, tokenUrl: '/token' } }
 * ```
 */
export function normaliseFlows(flows: OAuthFlows): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [kind, flow] of Object.entries(flows)) {
    if (flow === undefined || flow === null) continue;
    out[kind] = kind in FLOW_URLS ? normaliseFlow(kind, flow as Record<string, unknown>) : flow;
  }
  return out;
}

function oauth2Scheme(defaultName: string, options: SchemeOptions, flows: OAuthFlows, rawHeader: boolean): SecurityScheme<string> {
  return defineScheme<string>({
    defaultName,
    options,
    openapi: { type: 'oauth2', flows: normaliseFlows(flows) },
    challenge: 'Bearer',
    consumes: [{ in: 'header', name: 'authorization' }],
    bearerChallenges: true,
    read: rawHeader
      ? (request) => {
          const value = request.header('authorization');
          return value ? found(value) : MISSING;
        }
      : readsAuthorizationOnce((request) => {
          const parts = readAuthorization(request, 'Bearer', true); // as clients send it: the usual header compares as is
          return parts ? found(parts.credentials) : MISSING;
        }, true),
  });
}

/**
 * Options of {@link oauth2}.
 *
 * @example
 * ```ts
 * oauth2({ flows: { password: { tokenUrl: 'token' } }, schemeName: 'Login' })
 * ```
 */
export interface OAuth2Options<A extends boolean = boolean> extends SchemeOptions<A> {
  /** The flows to document (default none: `{}`). */
  flows?: OAuthFlows;
}

/**
 * A generic OAuth2 scheme (FastAPI's `OAuth2`): its value is the whole
 * `Authorization` header as sent (`Bearer abc`, or any other scheme); only
 * an absent or empty header answers 401 with `WWW-Authenticate: Bearer`.
 *
 * @example
 * ```ts
 * const oauth = oauth2({ flows: { implicit: { authorizationUrl: 'https://id.example.com/authorize', scopes: { read: 'Read' } } } })
 * router.get('/me', { authorization: oauth }, ({ authorization }) => introspect(authorization))
 * ```
 */
export function oauth2<A extends boolean = true>(options: OAuth2Options<A> = {}): SecurityScheme<SchemeValue<string, A>> {
  return oauth2Scheme('OAuth2', options, options.flows ?? {}, true) as SecurityScheme<SchemeValue<string, A>>;
}

/**
 * Options of {@link oauth2PasswordBearer}.
 *
 * @example
 * ```ts
 * oauth2PasswordBearer({ tokenUrl: 'token', refreshUrl: 'refresh', scopes: { me: 'Me' } })
 * ```
 */
export interface OAuth2PasswordBearerOptions<A extends boolean = boolean> extends SchemeOptions<A> {
  /** Where clients exchange username and password for a token (relative URLs allowed). */
  tokenUrl: string;
  scopes?: OAuthScopes;
  refreshUrl?: string;
}

/**
 * A bearer token obtained with the OAuth2 password flow (FastAPI's
 * `OAuth2PasswordBearer`); the value is the token. Missing, another
 * scheme, or `Bearer` without a token answers 401 with
 * `WWW-Authenticate: Bearer` (FastAPI returns `""` for the last case).
 *
 * @example
 * ```ts
 * const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself', items: 'Read items' } })
 * const currentUser = depends({ token: oauth2Scheme }, ({ token }) => decodeToken(token))
 * ```
 */
export function oauth2PasswordBearer<A extends boolean = true>(options: OAuth2PasswordBearerOptions<A>): SecurityScheme<SchemeValue<string, A>> {
  const { tokenUrl, scopes, refreshUrl } = options ?? ({} as OAuth2PasswordBearerOptions);
  const flows = { password: { tokenUrl, scopes, refreshUrl } };
  return oauth2Scheme('OAuth2PasswordBearer', options ?? {}, flows, false) as SecurityScheme<SchemeValue<string, A>>;
}

/**
 * Options of {@link oauth2AuthorizationCodeBearer}.
 *
 * @example
 * ```ts
 * oauth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token', autoError: false })
 * ```
 */
export interface OAuth2AuthorizationCodeBearerOptions<A extends boolean = boolean> extends SchemeOptions<A> {
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl?: string;
  scopes?: OAuthScopes;
}

/**
 * A bearer token obtained with the OAuth2 authorization code flow
 * (FastAPI's `OAuth2AuthorizationCodeBearer`); the value is the token.
 * Same 401 rules as {@link oauth2PasswordBearer}.
 *
 * @example
 * ```ts
 * const sso = oauth2AuthorizationCodeBearer({
 *   authorizationUrl: 'https://id.example.com/authorize',
 *   tokenUrl: 'https://id.example.com/token',
 *   scopes: { openid: 'OpenID' },
 * })
 * ```
 */
export function oauth2AuthorizationCodeBearer<A extends boolean = true>(
  options: OAuth2AuthorizationCodeBearerOptions<A>,
): SecurityScheme<SchemeValue<string, A>> {
  const { authorizationUrl, tokenUrl, refreshUrl, scopes } = options ?? ({} as OAuth2AuthorizationCodeBearerOptions);
  const flows = { authorizationCode: { authorizationUrl, tokenUrl, refreshUrl, scopes } };
  return oauth2Scheme('OAuth2AuthorizationCodeBearer', options ?? {}, flows, false) as SecurityScheme<SchemeValue<string, A>>;
}

/**
 * Options of {@link oauth2ClientCredentialsBearer}.
 *
 * @example
 * ```ts
 * oauth2ClientCredentialsBearer({ tokenUrl: 'https://id.example.com/token', scopes: { 'jobs:run': 'Run jobs' } })
 * ```
 */
export interface OAuth2ClientCredentialsBearerOptions<A extends boolean = boolean> extends SchemeOptions<A> {
  tokenUrl: string;
  scopes?: OAuthScopes;
  refreshUrl?: string;
}

/**
 * A bearer token obtained with the OAuth2 client credentials flow
 * (machine-to-machine); the value is the token. Same 401 rules as
 * {@link oauth2PasswordBearer}. FastAPI has no such class; the default
 * scheme name follows its naming: `OAuth2ClientCredentialsBearer`.
 *
 * @example
 * ```ts
 * const service = oauth2ClientCredentialsBearer({ tokenUrl: 'https://id.example.com/token', scopes: { 'jobs:run': 'Run jobs' } })
 * router.post('/jobs', { token: security(service, { scopes: ['jobs:run'] }) }, ({ token }) => runJob(token))
 * ```
 */
export function oauth2ClientCredentialsBearer<A extends boolean = true>(
  options: OAuth2ClientCredentialsBearerOptions<A>,
): SecurityScheme<SchemeValue<string, A>> {
  const { tokenUrl, scopes, refreshUrl } = options ?? ({} as OAuth2ClientCredentialsBearerOptions);
  const flows = { clientCredentials: { tokenUrl, scopes, refreshUrl } };
  return oauth2Scheme('OAuth2ClientCredentialsBearer', options ?? {}, flows, false) as SecurityScheme<SchemeValue<string, A>>;
}
