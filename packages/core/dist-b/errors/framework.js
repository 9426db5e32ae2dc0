/**
 * Framework HTTP errors: what Express, Koa and Hono code throws on purpose
 * (`http-errors` as used by Koa's `ctx.throw` and Express apps, Hono's
 * `HTTPException`, any error with a numeric `status`/`statusCode` and
 * `expose`). Recognised here, once, so every adapter answers them with
 * their own status, headers and message instead of a 500.
 */
import { defaultReason } from './catalogue.js';
/** Headers a framework error may not carry into the answer (the body is ours). */
const OWN_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding']);
function statusOf(error) {
    const status = error.status ?? error.statusCode;
    return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined;
}
function plainHeaders(value) {
    if (value === null || typeof value !== 'object')
        return undefined;
    const out = {};
    const add = (name, v) => {
        const n = name.toLowerCase();
        if (OWN_HEADERS.has(n))
            return;
        if (typeof v === 'string' || typeof v === 'number')
            out[n] = String(v);
        else if (Array.isArray(v))
            out[n] = v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
    };
    const fetchHeaders = value;
    if (typeof fetchHeaders.forEach === 'function' && !Array.isArray(value)) {
        // Fetch `Headers` (Hono's HTTPException carries them in its `res`)
        value.forEach((v, name) => add(name, v));
    }
    else
        for (const [name, v] of Object.entries(value))
            add(name, v);
    return Object.keys(out).length ? out : undefined;
}
/**
 * The answer parts of a framework HTTP error, or `undefined` when `error`
 * is not one. Recognised: an object with an integer `status` or
 * `statusCode` between 400 and 599 that also has a boolean `expose`
 * (`http-errors`: Koa's `ctx.throw`, Express apps), or a `getResponse()`
 * method (Hono's `HTTPException`). The message is the detail when the
 * error is exposed (`expose: true`, or Hono's below 500); otherwise the
 * status's reason phrase, so a server error leaks nothing. Headers come
 * from `headers` (`http-errors`) or from the `res` response (Hono).
 *
 * @example
 * ```ts
 * frameworkHttpError(Object.assign(new Error('Token expired'), { status: 401, expose: true, headers: { 'WWW-Authenticate': 'Bearer' } }))
 * // { status: 401, detail: 'Token expired', headers: { 'www-authenticate': 'Bearer' } }
 * frameworkHttpError(new Error('boom')) // undefined
 * ```
 */
export function frameworkHttpError(error) {
    if (error === null || typeof error !== 'object')
        return undefined;
    const e = error;
    const status = statusOf(e);
    if (status === undefined)
        return undefined;
    const hono = typeof e.getResponse === 'function';
    if (typeof e.expose !== 'boolean' && !hono)
        return undefined;
    const exposed = typeof e.expose === 'boolean' ? e.expose : status < 500;
    const message = typeof e.message === 'string' && e.message ? e.message : undefined;
    const res = e.res;
    const headers = plainHeaders(e.headers) ?? (res && typeof res === 'object' ? plainHeaders(res.headers) : undefined);
    return { status, detail: exposed && message ? message : defaultReason(status), headers };
}
//# sourceMappingURL=framework.js.map