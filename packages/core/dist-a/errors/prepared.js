import { HTTPException } from './catalogue.js';
const CELL = Symbol('depends.sharedAnswer');
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
export function preparedException(status, detail, headers) {
    const frozen = headers && freezeHeaders(headers);
    const cell = {};
    return () => {
        const e = new HTTPException(status, detail, frozen);
        e[CELL] = cell;
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
export function sharedAnswer(error, build, shape) {
    const cell = error[CELL];
    if (cell === undefined)
        return build(error);
    if (shape === undefined)
        return (cell.answer ??= freezeAnswer(build(error)));
    const shaped = (cell.shaped ??= new WeakMap());
    let answer = shaped.get(shape);
    if (answer === undefined)
        shaped.set(shape, (answer = freezeAnswer(build(error))));
    return answer;
}
/** A shared answer is never changed by whoever writes it. */
function freezeAnswer(answer) {
    for (const line of answer.headers)
        Object.freeze(line);
    Object.freeze(answer.headers);
    return Object.freeze(answer);
}
function freezeHeaders(headers) {
    const out = {};
    for (const name of Object.keys(headers)) {
        const value = headers[name];
        out[name] = typeof value === 'string' ? value : Object.freeze([...value]);
    }
    return Object.freeze(out);
}
//# sourceMappingURL=prepared.js.map