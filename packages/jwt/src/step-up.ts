/**
 * Step-up authentication (RFC 9470): a route that needs the user to have
 * signed in a certain way (`acr`) or recently (`auth_time`) answers a token
 * below that level 401 `insufficient_user_authentication`, saying in the
 * challenge what to ask the authorization server for (`acr_values`,
 * `max_age`). The claims come from the verified JWT (`jwtBearer()`) or from
 * the introspection response (`tokenIntrospection()`) alike.
 */
import {
  ConfigurationError,
  ErrorCode,
  HTTPException,
  refuse,
  type Dependency,
  type Refusal,
  type Use,
} from '@depends/core';
import { createDependency, credentialReader, formatChallenge, isDependency, isUse } from '@depends/core/schemes';
import { tokenSchemeAnswers } from './token-scheme.js';

/**
 * Options of {@link stepUp}: the authentication level a route requires.
 *
 * @example
 * ```ts
 * const level: StepUpOptions = { acr: ['urn:example:mfa'], maxAge: 300 }
 * ```
 */
export interface StepUpOptions {
  /**
   * The `acr` values that satisfy the route, in order of preference (sent
   * as `acr_values`): a token whose `acr` is none of them is refused.
   */
  acr?: readonly string[];
  /**
   * The greatest time since the user signed in (`auth_time`), in seconds
   * (sent as `max_age`): a token without `auth_time`, or with an older one,
   * is refused.
   */
  maxAge?: number;
  /** The JSON `detail` of the 401 (default: the challenge's `error_description`). */
  detail?: string;
}

/** The value a step-up requirement reads: a token scheme's value, with its claims. */
interface WithClaims {
  readonly claims: object;
}

/** The `error_description` when the `acr` does not satisfy the route (RFC 9470 §3's example). */
export const DIFFERENT_LEVEL = 'A different authentication level is required';
/** The `error_description` when the sign-in is too old (RFC 9470 §3's example). */
export const MORE_RECENT = 'More recent authentication is required';

const mistake = (message: string): never => {
  throw new ConfigurationError(ErrorCode.StepUp, message);
};

/**
 * Requires an authentication level of the user behind a token (RFC 9470):
 * wraps the route's `jwtBearer()` or `tokenIntrospection()` scheme (or a
 * `security()` use of it), whose value it passes through unchanged. A token
 * whose `acr` claim is not among `acr`, or whose `auth_time` is older than
 * `maxAge` seconds (or missing), is answered **401** with
 *
 * ```
 * WWW-Authenticate: Bearer error="insufficient_user_authentication",
 *   error_description="A different authentication level is required",
 *   acr_values="urn:example:mfa", max_age="300"
 * ```
 *
 * (`error_description` says "More recent authentication is required" when
 * only the age fails; `acr_values` and `max_age` are both sent when both are
 * required, so the client's next authorization request asks for all at
 * once; `realm` and `resource_metadata` as in the scheme's other
 * challenges). The checks run after the scheme's own (a refused token is
 * `invalid_token`, a missing scope 403 first). The operation documents it:
 * the challenge in its 401's `WWW-Authenticate`, and `x-step-up: {
 * acr_values, max_age }`.
 *
 * Startup errors (`DEPENDS_STEP_UP`): anything but a token scheme of this
 * package, a scheme with `autoError: false`, neither `acr` nor `maxAge`.
 *
 * @example
 * ```ts
 * import { jwtBearer, stepUp } from '@depends/jwt'
 *
 * const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'api://reports', profile: 'rfc9068' })
 * const strongToken = stepUp(token, { acr: ['urn:example:mfa'], maxAge: 300 })
 * api.post('/reports/approve', { auth: security(strongToken, { scopes: ['reports:write'] }) }, ({ auth }) => approve(auth.claims.sub))
 * ```
 */
export function stepUp<T extends WithClaims | undefined>(scheme: Dependency<T> | Use<T>, options: StepUpOptions): Dependency<T> {
  const inner = isUse(scheme) ? scheme.dependency : (scheme as Dependency<T>);
  if (!isDependency(inner)) mistake('stepUp() needs a token scheme: stepUp(jwtBearer({ … }), { acr: [...] })');
  const name = `stepUp(${inner.name})`;
  const answers = tokenSchemeAnswers(inner);
  if (answers === undefined) {
    mistake(
      `${name}: "${inner.name}" is not a token scheme of @depends/jwt: only a verified token's acr and auth_time say how the user signed in, ` +
        `and only a bearer scheme's 401 carries insufficient_user_authentication. Wrap jwtBearer({ … }) or tokenIntrospection({ … })`,
    );
  }
  if (credentialReader(inner)?.optional) mistake(`${name}: the scheme has autoError: false, so a request without a token would pass unchecked. Use a required scheme`);
  if (!options || typeof options !== 'object') mistake(`${name}: options are required ({ acr, maxAge })`);
  const { acr, maxAge } = options;
  if (acr === undefined && maxAge === undefined) mistake(`${name}: give acr (the acceptable acr values) or maxAge (seconds since sign-in), or both`);
  if (acr !== undefined && (!Array.isArray(acr) || acr.length === 0 || !acr.every((v) => typeof v === 'string' && /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(v)))) {
    mistake(`${name}: acr must be a non-empty list of acr values (printable, without spaces, quotes or backslashes)`);
  }
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) mistake(`${name}: maxAge must be a whole number of seconds (0 or more)`);
  const acrValues = acr === undefined ? undefined : [...acr];
  const params = {
    realm: answers!.realm,
    error: 'insufficient_user_authentication',
    acr_values: acrValues?.join(' '),
    max_age: maxAge === undefined ? undefined : String(maxAge),
    resource_metadata: answers!.resourceMetadata,
  };
  const answer = (description: string): HTTPException =>
    new HTTPException(401, options.detail ?? description, {
      'www-authenticate': formatChallenge('Bearer', {
        realm: params.realm,
        error: params.error,
        error_description: description,
        acr_values: params.acr_values,
        max_age: params.max_age,
        resource_metadata: params.resource_metadata,
      }),
    });
  const differentLevel = answer(DIFFERENT_LEVEL);
  const moreRecent = answer(MORE_RECENT);
  const fn = ({ value }: { value: T }): T | Refusal => {
    // a required scheme: no value means no token got through, never a pass
    if (value === undefined || value === null) return refuse(differentLevel);
    const claims = value.claims as Readonly<Record<string, unknown>>;
    if (acrValues !== undefined && !(typeof claims.acr === 'string' && acrValues.includes(claims.acr))) return refuse(differentLevel);
    if (maxAge !== undefined) {
      const at = claims.auth_time;
      if (!(typeof at === 'number' && Number.isFinite(at)) || Date.now() / 1000 - at > maxAge) return refuse(moreRecent);
    }
    return value;
  };
  return createDependency<T>({ value: scheme }, fn, {
    name,
    meta: {
      operation: {
        challenges: [formatChallenge('Bearer', params)],
        extensions: { 'x-step-up': { ...(acrValues ? { acr_values: acrValues } : {}), ...(maxAge !== undefined ? { max_age: maxAge } : {}) } },
      },
    },
  });
}
