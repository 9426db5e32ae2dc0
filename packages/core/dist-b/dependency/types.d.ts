/**
 * The shapes of declarations: a dependency, one use of it (with per-use
 * options), and the type-level machinery that infers a function's
 * arguments from its named inputs.
 */
import type { RequestView } from '../request/view.js';
import type { Refusal } from './refusal.js';
import type { ParsedBody } from '../request/body.js';
/** Marks a value as a dependency. */
export declare const kDependency: unique symbol;
/** Marks a value as one use of a dependency with per-use options. */
export declare const kUse: unique symbol;
/**
 * When a teardown dependency closes: `function` before the answer is
 * produced (it can still change it), `request` (default) after the answer
 * has been sent.
 */
export type TeardownScope = 'function' | 'request';
/** How the resolver calls a dependency's function. */
export type CallKind = 'plain' | 'generator' | 'asyncGenerator';
/** What a request source reads, for the resolver and the OpenAPI builder. */
export interface SourceSpec {
    readonly in: 'header' | 'query' | 'cookie' | 'path' | 'body' | 'form';
    /** The wire name (header name after underscore conversion, query key, ...). */
    readonly name: string;
    /** The zod schema, if any. */
    readonly schema: unknown;
    readonly required: boolean;
    readonly description?: string;
    /** Whether the value is read as a list (repeated header or query key). */
    readonly multiple: boolean;
    /** Body sources: whether the body is embedded under `name`. */
    readonly embed?: boolean;
    /** Body sources: media type documented in OpenAPI (the first of `mediaTypes`). */
    readonly mediaType?: string;
    /** Body sources: every media type read and documented (a body of another type is a 415). */
    readonly mediaTypes?: readonly string[];
    /** Body sources: turns an error met while reading the body (400, 413, 415) into this source's own answer. */
    readonly bodyError?: (error: unknown) => unknown;
    /** Header values every answer of a route reading this source carries (unless the answer sets them). */
    readonly answerHeaders?: Readonly<Record<string, string>>;
    /** Body sources: the route is an OAuth 2 token endpoint (its errors are RFC 6749 §5.2 answers, documented so). */
    readonly tokenEndpoint?: boolean;
}
/** A security declaration carried by a dependency (read by the OpenAPI builder). */
export type SecurityMeta = {
    readonly kind: 'scheme';
    readonly scheme: SchemeInfo;
} | {
    readonly kind: 'anyOf';
    readonly alternatives: readonly Input[];
    /** No credential at all is accepted too (`autoError: false`, or an optional alternative). */
    readonly optional?: boolean;
} | {
    readonly kind: 'public';
};
/** The parts of a security scheme that interpreters other than the resolver read. */
export interface SchemeInfo {
    /** Name in `components.securitySchemes`. */
    readonly name: string;
    /** The exact `securitySchemes` entry. */
    readonly openapi: Readonly<Record<string, unknown>>;
    /** The `WWW-Authenticate` challenge sent with a 401. */
    readonly challenge: string | undefined;
    /** Request inputs the scheme consumes (never documented as parameters). */
    readonly consumes: readonly {
        readonly in: 'header' | 'query' | 'cookie';
        readonly name: string;
    }[];
    /** `autoError: false`: a missing credential gives `undefined`, not 401. */
    readonly optional: boolean;
    /** Whether the scheme speaks OAuth2 scopes in `insufficient_scope` answers. */
    readonly bearerChallenges: boolean;
}
/** Extra facts a dependency carries for the interpreters. */
export interface DependencyMeta {
    readonly source?: SourceSpec;
    readonly security?: SecurityMeta;
    /** Built-in dependencies the interpreters treat specially. */
    readonly builtin?: 'request' | 'securityScopes';
    /**
     * `false`: the value belongs to someone else (a service container): it is
     * stored as is, never awaited and never disposed by the resolver.
     */
    readonly owns?: false;
    /** Whether the dependency answers 403 when scopes are missing. */
    readonly enforcesScopes?: boolean;
    /** Responses this dependency may produce, for the OpenAPI document. */
    readonly responses?: readonly number[];
    /**
     * Header values every answer of a route using this dependency carries
     * (unless the answer sets them): a string, or a function read for each
     * answer (a DPoP scheme's current `DPoP-Nonce`, which rotates).
     */
    readonly answerHeaders?: Readonly<Record<string, string | (() => string)>>;
    /**
     * More of what this dependency adds to the operations of the routes that
     * use it: `WWW-Authenticate` challenges its 401 may carry besides the
     * schemes' own (`@depends/jwt`'s `stepUp()`: `Bearer
     * error="insufficient_user_authentication", acr_values="…"`), and `x-`
     * extensions of the operation object.
     */
    readonly operation?: {
        readonly challenges?: readonly string[];
        readonly extensions?: Readonly<Record<`x-${string}`, unknown>>;
    };
}
/** Everything the resolver passes to a dependency besides its inputs. */
export interface CallContext {
    /** The request being served. */
    readonly request: RequestView;
    /** The parsed body, when the route reads one (read before any dependency runs). */
    readonly body: ParsedBody | undefined;
    /** The app's `container` option (read by the services plugin, `@depends/core/services`). */
    readonly container: ServiceContainer | undefined;
}
/**
 * A service container as the app holds it (a tsyringe `DependencyContainer`
 * is one): the services plugin creates a child of it per request.
 */
