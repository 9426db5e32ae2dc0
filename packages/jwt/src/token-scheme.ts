/**
 * What the provider-backed bearer schemes share (`jwtBearer`,
 * `tokenIntrospection`): the options about documentation and answers, the
 * `securitySchemes` entry, and the dependency that reads the bearer token,
 * has it checked, and enforces the required scopes.
 */
import { ConfigurationError, ErrorCode, insufficientScope, notAuthenticated, securityScopes, type CallContext, type OAuthFlows, type OAuthScopes, type SchemeOptions, type SecurityScheme, type SecurityScopes } from '@depends/core';
import { bearerChallenge, createDependency, normaliseFlows, readAuthorization, type SchemeInfo } from '@depends/core/schemes';

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
 * tokenScheme({ kind: 'tokenIntrospection', options, documented, check: (token) => introspect(token), scopesOf: (v: { scopes: string[] }) => v.scopes })
 * ```
 */
export interface TokenSchemeDefinition<V> {
  /** The scheme's function name, for messages. */
  readonly kind: string;
  readonly options: TokenSchemeOptions;
  readonly documented: { defaultName: string; openapi: Record<string, unknown> };
  /** Checks the bearer token; throws the HTTP answer for a refused one. */
  readonly check: (token: string) => Promise<V>;
  /** The scopes a checked token grants. */
  readonly scopesOf: (value: V) => readonly string[];
}

/**
 * A security scheme over a provider's bearer tokens: reads `Authorization:
 * Bearer …` (401 with the `Bearer` challenge when missing, or `undefined`
 * with `autoError: false`), has `check` verify it, and answers 403
 * `insufficient_scope` when a scope required down to this use is not
 * granted. Documents 401, 403 and 503.
 *
 * @example
 * ```ts
 * const scheme = tokenScheme({ kind: 'jwtBearer', options, documented, check, scopesOf: (t: { scopes: string[] }) => t.scopes })
 * ```
 */
export function tokenScheme<V>(definition: TokenSchemeDefinition<V>): SecurityScheme<V> {
  const { options, check, scopesOf, documented } = definition;
  const name = options.schemeName ?? documented.defaultName;
  if (!nonEmpty(name)) invalidOption(definition.kind, 'schemeName must be a non-empty string');
  const realm = options.realm;
  const optional = options.autoError === false;
  const challenge = realm === undefined ? 'Bearer' : bearerChallenge({ realm });
  const { type, ...rest } = documented.openapi;
  const scheme: SchemeInfo = Object.freeze({
    name,
    openapi: Object.freeze({ type, ...(options.description !== undefined ? { description: options.description } : {}), ...rest }),
    challenge,
    consumes: Object.freeze([Object.freeze({ in: 'header' as const, name: 'authorization' })]),
    optional,
    bearerChallenges: true,
  });
  const custom = options.notAuthenticated;
  const fn = async ({ required }: { required: SecurityScopes }, context: CallContext): Promise<V | undefined> => {
    const parts = readAuthorization(context.request, 'bearer');
    if (!parts) {
      if (optional) return undefined;
      throw custom ? custom(scheme) : notAuthenticated(challenge);
    }
    const value = await check(parts.credentials);
    if (required.scopes.length > 0) {
      const granted = scopesOf(value);
      for (const scope of required.scopes) if (!granted.includes(scope)) throw insufficientScope(required, { realm });
    }
    return value;
  };
  Object.defineProperty(fn, 'name', { value: name });
  return createDependency({ required: securityScopes }, fn, {
    name,
    meta: { security: { kind: 'scheme', scheme }, enforcesScopes: true, responses: [503] },
  }) as SecurityScheme<V>;
}
