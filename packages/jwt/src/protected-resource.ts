/**
 * RFC 9728 protected resource metadata, derived from the declarations: one
 * more interpreter of the schemes. `protectedResource()` names the resource
 * (its URI, RFC 8707's audience); the bearer schemes given it as `resource`
 * (`jwtBearer`, `tokenIntrospection`) say which issuers it trusts and put
 * `resource_metadata="…"` in their challenges; the routes that use them say
 * which scopes it asks. `d.docs(app, { resourceMetadata })` serves the
 * document at the well-known URI of §3.1.
 */
import { ConfigurationError, ErrorCode, type OpenAPIDocument } from '@depends/core';
import type { WellKnownContext, WellKnownDocument } from '@depends/core/docs';

/** The well-known URI suffix of RFC 9728 §3. */
export const WELL_KNOWN_PROTECTED_RESOURCE = '/.well-known/oauth-protected-resource';

/**
 * Options of {@link protectedResource}.
 *
 * @example
 * ```ts
 * const options: ProtectedResourceOptions = { resource: 'https://api.example.com/mcp', resourceName: 'Notes MCP server' }
 * ```
 */
export interface ProtectedResourceOptions {
  /**
   * The resource identifier: an absolute `https` URL with no query or
   * fragment (`http` is accepted for `localhost`, `127.0.0.1` and `[::1]`).
   * Clients ask the authorization server for tokens for it (RFC 8707
   * `resource=`), so it is the audience its schemes expect.
   */
  resource: string;
  /** `resource_name`: a human-readable name of the API. */
  resourceName?: string;
  /**
   * `resource_documentation`: a path on the resource's origin or an absolute
   * URL (default: the docs page of `d.docs()`, e.g.
   * `https://api.example.com/docs`); `false` leaves it out.
   */
  documentation?: string | false;
  /**
   * `resource_signing_alg_values_supported`: the algorithms this API signs
   * its *responses* with (RFC 9728 §2), when it does. Left out by default:
   * it does not describe the tokens it accepts.
   */
  resourceSigningAlgValuesSupported?: readonly string[];
}

/**
 * The RFC 9728 §2 fields the document holds.
 *
 * @example
 * ```ts
 * const m: ProtectedResourceMetadata = { resource: 'https://api.example.com/mcp', authorization_servers: ['https://id.example.com'], bearer_methods_supported: ['header'] }
 * ```
 */
export interface ProtectedResourceMetadata {
  resource: string;
  resource_name?: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
  bearer_methods_supported?: string[];
  resource_signing_alg_values_supported?: string[];
  resource_documentation?: string;
  /** `true` when a scheme of the resource takes certificate-bound tokens (`mtls()`, RFC 8705; RFC 9728 §2). */
  tls_client_certificate_bound_access_tokens?: boolean;  /** The proof algorithms of the resource's DPoP schemes (`dpop()`, RFC 9449; RFC 9728 §2). */
  dpop_signing_alg_values_supported?: string[];
  /** `true` when every scheme of the resource takes DPoP-bound tokens only. */
  dpop_bound_access_tokens_required?: boolean;
}

/** A bearer scheme given this resource: what the metadata says of it. */
interface TiedScheme {
  /** Its name in `components.securitySchemes`. */
  readonly name: string;
  /** The issuer of its tokens (an authorization server of the resource). */
  readonly issuer: string;
  /** The scopes it declares (`scopes` option). */
  readonly scopes: readonly string[];
  /** Its DPoP settings, for a scheme given `dpop` (`bearer`: unbound Bearer tokens accepted too). */
  readonly dpop?: { readonly algorithms: readonly string[]; readonly bearer: boolean };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Path characters served as a plain route by every framework (no `:`, `*`, `%`, parentheses…). */
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;
const BEARER_TYPES = new Set(['oauth2', 'openIdConnect']);

const mistake = (message: string): never => {
  throw new ConfigurationError(ErrorCode.ResourceMetadata, message);
};

/**
 * A protected resource (RFC 9728): made with {@link protectedResource}.
 * Give it to the schemes that accept its tokens (`jwtBearer({ …, resource })`)
 * and to `d.docs(app, { resourceMetadata })`, which serves its metadata.
 *
 * @example
 * ```ts
 * const mcp = protectedResource({ resource: 'https://api.example.com/mcp' })
 * mcp.path        // '/.well-known/oauth-protected-resource/mcp'
 * mcp.metadataUrl // 'https://api.example.com/.well-known/oauth-protected-resource/mcp'
 * ```
 */
export class ProtectedResource implements WellKnownDocument {
  /** The resource identifier, as given. */
  readonly resource: string;
  /** Where its metadata is served, from the root of the app (RFC 9728 §3.1: the suffix between the host and the resource's path). */
  readonly path: string;
  /** The absolute URL of its metadata (`resource_metadata` in the challenges): from the resource's origin, never from a request's `Host`. */
  readonly metadataUrl: string;
  readonly #origin: string;
  readonly #options: ProtectedResourceOptions;
  readonly #schemes: TiedScheme[] = [];

