/**
 * `jwtBearer()`: a security scheme for JWT access tokens from an identity
 * provider. It reads `Authorization: Bearer …`, verifies the token with jose
 * (issuer, audience, allowed algorithms, expiry with a clock tolerance,
 * required claims, signature against the issuer's keys), enforces the scopes
 * the route requires, and documents the provider so Swagger UI's Authorize
 * logs in through it.
 */
import { anyOf, ConfigurationError, invalidToken, type AlternativeSchemes, type InvalidTokenOptions, type SchemeValue, type SecurityScheme } from '@depends/core';
import { decodeJwt, type JSONWebKeySet, type JWTVerifyOptions, type JWTVerifyResult } from 'jose';
import type { z } from 'zod/v4';
import { accessToken, scopesOf, type AccessToken, type ScopeSource, type VerifiedClaims } from './claims.js';
import { refusal } from './failures.js';
import { timingMistake } from './backoff.js';
import { KeySource, type KeyLocation, type KeyTimings } from './keys.js';
import { VerifiedTokens, ageInSeconds, type TokenCacheOptions } from './token-cache.js';
import { challengeParams, documentedAs, invalidOption, nonEmpty, registerTokenScheme, schemeNameOf, tokenScheme, tokenSchemeAnswers, type TokenSchemeOptions } from './token-scheme.js';
import type { SchemeInfo } from '@depends/core/schemes';
import { checkProfile, profileOptions, type JwtProfile, type ProfileClaims } from './profile.js';

