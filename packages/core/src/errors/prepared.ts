/**
 * Prepared HTTP exceptions: the ones the library throws again and again with
 * the same status, detail and headers (a scheme's 401, `invalidToken()`, a
 * route's 403) are made by a factory built once, and the exceptions of one
 * factory share one answer, serialised the first time it is needed. Each
 * throw still gets its own exception object.
 */
import type { Answer } from '../response/reply.js';
import { HTTPException, type HeaderValues } from './catalogue.js';

const CELL = Symbol('depends.sharedAnswer');

interface Cell {
  answer?: Answer;
  /** The answers in other body shapes (an app's `errorBody`), by shape. */
  shaped?: WeakMap<object, Answer>;
}

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
export function preparedException(status: number, detail: string, headers?: HeaderValues): () => HTTPException {
  const frozen = headers && freezeHeaders(headers);
  const cell: Cell = {};
  return () => {
    const e = new HTTPException(status, detail, frozen);
    (e as { [CELL]?: Cell })[CELL] = cell;
    return e;
  };
}

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
export function sharedAnswer(error: HTTPException, build: (error: HTTPException) => Answer, shape?: object): Answer {
  const cell = (error as { [CELL]?: Cell })[CELL];
  if (cell === undefined) return build(error);
  if (shape === undefined) return (cell.answer ??= freezeAnswer(build(error)));
  const shaped = (cell.shaped ??= new WeakMap());
  let answer = shaped.get(shape);
  if (answer === undefined) shaped.set(shape, (answer = freezeAnswer(build(error))));
  return answer;
}

/** A shared answer is never changed by whoever writes it. */
function freezeAnswer(answer: Answer): Answer {
  for (const line of answer.headers) Object.freeze(line);
  Object.freeze(answer.headers);
  return Object.freeze(answer);
}

function freezeHeaders(headers: HeaderValues): HeaderValues {
  const out: Record<string, string | readonly string[]> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    out[name] = typeof value === 'string' ? value : Object.freeze([...value]);
  }
  return Object.freeze(out);
}
