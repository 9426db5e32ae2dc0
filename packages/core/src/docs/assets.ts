/**
 * The files the Swagger UI page loads, served from the installed
 * `swagger-ui-dist` package (never a CDN), plus the small initialiser this
 * library ships. Only the files on the list are served: a name is looked up,
 * never joined to a path, so `../package.json` and friends get nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A file to send: its bytes and its `content-type`.
 *
 * @example
 * ```ts
 * const { body, contentType }: DocsAsset = docsAsset('swagger-ui.css')!
 * ```
 */
export interface DocsAsset {
  /** The file's bytes (a Node `Buffer`). */
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
export const SWAGGER_UI_INIT_SCRIPT = 'depends-swagger-ui-init.js';

/**
 * The initialiser: reads the configuration the page carries as JSON (a
 * `<script type="application/json">` block, which a strict
 * `Content-Security-Policy` allows) and starts Swagger UI with it.
 */
const INIT_SOURCE = `/* @depends/core: starts Swagger UI with the configuration the page carries (no inline script needed). */
(function () {
  'use strict';
  var node = document.getElementById('depends-swagger-ui-config');
  var config = JSON.parse((node && node.textContent) || '{}');
  var initOAuth = config.initOAuth;
  delete config.initOAuth;
  if (config.oauth2RedirectUrl) config.oauth2RedirectUrl = new URL(config.oauth2RedirectUrl, window.location.href).href;
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  window.ui = SwaggerUIBundle(config);
  if (initOAuth) window.ui.initOAuth(initOAuth);
})();
`;

const JS = 'text/javascript; charset=utf-8';

/** Every file the page (and the OAuth2 redirect page) may ask for. */
const FILES: Readonly<Record<string, { readonly contentType: string; readonly source?: string }>> = Object.freeze({
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
export const docsAssetNames: readonly string[] = Object.freeze(Object.keys(FILES));

let distDir: string | undefined;

/**
 * The absolute directory of the installed `swagger-ui-dist` package.
 *
 * @example
 * ```ts
 * swaggerUiDistPath() // '/app/node_modules/swagger-ui-dist'
 * ```
 */
export function swaggerUiDistPath(): string {
  if (distDir === undefined) {
    const require = createRequire(import.meta.url);
    const absolutePath = require('swagger-ui-dist/absolute-path.js') as () => string;
    distDir = absolutePath();
  }
  return distDir;
}

const cache = new Map<string, DocsAsset>();

/**
 * One file of the docs page, by its bare name (`swagger-ui-bundle.js`,
 * `swagger-ui.css`, `oauth2-redirect.html`, ...), or `undefined` for any
 * other name. Files are read once and kept in memory.
 *
 * @example
 * ```ts
 * const asset = docsAsset('swagger-ui-bundle.js')
 * if (asset) res.setHeader('content-type', asset.contentType).end(asset.body)
 * docsAsset('../package.json') // undefined
 * ```
 */
export function docsAsset(fileName: string): DocsAsset | undefined {
  if (typeof fileName !== 'string' || !Object.hasOwn(FILES, fileName)) return undefined;
  const hit = cache.get(fileName);
  if (hit) return hit;
  const file = FILES[fileName];
  const body = file.source !== undefined ? Buffer.from(file.source, 'utf8') : readFileSync(join(swaggerUiDistPath(), fileName));
  const asset: DocsAsset = Object.freeze({ body, contentType: file.contentType });
  cache.set(fileName, asset);
  return asset;
}
