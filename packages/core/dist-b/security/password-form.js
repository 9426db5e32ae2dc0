/**
 * The OAuth2 password-grant request form (FastAPI's
 * `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`): form
 * fields `grant_type`, `username`, `password`, `scope`, `client_id`,
 * `client_secret`. By default a token endpoint speaks OAuth 2 (RFC 6749
 * §5.2): a bad request is a 400 `{"error","error_description"}` and every
 * answer carries `Cache-Control: no-store`; `errors: 'fastapi'` keeps
 * FastAPI's 422 answers instead.
 */
import { z } from 'zod/v4';
import { createDependency } from '../dependency/depends.js';
import { HTTPException, NO_STORE_HEADERS, OAuth2Error, RequestValidationError } from '../errors/catalogue.js';
import { form } from '../sources/body.js';
import { pythonSplit } from './python-strings.js';
/**
 * Longest `scope` field read (characters). Scope lists are a few names; a
 * longer field is refused before it is split (`invalid_scope`, or 422
 * `string_too_long` with `errors: 'fastapi'`).
 */
export const MAX_SCOPE_LENGTH = 4096;
const GRANT_PATTERN = '^password$';
const PATTERN_MESSAGE = `String should match pattern '${GRANT_PATTERN}'`;
const FIELDS = ['grant_type', 'username', 'password', 'scope', 'client_id', 'client_secret'];
const secret = z.string().meta({ format: 'password' });
/** FastAPI's schema: `grant_type` as a pattern. */
const fastApiSchema = (strict) => {
    const grantType = z.string().regex(new RegExp(GRANT_PATTERN), { error: PATTERN_MESSAGE });
    return z.object({
        grant_type: strict ? grantType : grantType.optional(),
        username: z.string(),
        password: strict ? z.string() : secret,
        scope: z.string().max(MAX_SCOPE_LENGTH).default(''),
        client_id: z.string().optional(),
        client_secret: strict ? z.string().optional() : secret.optional(),
    });
};
/** The OAuth 2 schema: `grant_type` documented as the constant `password`. */
const oauth2Schema = (strict) => {
    const grantType = z.literal('password').describe('The grant type: always `password` (RFC 6749 §4.3.2).');
    return z.object({
        grant_type: strict ? grantType : grantType.optional(),
        username: z.string(),
        password: secret,
        scope: z.string().max(MAX_SCOPE_LENGTH).describe('The requested scopes, space-separated.').optional(),
        client_id: z.string().optional(),
        client_secret: secret.optional(),
    });
};
/** Rewrites zod's pattern issue on `grant_type` as FastAPI (pydantic) reports it. */
function asFastApiIssue(issue) {
    if (issue.type !== 'invalid_format' || issue.loc.length !== 2 || issue.loc[1] !== 'grant_type')
        return issue;
    return { type: 'string_pattern_mismatch', loc: issue.loc, msg: PATTERN_MESSAGE, input: issue.input, ctx: { pattern: GRANT_PATTERN } };
}
/**
 * The one OAuth 2 error for a token request's problems (RFC 6749 §5.2):
 * a wrong `grant_type` is `unsupported_grant_type`, anything else
 * (missing, repeated or malformed parameters) `invalid_request`. Never
 * echoes a value.
 */
