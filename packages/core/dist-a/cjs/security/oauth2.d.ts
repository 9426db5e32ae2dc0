import { type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';
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
export type Extensions = {
    readonly [key: `x-${string}`]: unknown;
};
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
/**
 * The OpenAPI `flows` object as FastAPI emits it: `undefined`/`null` fields
 * dropped, `scopes` always present (`{}` by default), extensions kept.
 *
 * @example
 * ```ts
 * normaliseFlows({ password: { tokenUrl: '/token' } }) // { password: { scopes: {}, tokenUrl: '/token' } }
 * ```
 */
export declare function normaliseFlows(flows: OAuthFlows): Record<string, unknown>;
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
export declare function oauth2<A extends boolean = true>(options?: OAuth2Options<A>): SecurityScheme<SchemeValue<string, A>>;
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
export declare function oauth2PasswordBearer<A extends boolean = true>(options: OAuth2PasswordBearerOptions<A>): SecurityScheme<SchemeValue<string, A>>;
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
export declare function oauth2AuthorizationCodeBearer<A extends boolean = true>(options: OAuth2AuthorizationCodeBearerOptions<A>): SecurityScheme<SchemeValue<string, A>>;
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
export declare function oauth2ClientCredentialsBearer<A extends boolean = true>(options: OAuth2ClientCredentialsBearerOptions<A>): SecurityScheme<SchemeValue<string, A>>;
