/**
 * `anyOf(a, b, …)`: alternative security schemes (OR). The first scheme
 * that finds a credential wins; when none does, one 401 carries every
 * scheme's challenge. Several schemes used side by side stay required
 * together (AND).
 *
 * `anyOf()` only declares the alternatives: the model analyses each at the
 * `anyOf`'s place (overrides applied, scopes accumulated) and the resolver
 * runs them (see `resolver/compile.ts`): each alternative's reader says
 * whether its credential is there, and only the alternative chosen runs —
 * a scheme's `verify` step included.
 */
import { createDependency, isDependency, isUse, security } from '../dependency/depends.js';
import type { Dependency, Input, SchemeInfo, Use, ValueOf } from '../dependency/types.js';
import type { RequestView } from '../request/view.js';
import { Refusal } from '../dependency/refusal.js';
import { preparedNotAuthenticated } from './errors.js';
import { credentialReader, invalidOption, registerReader, type ReadResult, type SecurityScheme } from './scheme.js';

/**
 * An alternative of {@link anyOf}: a scheme, or a `security(scheme, { scopes })` use of one.
 *
 * @example
 * ```ts
 * anyOf(httpBearer(), security(oauth2Scheme, { scopes: ['read'] }))
 * ```
 */
export type SchemeInput = SecurityScheme<unknown> | Use<unknown> | AlternativeSchemes<unknown>;

/**
 * The meta of an `anyOf` dependency.
 *
 * @example
 * ```ts
 * if (dep.meta.security?.kind === 'anyOf') dep.meta.security.alternatives.length // 2
 * ```
 */
export interface AnyOfMeta {
  readonly security: { readonly kind: 'anyOf'; readonly alternatives: readonly Input[]; readonly optional?: boolean };
}

/**
 * The dependency `anyOf()` returns: its value is the union of the alternatives' values.
 *
 * @example
 * ```ts
 * const caller: AlternativeSchemes<HTTPAuthorizationCredentials | string> = anyOf(httpBearer(), apiKeyHeader({ name: 'x-api-key' }))
 * ```
 */
export type AlternativeSchemes<T> = Dependency<T> & { readonly meta: AnyOfMeta };

/**
 * Options of {@link anyOf} (array form).
 *
 * @example
 * ```ts
 * anyOf([httpBearer(), apiKeyCookie({ name: 'session' })], { autoError: false, name: 'optionalCaller' })
 * ```
 */
export interface AnyOfOptions<A extends boolean = boolean> {
  /** Name for messages (default `anyOf(A, B)`). */
  name?: string;
  /** `false`: no credential gives `undefined` instead of a 401 (malformed Basic credentials still 401). */
  autoError?: A;
  /** Builds the error when no alternative finds a credential (default: 401 with every challenge). */
  notAuthenticated?: (schemes: readonly SchemeInfo[]) => Error;
}

type Alternatives = readonly [SchemeInput, ...SchemeInput[]];

function flatten(input: SchemeInput, out: Input[]): void {
  const dependency: Dependency<unknown> = isUse(input) ? input.dependency : (input as Dependency<unknown>);
  const meta = dependency.meta.security;
  if (meta?.kind === 'anyOf') {
    const scopes = isUse(input) ? input.scopes : [];
    for (const alt of meta.alternatives) out.push(scopes.length ? security(alt as Use<unknown>, { scopes }) : alt);
    return;
  }
  out.push(input);
}

function schemeInfos(alternatives: readonly Input[]): SchemeInfo[] {
  const infos: SchemeInfo[] = [];
  for (const alt of alternatives) {
    const dep = isUse(alt) ? alt.dependency : (alt as Dependency<unknown>);
    if (dep.meta.security?.kind === 'scheme') infos.push(dep.meta.security.scheme);
  }
  return infos;
}

