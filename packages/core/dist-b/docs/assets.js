/**
 * The files the Swagger UI page loads, served from the installed
 * `swagger-ui-dist` package (never a CDN), plus the small initialiser this
 * library ships. Only the files on the list are served: a name is looked up,
 * never joined to a path, so `../package.json` and friends get nothing.
 *
 * Where the files come from is a {@link DocsFiles} source. By default they
 * are read from disk where the runtime has a file system (Node, Bun, Deno:
 * `node:fs` reached through `process.getBuiltinModule`, so this module
 * imports no `node:*` module and loads anywhere); where it has none
 * (Cloudflare Workers) pass `bundledDocsFiles` from
 * `@depends/core/docs-files`, which a bundler inlines.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
/**
 * Name of the initialiser script the page loads after the bundle.
 *
 * @example
 * ```ts
 * docsAsset(SWAGGER_UI_INIT_SCRIPT)?.contentType // 'text/javascript; charset=utf-8'
 * ```
 */
export const SWAGGER_UI_INIT_SCRIPT = 'depends-swagger-ui-init.js';
/**
 * The initialiser: reads the configuration the page carries as JSON (a
 * `<script type="application/json">` block, which a strict
 * `Content-Security-Policy` allows) and starts Swagger UI with it. With
 * `serverFromPage` (the docs path), the document's one server becomes the
 * page's own origin and mount prefix (a Swagger UI plugin rewrites the
 * document as it is loaded).
 */
const INIT_SOURCE = `/* @depends/core: starts Swagger UI with the configuration the page carries (no inline script needed). */
(function () {
  'use strict';
  var node = document.getElementById('depends-swagger-ui-config');
  var config = JSON.parse((node && node.textContent) || '{}');
  var initOAuth = config.initOAuth;
  delete config.initOAuth;
  var docsPath = config.serverFromPage;
  delete config.serverFromPage;
  if (config.oauth2RedirectUrl) config.oauth2RedirectUrl = new URL(config.oauth2RedirectUrl, window.location.href).href;
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  if (typeof docsPath === 'string') {
    // The document's server is where the API saw the request for it come; this page knows where it really is
    // (a proxy on the way may have changed the host or the scheme): the same server, from the page's origin and mount prefix.
    var path = window.location.pathname.replace(/\\/+$/, '');
    var prefix = docsPath === '' ? path : path.slice(-docsPath.length) === docsPath ? path.slice(0, path.length - docsPath.length) : '';
    var base = window.location.origin + prefix;
    config.plugins = (config.plugins || []).concat([function () {
      return { statePlugins: { spec: { wrapActions: { updateSpec: function (update) {
        return function (text) {
          try {
            var spec = JSON.parse(text);
            if (spec && Array.isArray(spec.servers) && spec.servers.length === 1) {
              spec.servers = [{ url: base }];
              text = JSON.stringify(spec);
            }
          } catch (error) { /* not JSON: left as it is */ }
          return update(text);
        };
      } } } } };
    }]);
  }
  window.ui = SwaggerUIBundle(config);
  if (initOAuth) window.ui.initOAuth(initOAuth);
})();
`;
const JS = 'text/javascript; charset=utf-8';
/** Every file the page (and the OAuth2 redirect page) may ask for. */
const FILES = Object.freeze({
    'swagger-ui-bundle.js': { contentType: JS },
    'swagger-ui-standalone-preset.js': { contentType: JS },
    'swagger-ui.css': { contentType: 'text/css; charset=utf-8' },
    'favicon-32x32.png': { contentType: 'image/png' },
    'favicon-16x16.png': { contentType: 'image/png' },
    'oauth2-redirect.html': { contentType: 'text/html; charset=utf-8' },
    'oauth2-redirect.js': { contentType: JS },
    [SWAGGER_UI_INIT_SCRIPT]: { contentType: JS, source: INIT_SOURCE },
});
/**
 * The names {@link docsAsset} serves.
 *
 * @example
 * ```ts
 * docsAssetNames.includes('swagger-ui-bundle.js') // true
 * ```
 */
export const docsAssetNames = Object.freeze(Object.keys(FILES));
let fileSystem;
function builtins() {
    if (fileSystem === undefined) {
        const get = globalThis.process?.getBuiltinModule;
        const fs = typeof get === 'function' ? get('node:fs') : undefined;
        const module = typeof get === 'function' ? get('node:module') : undefined;
        fileSystem = fs?.readFileSync && module?.createRequire ? { readFileSync: fs.readFileSync, createRequire: module.createRequire } : null;
    }
    return fileSystem;
}
let distDir;
/**
 * The absolute directory of the installed `swagger-ui-dist` package, where
 * the runtime has a file system.
 *
 * @example
 * ```ts
 * swaggerUiDistPath() // '/app/node_modules/swagger-ui-dist'
 * ```
 */
export function swaggerUiDistPath() {
    if (distDir === undefined) {
        const fs = builtins();
        if (!fs)
            throw unavailable();
        const packageJson = fs.createRequire(import.meta.url).resolve('swagger-ui-dist/package.json');
        distDir = packageJson.slice(0, -'/package.json'.length);
    }
    return distDir;
}
function unavailable() {
    return new ConfigurationError(ErrorCode.DocsFilesUnavailable, "The docs page cannot read swagger-ui-dist: this runtime has no file system. Pass the files bundled with the app: import { bundledDocsFiles } from '@depends/core/docs-files' and call d.docs(app, { files: bundledDocsFiles }).");
}
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
export function installedDocsFiles() {
    const fs = builtins();
    if (!fs)
        throw unavailable();
    const dir = swaggerUiDistPath();
    return (name) => fs.readFileSync(`${dir}/${name}`);
}
const caches = new WeakMap();
const encoder = new TextEncoder();
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
export function docsAsset(fileName, files) {
    if (typeof fileName !== 'string' || !Object.hasOwn(FILES, fileName))
        return undefined;
    const source = files ?? (defaultFiles ??= installedDocsFiles());
    let cache = caches.get(source);
    if (!cache)
        caches.set(source, (cache = new Map()));
    const hit = cache.get(fileName);
    if (hit)
        return hit;
    const file = FILES[fileName];
    const content = file.source ?? source(fileName);
    if (content === undefined)
        return undefined;
    const body = typeof content === 'string' ? encoder.encode(content) : content;
    const asset = Object.freeze({ body, contentType: file.contentType });
    cache.set(fileName, asset);
    return asset;
}
let defaultFiles;
//# sourceMappingURL=assets.js.map