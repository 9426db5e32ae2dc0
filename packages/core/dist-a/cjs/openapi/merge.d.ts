import type { OpenAPIDocument } from './types.js';
/**
 * The app's own OpenAPI 3.0 or 3.1 document, or a function that returns it
 * (called each time the document is built, so a document the framework
 * builds as routes are added, `app.getOpenAPI31Document()` or
 * `app.swagger()`, is read when it is complete). Typed loosely: whatever
 * object a generator returns; checked when merged.
 *
 * @example
 * ```ts
 * const base: BaseDocument = () => app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Notes', version: '1' } })
 * ```
 */
export type BaseDocument = object | (() => object);
/**
 * Merges depends' document (`ours`: `d.openapi()`, `app.openapi()`) into
 * the app's own (`base`), returning a new document (neither is changed).
 *
 * - Kept from the app: `openapi` (its version), `info`, `servers` (depends'
 *   when the app has none), `tags` (depends' added after them), top-level
 *   `security`, `webhooks`, `externalDocs`, every path, operation and
 *   component it has.
 * - Added by depends: `components.securitySchemes` (a name the app uses
 *   for another definition is a `ConfigurationError`,
 *   `DEPENDS_BASE_DOCUMENT`, naming both; descriptions and `bearerFormat`
 *   may differ, and the app's entry is kept); its schemas (`HTTPError`,
 *   the `errorBody` shape, the routes' models) under their names, or as
 *   `depends.Name` where the app has another schema of that name; the
 *   operations only depends documents (its mounted routes and wrapped
 *   handlers).
 * - An operation in both (same method, same path template: `/notes/{id}`
 *   is `/notes/{noteId}`, depends' path parameters taking the app's
 *   names): the app's summary, description, tags, operation id, parameters,
 *   request body and responses win where both define the same thing;
 *   depends adds the parameters, request body and responses the app's
 *   lacks (a response both list keeps the app's description and content,
 *   and gets the headers it lacks: a 401's `WWW-Authenticate`), except a
 *   success answer depends only guessed (a guarded route without
 *   `d.route({ status, response })`) where the app lists one. Depends'
 *   `security` wins: it is what is enforced; an app parameter that carries
 *   the credential one of those schemes reads (an `X-API-Key` header for
 *   an API key scheme, `Authorization`) is left out, the Authorize button
 *   sends it.
 * - An OpenAPI 3.0 base gets depends' schemas in 3.0's dialect (`const` as
 *   `enum`, `type: [..., "null"]` as `nullable`, numeric `exclusiveMinimum`
 *   as `minimum` + `exclusiveMinimum: true`, `examples` as `example`); what
 *   3.0 cannot say (tuples, `patternProperties`, `if`/`then`, a `mutualTLS`
 *   scheme) is a `ConfigurationError` giving its place.
 *
 * @example
 * ```ts
 * const doc = mergeDocument(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Notes', version: '1' } }), d.openapi())
 * doc.paths['/notes'].post.requestBody // the app's
 * doc.paths['/notes'].post.security    // [{ HTTPBearer: [] }]: depends'
 * ```
 */
export declare function mergeDocument(base: object, ours: OpenAPIDocument): OpenAPIDocument;