/**
 * Accepts any one of several security schemes (OR): they are tried in
 * order and the first that finds a credential gives the value, so the
 * value's type is the union of theirs. When none finds one, the answer is
 * one 401 with a `WWW-Authenticate` line per scheme. When an alternative has
 * `autoError: false`, or `autoError: false` is given here, no credential
 * gives `undefined` instead. Malformed Basic credentials still answer 401.
 * In OpenAPI each alternative is its own requirement: `[{A:[]},{B:[]}]`.
 *
 * Any scheme built with `defineScheme()` is an alternative, whatever its
 * package: `anyOf(jwtBearer({ issuer, audience }), apiKeyHeader({ name:
 * 'x-api-key' }))` takes a provider token or an API key. A credential found
 * is checked by its own scheme, and a refusal there (401 `invalid_token`,
 * 403 `insufficient_scope`) is the answer: the next alternative is not
 * tried for a credential the client did send.
 *
 * Overrides apply inside it: an overridden alternative is run in its turn
 * and counts as found when its override gives a value (`undefined` counts
 * as missing: the next alternative is tried). Overriding the `anyOf` itself
 * replaces it whole. The document never changes.
 *
 * @example
 * ```ts
 * const bearer = httpBearer()
 * const apiKey = apiKeyHeader({ name: 'x-api-key' })
 * const caller = anyOf(bearer, apiKey) // HTTPAuthorizationCredentials | string
 * router.get('/reports', { caller }, ({ caller }) => (typeof caller === 'string' ? byKey(caller) : byToken(caller.credentials)))
 *
 * const optionalCaller = anyOf([bearer, apiKey], { autoError: false }) // ... | undefined
 * ```
 */
export function anyOf<const S extends Alternatives>(...alternatives: S): AlternativeSchemes<ValueOf<S[number]>>;
export function anyOf<const S extends Alternatives, A extends boolean = true>(
  alternatives: S,
  options: AnyOfOptions<A>,
): AlternativeSchemes<[A] extends [true] ? ValueOf<S[number]> : ValueOf<S[number]> | undefined>;
export function anyOf(...args: unknown[]): AlternativeSchemes<any> {
  const arrayForm = Array.isArray(args[0]);
  const list = (arrayForm ? args[0] : args) as SchemeInput[];
  const options = (arrayForm ? (args[1] ?? {}) : {}) as AnyOfOptions;
  if (list.length === 0) invalidOption('anyOf', 'needs at least one security scheme');
  const alternatives: Input[] = [];
  for (const input of list) {
    if (!isDependency(input) && !isUse(input)) invalidOption('anyOf', 'every alternative must be a security scheme');
    flatten(input, alternatives);
  }
  const readers = alternatives.map((alt) => {
    const dep = isUse(alt) ? alt.dependency : (alt as Dependency<unknown>);
    const reader = credentialReader(dep);
    if (!reader) invalidOption('anyOf', `"${dep.name}" is not a security scheme (build it with httpBearer(), apiKeyHeader(), ... or defineScheme())`);
    return reader;
  });
  const infos = schemeInfos(alternatives);
  const names = infos.map((s) => s.name);
  const name = options.name ?? `anyOf(${names.join(', ')})`;
  // A nested `anyOf([...], { autoError: false })` keeps its optionality after flattening.
  const nestedOptional = list.some((input) => credentialReader(isUse(input) ? input.dependency : (input as Dependency<unknown>))?.optional);
  const optional = options.autoError === false || nestedOptional || readers.some((r) => r.optional);
  const challenges = [...new Set(readers.flatMap((r) => r.challenges))];
  const custom = options.notAuthenticated;
  const missing = preparedNotAuthenticated(challenges);
  const fail = (): Error => (custom ? custom(infos) : missing());

  // Whether some alternative's credential is there (as read, not verified): what a nested use reads.
  const read = (request: RequestView): ReadResult<unknown> => {
    let malformed = false;
    for (const reader of readers) {
      const result = reader.read(request);
      if (result.ok) return result;
      if (result.malformed) malformed = true;
    }
    return { ok: false, malformed };
  };
  // The resolver runs the alternatives itself and never calls this. Called any other way it refuses
  // (closed), so that a credential is never given out without its scheme's own check.
  const fn = (): unknown => new Refusal(fail());
  const dependency = createDependency<unknown>({}, fn, {
    name,
    meta: { security: { kind: 'anyOf', alternatives: Object.freeze(alternatives), optional } },
  }) as AlternativeSchemes<unknown>;
  registerReader(dependency, { read, challenges, optional, notAuthenticated: fail });
  return dependency;
}
