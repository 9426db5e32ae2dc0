import { createDependency } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { NONE } from '../request/body.js';
import { acceptsUndefined, arrayElement, coerceScalar, objectShape, validate } from './validate.js';
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
export function body(schema, options = {}) {
    const spec = {
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
    const fn = (_, ctx) => {
        const parsed = ctx.body ?? NONE;
        let value;
        if (parsed.kind === 'json')
            value = parsed.value;
        else if (parsed.kind === 'text')
            value = parsed.text;
        else if (parsed.kind === 'form')
            value = Object.fromEntries(parsed.fields.entries?.() ?? []);
        if (embed !== undefined)
            value = value && typeof value === 'object' ? value[embed] : undefined;
        return validate(schema, value, loc);
    };
    return createDependency({}, fn, { name: `body:${spec.name}`, meta: { source: spec } });
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
export function form(schema, options = {}) {
    const shape = objectShape(schema);
    if (!shape)
        throw new ConfigurationError(ErrorCode.InvalidDependency, 'form() needs a zod object schema');
    const mediaTypes = options.mediaType === undefined ? ['application/x-www-form-urlencoded'] : typeof options.mediaType === 'string' ? [options.mediaType] : [...options.mediaType];
    const spec = {
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
    const fn = (_, ctx) => {
        const parsed = ctx.body ?? NONE;
        // Forms never read a JSON body (the route answers 415 before this runs).
        const source = parsed.kind === 'form' ? parsed.fields : undefined;
        const value = {};
        if (source) {
            for (const f of fields) {
                if (f.element) {
                    const all = source.getAll(f.name).filter((v) => v !== '');
                    if (all.length)
                        value[f.name] = all.map((v) => (typeof v === 'string' ? coerceScalar(f.element, v) : v));
                }
                else {
                    // A repeated field: the last value wins (Starlette's FormData).
                    const all = source.getAll(f.name);
                    const v = all[all.length - 1];
                    if (v === null || v === undefined || v === '')
                        continue;
                    value[f.name] = typeof v === 'string' ? coerceScalar(f.schema, v) : v;
                }
            }
        }
        return validate(schema, value, ['body']);
    };
    return createDependency({}, fn, { name: 'form', meta: { source: spec } });
}
//# sourceMappingURL=body.js.map