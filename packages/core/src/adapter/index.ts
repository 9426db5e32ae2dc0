/**
 * The adapter kit: everything an adapter does that does not depend on its
 * framework (options, wrapped single handlers and their discovery, docs
 * routes, serving a request), and header grouping for writing answers.
 */
export { AdapterKit } from './kit.js';
export type { AdapterOptions, HandlerOptions, AdapterBinding, RouteEntry } from './kit.js';
export { groupHeaders, setHeaders } from '../response/headers.js';
export type { GroupedHeaders } from '../response/headers.js';
