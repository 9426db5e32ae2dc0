/**
 * What every security scheme shares: its options (`schemeName`,
 * `description`, `autoError`, `notAuthenticated`), the value type that
 * follows from `autoError`, and `defineScheme()`, the one scheme
 * constructor: a credential reader, an optional check of what it read
 * (a token verified with its issuer's keys), the OpenAPI entry and the
 * challenge make a dependency that composes with every other scheme
 * (AND, `anyOf`).
 */
import { securityScopes, type SecurityScopes } from '../dependency/builtins.js';
import { createDependency } from '../dependency/depends.js';
import type { CallContext, Dependency, DependencyMeta, SchemeInfo } from '../dependency/types.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import type { RequestView } from '../request/view.js';
import { Refusal } from '../dependency/refusal.js';
import { preparedNotAuthenticated, repeatedCredential } from './errors.js';

/**
 * Options every security scheme takes.
 *
 * @example
 * ```ts
 * httpBearer({ schemeName: 'JWT', description: 'Access token', autoError: false, notAuthenticated: () => new HTTPException(403, 'Not authenticated') })
 * ```
 */
export interface SchemeOptions<A extends boolean = boolean> {
  /** Name in `components.securitySchemes` (default: FastAPI's class name, e.g. `HTTPBearer`). */
  schemeName?: string;
  /** Description in the `securitySchemes` entry. */
  description?: string;
  /**
   * `true` (default): a missing credential or a wrong scheme answers 401.
   * `false`: the value is `undefined` instead (typed `T | undefined`).
   */
  autoError?: A;
  /**
   * Builds the error thrown when the credential is missing (FastAPI's
   * `make_not_authenticated_error`), e.g. to answer 403 as FastAPI did
   * before 0.122. Default: 401 `{"detail":"Not authenticated"}` with the
   * scheme's challenge.
   */
  notAuthenticated?: (scheme: SchemeInfo) => Error;
}

/**
 * The value of a scheme: `T`, or `T | undefined` unless `autoError` is
 * known to be `true` (or left out).
 *
 * @example
 * ```ts
 * type Optional = SchemeValue<string, false> // string | undefined
 * ```
 */
export type SchemeValue<T, A extends boolean> = [A] extends [true] ? T : T | undefined;

/**
 * The meta of a security scheme: it always carries its {@link SchemeInfo}.
 *
 * @example
 * ```ts
 * httpBearer().meta.security.scheme.openapi // { type: 'http', scheme: 'bearer' }
 * ```
 */
export interface SchemeMeta extends DependencyMeta {
  readonly security: { readonly kind: 'scheme'; readonly scheme: SchemeInfo };
}

/**
 * A security scheme: a dependency whose value is the credential, and which
 * carries its `securitySchemes` entry and challenge for the other
 * interpreters (OpenAPI builder, docs, `anyOf`).
 *
 * (An intersection, not an interface extending `Dependency<T>`: inference
 * of `T` through an extending interface drops `undefined` from optional
 * schemes' values.)
 *
 * @example
 * ```ts
 * const bearer: SecurityScheme<HTTPAuthorizationCredentials> = httpBearer()
 * bearer.meta.security.scheme.challenge // 'Bearer'
 * ```
 */
export type SecurityScheme<T> = Dependency<T> & { readonly meta: SchemeMeta };

/**
 * What a credential reader found. `malformed` credentials fail even with `autoError: false`.
 *
 * @example
 * ```ts
 * const read = (request: RequestView): ReadResult<string> => { const v = request.header('x-token'); return v ? found(v) : MISSING }
 * ```
 */
export type ReadResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly malformed: boolean };

/**
 * A reader that never throws for a missing credential: how the resolver
 * tells, for each alternative of an `anyOf`, whether its credential is
 * there before running the scheme itself. It only reads: the value it
 * finds is the credential as sent (a token not yet verified, for a scheme
 * with a `verify` step), never the scheme's value.
 *
 * @example
 * ```ts
 * const reader = credentialReader(bearer)
 * reader?.read(request).ok // true when a Bearer token is present
 * ```
 */
export interface CredentialReader {
  /** Reads the credential, or reports it missing / malformed. */
  read(request: RequestView): ReadResult<unknown>;
  /** The challenges to send when it is missing. */
  readonly challenges: readonly string[];
  /** `autoError: false`: a missing credential is accepted as `undefined`. */
  readonly optional: boolean;
  /** The error a missing credential answers with (the scheme's `notAuthenticated` option, or 401 with its challenges). */
  notAuthenticated(): Error;
}

const readers = new WeakMap<Dependency<unknown>, CredentialReader>();

