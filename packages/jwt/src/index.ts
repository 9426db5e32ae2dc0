/**
 * `@depends/jwt`: JWT access tokens from an identity provider (Keycloak,
 * Auth0, Entra ID, Cognito, Okta, Zitadel, oidc-provider…) as a
 * `@depends/core` security scheme: verified with jose against the issuer's
 * keys (OpenID Connect discovery, JWKS cached and refreshed on rotation),
 * scopes enforced (403), refusals explained (401 `invalid_token`), and the
 * provider documented so Swagger UI's Authorize logs in through it.
 *
 * @example
 * ```ts
 * import { jwtBearer } from '@depends/jwt'
 * const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports' })
 * api.get('/reports', { auth: security(token, { scopes: ['reports:read'] }) }, ({ auth }) => reports.list(auth.claims.sub))
 * ```
 */
export { jwtBearer, ASYMMETRIC_ALGORITHMS } from './jwt-bearer.js';
export type { JwtBearerOptions, JwtBearerIssuersOptions, JwtIssuerOptions, JwtIssuerEntry, IssuedAccessToken, ClaimsOf } from './jwt-bearer.js';
export type { JwtProfile, Rfc9068Claims, ProfileClaims } from './profile.js';
export { stepUp } from './step-up.js';
export type { StepUpOptions } from './step-up.js';
export { scopesOf, accessToken } from './claims.js';
export type { AccessToken, VerifiedClaims, ScopeSource } from './claims.js';
export { describeFailure, refusal, PROVIDER_UNAVAILABLE } from './failures.js';
export { KeySource, ProviderUnavailableError } from './keys.js';
export type { KeyLocation, KeyTimings } from './keys.js';
export type { RetryTimings } from './backoff.js';
export type { TokenCacheOptions } from './token-cache.js';
export { tokenIntrospection } from './introspection.js';
export type { TokenIntrospectionOptions, IntrospectedToken, IntrospectionClaims } from './introspection.js';
export type { TokenSchemeOptions } from './token-scheme.js';
export { protectedResource, ProtectedResource, WELL_KNOWN_PROTECTED_RESOURCE } from './protected-resource.js';
export type { ProtectedResourceOptions, ProtectedResourceMetadata } from './protected-resource.js';
export { mtls } from './mtls/mtls.js';
export type { MtlsOptions, CertificateBinding } from './mtls/mtls.js';
export { certificateThumbprint } from './mtls/certificate.js';
export type { ClientCertificate } from './mtls/certificate.js';
export { dpop, DPOP_ALGORITHMS } from './dpop/dpop.js';
export type { DpopOptions, DpopBinding } from './dpop/dpop.js';
export { memoryReplayStore, redisReplayStore } from './dpop/replay-store.js';
export type { ReplayStore, ReplayRedisClient, RedisReplayStoreOptions } from './dpop/replay-store.js';
export { StoreStatus } from '@depends/core';
export type { StoreHealth, OnStoreDown, StoreOutageEvent } from '@depends/core';
export { REPLAY_STORE_UNAVAILABLE, logReplayStoreEvent } from './dpop/outage.js';
export type { DpopNonceOptions } from './dpop/nonces.js';
export type { TrustedProxies } from './dpop/request-uri.js';
export { accessTokenHash } from './dpop/proof.js';
