/**
 * Request body sources: `body(schema)` for JSON and `form(schema)` for
 * `application/x-www-form-urlencoded` (and multipart) forms. They read the
 * body the request parsed once (see `request/body.ts`).
 */
import type { z } from 'zod/v4';
import type { Dependency } from '../dependency/types.js';
import { type Schema } from './validate.js';
/** Options of `body()`. */
export interface BodyOptions {
    /** Read the value under this key of the JSON object (FastAPI's `embed`). */
    embed?: string;
    /** Description shown in the OpenAPI document. */
    description?: string;
    /** Component name for the schema in `components.schemas`. */
    schemaName?: string;
}
/**
 * The JSON request body, validated and typed by a zod schema. Validation
 * errors are listed under `loc: ["body", ...]`.
 *
 * @example
 * ```ts
 * const NewItem = z.object({ title: z.string().min(1).max(200), done: z.boolean().optional() })
 * router.post('/items', { item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 })
 * ```
 */
export declare function body<S extends Schema>(schema: S, options?: BodyOptions): Dependency<z.output<S>>;
/** Options of `form()`. */
export interface FormOptions {
    description?: string;
    /** Component name for the schema in `components.schemas`. */
    schemaName?: string;
    /**
     * The media type(s) the form is read from, and documented in OpenAPI
     * (default url-encoded only). A body of another type answers 415.
     */
    mediaType?: FormMediaType | readonly [FormMediaType, ...FormMediaType[]];
}
/** The media types a form can be sent in. */
export type FormMediaType = 'application/x-www-form-urlencoded' | 'multipart/form-data';
/**
 * Form fields (`application/x-www-form-urlencoded` or multipart), validated
 * by a zod object schema. As in FastAPI an empty field counts as absent, and
 * numbers and booleans are converted from their text.
 *
 * @example
 * ```ts
 * const Login = z.object({ username: z.string(), password: z.string() })
 * router.post('/login', { login: form(Login) }, ({ login }) => signIn(login))
 * ```
 */
export declare function form<S extends Schema>(schema: S, options?: FormOptions): Dependency<z.output<S>>;
