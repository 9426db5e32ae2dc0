/** Longest string echoed as is (characters); a longer one is cut, ending with `…`. */
export const MAX_ECHO_LENGTH = 256;
/** Most keys or items echoed from an object or array. */
export const MAX_ECHO_ITEMS = 32;
function echoScalar(value) {
    switch (typeof value) {
        case 'string':
            return value.length > MAX_ECHO_LENGTH ? `${value.slice(0, MAX_ECHO_LENGTH)}…` : value;
        case 'number':
            return Number.isFinite(value) ? value : null;
        case 'boolean':
            return value;
        case 'bigint':
            return echoScalar(value.toString());
        default:
            return value === null ? null : undefined;
    }
}
/**
 * The part of a request value an error answer echoes: a scalar or short
 * string as is (a longer string cut to {@link MAX_ECHO_LENGTH} characters
 * and `…`), an array or plain object one level deep (its first
 * {@link MAX_ECHO_ITEMS} entries, nested values as `null` in arrays and
 * left out of objects), anything else `null`. Never throws; the result
 * always serialises.
 *
 * @example
 * ```ts
 * String(echoInput('x'.repeat(1000))).length // 257
 * echoInput({ title: 'milk', tags: ['a'] }) // { title: 'milk' }
 * echoInput([[[[]]]]) // [null]
 * ```
 */
export function echoInput(value) {
    if (value === null || typeof value !== 'object')
        return echoScalar(value) ?? null;
    try {
        if (Array.isArray(value)) {
            const out = [];
            for (let i = 0; i < value.length && i < MAX_ECHO_ITEMS; i++)
                out.push(echoScalar(value[i]) ?? null);
            return out;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null)
            return null;
        const out = {};
        let n = 0;
        for (const key in value) {
            if (n++ === MAX_ECHO_ITEMS)
                break;
            const v = echoScalar(value[key]);
            if (v !== undefined)
                out[echoScalar(key)] = v;
        }
        return out;
    }
    catch {
        return null; // a getter or proxy that throws
    }
}
/**
 * A 422 item as answered: `input`, `ctx` values and `loc` entries bounded
 * by {@link echoInput}.
 *
 * @example
 * ```ts
 * echoIssue({ type: 'too_big', loc: ['body', 'scope'], msg: 'Too big', input: 'x'.repeat(10_000) }).input // 256 characters and '…'
 * ```
 */
export function echoIssue(issue) {
    const loc = Array.isArray(issue.loc) ? issue.loc.slice(0, MAX_ECHO_ITEMS).map((p) => (typeof p === 'number' ? p : String(echoScalar(String(p))))) : [];
    const out = { type: String(issue.type), loc, msg: String(issue.msg), input: echoInput(issue.input) };
    if (issue.ctx !== undefined) {
        const ctx = {};
        let n = 0;
        for (const key in issue.ctx) {
            if (n++ === MAX_ECHO_ITEMS)
                break;
            ctx[key] = echoInput(issue.ctx[key]);
        }
        out.ctx = ctx;
    }
    return out;
}
/** JSON texts of the strings a 422 repeats (types, messages, locations), quoted once. */
const quoted = new Map();
const MAX_QUOTED = 512;
function quote(value) {
    let text = quoted.get(value);
    if (text === undefined) {
        text = JSON.stringify(value);
        if (quoted.size < MAX_QUOTED)
            quoted.set(value, text);
    }
    return text;
}
/**
 * The body of a 422 answer, `{"detail":[…]}`, each issue bounded by
 * {@link echoIssue}: exactly the text of
 * `JSON.stringify({ detail: issues.map(echoIssue) })`, written field by
 * field with the strings a 422 repeats (types, messages, locations) quoted
 * once and remembered (at most 512 of them). `JSON.stringify` re-reads
 * every character of a message such as zod's 70-character
 * `int_parsing` text on each answer: this costs a fifth of it.
 *
 * @example
 * ```ts
 * validationBody([{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }])
 * // '{"detail":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}'
 * ```
 */
export function validationBody(issues) {
    let out = '{"detail":[';
    for (let i = 0; i < issues.length; i++) {
        const issue = echoIssue(issues[i]);
        let loc = '';
        for (let j = 0; j < issue.loc.length; j++) {
            const part = issue.loc[j];
            loc += (j === 0 ? '' : ',') + (typeof part === 'string' ? quote(part) : JSON.stringify(part));
        }
        out += `${i === 0 ? '' : ','}{"type":${quote(issue.type)},"loc":[${loc}],"msg":${quote(issue.msg)}`;
        if (issue.input !== undefined)
            out += `,"input":${JSON.stringify(issue.input)}`;
        if (issue.ctx !== undefined)
            out += `,"ctx":${JSON.stringify(issue.ctx)}`;
        out += '}';
    }
    return `${out}]}`;
}
//# sourceMappingURL=echo.js.map