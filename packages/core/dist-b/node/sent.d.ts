/**
 * Knowing when a Node response is over, for request-scope teardowns.
 */
import type { ServerResponse } from 'node:http';
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
export declare function afterSent(res: ServerResponse, callback: () => unknown): void;