/**
 * The credential reader of a scheme (or of an `anyOf`), if the dependency is one.
 *
 * @example
 * ```ts
 * credentialReader(bearer)?.read(request) // { ok: true, value: { scheme: 'Bearer', credentials: 'abc' } }
 * ```
 */
export function credentialReader(dependency: Dependency<unknown>): CredentialReader | undefined {
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
export function registerReader(dependency: Dependency<unknown>, reader: CredentialReader): void {
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
export const found = <T>(value: T): ReadResult<T> => ({ ok: true, value });
/**
 * No credential, or one for another scheme.
 *
 * @example
 * ```ts
 * read: (request) => (request.header('x-token') ? found(request.header('x-token')!) : MISSING)
 * ```
 */
export const MISSING: ReadResult<never> = Object.freeze({ ok: false, malformed: false });
/**
 * A credential for this scheme that cannot be decoded.
 *
 * @example
 * ```ts
 * read: (request) => { const v = request.header('x-sig'); if (!v) return MISSING; const d = decode(v); return d ? found(d) : MALFORMED }
 * ```
 */
export const MALFORMED: ReadResult<never> = Object.freeze({ ok: false, malformed: true });

/**
 * What a scheme's `verify` step receives besides the credential.
 *
 * @example
 * ```ts
 * verify: (token: string, { required, request }: VerifyContext) => check(token, required.scopes, request.header('dpop'))
 * ```
 */
export interface VerifyContext {
  /** The scopes required down to this use of the scheme (`security(scheme, { scopes })`). */
  readonly required: SecurityScopes;
  /** The request being served. */
  readonly request: RequestView;
}

/**
 * Everything `defineScheme()` needs. `read` finds the credential `T`;
 * `verify`, when given, turns it into the scheme's value `V` (or refuses it).
 *
 * @example
 * ```ts
 * defineScheme({ defaultName: 'TeamToken', options: {}, openapi: { type: 'apiKey', in: 'header', name: 'x-team' }, challenge: 'APIKey', consumes: [{ in: 'header', name: 'x-team' }], bearerChallenges: false, read })
 * ```
 */
export interface SchemeDefinition<T, V = T> {
  /** The default `schemeName` (FastAPI's class name). */
  readonly defaultName: string;
  readonly options: SchemeOptions;
  /** The `securitySchemes` entry without `description` (added from the options). */
  readonly openapi: Readonly<Record<string, unknown>> & { readonly type: string };
  readonly challenge: string | undefined;
  readonly consumes: SchemeInfo['consumes'];
  readonly bearerChallenges: boolean;
  /**
   * Finds the credential: {@link found}, {@link MISSING} (absent, or sent
   * for another scheme) or {@link MALFORMED}. Synchronous and cheap: it is
   * also how `anyOf` tells which alternative the request is for.
   */
  readonly read: (request: RequestView) => ReadResult<T>;
  /**
   * Checks a credential `read` found and gives the scheme's value (a
   * verified token's claims): it may be asynchronous, and refuses by
   * throwing or returning (`refuse()`) the HTTP answer — 401
   * `invalid_token`, 403 `insufficient_scope`, 503. It runs only when the
   * credential is there; inside `anyOf` a refusal here is the answer (the
   * next alternative is not tried: the client sent this credential). With
   * `verify` the scheme is cached per required-scope set.
   */
  readonly verify?: (credential: T, context: VerifyContext) => V | Promise<V> | Refusal;
  /** `verify` answers 403 when a required scope is not granted (the document lists the 403). */
  readonly enforcesScopes?: boolean;
  /** Other statuses `verify` may answer, for the document (e.g. `[503]` when the issuer cannot be reached). */
  readonly responses?: readonly number[];
  /** Headers every answer of a route using the scheme carries (a function is read per answer): a DPoP scheme's current `DPoP-Nonce`. */
  readonly answerHeaders?: Readonly<Record<string, string | (() => string)>>;
  /**
   * Other schemes this one always needs with it (AND), e.g. the
   * `mutualTLS` scheme of a certificate-bound token: they are inputs of
   * this scheme, so they run only when it runs (inside `anyOf`, only for
   * the alternative chosen) and the document names them in the same
   * requirement object as this one (`{ OpenIdConnect: [], MutualTLS: [] }`;
   * in `anyOf`, in this alternative's). Their values are not passed on:
   * `verify` reads what it needs from the request.
   */
  readonly requires?: readonly SecurityScheme<unknown>[];
}

/**
 * Throws a startup error for an invalid scheme option.
 *
 * @example
 * ```ts
 * if (!headerName) invalidOption('APIKeyHeader', 'name must be a non-empty string')
 * ```
 */
export function invalidOption(scheme: string, message: string): never {
  throw new ConfigurationError(ErrorCode.InvalidSchemeOption, `Security scheme ${scheme}: ${message}`);
}

/** Readers that refuse a repeated `Authorization` header themselves (see {@link readsAuthorizationOnce}), with whether their 400 speaks Bearer. */
const checksAuthorization = new WeakMap<(request: RequestView) => ReadResult<unknown>, boolean>();

/**
 * Marks a credential reader that reads `Authorization` through
 * `readAuthorization()`, which already answers a repeated header with the
 * 400 (`bearer`: whether that 400 carries the Bearer challenge, as
 * `readAuthorization(request, 'Bearer')` does): the scheme constructor then
 * does not check the header a second time. Returns the reader.
 *
 * @example
 * ```ts
 * read: readsAuthorizationOnce((request) => { const parts = readAuthorization(request, 'Bearer', true); return parts ? found(parts) : MISSING }, true)
 * ```
 */
export function readsAuthorizationOnce<T>(read: (request: RequestView) => ReadResult<T>, bearer: boolean): (request: RequestView) => ReadResult<T> {
  checksAuthorization.set(read, bearer);
  return read;
}

/**
 * A reader that first refuses a request sending one of the scheme's
 * credential headers more than once (400 `invalid_request`, whatever
 * `autoError` says): which line would count is ambiguous.
 */
function refuseRepeated<T>(read: (request: RequestView) => ReadResult<T>, scheme: SchemeInfo): (request: RequestView) => ReadResult<T> {
  const own = checksAuthorization.get(read);
  const headers = scheme.consumes
    .filter((c) => c.in === 'header')
    .map((c) => c.name.toLowerCase())
    // a reader that refuses a repeated `Authorization` itself, with this scheme's answer, is not made to look twice
    .filter((name) => !(name === 'authorization' && own === scheme.bearerChallenges));
  if (headers.length === 0) return read;
  return (request) => {
    for (let i = 0; i < headers.length; i++) if (request.headerAll(headers[i]).length > 1) throw repeatedCredential(headers[i], scheme.bearerChallenges);
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
 *   read: (request) => { const parts = readAuthorization(request, 'Bearer'); return parts ? found(parts.credentials) : MISSING },
 *   verify: async (token) => (await teams.byToken(token)) ?? refuse(invalidToken()),
 * })
 * anyOf(team, apiKeyHeader({ name: 'x-api-key' })) // a team token, or an API key
 * ```
 */
export function defineScheme<T, V = T>(definition: SchemeDefinition<T, V>): SecurityScheme<V> {
  const { options, verify } = definition;
  const name = options.schemeName ?? definition.defaultName;
  if (typeof name !== 'string' || name === '') invalidOption(definition.defaultName, 'schemeName must be a non-empty string');
  if (verify !== undefined && typeof verify !== 'function') invalidOption(definition.defaultName, 'verify must be a function');
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
  const scheme: SchemeInfo = Object.freeze({
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
  const fail = (): Error => (custom ? custom(scheme) : missing());
  let fn: (values: { required: SecurityScopes }, context: CallContext) => unknown;
  if (verify === undefined) {
    fn = (_values, context) => {
      const result = read(context.request);
      if (result.ok) return result.value;
      if (optional && !result.malformed) return undefined;
      return new Refusal(fail()); // handled by the resolver as a throw
    };
  } else {
    fn = ({ required }, context) => {
      const result = read(context.request);
      if (result.ok) return verify(result.value, { required, request: context.request });
      if (optional && !result.malformed) return undefined;
      return new Refusal(fail());
    };
  }
  Object.defineProperty(fn, 'name', { value: name });
  const meta: SchemeMeta = {
    security: { kind: 'scheme', scheme },
    ...(definition.enforcesScopes ? { enforcesScopes: true } : {}),
    ...(definition.responses?.length ? { responses: Object.freeze([...definition.responses]) } : {}),
    ...(definition.answerHeaders !== undefined ? { answerHeaders: Object.freeze({ ...definition.answerHeaders }) } : {}),
  };
  const inputs: Record<string, Dependency<unknown>> = verify === undefined ? {} : { required: securityScopes };
  requires.forEach((required, i) => (inputs[`requires.${i}`] = required));
  const dependency = createDependency<V>(inputs, fn, { name, meta }) as SecurityScheme<V>;
  registerReader(dependency, { read, challenges: scheme.challenge === undefined ? [] : [scheme.challenge], optional, notAuthenticated: fail });
  return dependency;
}
