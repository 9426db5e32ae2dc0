/**
 * Request sources for parameters: `header`, `query`, `cookie`, `path`. Each
 * is a dependency whose value is read from the request and validated (and
 * typed) by an optional zod schema.
 */
import { z } from 'zod/v4';
import { createDependency } from '../dependency/depends.js';
import type { Dependency, SourceSpec } from '../dependency/types.js';
import type { RequestView } from '../request/view.js';
import { acceptsUndefined, arrayElement, scalarCoercer, validateOrRefuse, type Schema } from './validate.js';

/** Options shared by parameter sources. */
export interface ParamOptions {
  /** Description shown in the OpenAPI document. */
  description?: string;
}

/** Options of `header()`. */
export interface HeaderOptions extends ParamOptions {
  /** The exact header name, used verbatim (no underscore conversion). */
  alias?: string;
  /** Convert `_` to `-` in the name (default `true`, as FastAPI). */
  convertUnderscores?: boolean;
}

const defaultSchema = z.string();

type In = 'header' | 'query' | 'cookie' | 'path';

function paramSource<T>(where: In, name: string, schema: Schema | undefined, options: ParamOptions): Dependency<T> {
  const s = schema ?? defaultSchema;
  const element = arrayElement(s);
  const multiple = element !== undefined;
  const loc = [where, name] as const;
  const spec: SourceSpec = {
    in: where,
    name,
    schema: s,
    required: where === 'path' || !acceptsUndefined(s),
    multiple,
    ...(options.description ? { description: options.description } : {}),
  };
  const read = readerFor(where, name, multiple);
  let fn: (values: unknown, ctx: { request: RequestView }) => unknown;
  if (schema === undefined) {
    // no schema: a required string; no zod call on the hot path
    fn = (_, { request }) => {
      const raw = read(request);
      if (typeof raw === 'string') return raw;
      return validateOrRefuse(s, raw, loc);
    };
  } else if (multiple) {
    const coerce = scalarCoercer(element!);
    fn = (_, { request }) => validateOrRefuse(s, (read(request) as string[] | undefined)?.map(coerce), loc);
  } else {
    const coerce = scalarCoercer(s);
    fn = (_, { request }) => {
      const raw = read(request);
      return validateOrRefuse(s, typeof raw === 'string' ? coerce(raw) : raw, loc);
    };
  }
  return createDependency<T>({}, fn, { name: `${where}:${name}`, meta: { source: spec } });
}

function readerFor(where: In, name: string, multiple: boolean): (r: RequestView) => string | string[] | undefined {
  switch (where) {
    case 'header':
      return multiple
        ? (r) => {
            const all = r.headerAll(name);
            return all.length ? all : undefined;
          }
        : (r) => r.header(name);
    case 'query':
      return multiple
        ? (r) => {
            const all = r.queryAll(name);
            return all.length ? all : undefined;
          }
        : (r) => r.query(name);
    case 'cookie':
      return (r) => r.cookie(name);
    case 'path':
      return (r) => r.params[name];
  }
}

/**
 * A request header. The name's underscores become hyphens (`x_token` reads
 * `x-token`) unless `alias` is given or `convertUnderscores` is `false`.
 * With an array schema every occurrence of the header is collected.
 *
 * @example
 * ```ts
 * const userAgent = header('user_agent')                     // string, required
 * const traceIds = header('x_trace', z.array(z.string()))    // string[]
 * const retries = header('x_retries', z.number().optional()) // number | undefined
 * ```
 */
export function header(name: string): Dependency<string>;
export function header<S extends Schema>(name: string, schema: S, options?: HeaderOptions): Dependency<z.output<S>>;
export function header(name: string, schema?: Schema, options: HeaderOptions = {}): Dependency<unknown> {
  const wire = options.alias ?? (options.convertUnderscores === false ? name : name.replace(/_/g, '-'));
  return paramSource('header', wire.toLowerCase(), schema, options);
}

/**
 * A query parameter (the last occurrence wins; an array schema collects all).
 * Numbers and booleans are converted from the string before validation.
 *
 * @example
 * ```ts
 * const q = query('q', z.string().optional())
 * const limit = query('limit', z.number().int().min(1).max(100).default(20))
 * const tags = query('tag', z.array(z.string()).default([]))
 * ```
 */
export function query(name: string): Dependency<string>;
export function query<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
export function query(name: string, schema?: Schema, options: ParamOptions = {}): Dependency<unknown> {
  return paramSource('query', name, schema, options);
}

/**
 * A cookie (the last duplicate wins).
 *
 * @example
 * ```ts
 * const theme = cookie('theme', z.enum(['light', 'dark']).default('light'))
 * ```
 */
export function cookie(name: string): Dependency<string>;
export function cookie<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
export function cookie(name: string, schema?: Schema, options: ParamOptions = {}): Dependency<unknown> {
  return paramSource('cookie', name, schema, options);
}

/**
 * A path parameter, matched by the route's `{name}` or `:name` segment.
 *
 * @example
 * ```ts
 * router.get('/items/{id}', { id: path('id', z.number().int()) }, ({ id }) => items.get(id))
 * ```
 */
export function path(name: string): Dependency<string>;
export function path<S extends Schema>(name: string, schema: S, options?: ParamOptions): Dependency<z.output<S>>;
export function path(name: string, schema?: Schema, options: ParamOptions = {}): Dependency<unknown> {
  return paramSource('path', name, schema, options);
}
