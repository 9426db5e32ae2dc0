/**
 * Built-in dependencies the resolver provides: the request view itself and
 * the accumulated OAuth2 scopes (`SecurityScopes`).
 */
import { createDependency } from './depends.js';
/**
 * The OAuth2 scopes required at the point of the tree where it is injected:
 * the scopes of every `security(…, { scopes })` from the route down to the
 * dependency that asks for it, outermost first (FastAPI's `SecurityScopes`).
 *
 * @example
 * ```ts
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read me' } })
 * const user = depends({ token: oauth2, required: securityScopes }, ({ token, required }) => {
 *   const granted = decode(token).scopes
 *   const missing = required.scopes.filter((s) => !granted.includes(s))
 *   if (missing.length) throw insufficientScope(required)
 *   return decode(token)
 * })
 * ```
 */
export class SecurityScopes {
    /** The scopes, outermost first. */
    scopes;
    /** The scopes joined with spaces (for `WWW-Authenticate: … scope="…"`). */
    scopeStr;
    constructor(scopes = []) {
        this.scopes = Object.freeze([...scopes]);
        this.scopeStr = this.scopes.join(' ');
    }
}
/**
 * Input that gives a dependency the {@link SecurityScopes} required at its
 * place in the tree. A dependency that takes it is cached per scope set.
 *
 * @example
 * ```ts
 * const check = depends({ scopes: securityScopes }, ({ scopes }) => scopes.scopeStr)
 * ```
 */
export const securityScopes = createDependency({}, () => new SecurityScopes(), {
    name: 'securityScopes',
    meta: { builtin: 'securityScopes' },
});
/**
 * Input that gives a dependency the request view (method, path, headers,
 * query, cookies, params, body reader, and the framework's own object).
 *
 * @example
 * ```ts
 * const clientIp = depends({ request: requestView }, ({ request }) => request.header('x-forwarded-for'))
 * ```
 */
export const requestView = createDependency({}, (_, ctx) => ctx.request, {
    name: 'request',
    meta: { builtin: 'request' },
});
//# sourceMappingURL=builtins.js.map