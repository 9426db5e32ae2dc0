import { HTTPException } from '../errors/catalogue.js';
const NONE = { kind: 'none' };
/**
 * The body of a Node request: what a body parser already produced (`parsed`,
 * e.g. Express's `req.body`) when the stream has been consumed, otherwise the
 * stream read here, once. More than `limit` bytes (declared or received) is a
 * 413 (the rest is discarded as it comes; written with `writeNodeAnswer` or
 * after `closeAfterAnswer`, the answer then closes the connection in stages);
 * a client that breaks the stream (disconnect, bad chunking) is a 400, not a
 * server error.
 *
 * @example
 * ```ts
 * const view = createRequestView({ url: req.url, readBody: () => readNodeBody(req, req.body, 1024 * 1024) })
 * ```
 */
export function readNodeBody(req, parsed, limit) {
    if (req.readableEnded || (req.complete && !req.readable))
        return parsed === undefined ? NONE : { kind: 'parsed', value: parsed };
    if (Number(req.headers['content-length']) > limit)
        return Promise.reject(tooLarge(req));
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const done = (error) => {
            req.off('data', onData).off('end', onEnd).off('error', onBroken).off('close', onBroken);
            if (error)
                reject(error);
            else
                resolve({ kind: 'bytes', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
        };
        const onData = (chunk) => {
            size += chunk.length;
            if (size > limit)
                done(tooLarge(req));
            else
                chunks.push(chunk);
        };
        const onEnd = () => done();
        // The client's doing (disconnect, broken chunking): a 400, not a server error.
        const onBroken = () => done(new HTTPException(400, 'There was an error reading the body'));
        req.on('data', onData).on('end', onEnd).on('error', onBroken).on('close', onBroken);
    });
}
function tooLarge(req) {
    req.resume(); // drain and discard the rest
    return new HTTPException(413, 'Request body too large');
}
//# sourceMappingURL=body.js.map