/**
 * Prepared HTTP exceptions: the ones the library throws again and again with
 * the same status, detail and headers (a scheme's 401, `invalidToken()`, a
 * route's 403) are made by a factory built once, and the exceptions of one
 * factory share one answer, serialised the first time it is needed. Each
 * throw still gets its own exception object.
 */
import type { Answer } from '../response/reply.js';
import { HTTPException, type HeaderValues } from './catalogue.js';
/**
 * A factory of HTTP exceptions that all carry `status`, `detail` and
 * `headers` (frozen), and share their answer.
 *
 * @example
 * ```ts
 * const missing = preparedException(401, 'Not authenticated', { 'www-authenticate': 'Bearer' })
 * throw missing()
 * ```
 */
export declare function preparedException(status: number, detail: string, headers?: HeaderValues): () => HTTPException;
/**
 * The answer of an HTTP exception: `build(error)`, or, for an exception from
 * a {@link preparedException} factory, the answer its factory built first
 * (one per body shape: `shape` is the app's `errorBody`, when it has one).
 *
 * @example
 * ```ts
 * const answer = sharedAnswer(error, (e) => jsonAnswer(e.status, { detail: e.detail }, e.headers))
 * ```
 */
export declare function sharedAnswer(error: HTTPException, build: (error: HTTPException) => Answer, shape?: object): Answer;
