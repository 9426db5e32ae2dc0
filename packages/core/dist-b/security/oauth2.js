/**
 * OAuth2 schemes (FastAPI's `OAuth2`, `OAuth2PasswordBearer`,
 * `OAuth2AuthorizationCodeBearer`, plus a client-credentials bearer). They
 * read `Authorization` and document their flows; the token itself is
 * checked by the application (see `invalidToken`, `withScopes`).
 */
import { readAuthorization } from './authorization.js';
import { defineScheme, found, invalidOption, MISSING, readsAuthorizationOnce } from './scheme.js';
const FLOW_URLS = {
    implicit: ['authorizationUrl'],
    password: ['tokenUrl'],
    clientCredentials: ['tokenUrl'],
    authorizationCode: ['authorizationUrl', 'tokenUrl'],
};
function normaliseFlow(kind, flow) {
    const urls = FLOW_URLS[kind] ?? [];
    for (const url of urls)
        if (typeof flow[url] !== 'string')
            invalidOption('OAuth2', `flow "${kind}" needs a string ${url}`);
    const out = {};
    if (flow.refreshUrl !== undefined && flow.refreshUrl !== null)
        out.refreshUrl = flow.refreshUrl;
    out.scopes = { ...(flow.scopes ?? {}) };
    for (const url of urls)
        out[url] = flow[url];
    for (const [key, value] of Object.entries(flow)) {
        if (key in out || key === 'refreshUrl' || value === undefined || value === null)
            continue;
        out[key] = value;
    }
    return out;
}
/**
 * The OpenAPI `flows` object as FastAPI emits it: `undefined`/`null` fields
 * dropped, `scopes` always present (`{}` by default), extensions kept.
 *
 * @example
 * ```ts
 * normaliseFlows({ password: { tokenUrl: '/token' } }) // { password: { scopes: {}, tokenUrl: '/token' } }
 * ```
 */
export function normaliseFlows(flows) {
    const out = {};
    for (const [kind, flow] of Object.entries(flows)) {
        if (flow === undefined || flow === null)
            continue;
        out[kind] = kind in FLOW_URLS ? normaliseFlow(kind, flow) : flow;
    }
    return out;
}
function oauth2Scheme(defaultName, options, flows, rawHeader) {
    return defineScheme({
        defaultName,
        options,
        openapi: { type: 'oauth2', flows: normaliseFlows(flows) },
        challenge: 'Bearer',
        consumes: [{ in: 'header', name: 'authorization' }],
        bearerChallenges: true,
        read: rawHeader
            ? (request) => {
                const value = request.header('authorization');
                return value ? found(value) : MISSING;
            }
            : readsAuthorizationOnce((request) => {
                const parts = readAuthorization(request, 'bearer');
                return parts ? found(parts.credentials) : MISSING;
            }, true),
    });
}
/**
 * A generic OAuth2 scheme (FastAPI's `OAuth2`): its value is the whole
 * `Authorization` header as sent (`Bearer abc`, or any other scheme); only
 * an absent or empty header answers 401 with `WWW-Authenticate: Bearer`.
 *
 * @example
 * ```ts
 * const oauth = oauth2({ flows: { implicit: { authorizationUrl: 'https://id.example.com/authorize', scopes: { read: 'Read' } } } })
 * router.get('/me', { authorization: oauth }, ({ authorization }) => introspect(authorization))
 * ```
 */
export function oauth2(options = {}) {
    return oauth2Scheme('OAuth2', options, options.flows ?? {}, true);
}
/**
 * A bearer token obtained with the OAuth2 password flow (FastAPI's
 * `OAuth2PasswordBearer`); the value is the token. Missing, another
 * scheme, or `Bearer` without a token answers 401 with
 * `WWW-Authenticate: Bearer` (FastAPI returns `""` for the last case).
 *
 * @example
 * ```ts
 * const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself', items: 'Read items' } })
 * const currentUser = depends({ token: oauth2Scheme }, ({ token }) => decodeToken(token))
 * ```
 */
export function oauth2PasswordBearer(options) {
    const { tokenUrl, scopes, refreshUrl } = options ?? {};
    const flows = { password: { tokenUrl, scopes, refreshUrl } };
    return oauth2Scheme('OAuth2PasswordBearer', options ?? {}, flows, false);
}
/**
 * A bearer token obtained with the OAuth2 authorization code flow
 * (FastAPI's `OAuth2AuthorizationCodeBearer`); the value is the token.
 * Same 401 rules as {@link oauth2PasswordBearer}.
 *
 * @example
 * ```ts
 * const sso = oauth2AuthorizationCodeBearer({
 *   authorizationUrl: 'https://id.example.com/authorize',
 *   tokenUrl: 'https://id.example.com/token',
 *   scopes: { openid: 'OpenID' },
 * })
 * ```
 */
export function oauth2AuthorizationCodeBearer(options) {
    const { authorizationUrl, tokenUrl, refreshUrl, scopes } = options ?? {};
    const flows = { authorizationCode: { authorizationUrl, tokenUrl, refreshUrl, scopes } };
    return oauth2Scheme('OAuth2AuthorizationCodeBearer', options ?? {}, flows, false);
}
/**
 * A bearer token obtained with the OAuth2 client credentials flow
 * (machine-to-machine); the value is the token. Same 401 rules as
 * {@link oauth2PasswordBearer}. FastAPI has no such class; the default
 * scheme name follows its naming: `OAuth2ClientCredentialsBearer`.
 *
 * @example
 * ```ts
 * const service = oauth2ClientCredentialsBearer({ tokenUrl: 'https://id.example.com/token', scopes: { 'jobs:run': 'Run jobs' } })
 * router.post('/jobs', { token: security(service, { scopes: ['jobs:run'] }) }, ({ token }) => runJob(token))
 * ```
 */
export function oauth2ClientCredentialsBearer(options) {
    const { tokenUrl, scopes, refreshUrl } = options ?? {};
    const flows = { clientCredentials: { tokenUrl, scopes, refreshUrl } };
    return oauth2Scheme('OAuth2ClientCredentialsBearer', options ?? {}, flows, false);
}
//# sourceMappingURL=oauth2.js.map