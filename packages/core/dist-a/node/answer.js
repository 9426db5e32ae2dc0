import { setHeaders } from '../response/headers.js';
import { closeAfterAnswer } from './close.js';
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
export function writeNodeAnswer(res, answer) {
    res.statusCode = answer.status;
    setHeaders(answer.headers, (name, value) => res.setHeader(name, value));
    closeAfterAnswer(res.req, res);
    res.end(answer.body);
}
//# sourceMappingURL=answer.js.map