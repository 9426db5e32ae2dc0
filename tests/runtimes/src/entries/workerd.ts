/**
 * Cloudflare Workers (workerd): the scenario app as a module worker, with
 * the Swagger UI files bundled (a Worker has no file system). No
 * `nodejs_compat`: nothing here may need a Node built-in.
 */
import { bundledDocsFiles } from '@depends/core/docs-files';
import { createApp } from '../app.js';

export default createApp({ runtime: 'workerd', files: bundledDocsFiles });