  constructor(options: ProtectedResourceOptions) {
    if (!options || typeof options !== 'object') mistake('protectedResource(): options are required ({ resource })');
    const { resource } = options;
    if (typeof resource !== 'string' || !URL.canParse(resource)) mistake(`protectedResource(): resource must be an absolute URL, got ${JSON.stringify(resource)}`);
    const url = new URL(resource);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      mistake(`protectedResource(): resource ${JSON.stringify(resource)} must be an https URL (RFC 9728 §2; http only for localhost)`);
    }
    if (resource.includes('#') || resource.includes('?')) mistake(`protectedResource(): resource ${JSON.stringify(resource)} must have no query and no fragment`);
    if (url.username !== '' || url.password !== '') mistake(`protectedResource(): resource ${JSON.stringify(resource)} must not carry credentials`);
    if (!PLAIN_PATH.test(url.pathname)) mistake(`protectedResource(): the path of resource ${JSON.stringify(resource)} must hold only letters, digits and - . _ ~ /`);
    for (const alg of options.resourceSigningAlgValuesSupported ?? []) {
      if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') mistake('protectedResource(): resourceSigningAlgValuesSupported must list JWS algorithms, never "none"');
    }
    if (options.documentation !== undefined && options.documentation !== false && (typeof options.documentation !== 'string' || !URL.canParse(options.documentation, url.origin))) {
      mistake(`protectedResource(): documentation must be a path or an absolute URL, got ${JSON.stringify(options.documentation)}`);
    }
    this.resource = resource;
    this.#origin = url.origin;
    this.#options = options;
    this.path = WELL_KNOWN_PROTECTED_RESOURCE + (url.pathname === '/' ? '' : url.pathname);
    this.metadataUrl = this.#origin + this.path;
  }

  /**
   * The metadata document for the routes of an OpenAPI document (see
   * {@link ProtectedResource.metadata}); what `d.docs()` serves.
   *
   * @example
   * ```ts
   * mcp.build(d.openapi(), { docsPath: '/docs' }).authorization_servers // ['https://id.example.com']
   * ```
   */
  build(document: OpenAPIDocument, context: WellKnownContext): object {
    return this.metadata(document, context);
  }

