/**
 * The OpenAPI 3.1 shapes the builder emits: typed where the builder has
 * an opinion, open (`[key: string]: unknown`) where the spec allows more.
 */
import type { Input } from '../dependency/types.js';
import type { ErrorBody } from '../errors/format.js';
import type { RouteTree } from '../model/tree.js';
import type { RouteDef } from '../router/router.js';
/**
 * What the document reads of one route: its declaration (method, path,
 * handler name, options), a label for messages, and its analysed tree
 * (see `model/`). Plain data: an app's routes are these.
 *
 * @example
 * ```ts
 * const def = routeDef('GET', '/me', { user }, ({ user }) => user)
 * const route: DocumentRoute = { def, label: 'GET /me', tree: analyse({ label: 'GET /me', dependencies: [], inputs: def.inputs }) }
 * ```
 */
export interface DocumentRoute {
    readonly def: RouteDef;
    readonly label: string;
    readonly tree: RouteTree;
}
/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = {
    [key: string]: unknown;
};
/**
 * One entry of the document's `servers`.
 *
 * @example
 * ```ts
 * const server: ServerObject = { url: 'https://api.example.com', description: 'Production' }
 * ```
 */
export interface ServerObject {
    url: string;
    description?: string;
}
/**
 * Document-level options (`info`, `servers` or `publicOrigin`, `tags`, global `security`).
 *
 * @example
 * ```ts
 * const options: DocumentOptions = { title: 'Todo API', version: '1.0.0', publicOrigin: 'https://api.example.com', security: [bearer] }
 * ```
 */
export interface DocumentOptions {
    /** `info.title` (default `"API"`). */
    title?: string;
    /** `info.version` (default `"0.1.0"`). */
    version?: string;
    /** `info.description` (CommonMark). */
    description?: string;
    /** `info.contact`. */
    contact?: {
        name?: string;
        url?: string;
        email?: string;
    };
    /** `info.license` (`identifier` is an SPDX expression). */
    license?: {
        name: string;
        identifier?: string;
        url?: string;
    };
    /**
     * `servers`, emitted as given (absolute URLs, so that a generated client
     * runs as generated). Default: one server, the app's `publicOrigin`, else,
     * when the document is served, the origin the request was sent to (see
     * `publicOrigin`), else `/`.
     */
    servers?: readonly ServerObject[];
    /**
     * The app's public origin: the absolute `http(s)` URL clients reach it at
     * (`https://api.example.com`; a path prefix is allowed when a proxy serves
     * the app under one: `https://example.com/api`), the document's one
     * server (plus the path the documented routes are mounted under, when
     * served). Checked at startup. Without it (and without `servers`), the
     * served document's server is the origin the request for it was sent to,
     * as the framework sees it: the `Host` header, and `X-Forwarded-Proto` /
     * `X-Forwarded-Host` only where the framework's trust-proxy setting
     * trusts them (Express `app.set('trust proxy', …)`, Koa `app.proxy`,
     * Fastify `trustProxy`; Hono reads neither).
     */
    publicOrigin?: string;
    /** Top-level `tags` (names, descriptions), emitted as given. */
    tags?: readonly {
        name: string;
        description?: string;
    }[];
    /**
     * Security that applies to every route except the public ones: the
     * document's top-level `security` (the same inputs `DependsApp` runs).
     */
    security?: readonly Input[];
    /**
     * The body of every error answer the library writes (401, 403, 422, 429,
     * 503, ...) and of the document's error responses: the app's own shape
     * (`errorBody(schema, build)`) or RFC 9457 problem details
     * (`problemDetails()`). Default: FastAPI's `{"detail": …}`. Status and
     * headers (`WWW-Authenticate`, `Retry-After`) never change with it; a
     * token endpoint's OAuth 2 errors keep RFC 6749's shape.
     */
    errorBody?: ErrorBody;
}
/** One OpenAPI security requirement: scheme name → OAuth2 scopes. */
export type SecurityRequirement = Record<string, string[]>;
/** A parameter object (`in` header, query, path or cookie). */
export interface ParameterObject {
    name: string;
    in: 'header' | 'query' | 'path' | 'cookie';
    required: boolean;
    description?: string;
    schema: JsonSchema;
    [key: string]: unknown;
}
/** A media type object (`content[type]`). */
export interface MediaTypeObject {
    schema: JsonSchema;
    [key: string]: unknown;
}
/** A request body object. */
export interface RequestBodyObject {
    description?: string;
    required: boolean;
    content: Record<string, MediaTypeObject>;
}
/** A response object. */
export interface ResponseObject {
    description: string;
    headers?: Record<string, {
        description?: string;
        required?: boolean;
        schema: JsonSchema;
    }>;
    content?: Record<string, MediaTypeObject>;
    [key: string]: unknown;
}
/** An operation object. */
export interface OperationObject {
    tags?: string[];
    summary?: string;
    description?: string;
    operationId: string;
    deprecated?: boolean;
    parameters?: ParameterObject[];
    requestBody?: RequestBodyObject;
    /** Responses by status code (`"200"`, `"401"`, ...). */
    responses: Record<string, ResponseObject>;
    /** Alternatives (OR) of requirement objects (AND inside each). */
    security?: SecurityRequirement[];
    [key: string]: unknown;
}
/** A path item: lower-case method → operation. */
export type PathItemObject = Record<string, OperationObject>;
/** `components`: named schemas and security schemes. */
export interface ComponentsObject {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, Readonly<Record<string, unknown>>>;
    [key: string]: unknown;
}
/**
 * An OpenAPI 3.1 document.
 *
 * @example
 * ```ts
 * const doc: OpenAPIDocument = app.openapi()
 * doc.paths['/users/me'].get.security // [{ OAuth2PasswordBearer: ['me'] }]
 * ```
 */
export interface OpenAPIDocument {
    openapi: string;
    info: {
        title: string;
        version: string;
        description?: string;
        [key: string]: unknown;
    };
    servers?: ServerObject[];
    paths: Record<string, PathItemObject>;
    components?: ComponentsObject;
    security?: SecurityRequirement[];
    tags?: {
        name: string;
        description?: string;
    }[];
    [key: string]: unknown;
}
