/**
 * `@depends/core/docs`: the docs page, framework-neutral: the Swagger UI
 * HTML, the local asset files it loads (the only part of the library that
 * reads files: from disk through `process.getBuiltinModule('node:fs')` where
 * the runtime has one, else from `@depends/core/docs-files` bundled into the
 * app), and the docs routes (document, page, assets) that each adapter
 * serves as plain answers.
 *
 * @example
 * ```ts
 * import { docsRoutes } from '@depends/core/docs'
 * for (const r of docsRoutes(() => app.openapi(), { docsPath: '/api-docs' }))
 *   router.get(r.path, (req, res) => writeNodeAnswer(res, r.answer(req.params)))
 * ```
 */
export { swaggerUiHtml, swaggerUiConfig, swaggerUiOAuth2RedirectHtml } from './swagger-ui.js';
export { docsAsset, docsAssetNames, installedDocsFiles, swaggerUiDistPath, SWAGGER_UI_INIT_SCRIPT } from './assets.js';
export { docsRoutes } from './routes.js';
export { wellKnownRoutes, checkWellKnown } from './well-known.js';
//# sourceMappingURL=index.js.map