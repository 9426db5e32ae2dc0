import { createRequestView } from '../request/view.js';
import { readNodeBody } from './body.js';
import { rawHeaderSource } from './headers.js';
/**
 * The request view of a Node request: headers from `rawHeaders` (every line
 * of a repeated header), path and query split from the URL, and a body read
 * once with {@link readNodeBody} (a parser's result when the stream is
 * already consumed). Nothing is copied until it is read.
 *
 * @example
 * ```ts
 * const view = nodeRequestView(req, { url: req.originalUrl, params: req.params, parsedBody: () => req.body, bodyLimit: 1024 * 1024 })
 * view.header('authorization')
 * ```
 */
export function nodeRequestView(req, init) {
    const url = init.url ?? req.url ?? '/';
    const q = url.indexOf('?');
    const { parsedBody, bodyLimit } = init;
    return createRequestView({
        method: req.method,
        path: q === -1 ? url : url.slice(0, q),
        headers: rawHeaderSource(req.rawHeaders),
        query: q === -1 ? '' : url.slice(q + 1),
        params: init.params,
        readBody: () => readNodeBody(req, parsedBody?.(), bodyLimit),
        native: init.native ?? req,
    });
}
//# sourceMappingURL=view.js.map