/**
 * Writing an answer on a Node response, exactly as the core produced it.
 */
import type { ServerResponse } from 'node:http';
import type { Answer } from '../response/reply.js';
/**
 * Writes an answer as is on a Node response: its status, each header line (a
 * repeated name becomes several lines, no header added), its body; then ends
 * the response. When the request's body is still arriving once the answer is
 * sent, the connection is closed in stages so that the client reads the
 * answer (see {@link closeAfterAnswer}).
 *
 * @example
 * ```ts
 * writeNodeAnswer(res, jsonAnswer(401, { detail: 'Not authenticated' }, { 'www-authenticate': ['Bearer', 'Basic'] }))
 * ```
 */
export declare function writeNodeAnswer(res: ServerResponse, answer: Answer): void;
