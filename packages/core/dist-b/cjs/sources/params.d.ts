/**
 * Request sources for parameters: `header`, `query`, `cookie`, `path`. Each
 * is a dependency whose value is read from the request and validated (and
 * typed) by an optional zod schema.
 */
import { z } from 'zod/v4';
import type { Dependency } from '../dependency/types.js';
import { type Schema } from './validate.js';
/** Options shared by parameter sources. */
export interface ParamOptions {
    /** Description shown in the OpenAPI document. */
    description?: string;
}
/** Options of `header()`. */
export interface HeaderOptions extends ParamOptions {
    /** The exact header name, used verbatim (no underscore conversion). */
    alias?: string;
    /** Convert `_` to `-` in the name (default `true`, as FastAPI). */
    convertUnderscores?: boolean;
}
/**
 * A request header. The name's underscores become hyphens (`x_token` reads
 * `x-token`) unless `alias` is given or `convertUnderscores` is `false`.
 * With an array schema every occurrence of the header is collected.
 *
 * @example
 * ```ts
 * const userAgent = header('user_agent')                     // string, required
 * const traceIds = header('x_trace', z.array(z.string()))    // string[]
 * const retries = header('x_retries', z.number().optional()) // number | undefined
 * ```
 */
export declare function header(name: string): Dependency<string>;
export declare function header<S extends Schema>(name: string, schema: S, options?: HeaderOptions): Dependency<z.output<S>>;
/**
 * A query parameter (the last occurrence wins; an array schema collects all).
 * Numbers and booleans are converted from the string before validation.
 *
 * @example
 * ```ts
 * const q = query('q', z.string().optional())
 * const limit = query('limit', z.number().int().min(1).max(100).default(20))
 * const tags = query('tag', z.array(z.string()).default([]))
 * ```
 */
export declare function query(name: string): Dependency<string>;
export declare function query<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
/**
 * A cookie (the last duplicate wins).
 *
 * @example
 * ```ts
 * const theme = cookie('theme', z.enum(['light', 'dark']).default('light'))
 * ```
 */
export declare function cookie(name: string): Dependency<string>;
export declare function cookie<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
/**
 * A path parameter, matched by the route's `{name}` or `:name` segment.
 *
 * @example
 * ```ts
 * router.get('/items/{id}', { id: path('id', z.number().int()) }, ({ id }) => items.get(id))
 * ```
 */
export declare function path(name: string): Dependency<string>;
export declare function path<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
