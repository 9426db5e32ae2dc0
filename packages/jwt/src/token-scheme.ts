/**
 * What the provider-backed bearer schemes share (`jwtBearer`,
 * `tokenIntrospection`): the options about documentation and answers, the
 * `securitySchemes` entry, and the scheme — made with core's
 * `defineScheme()`, like every other — that reads the bearer token, has it
 * checked, and enforces the required scopes.
 */
import {
  ConfigurationError,
  ErrorCode,
  defineScheme,
  insufficientScope,
  invalidToken,
  type OAuthFlows,
  type OAuthScopes,
  type ReadResult,
  type RequestView,
  type SchemeDefinition,
  type SchemeOptions,
  type SecurityScheme,
  type VerifyContext,
} from '@depends/core';
import { bearerChallenge, found, MISSING, normaliseFlows, readAuthorization, readsAuthorizationOnce } from '@depends/core/schemes';
import { tieToResource, type ProtectedResource } from './protected-resource.js';
import { certificateScheme, confirmCertificate, isCertificateBinding, type CertificateBinding } from './mtls/mtls.js';
import { confirmationOf, DPOP_BOUND_AS_BEARER, dpopDocumented, dpopScheme } from './dpop/bind.js';
import type { DpopBinding } from './dpop/dpop.js';

/**
 * Options every provider-backed bearer scheme takes besides its checks.
 *
 * @example
 * ```ts
 * const docs: TokenSchemeOptions = { scopes: { 'reports:read': 'Read reports' }, realm: 'reports' }
 * ```
 */
export interface TokenSchemeOptions<A extends boolean = boolean> extends SchemeOptions<A> {
  /** A `realm` in the `WWW-Authenticate` challenges. */
  realm?: string;
  /** Scopes with their descriptions, for the document (added to every flow in `flows`). */
  scopes?: OAuthScopes;
  /**
   * Document the scheme as `oauth2` with these flows (e.g. the provider's
   * `authorizationCode` and `clientCredentials` endpoints). Default: an
   * `openIdConnect` scheme pointing at the discovery document when there is
   * one, or an HTTP bearer.
   */
  flows?: OAuthFlows;
  /**
   * The protected resource (RFC 9728) these tokens are for, made with
   * `protectedResource()`: its URI must be among the expected audiences, and
   * every 401 and 403 challenge carries `resource_metadata="…"` (its
   * metadata's absolute URL). The scheme's issuer joins the metadata's
   * `authorization_servers`.
   */
  resource?: ProtectedResource;
  /**
   * Certificate-bound tokens (RFC 8705), made with `mtls()`: a token is
   * accepted only with the client certificate its `cnf["x5t#S256"]` names
   * (401 `invalid_token` otherwise), and the document requires a
   * `mutualTLS` scheme beside this one.
   */
  mtls?: CertificateBinding;
  /**
   * DPoP (RFC 9449), made with `dpop({ publicOrigin, store, … })`: the
   * scheme takes sender-constrained tokens (`Authorization: DPoP` with a
   * `DPoP` proof signed by the token's `cnf.jkt` key), refuses a bound token
   * sent as `Bearer`, and is documented as an `http` scheme `DPoP`.
   */
  dpop?: DpopBinding;
}

/**
 * Throws the startup error of a scheme option.
 *
 * @example
 * ```ts
 * if (!issuer) invalidOption('jwtBearer', 'issuer must be a non-empty string')
 * ```
 */
export function invalidOption(scheme: string, message: string): never {
  throw new ConfigurationError(ErrorCode.InvalidSchemeOption, `Security scheme ${scheme}: ${message}`);
}

/**
 * Whether a value is a non-empty string.
 *
 * @example
 * ```ts
 * nonEmpty('api://reports') // true
 * ```
 */
export const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The `securitySchemes` entry: `oauth2` with the given flows, else
 * `openIdConnect` at the discovery URL, else an HTTP bearer of `bearerFormat`.
 *
 * @example
 * ```ts
 * documentedAs({}, 'https://id.example.com/.well-known/openid-configuration', { name: 'HTTPBearer', format: 'JWT' }) // { defaultName: 'OpenIdConnect', openapi: { type: 'openIdConnect', … } }
 * ```
 */
