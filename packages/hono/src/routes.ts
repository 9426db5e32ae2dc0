/**
 * Hono's route table (internal): where each handler function is
 * registered, for the document's single-handler routes.
 */
import type { Hono } from 'hono';

/** What `app.route()` leaves on a sub-app's handler wrapped for its own error handler. */
const COMPOSED_HANDLER = '__COMPOSED_HANDLER';

/**
 * Every `[handler, METHOD, path]` of a Hono app (`app.route()` sub-apps are
 * already in its table, with their base paths). `ALL` routes (`use`, `all`)
 * are skipped.
 */
export function* honoRoutes(app: Hono<any, any, any>): Generator<[unknown, string, string]> {
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const fn = (r.handler as unknown as Record<string, unknown>)[COMPOSED_HANDLER] ?? r.handler;
    yield [fn, r.method.toUpperCase(), r.path];
  }
}