function toOAuth2Error(issues) {
    const grant = issues.find((i) => i.loc[1] === 'grant_type');
    if (grant && grant.type !== 'missing')
        return new OAuth2Error('unsupported_grant_type', 'grant_type must be "password"');
    const missing = issues.filter((i) => i.type === 'missing').map((i) => String(i.loc[1]));
    if (missing.length === 0 && issues.every((i) => i.loc[1] === 'scope'))
        return new OAuth2Error('invalid_scope', `scope is longer than ${MAX_SCOPE_LENGTH} characters`);
    if (missing.length > 0)
        return new OAuth2Error('invalid_request', `Missing parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    const invalid = [...new Set(issues.map((i) => String(i.loc[1] ?? 'body')))];
    return new OAuth2Error('invalid_request', `Invalid parameter${invalid.length > 1 ? 's' : ''}: ${invalid.join(', ')}`);
}
/**
 * A body that could not be read as the form (another media type, a broken
 * multipart body): `invalid_request`. A body over the size limit keeps its
 * 413, with `Cache-Control: no-store`.
 */
function bodyErrorAsOAuth2(error) {
    if (!(error instanceof HTTPException) || error instanceof OAuth2Error)
        return error;
    if (error.status === 413)
        return new HTTPException(413, error.detail, { ...error.headers, ...NO_STORE_HEADERS });
    if (error.status === 415)
        return new OAuth2Error('invalid_request', 'The token request must be sent as application/x-www-form-urlencoded');
    if (error.status === 400 || error.status === 422)
        return new OAuth2Error('invalid_request', 'The request body could not be read');
    return error;
}
/**
 * A password-grant form with its error style (see {@link PasswordFormOptions}).
 * The default forms, {@link oauth2PasswordForm} and
 * {@link oauth2PasswordFormStrict}, are two of these.
 *
 * @example
 * ```ts
 * const fastApiForm = oauth2PasswordRequestForm({ strict: true, errors: 'fastapi' }) // 422 answers, as FastAPI
 * router.post('/token', { form: fastApiForm }, ({ form }) => login(form))
 * ```
 */
export function oauth2PasswordRequestForm(options) {
    const strict = options?.strict === true;
    const oauth2 = options?.errors !== 'fastapi';
    const name = options?.schemaName ?? `${oauth2 ? '' : 'FastAPI'}OAuth2PasswordRequestForm${strict ? 'Strict' : ''}`;
    const source = form(oauth2 ? oauth2Schema(strict) : fastApiSchema(strict), { schemaName: name });
    const spec = oauth2
        ? { ...source.meta.source, bodyError: bodyErrorAsOAuth2, answerHeaders: NO_STORE_HEADERS, tokenEndpoint: true }
        : source.meta.source;
    const fn = (values, context) => {
        let data;
        if (oauth2) {
            // RFC 6749 §3.2: a parameter sent more than once is an invalid request.
            const fields = context.body?.kind === 'form' ? context.body.fields : undefined;
            const repeated = fields ? FIELDS.filter((f) => fields.getAll(f).length > 1) : [];
            if (repeated.length > 0)
                throw new OAuth2Error('invalid_request', `Repeated parameter${repeated.length > 1 ? 's' : ''}: ${repeated.join(', ')}`);
        }
        try {
            data = source.fn(values, context);
        }
        catch (error) {
            if (!(error instanceof RequestValidationError))
                throw error;
            if (oauth2)
                throw toOAuth2Error(error.errors);
            throw new RequestValidationError(error.errors.map(asFastApiIssue));
        }
        return {
            grantType: data.grant_type,
            username: data.username,
            password: data.password,
            scopes: pythonSplit(data.scope ?? ''),
            clientId: data.client_id,
            clientSecret: data.client_secret,
        };
    };
    return createDependency({}, fn, { name, meta: { ...source.meta, source: spec } });
}
/**
 * The OAuth2 password-grant form (FastAPI's `OAuth2PasswordRequestForm`),
 * read from an `application/x-www-form-urlencoded` body: `username` and
 * `password` required, `grant_type` optional but `password` when sent,
 * `scope` (at most {@link MAX_SCOPE_LENGTH} characters) split into
 * `scopes`. An empty field counts as absent. Errors are
 * OAuth 2's (RFC 6749 §5.2): 400 `invalid_request` for a missing, repeated
 * or malformed parameter or a body in another media type,
 * `unsupported_grant_type` for another grant; every answer of the route
 * (the handler's too) carries `Cache-Control: no-store`. Throw
 * `new OAuth2Error('invalid_grant', …)` for wrong credentials.
 *
 * `password` is given as sent, control characters (NUL included) and all:
 * refuse those before hashing or verifying it (scrypt and PBKDF2 pad a
 * short HMAC key with zero bytes, so `secret\0` would verify as `secret`).
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordForm }, async ({ form }) => {
 *   const user = await users.authenticate(form.username, form.password)
 *   if (!user) throw new OAuth2Error('invalid_grant', 'Incorrect username or password')
 *   return { access_token: issueToken(user, form.scopes), token_type: 'bearer' }
 * })
 * ```
 */
export const oauth2PasswordForm = oauth2PasswordRequestForm();
/**
 * The strict password-grant form (FastAPI's
 * `OAuth2PasswordRequestFormStrict`): like {@link oauth2PasswordForm} but
 * `grant_type=password` is required, as RFC 6749 §4.3.2 says (a missing
 * one is `invalid_request`).
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordFormStrict }, ({ form }) => login(form.username, form.password, form.scopes))
 * ```
 */
export const oauth2PasswordFormStrict = oauth2PasswordRequestForm({ strict: true });
//# sourceMappingURL=password-form.js.map