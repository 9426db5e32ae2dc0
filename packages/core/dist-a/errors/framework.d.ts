/**
 * Framework HTTP errors: what Express, Koa and Hono code throws on purpose
 * (`http-errors` as used by Koa's `ctx.throw` and Express apps, Hono's
 * `HTTPException`, any error with a numeric `status`/`statusCode` and
 * `expose`). Recognised here, once, so every adapter answers them with
 * their own status, headers and message instead of a 500.
 */
import { type HeaderValues } from './catalogue.js';
/** What a framework HTTP error answers: status, JSON `detail`, headers. */
export interface FrameworkHttpError {
    readonly status: number;
    readonly detail: string;
    readonly headers: HeaderValues | undefined;
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
export declare function frameworkHttpError(error: unknown): FrameworkHttpError | undefined;
