/**
 * Parameter sources that can never work: a schema a string cannot satisfy
 * (`z.object` for a query parameter), and `path(name)` on a route whose
 * path has no `{name}`.
 */
import { ErrorCode, RouteInputError } from '../errors/catalogue.js';
import { pathParams, toOpenApiPath } from '../router/paths.js';
import { unreadableFromString } from './readable.js';
const HINTS = {
    header: 'Declare one header() per value, or send structured data in the body with body().',
    query: 'Declare one query() per field, or send structured data in the body with body().',
    cookie: 'A cookie holds one string: use a scalar schema (z.string(), z.number(), z.enum([...])), or parse it yourself with z.string().transform(...).pipe(schema).',
    path: 'A path parameter is one URL segment: use a scalar schema (z.string(), z.number(), z.enum([...])).',
};
/**
 * Fails for a header, query, cookie or path source whose schema cannot be
 * read from the string the request carries.
 *
 * @example
 * ```ts
 * checkReadableParameter(route, placed)
 * // Route GET /items, input "filter": query('filter') is read from a string, but its schema is an object ...
 * ```
 */
export function checkReadableParameter(route, placed) {
    const source = placed.node.source;
    if (!source || source.in === 'body' || source.in === 'form' || !source.schema)
        return;
    const problem = unreadableFromString(source.schema, source.in === 'header' || source.in === 'query');
    if (problem === undefined)
        return;
    throw new RouteInputError(ErrorCode.UnreadableParameter, route.label, placed.key, `${source.in}('${source.name}') is read from a string, but its schema is ${problem}, which no ${source.in} value can satisfy. ${HINTS[source.in]}`);
}
/**
 * Fails for `path(name)` on a route whose path has no `{name}` (or
 * `:name`); a route whose path is not known yet is not checked.
 *
 * @example
 * ```ts
 * checkPathParameter({ label: 'GET /items/{item_id}', path: '/items/{item_id}' }, placed)
 * // Route GET /items/{item_id}, input "id": path('id') reads the path parameter "id", but /items/{item_id} has no {id}. Use path('item_id') ...
 * ```
 */
export function checkPathParameter(route, placed) {
    const source = placed.node.source;
    if (source?.in !== 'path' || route.path === undefined)
        return;
    const names = pathParams(route.path);
    if (names.includes(source.name))
        return;
    const path = toOpenApiPath(route.path);
    const fix = names.length
        ? `Use ${names.map((n) => `path('${n}')`).join(' or ')}, or add {${source.name}} to the path.`
        : `The path has no parameters: add {${source.name}} to it, or read the value from the query with query('${source.name}').`;
    throw new RouteInputError(ErrorCode.UnknownPathParameter, route.label, placed.key, `path('${source.name}') reads the path parameter "${source.name}", but ${path} has no {${source.name}}: it would be missing on every request. ${fix}`);
}
//# sourceMappingURL=params.js.map