/**
 * OpenID Connect discovery (FastAPI's `OpenIdConnect`, a stub): documents
 * the discovery URL; the value is the raw `Authorization` header.
 */
import { defineScheme, found, invalidOption, MISSING } from './scheme.js';
/**
 * An OpenID Connect scheme: its value is the whole `Authorization` header
 * as sent; an absent or empty header answers 401 with
 * `WWW-Authenticate: Bearer`.
 *
 * @example
 * ```ts
 * const oidc = openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' })
 * const user = depends({ authorization: oidc }, ({ authorization }) => verifyIdToken(authorization.replace(/^Bearer /i, '')))
 * ```
 */
export function openIdConnect(options) {
    const url = options?.openIdConnectUrl;
    if (typeof url !== 'string' || url === '')
        invalidOption('OpenIdConnect', 'openIdConnectUrl must be a non-empty string');
    return defineScheme({
        defaultName: 'OpenIdConnect',
        options,
        openapi: { type: 'openIdConnect', openIdConnectUrl: url },
        challenge: 'Bearer',
        consumes: [{ in: 'header', name: 'authorization' }],
        bearerChallenges: true,
        read: (request) => {
            const value = request.header('authorization');
            return value ? found(value) : MISSING;
        },
    });
}
//# sourceMappingURL=open-id-connect.js.map