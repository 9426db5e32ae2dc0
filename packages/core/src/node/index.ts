/**
 * `@depends/core/node`: Node `http` helpers for adapters whose framework runs on Node's server
 * (Express, Koa, Hono on `@hono/node-server`): request headers and body,
 * writing an answer, closing a connection after an answer given before the
 * body arrived, and knowing when the response is over. No framework in
 * here, only `node:http`.
 *
 * @example
 * ```ts
 * import { nodeRequestView, writeNodeAnswer, afterSent } from '@depends/core/node'
 * ```
 */
export { rawHeaderSource } from './headers.js';
export { keepParsedBody, parsedForApp, readNodeBody } from './body.js';
export { writeNodeAnswer } from './answer.js';
export { closeAfterAnswer } from './close.js';
export type { CloseLimits } from './close.js';
export { afterSent } from './sent.js';
export { nodeRequestView } from './view.js';
export type { NodeRequestInit } from './view.js';
