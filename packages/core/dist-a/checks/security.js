/**
 * An OAuth2 scope the scheme does not declare: Swagger UI's Authorize
 * dialog only offers declared scopes.
 */
import { ErrorCode, RouteInputError } from '../errors/catalogue.js';
/** The scopes an OAuth2 `securitySchemes` entry declares across its flows, or `undefined` when it has no flows. */
function declaredScopes(openapi) {
    if (openapi.type !== 'oauth2')
        return undefined;
    const flows = Object.values((openapi.flows ?? {}));
    if (flows.length === 0)
        return undefined;
    const declared = new Set();
    for (const flow of flows)
        for (const scope of Object.keys(flow?.scopes ?? {}))
            declared.add(scope);
    return declared;
}
/**
 * Fails for a scope required of an OAuth2 scheme that none of its flows
 * declares; the message names the key where the scope was required.
 *
 * @example
 * ```ts
 * checkDeclaredScopes(route, placed)
 * // Route GET /items, input "user": scope "itmes" is not declared by the OAuth2 scheme "OAuth2PasswordBearer" (it declares: me, items) ...
 * ```
 */
export function checkDeclaredScopes(route, placed) {
    const security = placed.node.security;
    if (security?.kind !== 'scheme' || placed.scopes.length === 0)
        return;
    const declared = declaredScopes(security.scheme.openapi);
    if (!declared)
        return;
    for (const [scope, key] of placed.scopes) {
        if (declared.has(scope))
            continue;
        const offered = declared.size ? `it declares: ${[...declared].join(', ')}` : 'it declares none';
        throw new RouteInputError(ErrorCode.UndeclaredScope, route.label, key, `scope "${scope}" is not declared by the OAuth2 scheme "${security.scheme.name}" (${offered}): Swagger UI's Authorize dialog only offers declared scopes, so no token from it could pass. ` +
            `Add it to the scheme's scopes (e.g. scopes: { '${scope}': 'What it allows' }) or fix its spelling.`);
    }
}
//# sourceMappingURL=security.js.map