export function documentedAs(
  options: TokenSchemeOptions,
  discoveryUrl: string | undefined,
  bearer: { name: string; format?: string },
): { defaultName: string; openapi: Record<string, unknown> } {
  // DPoP: an http scheme DPoP, whatever the provider (RFC 9449 tokens are not bearer tokens)
  if (options.dpop !== undefined) return dpopDocumented(options.dpop);
  if (options.flows !== undefined) {
    const flows: Record<string, unknown> = {};
    for (const [kind, flow] of Object.entries(options.flows)) {
      flows[kind] = flow && typeof flow === 'object' && options.scopes ? { ...flow, scopes: { ...options.scopes, ...(flow.scopes ?? {}) } } : flow;
    }
    return { defaultName: 'OAuth2', openapi: { type: 'oauth2', flows: normaliseFlows(flows as OAuthFlows) } };
  }
  if (discoveryUrl !== undefined) return { defaultName: 'OpenIdConnect', openapi: { type: 'openIdConnect', openIdConnectUrl: discoveryUrl } };
  return { defaultName: bearer.name, openapi: { type: 'http', scheme: 'bearer', ...(bearer.format ? { bearerFormat: bearer.format } : {}) } };
}

/**
 * Everything {@link tokenScheme} needs.
 *
 * @example
 * ```ts
 * tokenScheme({ kind: 'tokenIntrospection', options, documented, check: (token) => introspect(token), scopesOf: (v: { scopes: string[] }) => v.scopes, challenge: { realm: 'reports' } })
 * ```
 */
export interface TokenSchemeDefinition<V> {
  /** The scheme's function name, for messages. */
  readonly kind: string;
  readonly options: TokenSchemeOptions;
  readonly documented: { defaultName: string; openapi: Record<string, unknown> };
  /** Checks the bearer token; throws the HTTP answer for a refused one (synchronously or not: a synchronous answer keeps the route synchronous). */
  readonly check: (token: string) => V | Promise<V>;
  /** The scopes a checked token grants. */
  readonly scopesOf: (value: V) => readonly string[];
  /** The auth-params of its challenges (see {@link challengeParams}). */
  readonly challenge: { realm?: string; resourceMetadata?: string };
  /**
   * Which bearer tokens are this scheme's (default: all): one alternative
   * of `jwtBearer({ issuers })` takes the tokens of its issuer, so that
   * `anyOf` runs the alternative the token is for.
   */
  readonly accepts?: (token: string) => boolean;
}

/**
 * The auth-params every challenge of a provider-backed scheme carries
 * (`realm`, `resource_metadata`), and the scheme's tie to its resource,
 * checked (issuer, audience) when given.
 *
 * @example
 * ```ts
 * const answers = challengeParams('jwtBearer', options, { name: 'OpenIdConnect', issuer, audiences })
 * throw invalidToken('The token has expired', answers)
 * ```
 */
export function challengeParams(
  kind: string,
  options: TokenSchemeOptions,
  scheme: { name: string; issuer?: string | undefined; audiences?: readonly string[] | undefined },
): { realm?: string; resourceMetadata?: string } {
  const params: { realm?: string; resourceMetadata?: string } = {};
  if (options.realm !== undefined) params.realm = options.realm;
  if (options.resource !== undefined) {
    const scopes = [...Object.keys(options.scopes ?? {})];
    const dpop = options.dpop === undefined ? {} : { dpop: { algorithms: options.dpop.algorithms, bearer: options.dpop.allowBearer } };
    params.resourceMetadata = tieToResource(kind, options.resource, { name: scheme.name, issuer: scheme.issuer, audiences: scheme.audiences, scopes, ...dpop });
  }
  return params;
}

/**
 * The `securitySchemes` name of a provider-backed scheme.
 *
 * @example
 * ```ts
 * schemeNameOf({}, documentedAs({}, discoveryUrl, { name: 'JWTBearer' })) // 'OpenIdConnect'
 * ```
 */
export const schemeNameOf = (options: TokenSchemeOptions, documented: { defaultName: string }): string => options.schemeName ?? documented.defaultName;

/** The bearer token of a request, as sent (`undefined` without one, or for another scheme). */
const readBearer = readsAuthorizationOnce((request: RequestView): ReadResult<string> => {
  const parts = readAuthorization(request, 'Bearer', true); // as clients send it: the usual header compares as is
  return parts ? found(parts.credentials) : MISSING;
}, true);

/**
 * A security scheme over a provider's bearer tokens, built with core's one
 * scheme constructor (`defineScheme`), so it composes with every other
 * scheme (`anyOf(jwtBearer(…), apiKeyHeader(…))`, or side by side): reads
 * `Authorization: Bearer …` (401 with the `Bearer` challenge when missing,
 * or `undefined` with `autoError: false`), has `check` verify it, and
 * answers 403 `insufficient_scope` when a scope required down to this use
 * is not granted. Documents 401, 403 and 503.
 *
 * @example
 * ```ts
 * const scheme = tokenScheme({ kind: 'jwtBearer', options, documented, check, scopesOf: (t: { scopes: string[] }) => t.scopes, challenge: {} })
 * ```
 */
