/**
 * The docs routes every adapter serves: the OpenAPI document, the Swagger UI
 * page and its local assets, as plain answers (no framework in here).
 */
import type { BaseDocument } from '../openapi/merge.js';
import type { ServedAt } from '../openapi/servers.js';
import type { OpenAPIDocument } from '../openapi/types.js';
import { type Answer } from '../response/reply.js';
import { type DocsFiles } from './assets.js';
import { type SwaggerUiOAuthOptions } from './swagger-ui.js';
import { type WellKnownDocument } from './well-known.js';
/**
 * Where an adapter's `d.docs()` serves the document and the page.
 *
 * @example
 * ```ts
 * d.docs(app, { openapiPath: '/api/openapi.json', docsPath: '/api/docs', title: 'Todo API' })
 * ```
 */
export interface DocsOptions {
    /** Path of the JSON document (default `/openapi.json`). */
    openapiPath?: string;
    /** Path of the Swagger UI page (default `/docs`); its assets are served under it. */
    docsPath?: string;
    /** Title of the page (default: the document's title). */
    title?: string;
    /**
     * Client settings for the Authorize dialog's OAuth2 flows (Swagger UI's
     * `initOAuth`), e.g. the public client of an identity provider with PKCE.
     */
    initOAuth?: SwaggerUiOAuthOptions;
    /**
     * Keep what is entered in Authorize across reloads (default `false`):
     * Swagger UI stores it in `localStorage` in clear text, passwords
     * included, so it is opt-in.
     */
    persistAuthorization?: boolean;
    /**
     * Where the Swagger UI files come from (default: the installed
     * `swagger-ui-dist` on disk). On a runtime with no file system
     * (Cloudflare Workers) pass `bundledDocsFiles` from
     * `@depends/core/docs-files`; without it `d.docs()` fails at startup.
     */
    files?: DocsFiles;
    /**
     * The app's own OpenAPI 3.0/3.1 document (`@hono/zod-openapi`,
     * `@fastify/swagger`, a static file, tsoa or NestJS output), or a
     * function returning it, called each time the document is built: the
     * document served (and `d.openapi()`) is that one, with depends' security
     * schemes, per-operation security, 401/403 answers and challenges, and
     * its own routes merged in (see `mergeDocument`); the app's info,
     * servers, tags, bodies, responses and components are kept.
     */
    base?: BaseDocument;
    /**
     * Documents derived from the declarations, served beside the docs: the
     * RFC 9728 protected resource metadata of `@depends/jwt`'s
     * `protectedResource()` (at `/.well-known/oauth-protected-resource…`),
     * built from the document and checked at startup (see
     * {@link WellKnownDocument}).
     */
    resourceMetadata?: WellKnownDocument | readonly WellKnownDocument[];
}
/**
 * One docs route, to register as a GET route: a colon path (`/docs/:file`),
 * and the answer for the parameters the framework matched and where the
 * request was sent (its origin and the path the route is mounted under, for
 * the document's server).
 *
 * @example
 * ```ts
 * const route: DocsRoute = docsRoutes(() => app.openapi(), {})[2]
 * route.path                                  // '/docs/:file'
 * route.answer({ file: 'swagger-ui.css' }).status // 200
 * ```
 */
export interface DocsRoute {
    readonly path: string;
    answer(params: Record<string, string>, at?: ServedAt): Answer;
}
/**
 * What the docs routes serve: the document as served to a request, and
 * whether its server is taken from the request (see `DependsApp.openapi`
 * and `DependsApp.serversFromRequest`).
 *
 * @example
 * ```ts
 * const source: DocsSource = { document: (at) => app.openapi(at), serversFromRequest: app.serversFromRequest }
 * ```
 */
export interface DocsSource {
    document(at?: ServedAt): OpenAPIDocument;
    /**
     * The server is the origin of the request: the JSON answer then varies
     * with `Host` (a shared cache keeps one per host), and the page uses its
     * own address (see `SwaggerUiOptions.serverFromPage`).
     */
    readonly serversFromRequest?: boolean;
}
/**
 * The three docs routes: the JSON document at `openapiPath` (serialised once
 * per document object), the Swagger UI page at `docsPath` (built once), and
 * its assets at `docsPath/:file` from the local `swagger-ui-dist` (404 for
 * any other name). The page and its assets carry a Content-Security-Policy
 * (own scripts only, `frame-ancestors 'none'`), `X-Frame-Options: DENY`
 * and `X-Content-Type-Options: nosniff`. The document is asked for on each
 * request to the JSON route, with where the request was sent (`at`); a
 * {@link DocsSource} whose server comes from the request makes that answer
 * `Vary: Host, X-Forwarded-Host, X-Forwarded-Proto` and the page use its
 * own address.
 *
 * @example
 * ```ts
 * for (const r of docsRoutes({ document: (at) => app.openapi(at), serversFromRequest: app.serversFromRequest }, { docsPath: '/api-docs' }))
 *   router.get(r.path, (req, res) => writeNodeAnswer(res, r.answer(req.params, { origin: `${req.protocol}://${req.get('host')}`, prefix: req.baseUrl })))
 * ```
 */
export declare function docsRoutes(source: DocsSource | (() => OpenAPIDocument), options?: DocsOptions): DocsRoute[];
