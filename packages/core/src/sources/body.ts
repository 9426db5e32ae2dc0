/**
 * Request body sources: `body(schema)` for JSON and `form(schema)` for
 * `application/x-www-form-urlencoded` (and multipart) forms. They read the
 * body the request parsed once (see `request/body.ts`).
 */
import type { z } from 'zod/v4';
import { createDependency } from '../dependency/depends.js';
import type { CallContext, Dependency, SourceSpec } from '../dependency/types.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { NONE } from '../request/body.js';
import { acceptsUndefined, arrayElement, coerceScalar, objectShape, validate, type Schema } from './validate.js';

/** Options of `body()`. */
export interface BodyOptions {
  /** Read the value under this key of the JSON object (FastAPI's `embed`). */
  embed?: string;
  /** Description shown in the OpenAPI document. */
  description?: string;
  /** Component name for the schema in `components.schemas`. */
  schemaName?: string;
}

/**
 * The JSON request body, validated and typed by a zod schema. Validation
 * errors are listed under `loc: ["body", ...]`.
 *
 * @example
 * ```ts
 * const NewItem = z.object({ title: z.string().min(1).max(200), done: z.boolean().optional() })
 * router.post('/items', { item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 })
 * ```
 */
export function body<S extends Schema>(schema: S, options: BodyOptions = {}): Dependency<z.output<S>> {
  const spec: SourceSpec & { schemaName?: string } = {
    in: 'body',
    name: options.embed ?? 'body',
    schema,
    required: !acceptsUndefined(schema),
    multiple: false,
    embed: options.embed !== undefined,
    mediaType: 'application/json',
    mediaTypes: ['application/json'],
    ...(options.description ? { description: options.description } : {}),
    ...(options.schemaName ? { schemaName: options.schemaName } : {}),
  };
  const embed = options.embed;
  const loc = embed === undefined ? ['body'] : ['body', embed];
  const fn = (_: unknown, ctx: CallContext) => {
    const parsed = ctx.body ?? NONE;
    let value: unknown;
    if (parsed.kind === 'json') value = parsed.value;
    else if (parsed.kind === 'text') value = parsed.text;
    else if (parsed.kind === 'form') value = Object.fromEntries((parsed.fields as unknown as URLSearchParams).entries?.() ?? []);
    if (embed !== undefined) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[embed] : undefined;
    return validate(schema, value, loc);
  };
  return createDependency({}, fn, { name: `body:${spec.name}`, meta: { source: spec } });
}

/** Options of `form()`. */
export interface FormOptions {
  description?: string;
  /** Component name for the schema in `components.schemas`. */
  schemaName?: string;
  /**
   * The media type(s) the form is read from, and documented in OpenAPI
   * (default url-encoded only). A body of another type answers 415.
   */
  mediaType?: FormMediaType | readonly [FormMediaType, ...FormMediaType[]];
}

/** The media types a form can be sent in. */
export type FormMediaType = 'application/x-www-form-urlencoded' | 'multipart/form-data';

/**
 * Form fields (`application/x-www-form-urlencoded` or multipart), validated
 * by a zod object schema. As in FastAPI an empty field counts as absent, and
 * numbers and booleans are converted from their text.
 *
 * @example
 * ```ts
 * const Login = z.object({ username: z.string(), password: z.string() })
 * router.post('/login', { login: form(Login) }, ({ login }) => signIn(login))
 * ```
 */
export function form<S extends Schema>(schema: S, options: FormOptions = {}): Dependency<z.output<S>> {
  const shape = objectShape(schema);
  if (!shape) throw new ConfigurationError(ErrorCode.InvalidDependency, 'form() needs a zod object schema');
  const mediaTypes: readonly FormMediaType[] =
    options.mediaType === undefined ? ['application/x-www-form-urlencoded'] : typeof options.mediaType === 'string' ? [options.mediaType] : [...options.mediaType];
  const spec: SourceSpec & { schemaName?: string } = {
    in: 'form',
    name: 'body',
    schema,
    required: Object.values(shape).some((s) => !acceptsUndefined(s)),
    multiple: false,
    mediaType: mediaTypes[0],
    mediaTypes,
    ...(options.description ? { description: options.description } : {}),
    ...(options.schemaName ? { schemaName: options.schemaName } : {}),
  };
  const fields = Object.entries(shape).map(([name, s]) => ({ name, schema: s, element: arrayElement(s) }));
  const fn = (_: unknown, ctx: CallContext) => {
    const parsed = ctx.body ?? NONE;
    // Forms never read a JSON body (the route answers 415 before this runs).
    const source = parsed.kind === 'form' ? parsed.fields : undefined;
    const value: Record<string, unknown> = {};
    if (source) {
      for (const f of fields) {
        if (f.element) {
          const all = source.getAll(f.name).filter((v) => v !== '');
          if (all.length) value[f.name] = all.map((v) => (typeof v === 'string' ? coerceScalar(f.element!, v) : v));
        } else {
          // A repeated field: the last value wins (Starlette's FormData).
          const all = source.getAll(f.name);
          const v = all[all.length - 1];
          if (v === null || v === undefined || v === '') continue;
          value[f.name] = typeof v === 'string' ? coerceScalar(f.schema, v) : v;
        }
      }
    }
    return validate(schema, value, ['body']);
  };
  return createDependency({}, fn, { name: 'form', meta: { source: spec } });
}