  /**
   * The metadata (RFC 9728 §2) for the routes of an OpenAPI document:
   * `resource`; `authorization_servers`, the issuers of the schemes given
   * this resource; `scopes_supported`, the scopes those schemes declare and
   * the routes ask of them; `bearer_methods_supported` (`header`: the only
   * way a token is read); `resource_documentation` (the docs page, absolute
   * from the resource's origin); `resource_name` and
   * `resource_signing_alg_values_supported` when given. Throws a
   * `ConfigurationError` (`DEPENDS_RESOURCE_METADATA`) for a route that uses
   * one of its schemes and also another bearer scheme with no issuer in it.
   *
   * @example
   * ```ts
   * mcp.metadata(d.openapi())
   * // { resource: 'https://api.example.com/mcp', authorization_servers: ['https://id.example.com'],
   * //   scopes_supported: ['notes:read'], bearer_methods_supported: ['header'], resource_documentation: 'https://api.example.com/docs' }
   * ```
   */
  metadata(document: OpenAPIDocument, context: WellKnownContext = { docsPath: '/docs' }): ProtectedResourceMetadata {
    const names = new Set(this.#schemes.map((s) => s.name));
    const scopes = new Set<string>();
    for (const s of this.#schemes) for (const scope of s.scopes) scopes.add(scope);
    const schemes = (document.components?.securitySchemes ?? {}) as Record<string, { type?: string; scheme?: string }>;
    let certificateBound = false;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
        const security = (operation as { security?: Record<string, string[]>[] } | undefined)?.security;
        if (!Array.isArray(security) || !security.some((req) => Object.keys(req).some((n) => names.has(n)))) continue;
        for (const requirement of security) {
          // a scheme of the resource with a mutualTLS scheme in one requirement: certificate-bound tokens (`mtls()`)
          const inRequirement = Object.keys(requirement);
          if (inRequirement.some((n) => names.has(n)) && inRequirement.some((n) => schemes[n]?.type === 'mutualTLS')) certificateBound = true;
          for (const [name, asked] of Object.entries(requirement)) {
            if (names.has(name)) {
              for (const scope of asked) scopes.add(scope);
              continue;
            }
            const entry = schemes[name];
            const bearer = entry !== undefined && (BEARER_TYPES.has(entry.type ?? '') || (entry.type === 'http' && entry.scheme?.toLowerCase() === 'bearer'));
            if (bearer) {
              mistake(
                `Route ${method.toUpperCase()} ${path} points to the protected resource metadata of ${this.resource} (a scheme of the resource answers its 401) ` +
                  `but also accepts ${name}, a bearer scheme with no issuer in that metadata: a client that follows it would get a token ${name} does not accept. ` +
                  `Give that scheme the resource (jwtBearer({ issuer, audience, resource }) or tokenIntrospection({ issuer, …, resource })), or serve it on other routes`,
              );
            }
          }
        }
      }
    }
    const options = this.#options;
    const issuers = [...new Set(this.#schemes.map((s) => s.issuer))];
    const documentation = options.documentation === false ? undefined : new URL(options.documentation ?? context.docsPath, this.#origin).href;
    return {
      resource: this.resource,
      ...(options.resourceName !== undefined ? { resource_name: options.resourceName } : {}),
      ...(issuers.length > 0 ? { authorization_servers: issuers } : {}),
      ...(scopes.size > 0 ? { scopes_supported: [...scopes] } : {}),
      bearer_methods_supported: ['header'],
      ...(options.resourceSigningAlgValuesSupported ? { resource_signing_alg_values_supported: [...options.resourceSigningAlgValuesSupported] } : {}),
      ...(documentation !== undefined ? { resource_documentation: documentation } : {}),
      ...(certificateBound ? { tls_client_certificate_bound_access_tokens: true } : {}),
      ...this.#dpopMetadata(),
    };
  }

  /** `dpop_signing_alg_values_supported` (the DPoP schemes' algorithms) and `dpop_bound_access_tokens_required` (every scheme DPoP-only). */
  #dpopMetadata(): Pick<ProtectedResourceMetadata, 'dpop_signing_alg_values_supported' | 'dpop_bound_access_tokens_required'> {
    const bound = this.#schemes.filter((s) => s.dpop !== undefined);
    if (bound.length === 0) return {};
    const algorithms = [...new Set(bound.flatMap((s) => s.dpop!.algorithms))];
    const required = bound.length === this.#schemes.length && bound.every((s) => !s.dpop!.bearer);
    return { dpop_signing_alg_values_supported: algorithms, ...(required ? { dpop_bound_access_tokens_required: true } : {}) };
  }

  /** Records a scheme given this resource (see `tieToResource`). */
  static tie(resource: ProtectedResource, scheme: TiedScheme): void {
    if (!resource.#schemes.some((s) => s.name === scheme.name && s.issuer === scheme.issuer)) resource.#schemes.push(scheme);
  }
}

/**
 * A protected resource (RFC 9728): its URI, the issuers and scopes of the
 * schemes given it, and its metadata, served by `d.docs(app, {
 * resourceMetadata })` at the well-known URI (for `https://api.example.com/mcp`:
 * `/.well-known/oauth-protected-resource/mcp`). Every 401 of a scheme given
 * it carries `resource_metadata="<metadataUrl>"` (RFC 9728 §5.1), as its
 * 403 `insufficient_scope` does beside the `scope` needed: what MCP clients
 * read to find the authorization server. A resource URI that is not an
 * https URL (http for localhost), or has a query or fragment, fails here.
 *
 * @example
 * ```ts
 * import { jwtBearer, protectedResource } from '@depends/jwt'
 *
 * const mcp = protectedResource({ resource: 'https://api.example.com/mcp', resourceName: 'Notes' })
 * const token = jwtBearer({ issuer: 'https://id.example.com', audience: 'https://api.example.com/mcp', resource: mcp })
 * api.post('/mcp', { auth: security(token, { scopes: ['notes:read'] }) }, ({ auth }) => serveMcp(auth))
 * d.docs(app, { resourceMetadata: mcp }) // GET /.well-known/oauth-protected-resource/mcp
 * ```
 */
export function protectedResource(options: ProtectedResourceOptions): ProtectedResource {
  return new ProtectedResource(options);
}

/**
 * Ties a bearer scheme to its resource, checking what RFC 8707 and RFC 9728
 * need: an issuer (the metadata's authorization server), and an audience
 * that includes the resource URI (a token asked for the resource is for that
 * audience). Returns the `resource_metadata` URL for the challenges.
 *
 * @example
 * ```ts
 * const resourceMetadata = tieToResource('jwtBearer', mcp, { name: 'OpenIdConnect', issuer, audiences: ['https://api.example.com/mcp'], scopes: [] })
 * ```
 */
export function tieToResource(
  kind: string,
  resource: unknown,
  scheme: {
    name: string;
    issuer: string | undefined;
    audiences: readonly string[] | undefined;
    scopes: readonly string[];
    dpop?: { readonly algorithms: readonly string[]; readonly bearer: boolean };
  },
): string {
  if (!(resource instanceof ProtectedResource)) return mistake(`Security scheme ${kind}: resource must be made with protectedResource({ resource })`);
  if (scheme.issuer === undefined) {
    return mistake(`Security scheme ${kind}: resource ${resource.resource} needs an issuer: its metadata names the authorization servers that issue its tokens. Give issuer`);
  }
  if (scheme.audiences !== undefined && !scheme.audiences.includes(resource.resource)) {
    return mistake(
      `Security scheme ${kind}: the resource URI ${resource.resource} is not among the audiences it expects (${scheme.audiences.join(', ')}): ` +
        `a client asks the authorization server for a token for the resource (RFC 8707), and that token would be refused. Give audience: '${resource.resource}'`,
    );
  }
  ProtectedResource.tie(resource, { name: scheme.name, issuer: scheme.issuer, scopes: scheme.scopes, ...(scheme.dpop !== undefined ? { dpop: scheme.dpop } : {}) });
  return resource.metadataUrl;
}
