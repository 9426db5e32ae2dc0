/**
 * The Swagger UI page, framework-neutral: an adapter serves this HTML, the
 * OpenAPI document, and the files `docsAsset()` returns under `assetsPath`.
 */
import { SWAGGER_UI_INIT_SCRIPT } from './assets.js';
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** JSON safe inside a `<script>` element. */
const scriptJson = (value) => JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
/**
 * The configuration object the page hands to `SwaggerUIBundle()` (the
 * presets are added by the initialiser script).
 *
 * @example
 * ```ts
 * swaggerUiConfig({ openapiUrl: '/openapi.json' }).persistAuthorization // false (opt in: it stores passwords in localStorage)
 * ```
 */
export function swaggerUiConfig(options) {
    const assets = assetsBase(options);
    return {
        url: options.openapiUrl,
        dom_id: '#swagger-ui',
        layout: 'BaseLayout',
        deepLinking: true,
        showExtensions: true,
        showCommonExtensions: true,
        // No request to swagger.io's online validator.
        validatorUrl: null,
        ...(options.parameters ?? {}),
        persistAuthorization: options.persistAuthorization ?? false,
        oauth2RedirectUrl: options.oauth2RedirectUrl ?? `${assets}/oauth2-redirect.html`,
        ...(options.initOAuth ? { initOAuth: options.initOAuth } : {}),
        // read by the initialiser: the page's own path below the mount prefix
        ...(options.serverFromPage ? { serverFromPage: assets } : {}),
    };
}
function assetsBase(options) {
    return (options.assetsPath ?? options.assetsUrl ?? '/docs').replace(/\/+$/, '');
}
/**
 * The Swagger UI page for a document: loads `swagger-ui.css`,
 * `swagger-ui-bundle.js` and a small initialiser from `assetsPath` (served
 * with `docsAsset()`), with no CDN and no inline script (the configuration
 * travels as a JSON block, so a strict Content-Security-Policy works).
 * `persistAuthorization` is off unless asked for; the OAuth2 password flow posts to the
 * document's `tokenUrl` (relative URLs resolve against the page's origin);
 * the authorization-code flow comes back to `oauth2-redirect.html`.
 *
 * @example
 * ```ts
 * const html = swaggerUiHtml({ openapiUrl: '/openapi.json', title: 'Todo API', assetsPath: '/docs' })
 * // GET /docs            → html (text/html)
 * // GET /docs/:file      → docsAsset(file) or 404
 * ```
 */
export function swaggerUiHtml(options) {
    const assets = escapeHtml(assetsBase(options));
    const title = escapeHtml(options.title ?? 'API docs');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="${assets}/swagger-ui.css">
<link rel="icon" type="image/png" sizes="32x32" href="${assets}/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="${assets}/favicon-16x16.png">
</head>
<body>
<div id="swagger-ui"></div>
<script id="depends-swagger-ui-config" type="application/json">${scriptJson(swaggerUiConfig(options))}</script>
<script src="${assets}/swagger-ui-bundle.js" charset="utf-8"></script>
<script src="${assets}/${SWAGGER_UI_INIT_SCRIPT}" charset="utf-8"></script>
</body>
</html>
`;
}
/**
 * The OAuth2 redirect page, for an adapter that serves it somewhere else
 * than among the assets (it loads `oauth2-redirect.js` from `assetsPath`).
 *
 * @example
 * ```ts
 * // GET /docs/oauth2-redirect → swaggerUiOAuth2RedirectHtml({ assetsPath: '/docs/assets' })
 * ```
 */
export function swaggerUiOAuth2RedirectHtml(options = {}) {
    const assets = escapeHtml(assetsBase({ openapiUrl: '', ...options }));
    return `<!doctype html>
<html lang="en-US">
<head><meta charset="utf-8"><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
<script src="${assets}/oauth2-redirect.js"></script>
</body>
</html>
`;
}
//# sourceMappingURL=swagger-ui.js.map