import type { Dependency } from '../dependency/types.js';
/**
 * The fields of a password-grant token request, as a handler reads them.
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordForm }, ({ form }: { form: OAuth2PasswordRequest }) => login(form.username, form.password, form.scopes))
 * ```
 */
export interface OAuth2PasswordRequest<G extends string | undefined = string | undefined> {
    /** `password` when sent (required by the strict form). */
    readonly grantType: G;
    readonly username: string;
    readonly password: string;
    /** The `scope` field split on whitespace (`[]` when absent). */
    readonly scopes: string[];
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
}
/** Options of {@link oauth2PasswordRequestForm}. */
export interface PasswordFormOptions {
    /** Require `grant_type=password` (RFC 6749 §4.3.2; FastAPI's `...Strict` form). Default `false`. */
    strict?: boolean;
    /**
     * How a bad request is answered: `'oauth2'` (default) as RFC 6749 §5.2
     * (400 `invalid_request` / `unsupported_grant_type`, `Cache-Control:
     * no-store` on every answer of the route); `'fastapi'` as FastAPI (422
     * listing every problem).
     */
    errors?: 'oauth2' | 'fastapi';
    /** Component name of the form's schema (default `OAuth2PasswordRequestForm[Strict]`). */
    schemaName?: string;
}
/**
 * Longest `scope` field read (characters). Scope lists are a few names; a
 * longer field is refused before it is split (`invalid_scope`, or 422
 * `string_too_long` with `errors: 'fastapi'`).
 */
export declare const MAX_SCOPE_LENGTH = 4096;
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
export declare function oauth2PasswordRequestForm<const O extends PasswordFormOptions = {}>(options?: O): Dependency<OAuth2PasswordRequest<O extends {
    strict: true;
} ? string : string | undefined>>;
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
export declare const oauth2PasswordForm: Dependency<OAuth2PasswordRequest<string | undefined>>;
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
export declare const oauth2PasswordFormStrict: Dependency<OAuth2PasswordRequest<string>>;