export function tokenScheme<V>(definition: TokenSchemeDefinition<V>): SecurityScheme<V> {
  const { options, check, scopesOf, documented, accepts } = definition;
  const name = options.schemeName ?? documented.defaultName;
  if (!nonEmpty(name)) invalidOption(definition.kind, 'schemeName must be a non-empty string');
  const binding = options.mtls;
  if (binding !== undefined && !isCertificateBinding(binding)) invalidOption(definition.kind, 'mtls must be made with mtls() ({ mtls: mtls() })');
  if (binding !== undefined && (options as { dpop?: unknown }).dpop !== undefined) {
    invalidOption(definition.kind, 'give dpop or mtls, not both: a token is bound to a DPoP key or to a client certificate');
  }
  const params = definition.challenge;
  const verify = (token: string, context: VerifyContext): V | Promise<V> => {
    const value = check(token);
    return value instanceof Promise ? value.then((v) => accepted(v, context)) : accepted(value, context);
  };
  const accepted = (value: V, { required, request }: VerifyContext): V => {
    // RFC 9449 §7.2: a token bound to a DPoP key is no bearer token, here either (a stolen one would work without its key)
    if (confirmationOf(value) !== undefined) throw invalidToken(DPOP_BOUND_AS_BEARER, params);
    // RFC 8705: bound to the request's client certificate (before scopes: a token of another client is a 401)
    if (binding !== undefined) confirmCertificate(binding, (value as { claims?: unknown }).claims, request, params);
    if (required.scopes.length > 0) {
      const granted = scopesOf(value);
      for (const scope of required.scopes) if (!granted.includes(scope)) throw insufficientScope(required, params);
    }
    return value;
  };
  if (options.dpop !== undefined) {
    // DPoP: its own reader (Authorization: DPoP, and Bearer where allowed), checks, challenge and document entry
    const dpop = dpopScheme(options.dpop, {
      kind: definition.kind,
      check,
      scopesOf,
      params,
      bearerScopeFailure: (required) => insufficientScope(required, params),
    });
    const bound = defineScheme({
      defaultName: documented.defaultName,
      options,
      openapi: documented.openapi as SchemeDefinition<string>['openapi'],
      consumes: [{ in: 'header', name: 'authorization' }],
      bearerChallenges: true,
      enforcesScopes: true,
      ...dpop,
      // one issuer of jwtBearer({ issuers }) takes its own tokens only (see `accepts`)
      read:
        accepts === undefined
          ? dpop.read
          : readsAuthorizationOnce((request) => {
              const result = dpop.read(request);
              return result.ok && !accepts(result.value.token) ? MISSING : result;
            }, true),
    });
    registerTokenScheme(bound, params);
    return bound;
  }
  const scheme = defineScheme<string, V>({
    defaultName: documented.defaultName,
    options,
    openapi: documented.openapi as SchemeDefinition<string>['openapi'],
    challenge: params.realm === undefined && params.resourceMetadata === undefined ? 'Bearer' : bearerChallenge(params),
    consumes: [{ in: 'header', name: 'authorization' }],
    bearerChallenges: true,
    read: accepts === undefined ? readBearer : readsAuthorizationOnce((request) => {
      const result = readBearer(request);
      return result.ok && !accepts(result.value) ? MISSING : result;
    }, true),
    verify,
    enforcesScopes: true,
    responses: [503],
    ...(binding !== undefined ? { requires: [certificateScheme(binding)] } : {}),
  });
  registerTokenScheme(scheme, params);
  return scheme;
}

/** The challenge auth-params of each token scheme of this package, by the scheme (what `stepUp()` answers with). */
const tokenSchemes = new WeakMap<object, { realm?: string; resourceMetadata?: string }>();

/**
 * Records a dependency as a token scheme of this package, with the
 * auth-params of its challenges (done by {@link tokenScheme}; by
 * `jwtBearer({ issuers })` for its alternatives).
 *
 * @example
 * ```ts
 * registerTokenScheme(scheme, { realm: 'reports' })
 * ```
 */
export function registerTokenScheme(scheme: object, params: { realm?: string; resourceMetadata?: string }): void {
  tokenSchemes.set(scheme, params);
}

/**
 * The challenge auth-params of a token scheme of this package, `undefined`
 * for any other dependency.
 *
 * @example
 * ```ts
 * tokenSchemeAnswers(jwtBearer({ issuer, audience, realm: 'reports' })) // { realm: 'reports' }
 * ```
 */
export function tokenSchemeAnswers(scheme: object): { realm?: string; resourceMetadata?: string } | undefined {
  return tokenSchemes.get(scheme);
}