/**
 * The algorithms accepted by default: every asymmetric JWS algorithm jose
 * verifies. `none` and the HMAC algorithms (`HS256`…) are never accepted: a
 * public key must not be usable as an HMAC secret (algorithm confusion).
 *
 * @example
 * ```ts
 * jwtBearer({ issuer, audience, algorithms: ASYMMETRIC_ALGORITHMS.filter((a) => a.startsWith('ES')) })
 * ```
 */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = Object.freeze([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

/** A zod schema for custom claims (an object schema, usually). */
type ClaimsSchema = z.ZodType<object>;

/** The custom claims a schema adds to the value's `claims`. */
export type ClaimsOf<S> = S extends z.ZodType<object> ? z.output<S> : {};

/**
 * What {@link jwtBearer} checks of one issuer's tokens and where it finds
 * its keys: the options of the single-issuer form besides the document's, and
 * of each entry of `issuers`.
 *
 * @example
 * ```ts
 * const partners: JwtIssuerOptions = { issuer: 'https://login.partner.example', audience: 'api://reports', algorithms: ['ES256'] }
 * ```
 */
export interface JwtIssuerOptions<S extends ClaimsSchema | undefined = undefined> extends KeyTimings {
  /** The issuer (`iss`) the tokens must come from, exactly as the provider names itself. */
  issuer: string;
  /** The audience (`aud`) this API answers to: a token for any other audience is refused. */
  audience: string | readonly string[];
  /** Where the provider's metadata is (default `<issuer>/.well-known/openid-configuration`); its `jwks_uri` gives the keys. */
  discoveryUrl?: string;
  /** The provider's JWKS URL, when there is no discovery document to read it from. */
  jwksUri?: string;
  /** The verification keys themselves (no fetching at all). */
  jwks?: JSONWebKeySet;
  /** Accepted `alg` values (default {@link ASYMMETRIC_ALGORITHMS}); `none` and `HS*` are refused at startup. */
  algorithms?: readonly string[];
  /** Leeway for `exp`/`nbf`/`iat`, in seconds or as a jose duration (`'30s'`); default 5 seconds. */
  clockTolerance?: number | string;
  /** Claims that must be present, besides `iss`, `aud` and `exp` (always required). */
  requiredClaims?: readonly string[];
  /** The expected `typ` header, e.g. `'at+jwt'` for RFC 9068 access tokens (default: not checked; `profile: 'rfc9068'` sets it). */
  typ?: string;
  /**
   * `'rfc9068'` (recommended): every check RFC 9068 §4 asks of a resource
   * server — `typ` `at+jwt` (or `application/at+jwt`), the claims `iss exp
   * aud sub client_id iat jti` required (`sub`, `client_id`, `jti` strings),
   * `auth_time` a number, `acr` a string and `amr` a list of strings when
   * present — each failure a 401 `invalid_token` naming the claim. The
   * value's `claims` are typed accordingly (`Rfc9068Claims`).
   */
  profile?: JwtProfile;
  /** The greatest age of a token since its `iat` (seconds or `'1h'`); default: not checked. */
  maxTokenAge?: number | string;
  /**
   * Keep tokens once verified (`true`, or `{ maxEntries }`; default off):
   * a token seen again is not verified again until its `exp` (or `iat` +
   * `maxTokenAge`), nor after the issuer's key set changes or is due to be
   * fetched again. Refusals are never cached. Safe wherever a JWT access
   * token is accepted until it expires anyway (a signed token cannot be
   * revoked without introspection); see the guide.
   */
  tokenCache?: boolean | TokenCacheOptions;
  /** A zod schema for custom claims: a token whose claims do not match is refused (401); its output types `claims`. */
  claims?: S;
  /** Where the granted scopes are read (default: `scope`, else `scp`). */
  scopeClaim?: ScopeSource;
  /** Called (for logs) once for each failed attempt to reach the provider (unreachable, or answering something unusable). */
  onProviderError?: (error: unknown) => void;
}

/**
 * Options of {@link jwtBearer}.
 *
 * @example
 * ```ts
 * const options: JwtBearerOptions = { issuer: 'https://id.example.com', audience: 'api://reports', clockTolerance: 10 }
 * ```
 */
export interface JwtBearerOptions<S extends ClaimsSchema | undefined = undefined, A extends boolean = boolean>
  extends TokenSchemeOptions<A>,
    JwtIssuerOptions<S> {}

/**
 * One entry of `jwtBearer({ issuers })`: an issuer with its own audience,
 * algorithms, claims schema and keys (its own cache).
 *
 * @example
 * ```ts
 * const staff: JwtIssuerEntry = { issuer: 'https://staff.example.com', audience: 'api://reports', claims: z.object({ team: z.string() }) }
 * ```
 */
export interface JwtIssuerEntry extends JwtIssuerOptions<ClaimsSchema | undefined> {
  /**
   * Its name in `components.securitySchemes` (default: the scheme's kind and
   * the issuer's host, port and path, e.g. `OpenIdConnect-id.example.com`).
   */
  schemeName?: string;
  /** The description of its `securitySchemes` entry (default: the scheme's `description`, else which issuer it is). */
  description?: string;
}

/**
 * Options of the several-issuers form of {@link jwtBearer}: the document's
 * and answers' options once, the checks per issuer in `issuers`.
 *
 * @example
 * ```ts
 * const options: JwtBearerIssuersOptions<readonly JwtIssuerEntry[]> = { issuers: [{ issuer: 'https://a.example', audience: 'api://x' }, { issuer: 'https://b.example', audience: 'api://x' }] }
 * ```
 */
export interface JwtBearerIssuersOptions<E extends readonly JwtIssuerEntry[], A extends boolean = boolean> extends TokenSchemeOptions<A> {
  /**
   * The issuers whose tokens are accepted. A token's `iss` (read before
   * verification only to choose) must equal one of them exactly; the keys
   * are those of that entry only — never a URL taken from the token.
   */
  issuers: E;
  /** Not with `issuers`: give each issuer in the list. */
  issuer?: never;
  /** The profile of every issuer's tokens (an entry's own `profile` wins); see {@link JwtIssuerOptions.profile}. */
  profile?: JwtProfile;
}

/**
 * The value of `jwtBearer({ issuers })`: the {@link AccessToken} of the
 * entry that verified it, with `issuer` naming that entry (a union of
 * literals when the list is written inline or `as const`, so checking
 * `issuer` narrows `claims` to that issuer's schema).
 *
 * @example
 * ```ts
 * const who = (t: IssuedAccessToken<{ issuer: 'https://a.example'; audience: string }>) => t.issuer // 'https://a.example'
 * ```
 */
export type IssuedAccessToken<E, P = undefined> = E extends { issuer: infer I extends string }
  ? AccessToken<(E extends { claims: infer S } ? ClaimsOf<S> : {}) & ProfileClaims<E extends { profile: infer Q } ? Q : P>> & { readonly issuer: I }
  : never;

const invalid = (message: string): never => invalidOption('jwtBearer', message);

const TIMINGS = ['timeoutDuration', 'cooldownDuration', 'cacheMaxAge', 'retryDelay', 'maxRetryDelay'] as const;

function checkedAlgorithms(algorithms: readonly string[] | undefined): string[] {
  const list = [...(algorithms ?? ASYMMETRIC_ALGORITHMS)];
  if (list.length === 0) invalid('algorithms must not be empty');
  for (const alg of list) {
    if (!nonEmpty(alg)) invalid('algorithms must be strings');
    if (alg.toLowerCase() === 'none') invalid('"none" is never accepted: unsigned tokens prove nothing');
    if (/^HS\d+$/i.test(alg)) {
      invalid(`"${alg}" is not accepted: an HMAC algorithm next to public keys allows algorithm confusion; use the provider's asymmetric keys`);
    }
    if (!ASYMMETRIC_ALGORITHMS.includes(alg)) invalid(`"${alg}" is not an asymmetric JWS algorithm (${ASYMMETRIC_ALGORITHMS.join(', ')})`);
  }
  return list;
}

function keyLocation(options: JwtIssuerOptions<any>): KeyLocation {
  const given = [options.jwks !== undefined, options.jwksUri !== undefined, options.discoveryUrl !== undefined].filter(Boolean).length;
  if (given > 1) invalid('give one of jwks, jwksUri and discoveryUrl');
  if (options.jwks !== undefined) {
    if (!Array.isArray(options.jwks?.keys)) invalid('jwks must be a JSON Web Key Set ({ keys: [...] })');
    return { jwks: options.jwks };
  }
  if (options.jwksUri !== undefined) {
    if (!URL.canParse(options.jwksUri)) invalid(`jwksUri must be an absolute URL, got ${JSON.stringify(options.jwksUri)}`);
    return { jwksUri: options.jwksUri };
  }
  const discoveryUrl = options.discoveryUrl ?? `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  if (!URL.canParse(discoveryUrl)) invalid(`the discovery URL must be absolute, got ${JSON.stringify(discoveryUrl)} (is the issuer a URL?)`);
  return { discoveryUrl, issuer: options.issuer };
}

/**
 * A bearer scheme for JWT access tokens from an identity provider. The
 * value is an {@link AccessToken}: the verified claims (typed; custom
 * claims from the `claims` zod schema), the granted scopes and the header.
 *
 * - Verification (jose): signature with the issuer's keys, `iss`, `aud`,
 *   `exp`/`nbf` with `clockTolerance` (5 s), `requiredClaims`, `typ`; only
 *   asymmetric algorithms (`none` and `HS*` are refused).
 * - Keys: from OpenID Connect discovery (`<issuer>/.well-known/openid-configuration`
 *   → `jwks_uri`) by default, or `jwksUri`, or `jwks`; fetched on the first
 *   token, cached (`cacheMaxAge`, 10 min), fetched again when a token names
 *   an unknown `kid` (at most once per `cooldownDuration`, 30 s), so the
 *   provider can rotate its keys while the API runs. Concurrent requests
 *   share one fetch.
 * - An unreachable provider is asked again soon: 100–200 ms after the first
 *   failure, each wait doubling up to `maxRetryDelay` (600 ms), jittered
 *   (`retryDelay`, `maxRetryDelay`); so the outage ends for the API at most
 *   that long after the provider is back.
 * - Scopes: those required with `security(scheme, { scopes })` down to this
 *   use are compared with the token's (`scope`, else `scp`): one missing is
 *   a 403 `insufficient_scope`.
 * - Answers: no bearer token → 401 `{"detail":"Not authenticated"}` +
 *   `WWW-Authenticate: Bearer` (or `undefined` with `autoError: false`); a
 *   refused token → 401 `Bearer error="invalid_token", error_description="The token has expired"`
 *   (what failed, nothing more); the provider needed but unreachable → 503
 *   with `Retry-After` (seconds until the next attempt, at least 1: a client
 *   should retry, not drop its token). Keys
 *   already fetched keep verifying tokens while the provider is down; only a
 *   token signed with a key never seen waits for it.
 * - Document: an `openIdConnect` scheme pointing at the discovery document
 *   (Swagger UI reads the provider's endpoints and scopes from it), or
 *   `oauth2` with the given `flows`; 401, 403 and 503 are listed on each route.
 *
 * @example
 * ```ts
 * import { jwtBearer } from '@depends/jwt'
 * import { security, Router } from '@depends/core'
 *
 * const reportsToken = jwtBearer({
 *   issuer: 'https://id.example.com',
 *   audience: 'api://reports',
 *   claims: z.object({ tenant: z.string() }),
 * })
 * const api = new Router()
 * api.get('/me', { auth: reportsToken }, ({ auth }) => ({ sub: auth.claims.sub, tenant: auth.claims.tenant, scopes: auth.scopes }))
 * api.get('/reports', { auth: security(reportsToken, { scopes: ['reports:read'] }) }, ({ auth }) => reports.of(auth.claims.tenant))
 * ```
 */
export function jwtBearer<S extends ClaimsSchema | undefined = undefined, A extends boolean = true, P extends JwtProfile | undefined = undefined>(
  options: JwtBearerOptions<S, A> & { profile?: P },
): SecurityScheme<SchemeValue<AccessToken<ClaimsOf<S> & ProfileClaims<P>>, A>>;
/**
 * Several issuers, chosen from an allow-list: a token's `iss` is read
 * (before verification, only to choose) and must equal one entry's `issuer`
 * exactly; it is then verified with that entry's keys (each entry has its
 * own discovery and key cache), audience, algorithms and claims schema. A
 * token from an issuer not listed is refused 401 `invalid_token` ("The
 * token is from another issuer") without asking any provider: no URL is
 * ever taken from the token. The value says which issuer verified it.
 *
 * Documented as one scheme per issuer — `openIdConnect` at its discovery
 * document (an HTTP bearer for an issuer given `jwks`/`jwksUri`, `oauth2`
 * with the given `flows`), named `OpenIdConnect-<host>` unless the entry
 * gives `schemeName` — and each operation lists them as alternatives
 * (`[{ "OpenIdConnect-a.example": [scopes] }, { "OpenIdConnect-b.example": [scopes] }]`),
 * so Swagger UI's Authorize offers a login through either provider. The
 * scheme is an `anyOf` of those alternatives (one per issuer, the token's
 * `iss` choosing), so it composes as any `anyOf` does. With `resource`,
 * every issuer joins the metadata's `authorization_servers`, and the
 * resource URI must be among every entry's audiences.
 *
 * @example
 * ```ts
 * import { jwtBearer } from '@depends/jwt'
 *
 * const token = jwtBearer({
 *   issuers: [
 *     { issuer: 'https://staff.example.com', audience: 'api://reports', claims: z.object({ team: z.string() }) },
 *     { issuer: 'https://login.partner.example', audience: 'api://reports', algorithms: ['ES256'] },
 *   ],
 * })
 * api.get('/me', { auth: token }, ({ auth }) => (auth.issuer === 'https://staff.example.com' ? { team: auth.claims.team } : { partner: auth.claims.sub }))
 * ```
 */
export function jwtBearer<const E extends readonly JwtIssuerEntry[], A extends boolean = true, P extends JwtProfile | undefined = undefined>(
  options: JwtBearerIssuersOptions<E, A> & { profile?: P },
): AlternativeSchemes<SchemeValue<IssuedAccessToken<E[number], P>, A>>;
export function jwtBearer(options: JwtBearerOptions<any, any> | JwtBearerIssuersOptions<readonly JwtIssuerEntry[], any>): SecurityScheme<unknown> | AlternativeSchemes<unknown> {
  if (!options || typeof options !== 'object') invalid('options are required ({ issuer, audience })');
  if ('issuers' in options && options.issuers !== undefined) return severalIssuers(options as JwtBearerIssuersOptions<readonly JwtIssuerEntry[], any>);
  const prepared = prepareIssuer(options as JwtBearerOptions<any, any>, '');
  const location = prepared.location;
  const documented = documentedAs(options, 'discoveryUrl' in location ? location.discoveryUrl : undefined, { name: 'JWTBearer', format: 'JWT' });
  // `realm` and, with `resource`, `resource_metadata` in every challenge (the resource URI checked against the audiences)
  const answers = challengeParams('jwtBearer', options, { name: schemeNameOf(options, documented), issuer: prepared.issuer, audiences: prepared.audiences });
  return tokenScheme({
    kind: 'jwtBearer',
    options,
    documented,
    check: (token) => prepared.check(token, answers),
    scopesOf: (value) => value.scopes,
    challenge: answers,
  });
}

/** One issuer's checks, ready to verify: its own key source (and cache), jose's options, its claims schema. */
interface PreparedIssuer {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly location: KeyLocation;
  /** Synchronous for a token found in the verified-token cache (the route then resolves without a promise). */
  check(token: string, answers: InvalidTokenOptions): AccessToken<any> | Promise<AccessToken<any>>;
}

/** Checks one issuer's options (messages prefixed with `at`, e.g. `issuers[1]: `) and makes its verifier. */
function prepareIssuer(options: JwtIssuerOptions<any>, at: string): PreparedIssuer {
  const fail = (message: string): never => invalid(at + message);
  if (!nonEmpty(options.issuer)) fail('issuer must be a non-empty string');
  const audience = typeof options.audience === 'string' ? options.audience : options.audience ? [...options.audience] : undefined;
  if (audience === undefined || (Array.isArray(audience) ? audience.length === 0 || !audience.every(nonEmpty) : !nonEmpty(audience))) {
    fail('audience must be a non-empty string (or a list of them): a token for another API must not be accepted here');
  }
  const schema = options.claims as ClaimsSchema | undefined;
  if (schema !== undefined && typeof (schema as { safeParse?: unknown }).safeParse !== 'function') fail('claims must be a zod schema');
  const mistake = timingMistake(options, TIMINGS);
  if (mistake !== undefined) fail(mistake);
  if (options.timeoutDuration !== undefined && !Number.isInteger(options.timeoutDuration)) fail('timeoutDuration must be a whole number of milliseconds');
  let location: KeyLocation;
  let algorithms: string[];
  try {
    location = keyLocation(options);
    algorithms = checkedAlgorithms(options.algorithms);
  } catch (error) {
    if (at !== '' && error instanceof ConfigurationError) fail(error.message.replace(/^Security scheme jwtBearer: /, ''));
    throw error;
  }
  const profiled = profileOptions(options.profile, options);
  if (typeof profiled === 'string') fail(profiled);
  const { typ, requiredClaims } = profiled as Exclude<typeof profiled, string>;
  const keys = new KeySource(location, options, options.onProviderError);
  const maxAge = options.maxTokenAge === undefined ? undefined : ageInSeconds(options.maxTokenAge);
  if (options.tokenCache && options.maxTokenAge !== undefined && maxAge === undefined) fail("tokenCache needs maxTokenAge in seconds or as '<n>s|m|h|d'");
  const cache = options.tokenCache ? new VerifiedTokens(options.tokenCache === true ? {} : options.tokenCache, () => keys.version()) : undefined;
  const required = [...new Set(['iss', 'aud', 'exp', ...requiredClaims])];
  const verifyOptions: JWTVerifyOptions = {
    issuer: options.issuer,
    audience,
    algorithms,
    clockTolerance: options.clockTolerance ?? 5,
    requiredClaims: required,
    ...(typ !== undefined ? { typ } : {}),
    ...(options.maxTokenAge !== undefined ? { maxTokenAge: options.maxTokenAge } : {}),
  };
  const scopeClaim = options.scopeClaim;
  const verifyFully = async (token: string, answers: InvalidTokenOptions): Promise<AccessToken<any>> => {
    let verified: JWTVerifyResult;
    try {
      verified = await keys.verify(token, verifyOptions);
    } catch (error) {
      const again = keys.recover(error, token, verifyOptions);
      if (again === undefined) throw refusal(error, answers);
      try {
        verified = await again;
      } catch (failure) {
        throw refusal(failure, answers);
      }
    }
    cache?.put(token, verified, maxAge);
    return checked(verified, token, answers);
  };
  // a token verified earlier and still in the cache: its per-request checks, synchronously
  const check = (token: string, answers: InvalidTokenOptions): AccessToken<any> | Promise<AccessToken<any>> => {
    const hit = cache?.get(token);
    return hit === undefined ? verifyFully(token, answers) : checked(hit, token, answers);
  };
  const checked = (verified: JWTVerifyResult, token: string, answers: InvalidTokenOptions): AccessToken<any> => {
    let claims = verified.payload as VerifiedClaims;
    checkProfile(options.profile, claims, answers);
    if (schema !== undefined) {
      const parsed = schema.safeParse(claims);
      if (!parsed.success) throw invalidToken('The token has invalid claims', answers);
      claims = { ...claims, ...(parsed.data as object) };
    }
    return accessToken(claims, scopesOf(claims, scopeClaim), verified.protectedHeader, token);
  };
  return { issuer: options.issuer, audiences: typeof audience === 'string' ? [audience] : (audience ?? []), location, check };
}

/** An access token of `jwtBearer({ issuers })`, with the issuer that verified it. */
const withIssuer = (value: AccessToken<any>, issuer: string): IssuedAccessToken<JwtIssuerEntry> =>
  Object.defineProperty(value, 'issuer', { value: issuer, enumerable: true }) as IssuedAccessToken<JwtIssuerEntry>;

/** The unverified `iss` of a compact JWT, only to choose among the configured issuers (`undefined` when there is none to read). */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** The default `securitySchemes` name of an issuer's alternative: the kind, then the issuer's host, port and path (`OpenIdConnect-id.example.com`). */
function issuerSchemeName(base: string, issuer: string): string {
  const slug = issuer
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? base : `${base}-${slug}`;
}

/**
 * `jwtBearer({ issuers })`: one alternative per entry, documented as its
 * own scheme (its discovery document), all in one `anyOf`; the entry is
 * chosen by exact `iss` from the list, and each verifies with its own keys.
 */
function severalIssuers(options: JwtBearerIssuersOptions<readonly JwtIssuerEntry[], any>): AlternativeSchemes<unknown> {
  if ((options as { issuer?: unknown }).issuer !== undefined) invalid('give either issuer or issuers, not both');
  const list: unknown = options.issuers;
  if (!Array.isArray(list) || list.length === 0) invalid('issuers must be a non-empty list of { issuer, audience, … }');
  const byIssuer = new Map<string, PreparedIssuer>();
  const entries: { entry: JwtIssuerEntry; prepared: PreparedIssuer; name: string; documented: ReturnType<typeof documentedAs> }[] = [];
  const names = new Map<string, number>();
  (list as unknown[]).forEach((entry, i) => {
    if (!entry || typeof entry !== 'object') invalid(`issuers[${i}] must be an object ({ issuer, audience, … })`);
    const given = entry as JwtIssuerEntry;
    const prepared = prepareIssuer(options.profile !== undefined && given.profile === undefined ? { ...given, profile: options.profile } : given, `issuers[${i}]: `);
    if (byIssuer.has(prepared.issuer)) invalid(`issuers[${i}]: ${JSON.stringify(prepared.issuer)} is listed twice (each issuer once, with its own options)`);
    byIssuer.set(prepared.issuer, prepared);
    const documented = documentedAs(options, 'discoveryUrl' in prepared.location ? prepared.location.discoveryUrl : undefined, { name: 'JWTBearer', format: 'JWT' });
    if (given.schemeName !== undefined && !/^[A-Za-z0-9._-]+$/.test(String(given.schemeName))) {
      invalid(`issuers[${i}]: schemeName must be a non-empty name of letters, digits, ".", "_" and "-" (an OpenAPI component name)`);
    }
    const name = given.schemeName ?? issuerSchemeName(options.schemeName ?? documented.defaultName, prepared.issuer);
    const prior = names.get(name);
    if (prior !== undefined) {
      invalid(`issuers[${i}] and issuers[${prior}] would both be documented as ${JSON.stringify(name)}: give each its own schemeName`);
    }
    names.set(name, i);
    const description = given.description ?? options.description ?? `A JWT access token from ${prepared.issuer}.`;
    documented.openapi = { ...documented.openapi, description };
    entries.push({ entry: given, prepared, name, documented });
  });
  const choose = (token: string): PreparedIssuer | undefined => {
    const iss = unverifiedIssuer(token);
    return iss === undefined ? undefined : byIssuer.get(iss);
  };
  const last = entries.length - 1;
  const alternatives = entries.map(({ prepared, name, documented }, i) => {
    const own: TokenSchemeOptions<any> = { ...options, schemeName: name, description: documented.openapi.description as string };
    // `realm` and, with `resource`, `resource_metadata` (each issuer joins the metadata's authorization servers; the resource URI among its audiences)
    const answers = challengeParams('jwtBearer', own, { name, issuer: prepared.issuer, audiences: prepared.audiences });
    const check = (token: string): IssuedAccessToken<JwtIssuerEntry> | Promise<IssuedAccessToken<JwtIssuerEntry>> => {
      // only an exact match with a configured issuer: nothing is fetched for any other token
      const chosen = choose(token);
      if (chosen === undefined) throw invalidToken(unverifiedIssuer(token) === undefined ? 'The token is malformed' : 'The token is from another issuer', answers);
      const value = chosen.check(token, answers);
      return value instanceof Promise ? value.then((v) => withIssuer(v, chosen.issuer)) : withIssuer(value, chosen.issuer);
    };
    return tokenScheme({
      kind: 'jwtBearer',
      options: own,
      documented,
      check,
      scopesOf: (value) => value.scopes,
      challenge: answers,
      // the token's issuer chooses the alternative; the last one also takes every other token, to refuse it (401 invalid_token)
      accepts: i === last ? undefined : (token) => choose(token) === prepared,
    });
  });
  const custom = options.notAuthenticated;
  const scheme = anyOf(alternatives as [SecurityScheme<unknown>, ...SecurityScheme<unknown>[]], {
    name: `jwtBearer(${entries.map((e) => e.name).join(', ')})`,
    ...(options.autoError === false ? { autoError: false } : {}),
    ...(custom !== undefined ? { notAuthenticated: (schemes: readonly SchemeInfo[]) => custom(schemes[0]!) } : {}),
  });
  // every alternative has the same challenge params (realm, resource_metadata): the first's stand for the scheme (stepUp() reads them)
  registerTokenScheme(scheme, tokenSchemeAnswers(alternatives[0]!) ?? {});
  return scheme;
}
