/**
 * Writing an answer on a Node response, exactly as the core produced it.
 */
import type { ServerResponse } from 'node:http';
import { setHeaders } from '../response/headers.js';
import type { Answer } from '../response/reply.js';

/**
 * Writes an answer as is on a Node response: its status, each header line (a
 * repeated name becomes several lines, no header added), its body; then ends
 * the response.
 *
 * @example
 * ```ts
 * writeNodeAnswer(res, jsonAnswer(401, { detail: 'Not authenticated' }, { 'www-authenticate': ['Bearer', 'Basic'] }))
 * ```
 */
export function writeNodeAnswer(res: ServerResponse, answer: Answer): void {
  res.statusCode = answer.status;
  setHeaders(answer.headers, (name, value) => res.setHeader(name, value));
  res.end(answer.body);
}
