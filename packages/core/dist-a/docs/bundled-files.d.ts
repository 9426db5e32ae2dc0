import type { DocsFiles } from './assets.js';
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
export declare const bundledDocsFiles: DocsFiles;