export interface ServiceContainer {
    createChildContainer(): unknown;
}
/**
 * A dependency: a value created once, at module level, that says how to
 * produce a `T` per request from its named inputs. Its identity is the
 * object itself (the per-request cache and overrides key on it).
 */
export interface Dependency<T = unknown> {
    readonly [kDependency]: true;
    /** Name used in error messages and operation ids. */
    readonly name: string;
    /** Named inputs: other dependencies, uses, or injectable classes. */
    readonly inputs: Readonly<Record<string, Input>>;
    /** The function; it receives the input values and a context. */
    readonly fn: (values: any, context: CallContext) => unknown;
    readonly callKind: CallKind;
    /** Explicit teardown scope, if declared. */
    readonly scope: TeardownScope | undefined;
    /** Default per-use cache setting. */
    readonly useCache: boolean;
    readonly meta: DependencyMeta;
    /**
     * Phantom field carrying the value type; never set. Wrapped in a tuple so
     * that inferring `T` through a subtype (`Dependency<T> & {...}`) keeps
     * `undefined` (an optional property would drop it).
     */
    readonly __value?: readonly [T];
}
/**
 * One use of a dependency with per-use options: `useCache`, teardown
 * `scope`, and OAuth2 `scopes` (see `use()` and `security()`).
 */
export interface Use<T = unknown> {
    readonly [kUse]: true;
    readonly dependency: Dependency<T>;
    readonly useCache: boolean | undefined;
    readonly scope: TeardownScope | undefined;
    readonly scopes: readonly string[];
    /** Declared with `security()`: the dependency must reach a security scheme (checked at registration). */
    readonly security?: true;
}
/** A class (or abstract class) resolved through the services plugin's container. */
export type Injectable<T = unknown> = abstract new (...args: any[]) => T;
/** Anything that can stand as a named input. */
export type Input = Dependency<any> | Use<any> | Injectable<any>;
/** A record of named inputs. */
export type Inputs = Readonly<Record<string, Input>>;
/** The value an input produces. */
export type ValueOf<I> = I extends Dependency<infer T> ? T : I extends Use<infer T> ? T : I extends abstract new (...args: any[]) => infer T ? T : never;
/** The values a function receives for its named inputs. */
export type Values<I extends Inputs> = {
    -readonly [K in keyof I]: ValueOf<I[K]>;
};
/** The value a dependency function produces: awaited (a returned `refuse()` left out), or the generator's yield. */
export type Produced<R> = R extends AsyncGenerator<infer Y, any, any> ? Y : R extends Generator<infer Y, any, any> ? Y : Exclude<Awaited<R>, Refusal>;
