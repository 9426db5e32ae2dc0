/**
 * Docs page helpers, framework-neutral: the Swagger UI HTML and the local
 * asset files it loads. Each adapter serves them as plain answers.
 */
export { swaggerUiHtml, swaggerUiConfig, swaggerUiOAuth2RedirectHtml } from './swagger-ui.js';
export type { SwaggerUiOptions, SwaggerUiOAuthOptions, JsonValue } from './swagger-ui.js';
export { docsAsset, docsAssetNames, swaggerUiDistPath, SWAGGER_UI_INIT_SCRIPT } from './assets.js';
export type { DocsAsset } from './assets.js';
