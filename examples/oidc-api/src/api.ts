/**
 * The Reports API, declared once with the core: it trusts the provider's
 * JWT access tokens for the audience `api://oidc-api`, and the scopes each
 * route needs come from the token. `GET /reports` also takes a read-only
 * API key (for scripts) instead of a token. Served on Express, Koa, Hono or
 * Fastify by `servers/`.
 */
import { z } from 'zod';
import {
  HTTPException,
  Router,
  anyOf,
  apiKeyHeader,
  assertScopes,
  body,
  depends,
  refuse,
  safeEqual,
  security,
  securityScopes,
  type AlternativeSchemes,
  type AppOptions,
  type Refusal,
  type SecurityScheme,
} from '@depends/core';
import { dpop, jwtBearer, memoryReplayStore, protectedResource, stepUp, type AccessToken, type KeyTimings, type ProtectedResource, type Rfc9068Claims } from '@depends/jwt';
import { ACR, API_SCOPES, AUDIENCE } from './provider.js';

/** An API key the API accepts, and the scopes it grants. */
export interface ApiKey {
  /** Who the key belongs to (the caller's `sub`). */
  readonly name: string;
  /** The secret sent as `X-API-Key`. */
  readonly key: string;
  readonly scopes: readonly string[];
}

/**
 * The example's one API key: read-only, for scripts (`X-API-Key:
 * reports-readonly-key`). A real API keeps its keys out of the code (hashed
 * in its database, as `examples/todo-api` does) and passes them as
 * `reportsApi({ issuer, apiKeys })`.
 *
 * @example
 * ```ts
 * await fetch(`${api.url}/reports`, { headers: { 'x-api-key': API_KEYS[0].key } }) // 200
 * ```
 */
export const API_KEYS: readonly ApiKey[] = [{ name: 'reports-readonly', key: 'reports-readonly-key', scopes: ['reports:read'] }];

/** Who called: the token's subject and scopes, or the API key's name and scopes. */
export interface Caller {
  readonly sub: string;
  readonly scopes: readonly string[];
  readonly via: 'token' | 'apiKey';
}

/** A report. */
export interface Report {
  readonly id: number;
  readonly title: string;
  readonly author: string;
}

const NewReport = z.object({ title: z.string().trim().min(1).max(200) });
const ReportOut = z.object({ id: z.number().int(), title: z.string(), author: z.string() }).meta({ title: 'Report' });
const Approval = z.object({ id: z.number().int().positive() }).meta({ title: 'Approval' });
const Approved = z.object({ id: z.number().int(), title: z.string(), approvedBy: z.string(), acr: z.string() }).meta({ title: 'Approved' });

/** How recent a sign-in approving a report must be, in seconds (`max_age`). */
export const APPROVAL_MAX_AGE = 900;
const Me = z.object({ sub: z.string(), scopes: z.array(z.string()) }).meta({ title: 'Me' });

/** Options of {@link reportsApi}. */
export interface ReportsApiOptions extends KeyTimings {
  /** The provider's issuer URL (`http://127.0.0.1:3001`). */
  issuer: string;
  /** Leeway for expiry checks in seconds (default 5). */
  clockTolerance?: number;
  /** The API keys `GET /reports` accepts (default {@link API_KEYS}). */
  apiKeys?: readonly ApiKey[];
  /**
   * More providers whose tokens the API accepts besides `issuer`'s
   * (`jwtBearer({ issuers })`): each is one `openIdConnect` scheme in the
   * document, so the docs page's Authorize signs in through any of them.
   */
  moreIssuers?: readonly string[];
  /**
   * The API's own URL as a protected resource (RFC 9728), e.g.
   * `http://127.0.0.1:3000`: its metadata is served at
   * `/.well-known/oauth-protected-resource`, the 401s and 403s name it
   * (`resource_metadata="…"`), and tokens issued for it (RFC 8707
   * `resource=`) are accepted besides those for {@link AUDIENCE}.
   */
  resource?: string;
  /**
   * The API's public origin (`https://reports.example.com`): DPoP proofs
   * name it in `htu`, so `GET /reports/bound` (DPoP-bound tokens only) is
   * declared when it is known. Default: the origin of `resource`.
   */
  publicOrigin?: string;
}

/** The API's token scheme: one provider's (`jwtBearer({ issuer })`), or several (`jwtBearer({ issuers })`, an `anyOf` of one scheme per provider). */
type ApiToken = SecurityScheme<AccessToken<Rfc9068Claims>> | AlternativeSchemes<AccessToken<Rfc9068Claims>>;

/** The declared API: its router and the app options the adapters take. */
export interface ReportsApi {
  readonly router: Router;
  readonly options: AppOptions;
  /** The protected resource, when `resource` was given: for `d.docs(app, { resourceMetadata })`. */
  readonly resource?: ProtectedResource;
}

/**
 * Declares the Reports API for one issuer. Reports live in memory.
 *
 * @example
 * ```ts
 * const api = reportsApi({ issuer: 'http://127.0.0.1:3001' })
 * createDepends(api.options).mount(app, api.router)
 * ```
 */
