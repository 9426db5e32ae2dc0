/**
 * `@depends/core/docs-files`: the Swagger UI files as part of the app's
 * bundle, for runtimes with no file system (Cloudflare Workers). The files
 * are imported with import attributes (`type: 'text'` / `'bytes'`), which
 * bundlers inline: esbuild (and so wrangler), Bun. Plain Node cannot load
 * this module; there the default (the files on disk) is used.
 *
 * @example
 * ```ts
 * import { bundledDocsFiles } from '@depends/core/docs-files'
 * d.docs(app, { files: bundledDocsFiles }) // /docs works in a Worker
 * ```
 */
import bundle from 'swagger-ui-dist/swagger-ui-bundle.js' with { type: 'text' };
import preset from 'swagger-ui-dist/swagger-ui-standalone-preset.js' with { type: 'text' };
import css from 'swagger-ui-dist/swagger-ui.css' with { type: 'text' };
import redirectHtml from 'swagger-ui-dist/oauth2-redirect.html' with { type: 'text' };
import redirectJs from 'swagger-ui-dist/oauth2-redirect.js' with { type: 'text' };
import favicon32 from 'swagger-ui-dist/favicon-32x32.png' with { type: 'bytes' };
import favicon16 from 'swagger-ui-dist/favicon-16x16.png' with { type: 'bytes' };
const FILES = Object.freeze({
    'swagger-ui-bundle.js': bundle,
    'swagger-ui-standalone-preset.js': preset,
    'swagger-ui.css': css,
    'oauth2-redirect.html': redirectHtml,
    'oauth2-redirect.js': redirectJs,
    'favicon-32x32.png': favicon32,
    'favicon-16x16.png': favicon16,
});
/**
 * The Swagger UI files inlined in the bundle, as a `DocsFiles` source for
 * the `files` docs option.
 *
 * @example
 * ```ts
 * import { bundledDocsFiles } from '@depends/core/docs-files'
 * d.docs(app, { files: bundledDocsFiles })
 * ```
 */
export const bundledDocsFiles = (name) => (Object.hasOwn(FILES, name) ? FILES[name] : undefined);
//# sourceMappingURL=bundled-files.js.map