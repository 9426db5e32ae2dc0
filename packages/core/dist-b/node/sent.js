/**
 * Calls `callback` once the response is over: Node emits `close` on a
 * response after `finish` (sent), or alone when the client has gone; at once
 * when that already happened.
 *
 * @example
 * ```ts
 * writeNodeAnswer(res, outcome.answer)
 * afterSent(res, () => void outcome.finish().catch(report)) // request-scope teardowns
 * ```
 */
export function afterSent(res, callback) {
    if (res.destroyed || res.closed)
        callback();
    else
        res.once('close', callback);
}
//# sourceMappingURL=sent.js.map