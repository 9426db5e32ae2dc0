/**
 * The Reports API, declared once with the core: it trusts the provider's
 * JWT access tokens for the audience `api://oidc-api`, and the scopes each
 * route needs come from the token. Served on Express, Koa or Hono by
 * `servers/`.
 */
import { z } from 'zod';
import { Router, body, security, type AppOptions } from '@depends/core';
import { jwtBearer, type KeyTimings } from '@depends/jwt';
import { API_SCOPES, AUDIENCE } from './provider.js';

/** A report. */
export interface Report {
  readonly id: number;
  readonly title: string;
  readonly author: string;
}

const NewReport = z.object({ title: z.string().trim().min(1).max(200) });
const ReportOut = z.object({ id: z.number().int(), title: z.string(), author: z.string() }).meta({ title: 'Report' });
const Me = z.object({ sub: z.string(), scopes: z.array(z.string()) }).meta({ title: 'Me' });

/** Options of {@link reportsApi}. */
export interface ReportsApiOptions extends KeyTimings {
  /** The provider's issuer URL (`http://127.0.0.1:3001`). */
  issuer: string;
  /** Leeway for expiry checks in seconds (default 5). */
  clockTolerance?: number;
}

/** The declared API: its router and the app options the adapters take. */
export interface ReportsApi {
  readonly router: Router;
  readonly options: AppOptions;
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
  const accessToken = jwtBearer({
    issuer: options.issuer,
    audience: AUDIENCE,
    description: 'Sign in with the example identity provider (authorization code + PKCE), or use a client-credentials token.',
    clockTolerance: options.clockTolerance,
    timeoutDuration: options.timeoutDuration,
    cooldownDuration: options.cooldownDuration,
    cacheMaxAge: options.cacheMaxAge,
    onProviderError: (error) => console.warn(`identity provider unreachable: ${error instanceof Error ? error.message : String(error)}`),
  });
  const reports: Report[] = [{ id: 1, title: 'Quarterly figures', author: 'alice' }];

  const router = new Router();
  router.get('/status', {}, () => ({ status: 'ok' }), { summary: 'Liveness', tags: ['status'], operationId: 'getStatus' });
  router.get('/me', { token: accessToken }, ({ token }) => ({ sub: String(token.claims.sub), scopes: [...token.scopes] }), {
    summary: 'Who the token belongs to',
    tags: ['me'],
    operationId: 'readMe',
    response: Me,
  });
  router.get('/reports', { token: security(accessToken, { scopes: ['reports:read'] }) }, () => reports, {
    summary: 'List reports',
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
  return { router, options: { title: 'Reports API', version: '1.0.0', description: `Scopes: ${Object.keys(API_SCOPES).join(', ')}` } };
}
