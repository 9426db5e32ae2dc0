/**
 * Reads one `swagger-ui-dist` file by its bare name (`swagger-ui.css`):
 * its bytes or text, or `undefined` when it has no such file.
 *
 * @example
 * ```ts
 * import { bundledDocsFiles } from '@depends/core/docs-files' // inlined by the bundler (Workers)
 * d.docs(app, { files: bundledDocsFiles })
 * const fromMap: DocsFiles = (name) => myAssets.get(name)    // or any source of your own
 * ```
 */
export type DocsFiles = (fileName: string) => Uint8Array | string | undefined;
/**
 * A file to send: its bytes and its `content-type`.
 *
 * @example
 * ```ts
 * const { body, contentType }: DocsAsset = docsAsset('swagger-ui.css')!
 * ```
 */
export interface DocsAsset {
    /** The file's bytes. */
    readonly body: Uint8Array;
    /** The `content-type` header value. */
    readonly contentType: string;
}
/**
 * Name of the initialiser script the page loads after the bundle.
 *
 * @example
 * ```ts
 * docsAsset(SWAGGER_UI_INIT_SCRIPT)?.contentType // 'text/javascript; charset=utf-8'
 * ```
 */
export declare const SWAGGER_UI_INIT_SCRIPT = "depends-swagger-ui-init.js";
/**
 * The names {@link docsAsset} serves.
 *
 * @example
 * ```ts
 * docsAssetNames.includes('swagger-ui-bundle.js') // true
 * ```
 */
export declare const docsAssetNames: readonly string[];
/**
 * The absolute directory of the installed `swagger-ui-dist` package, where
 * the runtime has a file system.
 *
 * @example
 * ```ts
 * swaggerUiDistPath() // '/app/node_modules/swagger-ui-dist'
 * ```
 */
export declare function swaggerUiDistPath(): string;
/**
 * The default {@link DocsFiles}: reads from the installed `swagger-ui-dist`
 * on disk. Throws a `ConfigurationError` (`DEPENDS_DOCS_FILES_UNAVAILABLE`)
 * when called where the runtime has no file system.
 *
 * @example
 * ```ts
 * installedDocsFiles()('swagger-ui.css') // the file's bytes
 * ```
 */
export declare function installedDocsFiles(): DocsFiles;
/**
 * One file of the docs page, by its bare name (`swagger-ui-bundle.js`,
 * `swagger-ui.css`, `oauth2-redirect.html`, ...), or `undefined` for any
 * other name. Files come from `files` (default: the installed
 * `swagger-ui-dist` on disk), read once and kept in memory.
 *
 * @example
 * ```ts
 * const asset = docsAsset('swagger-ui-bundle.js')
 * if (asset) res.setHeader('content-type', asset.contentType).end(asset.body)
 * docsAsset('../package.json') // undefined
 * docsAsset('swagger-ui.css', bundledDocsFiles) // from a bundle (Workers)
 * ```
 */
export declare function docsAsset(fileName: string, files?: DocsFiles): DocsAsset | undefined;
