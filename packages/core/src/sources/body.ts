/**
 * Request body sources: `body(schema)` for JSON and `form(schema)` for
 * `application/x-www-form-urlencoded` (and multipart) forms, plus the
 * parsing of the raw body, done once per request before any dependency runs.
 */
import type { z } from 'zod';
import { createDependency } from '../dependency/depends.js';
import type { CallContext, Dependency, SourceSpec } from '../dependency/types.js';
import { HTTPException, RequestValidationError } from '../errors/catalogue.js';
import type { RawBody, RequestView } from '../request/view.js';
import { acceptsUndefined, arrayElement, coerceScalar, objectShape, validate, type Schema } from './validate.js';

/** The body after parsing, as body and form sources read it. */
export type ParsedBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'form'; readonly fields: { get(name: string): unknown; getAll(name: string): unknown[] } }
  | { readonly kind: 'text'; readonly text: string };

const NONE: ParsedBody = { kind: 'none' };

function jsonError(text: string, error: unknown): RequestValidationError {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  return new RequestValidationError([
    {
      type: 'json_invalid',
      loc: ['body', pos ? Number(pos[1]) : text.length],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: message },
    },
  ]);
}

function formFromObject(obj: Record<string, unknown>): ParsedBody {
  return {
    kind: 'form',
    fields: {
      get: (n) => {
        const v = obj[n];
        return Array.isArray(v) ? v[v.length - 1] : v;
      },
      getAll: (n) => {
        const v = obj[n];
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      },
    },
  };
}

/**
 * Parses the raw body by its content type: JSON (also when no content type
 * is given), url-encoded and multipart forms, or text. Invalid JSON is a 422
 * `json_invalid` (FastAPI's answer), raised before any dependency runs.
 *
 * @example
 * ```ts
 * await parseBody({ kind: 'text', text: '{"a":1}' }, 'application/json') // { kind: 'json', value: { a: 1 } }
 * ```
 */
export async function parseBody(raw: RawBody, contentType: string | undefined): Promise<ParsedBody> {
  const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (raw.kind === 'none') return NONE;
  if (raw.kind === 'parsed') {
    const v = raw.value;
    if (v instanceof URLSearchParams) return { kind: 'form', fields: v };
    if (typeof FormData !== 'undefined' && v instanceof FormData) return { kind: 'form', fields: v };
    if (ct === 'application/x-www-form-urlencoded' || ct === 'multipart/form-data') {
      if (v && typeof v === 'object') return formFromObject(v as Record<string, unknown>);
    }
    if (typeof v === 'string') return parseText(v, ct);
    if (v instanceof Uint8Array) return parseBody({ kind: 'bytes', bytes: v }, contentType);
    return { kind: 'json', value: v };
  }
  if (raw.kind === 'bytes') {
    if (ct === 'multipart/form-data') {
      try {
        const form = await new Response(raw.bytes as BodyInit, { headers: { 'content-type': contentType! } }).formData();
        return { kind: 'form', fields: form };
      } catch {
        throw new HTTPException(400, 'There was an error parsing the body');
      }
    }
    return parseText(new TextDecoder().decode(raw.bytes), ct);
  }
  return parseText(raw.text, ct);
}

function parseText(text: string, ct: string): ParsedBody {
  if (ct === 'application/x-www-form-urlencoded') return { kind: 'form', fields: new URLSearchParams(text) };
  if (ct === '' || ct === 'application/json' || ct.endsWith('+json')) {
    if (text === '') return NONE;
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch (e) {
      throw jsonError(text, e);
    }
  }
  return text === '' ? NONE : { kind: 'text', text };
}

/**
 * Reads and parses a request's body for sources that need it.
 *
 * @example
 * ```ts
 * const parsed = await readParsedBody(createRequestView({ body: { a: 1 } })) // { kind: 'json', value: { a: 1 } }
 * ```
 */
export async function readParsedBody(request: RequestView): Promise<ParsedBody> {
  return parseBody(await request.readBody(), request.header('content-type'));
}

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
  /** Media type documented in OpenAPI (default url-encoded). */
  mediaType?: 'application/x-www-form-urlencoded' | 'multipart/form-data';
}

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
  if (!shape) throw new TypeError('form() needs a zod object schema');
  const spec: SourceSpec & { schemaName?: string } = {
    in: 'form',
    name: 'body',
    schema,
    required: Object.values(shape).some((s) => !acceptsUndefined(s)),
    multiple: false,
    mediaType: options.mediaType ?? 'application/x-www-form-urlencoded',
    ...(options.description ? { description: options.description } : {}),
    ...(options.schemaName ? { schemaName: options.schemaName } : {}),
  };
  const fields = Object.entries(shape).map(([name, s]) => ({ name, schema: s, element: arrayElement(s) }));
  const fn = (_: unknown, ctx: CallContext) => {
    const parsed = ctx.body ?? NONE;
    const source =
      parsed.kind === 'form'
        ? parsed.fields
        : parsed.kind === 'json' && parsed.value && typeof parsed.value === 'object'
          ? (formFromObject(parsed.value as Record<string, unknown>) as { fields: { get(n: string): unknown; getAll(n: string): unknown[] } }).fields
          : undefined;
    const value: Record<string, unknown> = {};
    if (source) {
      for (const f of fields) {
        if (f.element) {
          const all = source.getAll(f.name).filter((v) => v !== '');
          if (all.length) value[f.name] = all.map((v) => (typeof v === 'string' ? coerceScalar(f.element!, v) : v));
        } else {
          const v = source.get(f.name);
          if (v === null || v === undefined || v === '') continue;
          value[f.name] = typeof v === 'string' ? coerceScalar(f.schema, v) : v;
        }
      }
    }
    return validate(schema, value, ['body']);
  };
  return createDependency({}, fn, { name: 'form', meta: { source: spec } });
}
