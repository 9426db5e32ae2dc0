import { jsonAnswer } from '../response/reply.js';
import { docsAsset, installedDocsFiles } from './assets.js';
import { swaggerUiHtml } from './swagger-ui.js';
import { wellKnownRoutes } from './well-known.js';
/**
 * Headers of the docs page and its assets: the page runs only its own
 * scripts (no inline script, no eval), loads styles, images and fonts from
 * its own origin, may be framed by no one, and no response is
 * content-sniffed. `connect-src` stays open: "Try it out" calls the
 * document's servers and the OAuth2 flows call the identity provider.
 */
const DOCS_HEADERS = Object.freeze([
    [
        'content-security-policy',
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src *; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'no-referrer'],
]);
/** What the document's answer varies with when its server comes from the request. */
const VARY = 'Host, X-Forwarded-Host, X-Forwarded-Proto';
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
export function docsRoutes(source, options = {}) {
    const { document, serversFromRequest = false } = typeof source === 'function' ? { document: source } : source;
    const openapiPath = options.openapiPath ?? '/openapi.json';
    const docsPath = (options.docsPath ?? '/docs').replace(/\/$/, '');
    const files = options.files ?? installedDocsFiles();
    const jsonHeaders = { 'x-content-type-options': 'nosniff', ...(serversFromRequest ? { vary: VARY } : {}) };
    // serialised once per document object (a served document is one object per server URL)
    const json = new WeakMap();
    let page;
    const derived = wellKnownRoutes(() => document(), options.resourceMetadata, { docsPath: docsPath || '/' });
    return [
        ...derived.map((r) => ({ path: r.path, answer: () => r.answer() })),
        {
            path: openapiPath,
            answer: (_params, at) => {
                const doc = document(at);
                let answer = json.get(doc);
                if (answer === undefined)
                    json.set(doc, (answer = jsonAnswer(200, doc, jsonHeaders)));
                return answer;
            },
        },
        {
            path: docsPath || '/',
            answer: () => (page ??= {
                status: 200,
                headers: [['content-type', 'text/html; charset=utf-8'], ...DOCS_HEADERS],
                body: swaggerUiHtml({
                    openapiUrl: openapiPath,
                    title: options.title ?? document().info.title,
                    assetsPath: docsPath,
                    persistAuthorization: options.persistAuthorization ?? false,
                    serverFromPage: serversFromRequest,
                    ...(options.initOAuth ? { initOAuth: options.initOAuth } : {}),
                }),
            }),
        },
        {
            path: `${docsPath}/:file`,
            answer: ({ file }) => {
                const asset = docsAsset(file, files);
                if (!asset)
                    return { ...jsonAnswer(404, { detail: 'Not Found' }), headers: [['content-type', 'application/json'], ...DOCS_HEADERS] };
                return { status: 200, headers: [['content-type', asset.contentType], ['cache-control', 'public, max-age=86400'], ...DOCS_HEADERS], body: asset.body };
            },
        },
    ];
}
//# sourceMappingURL=routes.js.map