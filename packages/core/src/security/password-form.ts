/**
 * The OAuth2 password-grant request form (FastAPI's
 * `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`): form
 * fields `grant_type`, `username`, `password`, `scope`, `client_id`,
 * `client_secret`, with FastAPI's 422 answers.
 */
import { z } from 'zod';
import { createDependency } from '../dependency/depends.js';
import type { CallContext, Dependency } from '../dependency/types.js';
import { RequestValidationError, type ValidationIssue } from '../errors/catalogue.js';
import { form } from '../sources/body.js';
import { pythonSplit } from './python-strings.js';

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

const GRANT_PATTERN = '^password$';
const PATTERN_MESSAGE = `String should match pattern '${GRANT_PATTERN}'`;

/**
 * Longest `scope` field read (characters). Scope lists are a few names; a
 * longer field is refused (422 `string_too_long`) before it is split.
 */
export const MAX_SCOPE_LENGTH = 4096;

const grantType = z.string().regex(new RegExp(GRANT_PATTERN), { error: PATTERN_MESSAGE });
const secret = z.string().meta({ format: 'password' });

const schemaOf = (strict: boolean) =>
  z.object({
    grant_type: strict ? grantType : grantType.optional(),
    username: z.string(),
    password: strict ? z.string() : secret,
    scope: z.string().max(MAX_SCOPE_LENGTH).default(''),
    client_id: z.string().optional(),
    client_secret: strict ? z.string().optional() : secret.optional(),
  });

/** Rewrites zod's pattern issue on `grant_type` as FastAPI (pydantic) reports it. */
function asFastApiIssue(issue: ValidationIssue): ValidationIssue {
  if (issue.type !== 'invalid_format' || issue.loc.length !== 2 || issue.loc[1] !== 'grant_type') return issue;
  return { type: 'string_pattern_mismatch', loc: issue.loc, msg: PATTERN_MESSAGE, input: issue.input, ctx: { pattern: GRANT_PATTERN } };
}

function passwordForm<G extends string | undefined>(strict: boolean, name: string): Dependency<OAuth2PasswordRequest<G>> {
  const source = form(schemaOf(strict), { schemaName: name });
  const fn = (values: unknown, context: CallContext): OAuth2PasswordRequest<G> => {
    let data: z.output<ReturnType<typeof schemaOf>>;
    try {
      data = source.fn(values, context) as typeof data;
    } catch (error) {
      if (error instanceof RequestValidationError) throw new RequestValidationError(error.errors.map(asFastApiIssue));
      throw error;
    }
    return {
      grantType: data.grant_type as G,
      username: data.username,
      password: data.password,
      scopes: pythonSplit(data.scope),
      clientId: data.client_id,
      clientSecret: data.client_secret,
    };
  };
  return createDependency<OAuth2PasswordRequest<G>>({}, fn, { name, meta: source.meta });
}

/**
 * The OAuth2 password-grant form (FastAPI's `OAuth2PasswordRequestForm`),
 * read from an `application/x-www-form-urlencoded` body: `username` and
 * `password` required, `grant_type` optional but `password` when sent,
 * `scope` (at most {@link MAX_SCOPE_LENGTH} characters) split into `scopes`. An empty field counts as absent. Missing
 * fields answer 422 (`["body","username"]`, ...); `grant_type=incorrect`
 * answers 422 `string_pattern_mismatch` at `["body","grant_type"]`.
 *
 * `password` is given as sent, control characters (NUL included) and all:
 * refuse those before hashing or verifying it (scrypt and PBKDF2 pad a
 * short HMAC key with zero bytes, so `secret\0` would verify as `secret`).
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordForm }, async ({ form }) => {
 *   const user = await users.authenticate(form.username, form.password)
 *   if (!user) throw new HTTPException(400, 'Incorrect username or password')
 *   return { access_token: issueToken(user, form.scopes), token_type: 'bearer' }
 * })
 * ```
 */
export const oauth2PasswordForm: Dependency<OAuth2PasswordRequest<string | undefined>> = passwordForm<string | undefined>(false, 'OAuth2PasswordRequestForm');

/**
 * The strict password-grant form (FastAPI's
 * `OAuth2PasswordRequestFormStrict`): like {@link oauth2PasswordForm} but
 * `grant_type=password` is required, as RFC 6749 §4.3.2 says.
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordFormStrict }, ({ form }) => login(form.username, form.password, form.scopes))
 * ```
 */
export const oauth2PasswordFormStrict: Dependency<OAuth2PasswordRequest<string>> = passwordForm<string>(true, 'OAuth2PasswordRequestFormStrict');
