/**
 * The article's trap: a header parameter named `Authorization`, `Accept`
 * or `Content-Type`. OpenAPI says such a parameter "SHALL be ignored", so
 * the docs drop it and Swagger UI never sends it; for `Authorization` the
 * route also answers 422 instead of 401 when it is missing.
 */
import { ErrorCode, RouteInputError } from '../errors/catalogue.js';
const FIXES = {
    authorization: [
        'Authorization',
        'the docs would show no parameter and no Authorize button, Swagger UI would never send it, and a missing header would answer 422 instead of 401 with a WWW-Authenticate challenge. ' +
            "Read it with a security scheme instead: httpBearer() for \"Authorization: Bearer <token>\" (httpBasic() for Basic, oauth2PasswordBearer({ tokenUrl }) for OAuth2), or apiKeyHeader({ name: 'Authorization' }) for a raw key.",
    ],
    accept: [
        'Accept',
        'the docs would not show it and Swagger UI would not send it. Document the media types the route answers with in its responses, and read the header from the request view (requestView) when the handler chooses a format.',
    ],
    'content-type': [
        'Content-Type',
        "the docs would not show it and Swagger UI would not send it. Declare the body with body() or form(): they document the media type and refuse others; read the header from the request view (requestView) when the handler needs it.",
    ],
};
/**
 * Fails for a documented header parameter that OpenAPI ignores
 * (`Authorization`, `Accept`, `Content-Type`); what a security scheme reads
 * for itself is not a parameter and passes.
 *
 * @example
 * ```ts
 * checkIgnoredHeader(route, placed)
 * // Route GET /me, input "auth": header('authorization') declares "Authorization" as a header parameter, which OpenAPI ignores: ... httpBearer() ...
 * ```
 */
export function checkIgnoredHeader(route, placed) {
    const source = placed.node.source;
    if (source?.in !== 'header' || placed.withinScheme)
        return;
    const fix = FIXES[source.name.toLowerCase()];
    if (!fix)
        return;
    throw new RouteInputError(ErrorCode.IgnoredHeader, route.label, placed.key, `header('${source.name}') declares "${fix[0]}" as a header parameter, which OpenAPI ignores: ${fix[1]}`);
}
//# sourceMappingURL=headers.js.map