/**
 * What every security scheme shares: its options (`schemeName`,
 * `description`, `autoError`, `notAuthenticated`), the value type that
 * follows from `autoError`, and `defineScheme()`, the one scheme
 * constructor: a credential reader, an optional check of what it read
 * (a token verified with its issuer's keys), the OpenAPI entry and the
 * challenge make a dependency that composes with every other scheme
 * (AND, `anyOf`).
 */
import { securityScopes } from '../dependency/builtins.js';
import { createDependency } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { Refusal } from '../dependency/refusal.js';
import { preparedNotAuthenticated, repeatedCredential } from './errors.js';
const readers = new WeakMap();
/**
 * The credential reader of a scheme (or of an `anyOf`), if the dependency is one.
 *
 * @example
 * ```ts
 * credentialReader(bearer)?.read(request) // { ok: true, value: { scheme: 'Bearer', credentials: 'abc' } }
 * ```
 */
export function credentialReader(dependency) {
    return readers.get(dependency);
}
/**
 * Registers a reader for a dependency (used by `anyOf`).
 *
 * @example
 * ```ts
 * registerReader(dependency, { read, challenges: ['Bearer'], optional: false, notAuthenticated: () => notAuthenticated('Bearer') })
 * ```
 */
export function registerReader(dependency, reader) {
    readers.set(dependency, reader);
}
/**
 * Found a credential.
 *
 * @example
 * ```ts
 * read: (request) => { const v = request.header('x-token'); return v ? found(v) : MISSING }
 * ```
 */
export const found = (value) => ({ ok: true, value });
/**
 * No credential, or one for another scheme.
 *
 * @example
 * ```ts
 * read: (request) => (request.header('x-token') ? found(request.header('x-token')!) : MISSING)
 * ```
 */
export const MISSING = Object.freeze({ ok: false, malformed: false });
/**
 * A credential for this scheme that cannot be decoded.
 *
 * @example
 * ```ts
 * read: (request) => { const v = request.header('x-sig'); if (!v) return MISSING; const d = decode(v); return d ? found(d) : MALFORMED }
 * ```
 */
export const MALFORMED = Object.freeze({ ok: false, malformed: true });
/**
 * Throws a startup error for an invalid scheme option.
 *
 * @example
 * ```ts
 * if (!headerName) invalidOption('APIKeyHeader', 'name must be a non-empty string')
 * ```
 */
export function invalidOption(scheme, message) {
    throw new ConfigurationError(ErrorCode.InvalidSchemeOption, `Security scheme ${scheme}: ${message}`);
}
/** Readers that refuse a repeated `Authorization` header themselves (see {@link readsAuthorizationOnce}), with whether their 400 speaks Bearer. */
const checksAuthorization = new WeakMap();
/**
 * Marks a credential reader that reads `Authorization` through
 * `readAuthorization()`, which already answers a repeated header with the
 * 400 (`bearer`: whether that 400 carries the Bearer challenge, as
 * `readAuthorization(request, 'bearer')` does): the scheme constructor then
 * does not check the header a second time. Returns the reader.
 *
 * @example
 * ```ts
 * read: readsAuthorizationOnce((request) => { const parts = readAuthorization(request, 'bearer'); return parts ? found(parts) : MISSING }, true)
 * ```
 */
export function readsAuthorizationOnce(read, bearer) {
    checksAuthorization.set(read, bearer);
    return read;
}
/**
 * A reader that first refuses a request sending one of the scheme's
 * credential headers more than once (400 `invalid_request`, whatever
 * `autoError` says): which line would count is ambiguous.
 */