export function reportsApi(options: ReportsApiOptions): ReportsApi {
  const resource = options.resource === undefined ? undefined : protectedResource({ resource: options.resource, resourceName: 'Reports API' });
  // the resource's tokens carry its URL as audience (RFC 8707)
  const audience = resource === undefined ? AUDIENCE : [AUDIENCE, resource.resource];
  const checks = {
    clockTolerance: options.clockTolerance,
    timeoutDuration: options.timeoutDuration,
    cooldownDuration: options.cooldownDuration,
    cacheMaxAge: options.cacheMaxAge,
    onProviderError: (error: unknown) => console.warn(`identity provider unreachable: ${error instanceof Error ? error.message : String(error)}`),
  };
  const accessToken: ApiToken =
    options.moreIssuers === undefined || options.moreIssuers.length === 0
      ? jwtBearer({
          issuer: options.issuer,
          audience,
          ...(resource !== undefined ? { resource } : {}),
          description: 'Sign in with the example identity provider (authorization code + PKCE), or use a client-credentials token.',
          // RFC 9068 §4: typ at+jwt, sub client_id iat jti required, auth_time/acr/amr typed
          profile: 'rfc9068',
          ...checks,
        })
      : // several providers: each its own openIdConnect scheme in the document, the token's iss choosing (never a URL from the token)
        jwtBearer({
          issuers: [options.issuer, ...options.moreIssuers].map((issuer) => ({
            issuer,
            audience,
            description: `Sign in with the identity provider at ${issuer} (authorization code + PKCE), or use a client-credentials token of it.`,
            ...checks,
          })),
          ...(resource !== undefined ? { resource } : {}),
          profile: 'rfc9068',
        });
  const apiKeys = options.apiKeys ?? API_KEYS;
  const readonlyKey = apiKeyHeader({
    name: 'X-API-Key',
    schemeName: 'ApiKey',
    description: 'A read-only API key for scripts: GET /reports only (scope reports:read).',
  });
  /**
   * A provider token or an API key: the token is verified by jwtBearer (with
   * the scopes required here), a key is looked up in constant time and must
   * grant the required scopes too (403 otherwise).
   */
  const tokenOrKey = depends(
    { credential: anyOf(accessToken, readonlyKey), required: securityScopes },
    ({ credential, required }): Caller | Refusal => {
      if (typeof credential !== 'string') return { sub: String(credential.claims.sub), scopes: credential.scopes, via: 'token' };
      let found: ApiKey | undefined;
      for (const entry of apiKeys) if (safeEqual(credential, entry.key)) found = entry; // every key compared
      if (found === undefined) return refuse(new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' }));
      assertScopes(required, found.scopes);
      return { sub: found.name, scopes: found.scopes, via: 'apiKey' };
    },
    { name: 'tokenOrKey' },
  );
  const reports: Report[] = [{ id: 1, title: 'Quarterly figures', author: 'alice' }];

  const router = new Router();
  router.get('/status', {}, () => ({ status: 'ok' }), { summary: 'Liveness', tags: ['status'], operationId: 'getStatus' });
  router.get('/me', { token: accessToken }, ({ token }) => ({ sub: String(token.claims.sub), scopes: [...token.scopes] }), {
    summary: 'Who the token belongs to',
    tags: ['me'],
    operationId: 'readMe',
    response: Me,
  });
  router.get('/reports', { caller: security(tokenOrKey, { scopes: ['reports:read'] }) }, () => reports, {
    summary: 'List reports (a provider token or the read-only API key)',
    tags: ['reports'],
    operationId: 'listReports',
    response: z.array(ReportOut),
  });
  router.post(
    '/reports',
    { token: security(accessToken, { scopes: ['reports:write'] }), report: body(NewReport) },
    ({ token, report }) => {
      const created = { id: reports.length + 1, title: report.title, author: String(token.claims.sub) };
      reports.push(created);
      return created;
    },
    { summary: 'Create a report', tags: ['reports'], operationId: 'createReport', status: 201, response: ReportOut },
  );
  // Step-up (RFC 9470): approving needs a user who signed in with the second factor in the last 15 minutes
  const approver = stepUp(accessToken, { acr: [ACR.mfa], maxAge: APPROVAL_MAX_AGE });
  router.post(
    '/reports/approve',
    { token: security(approver, { scopes: ['reports:write'] }), approval: body(Approval) },
    ({ token, approval }) => {
      const report = reports.find((r) => r.id === approval.id);
      if (report === undefined) throw new HTTPException(404, 'No such report');
      return { id: report.id, title: report.title, approvedBy: token.claims.sub, acr: token.claims.acr ?? '' };
    },
    {
      summary: 'Approve a report (a user signed in with a one-time code in the last 15 minutes)',
      tags: ['reports'],
      operationId: 'approveReport',
      response: Approved,
      responses: { 404: { description: 'No such report' } },
    },
  );
  // DPoP (RFC 9449): tokens the provider bound to the client's key, each request with a fresh proof for this URL
  const publicOrigin = options.publicOrigin ?? (resource === undefined ? undefined : new URL(resource.resource).origin);
  if (publicOrigin !== undefined) {
    const boundToken = jwtBearer({
      issuer: options.issuer,
      audience: resource === undefined ? AUDIENCE : [AUDIENCE, resource.resource],
      ...(resource !== undefined ? { resource } : {}),
      description: 'A DPoP-bound access token of the example identity provider (client credentials with a DPoP proof), sent as Authorization: DPoP with a fresh DPoP proof.',
      clockTolerance: options.clockTolerance,
      timeoutDuration: options.timeoutDuration,
      cooldownDuration: options.cooldownDuration,
      cacheMaxAge: options.cacheMaxAge,
      // one instance: proofs seen are remembered in memory (several instances share redisReplayStore(redis))
      dpop: dpop({ publicOrigin, store: memoryReplayStore() }),
    });
    router.get('/reports/bound', { token: security(boundToken, { scopes: ['reports:read'] }) }, () => reports, {
      summary: 'List reports (DPoP-bound provider tokens only)',
      tags: ['reports'],
      operationId: 'listReportsBound',
      response: z.array(ReportOut),
    });
  }
  return {
    router,
    options: { title: 'Reports API', version: '1.0.0', description: `Scopes: ${Object.keys(API_SCOPES).join(', ')}` },
    ...(resource !== undefined ? { resource } : {}),
  };
}
