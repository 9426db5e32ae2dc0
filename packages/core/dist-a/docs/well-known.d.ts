/**
 * JSON documents served beside the docs and derived from the same
 * declarations: another interpreter of the route table, such as the RFC 9728
 * protected resource metadata of `@depends/jwt`'s `protectedResource()`.
 * Core only serves them (a path and a JSON answer, built from the OpenAPI
 * document); what they say is the interpreter's.
 */
import type { OpenAPIDocument } from '../openapi/types.js';
import { type Answer } from '../response/reply.js';
/**
 * What a {@link WellKnownDocument} is built with besides the OpenAPI document.
 *
 * @example
 * ```ts
 * const context: WellKnownContext = { docsPath: '/docs' }
 * ```
 */
export interface WellKnownContext {
    /** Where the Swagger UI page is served (`docsPath` of `d.docs()`, default `/docs`). */
    readonly docsPath: string;
}
/**
 * A JSON document served by `d.docs(app, { resourceMetadata })` at `path`
 * (from the root of the app given to `d.docs()`), built from the OpenAPI
 * document: when the docs routes are served, and by the startup check
 * (`d.check(app)`, `app.listen()` on Express, `ready()` on Fastify), so a
 * `ConfigurationError` that `build` throws stops the start.
 *
 * @example
 * ```ts
 * const about: WellKnownDocument = {
 *   path: '/.well-known/about',
 *   build: (document) => ({ title: document.info.title, routes: Object.keys(document.paths ?? {}).length }),
 * }
 * d.docs(app, { resourceMetadata: about })
 * ```
 */
export interface WellKnownDocument {
    /** The path it is served at (a plain path: no `:param`, no `*`). */
    readonly path: string;
    /** The JSON body; may throw a `ConfigurationError` naming the declaration that does not fit. */
    build(document: OpenAPIDocument, context: WellKnownContext): object;
}
/**
 * The routes of the {@link WellKnownDocument}s: each answers its JSON
 * (`Content-Type: application/json`, `X-Content-Type-Options: nosniff`),
 * built once per OpenAPI document object.
 *
 * @example
 * ```ts
 * const [route] = wellKnownRoutes(() => app.openapi(), [about], { docsPath: '/docs' })
 * route.path             // '/.well-known/about'
 * route.answer().status  // 200
 * ```
 */
export declare function wellKnownRoutes(document: () => OpenAPIDocument, entries: WellKnownDocument | readonly WellKnownDocument[] | undefined, context: WellKnownContext): {
    readonly path: string;
    answer(): Answer;
}[];
/**
 * Builds each document once against `document`: what the startup check runs
 * so that a declaration the document cannot describe fails before the
 * server listens.
 *
 * @example
 * ```ts
 * checkWellKnown(app.openapi(), [about], { docsPath: '/docs' }) // throws the ConfigurationError of a mistake
 * ```
 */
export declare function checkWellKnown(document: OpenAPIDocument, entries: readonly WellKnownDocument[], context: WellKnownContext): void;