function refuseRepeated(read, scheme) {
    const own = checksAuthorization.get(read);
    const headers = scheme.consumes
        .filter((c) => c.in === 'header')
        .map((c) => c.name.toLowerCase())
        // a reader that refuses a repeated `Authorization` itself, with this scheme's answer, is not made to look twice
        .filter((name) => !(name === 'authorization' && own === scheme.bearerChallenges));
    if (headers.length === 0)
        return read;
    return (request) => {
        for (let i = 0; i < headers.length; i++)
            if (request.headerAll(headers[i]).length > 1)
                throw repeatedCredential(headers[i], scheme.bearerChallenges);
        return read(request);
    };
}
/**
 * Builds a security scheme: the one constructor every scheme goes through
 * (core's, `@depends/jwt`'s, yours), so that each composes with every other
 * — side by side (AND) or as alternatives in `anyOf()`. The dependency
 * reads the credential; when it is missing it throws the scheme's
 * not-authenticated error (or gives `undefined` with `autoError: false`);
 * malformed credentials always throw. A credential header (one the scheme
 * `consumes`) sent more than once is a 400 `invalid_request`. With
 * `verify`, a credential found is then checked, and the value is what
 * `verify` gives.
 *
 * @example
 * ```ts
 * const teamToken = defineScheme({
 *   defaultName: 'TeamToken',
 *   options: {},
 *   openapi: { type: 'apiKey', in: 'header', name: 'x-team-token' },
 *   challenge: 'APIKey',
 *   consumes: [{ in: 'header', name: 'x-team-token' }],
 *   bearerChallenges: false,
 *   read: (request) => { const v = request.header('x-team-token'); return v ? found(v) : MISSING },
 * })
 *
 * // with a check: the value is the team, an unknown token a 401
 * const team = defineScheme({
 *   defaultName: 'TeamToken',
 *   options: {},
 *   openapi: { type: 'http', scheme: 'bearer' },
 *   challenge: 'Bearer',
 *   consumes: [{ in: 'header', name: 'authorization' }],
 *   bearerChallenges: true,
 *   read: (request) => { const parts = readAuthorization(request, 'bearer'); return parts ? found(parts.credentials) : MISSING },
 *   verify: async (token) => (await teams.byToken(token)) ?? refuse(invalidToken()),
 * })
 * anyOf(team, apiKeyHeader({ name: 'x-api-key' })) // a team token, or an API key
 * ```
 */
export function defineScheme(definition) {
    const { options, verify } = definition;
    const name = options.schemeName ?? definition.defaultName;
    if (typeof name !== 'string' || name === '')
        invalidOption(definition.defaultName, 'schemeName must be a non-empty string');
    if (verify !== undefined && typeof verify !== 'function')
        invalidOption(definition.defaultName, 'verify must be a function');
    const requires = definition.requires ?? [];
    if (!Array.isArray(requires) || requires.some((s) => s?.meta?.security?.kind !== 'scheme')) {
        invalidOption(definition.defaultName, 'requires must be a list of security schemes');
    }
    const { type, ...rest } = definition.openapi;
    const openapi = Object.freeze({
        type,
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...rest,
    });
    const optional = options.autoError === false;
    const scheme = Object.freeze({
        name,
        openapi,
        challenge: definition.challenge,
        consumes: Object.freeze(definition.consumes.map((c) => Object.freeze({ ...c }))),
        optional,
        bearerChallenges: definition.bearerChallenges,
    });
    const read = refuseRepeated(definition.read, scheme);
    const custom = options.notAuthenticated;
    const missing = preparedNotAuthenticated(scheme.challenge === undefined ? [] : scheme.challenge);
    const fail = () => (custom ? custom(scheme) : missing());
    let fn;
    if (verify === undefined) {
        fn = (_values, context) => {
            const result = read(context.request);
            if (result.ok)
                return result.value;
            if (optional && !result.malformed)
                return undefined;
            return new Refusal(fail()); // handled by the resolver as a throw
        };
    }
    else {
        fn = ({ required }, context) => {
            const result = read(context.request);
            if (result.ok)
                return verify(result.value, { required, request: context.request });
            if (optional && !result.malformed)
                return undefined;
            return new Refusal(fail());
        };
    }
    Object.defineProperty(fn, 'name', { value: name });
    const meta = {
        security: { kind: 'scheme', scheme },
        ...(definition.enforcesScopes ? { enforcesScopes: true } : {}),
        ...(definition.responses?.length ? { responses: Object.freeze([...definition.responses]) } : {}),
        ...(definition.answerHeaders !== undefined ? { answerHeaders: Object.freeze({ ...definition.answerHeaders }) } : {}),
    };
    const inputs = verify === undefined ? {} : { required: securityScopes };
    requires.forEach((required, i) => (inputs[`requires.${i}`] = required));
    const dependency = createDependency(inputs, fn, { name, meta });
    registerReader(dependency, { read, challenges: scheme.challenge === undefined ? [] : [scheme.challenge], optional, notAuthenticated: fail });
    return dependency;
}
//# sourceMappingURL=scheme.js.map