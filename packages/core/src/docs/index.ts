/**
 * Docs page helpers, framework-neutral: the Swagger UI HTML, the local
 * asset files it loads, and the docs routes (document, page, assets) that
 * each adapter serves as plain answers.
 */
export { swaggerUiHtml, swaggerUiConfig, swaggerUiOAuth2RedirectHtml } from './swagger-ui.js';
export type { SwaggerUiOptions, SwaggerUiOAuthOptions, JsonValue } from './swagger-ui.js';
export { docsAsset, docsAssetNames, swaggerUiDistPath, SWAGGER_UI_INIT_SCRIPT } from './assets.js';
export type { DocsAsset } from './assets.js';
export { docsRoutes } from './routes.js';
export type { DocsOptions, DocsRoute } from './routes.js';
