/**
 * OpenID Connect discovery (FastAPI's `OpenIdConnect`, a stub): documents
 * the discovery URL; the value is the raw `Authorization` header.
 */
import { type SchemeOptions, type SchemeValue, type SecurityScheme } from './scheme.js';
/**
 * Options of {@link openIdConnect}.
 *
 * @example
 * ```ts
 * openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' })
 * ```
 */
export interface OpenIdConnectOptions<A extends boolean = boolean> extends SchemeOptions<A> {
    /** The OpenID Connect discovery URL (`…/.well-known/openid-configuration`). */
    openIdConnectUrl: string;
}
/**
 * An OpenID Connect scheme: its value is the whole `Authorization` header
 * as sent; an absent or empty header answers 401 with
 * `WWW-Authenticate: Bearer`.
 *
 * @example
 * ```ts
 * const oidc = openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' })
 * const user = depends({ authorization: oidc }, ({ authorization }) => verifyIdToken(authorization.replace(/^Bearer /i, '')))
 * ```
 */
export declare function openIdConnect<A extends boolean = true>(options: OpenIdConnectOptions<A>): SecurityScheme<SchemeValue<string, A>>;
