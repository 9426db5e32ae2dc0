/**
 * zod 4 → JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) and the
 * document's `components.schemas`: schemas named by `.meta({ id })` (or a
 * source's `schemaName`) become components referenced with `$ref`.
 */
import { z } from 'zod/v4';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { structuralKey } from './structural-key.js';
const caches = { input: new WeakMap(), output: new WeakMap() };
let anonymous = 0;
const COMPONENT = '#/components/schemas/';
const MIN = Number.MIN_SAFE_INTEGER;
const MAX = Number.MAX_SAFE_INTEGER;
/**
 * Whether a value is a zod 4 schema.
 *
 * @example
 * ```ts
 * isZodSchema(z.string()) // true
 * ```
 */
export function isZodSchema(value) {
    return typeof value === 'object' && value !== null && '_zod' in value;
}
function override(ctx, side) {
    const def = ctx.zodSchema._zod.def;
    const js = ctx.jsonSchema;
    if (side === 'output' && def.type === 'object' && def.catchall === undefined && js.additionalProperties === false) {
        // zod says a stripping object's output has no extra keys: true, but it
        // would split every model used in both directions (FastAPI shows one).
        delete js.additionalProperties;
    }
    else if (def.type === 'date' && js.type === undefined) {
        js.type = 'string';
        js.format = 'date-time';
    }
    else if (def.type === 'bigint' && js.type === undefined) {
        js.type = 'integer';
        js.format = 'int64';
    }
    else if (side === 'input' && def.type === 'string' && (js.minLength !== undefined || js.maxLength !== undefined) && rewritesBeforeLength(def)) {
        lengthAfterRewrite(js, def);
    }
    else if (js.type === 'integer') {
        // z.number().int() adds the safe-integer bounds: noise in a document.
        if (js.minimum === MIN)
            delete js.minimum;
        if (js.maximum === MAX)
            delete js.maximum;
    }
}
/** Whether a string schema rewrites its value (`.trim()`, `.toLowerCase()`, …) before a length check. */
function rewritesBeforeLength(def) {
    const checks = def.checks ?? [];
    const rewrite = checks.findIndex((c) => c._zod.def.check === 'overwrite');
    return rewrite !== -1 && checks.slice(rewrite + 1).some((c) => /_length$/.test(c._zod.def.check ?? ''));
}
/**
 * The request side of a string whose length is checked after a rewrite:
 * the wire value's length is not what is checked, so `minLength` and
 * `maxLength` would promise more or less than the server accepts. After
 * `.trim()` the same bounds apply to the text between the first and last
 * non-space characters, which a pattern says exactly; after another
 * rewrite the bounds are dropped (the 422 covers them).
 */
function lengthAfterRewrite(js, def) {
    const min = typeof js.minLength === 'number' ? js.minLength : 0;
    const max = typeof js.maxLength === 'number' ? js.maxLength : undefined;
    delete js.minLength;
    delete js.maxLength;
    const trims = (def.checks ?? []).some((c) => c._zod.def.check === 'overwrite' && /\.trim\(\)/.test(String(c._zod.def.tx)));
    if (!trims || js.pattern !== undefined || (max !== undefined && max < Math.max(min, 1)))
        return;
    const any = '[\\s\\S]';
    // the trimmed text: empty, one non-space character, or non-space … non-space with `inner` characters between
    const inner = (lo, hi) => `${any}{${Math.max(lo, 0)},${hi === undefined ? '' : Math.max(hi, 0)}}`;
    let core;
    if (min <= 0)
        core = max === undefined ? '' : max === 0 ? '' : max === 1 ? '\\S?' : `(?:\\S(?:${inner(0, max - 2)}\\S)?)?`;
    else if (min === 1)
        core = max === 1 ? '\\S' : `\\S(?:${inner(0, max === undefined ? undefined : max - 2)}\\S)?`;
    else
        core = `\\S${inner(min - 2, max === undefined ? undefined : max - 2)}\\S`;
    if (core === '' && max === undefined)
        return;
    js.pattern = core === '' ? '^\\s*$' : `^\\s*${core}\\s*$`;
}
function rewriteRefs(node, rename, self) {
    if (Array.isArray(node)) {
        for (const item of node)
            rewriteRefs(item, rename, self);
        return;
    }
    if (typeof node !== 'object' || node === null)
        return;
    const obj = node;
    for (const [key, value] of Object.entries(obj)) {
        if (key === '$ref' && typeof value === 'string') {
            if (value === '#')
                obj.$ref = self;
            else if (value.startsWith('#/$defs/')) {
                const name = value.slice('#/$defs/'.length);
                obj.$ref = COMPONENT + (rename.get(name) ?? name);
            }
        }
        else if (typeof value === 'object' && value !== null)
            rewriteRefs(value, rename, self);
    }
}
function hasSelfRef(node) {
    if (Array.isArray(node))
        return node.some(hasSelfRef);
    if (typeof node !== 'object' || node === null)
        return false;
    for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && value === '#')
            return true;
        if (typeof value === 'object' && value !== null && hasSelfRef(value))
            return true;
    }
    return false;
}
/** Placeholder for a root's reference to itself until the root has a component name. */
const SELF = '#/depends:self';
/** Conversions shared by structurally identical schemas (see `structuralKey`). */
const byStructure = { input: new Map(), output: new Map() };
function convert(schema, side) {
    const cache = caches[side];
    const hit = cache.get(schema);
    if (hit)
        return hit;
    const key = structuralKey(schema);
    const twin = key === undefined ? undefined : byStructure[side].get(key);
    if (twin) {
        cache.set(schema, twin);
        return twin;
    }
    const converted = convertOnce(schema, side);
    cache.set(schema, converted);
    if (key !== undefined && !converted.recursive && converted.defs.length === 0)
        byStructure[side].set(key, converted);
    return converted;
}
function convertOnce(schema, side) {
    const out = z.toJSONSchema(schema, {
        target: 'draft-2020-12',
        io: side,
        unrepresentable: 'any',
        cycles: 'ref',
        reused: 'inline',
        override: (ctx) => override(ctx, side),
    });
    delete out.$schema;
    const rawDefs = (out.$defs ?? {});
    delete out.$defs;
    const rename = new Map();
    // zod names unnamed recursive schemas `__schema0`: give them document-wide unique names.
    for (const key of Object.keys(rawDefs))
        if (/^__schema\d+$/.test(key))
            rename.set(key, `Recursive${++anonymous}`);
    const recursive = hasSelfRef(out);
    const defs = [];
    if (Object.keys(rawDefs).length > 0 || recursive) {
        rewriteRefs(out, rename, SELF);
        for (const [key, def] of Object.entries(rawDefs)) {
            rewriteRefs(def, rename, SELF);
            defs.push([rename.get(key) ?? key, JSON.stringify(def)]);
        }
    }
    return { root: JSON.stringify(out), defs, recursive, selfName: recursive ? `Recursive${++anonymous}` : '' };
}
function bindSelf(text, name) {
    return text.includes(JSON.stringify(SELF)) ? text.split(JSON.stringify(SELF)).join(JSON.stringify(COMPONENT + name)) : text;
}
function applyRenames(text, renames) {
    let out = text;
    for (const [from, to] of renames) {
        if (from !== to)
            out = out.split(JSON.stringify(COMPONENT + from)).join(JSON.stringify(COMPONENT + to));
    }
    return out;
}
const SIDE_SUFFIX = { input: '-Input', output: '-Output' };
/**
 * The `components.schemas` of one document under construction: converts
 * zod schemas (cached per schema object across documents), registers named
 * ones, and refuses two different schemas under one name. As in FastAPI,
 * a named schema whose request (input) and response (output) forms differ
 * gets a second component, `Name-Output` (or `Name-Input`, whichever comes
 * second).
 *
 * @example
 * ```ts
 * const components = new SchemaComponents()
 * const Item = z.object({ title: z.string() }).meta({ id: 'Item' })
 * components.schema(Item)      // { $ref: '#/components/schemas/Item' }
 * components.schemas.Item      // { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] }
 * ```
 */
export class SchemaComponents {
    /** The named schemas registered so far. */
    schemas = {};
    #text = new Map();
    /** `side:name` → the component name that name got on that side. */
    #sideNames = new Map();
    #perDocument = { input: new Map(), output: new Map() };
    /**
     * The JSON Schema of a zod schema: a `$ref` when it is named (`name`, its
     * zod `id`, or because it is recursive), else the schema inline. Anything
     * that is not a zod schema documents as `{}`.
     *
     * @example
     * ```ts
     * components.schema(z.number().int().min(1)) // { type: 'integer', minimum: 1 }
     * components.schema(Item, { side: 'output' }) // { $ref: '#/components/schemas/Item' }
     * ```
     */
    schema(schema, options = {}) {
        if (!isZodSchema(schema))
            return {};
        const side = options.side ?? 'input';
        const key = options.name === undefined ? schema : undefined;
        const memo = key ? this.#perDocument[side].get(key) : undefined;
        if (memo)
            return memo;
        const converted = convert(schema, side);
        const rootName = options.name ?? (converted.recursive ? converted.selfName : undefined);
        const named = [...converted.defs];
        let rootText = converted.root;
        if (rootName !== undefined) {
            rootText = bindSelf(converted.root, rootName);
            const parsed = JSON.parse(rootText);
            // A root that is already a reference to the same name needs no entry of its own.
            if (!(Object.keys(parsed).length === 1 && parsed.$ref === COMPONENT + rootName)) {
                named.push([rootName, rootText]);
                rootText = JSON.stringify({ $ref: COMPONENT + rootName });
            }
        }
        let result;
        if (named.length === 0)
            result = JSON.parse(rootText);
        else {
            const renames = this.#resolve(named, side);
            for (const [name, text] of named)
                this.#register(renames.get(name) ?? name, applyRenames(text, renames), side, name);
            result = JSON.parse(applyRenames(rootText, renames));
        }
        if (key)
            this.#perDocument[side].set(key, result);
        return result;
    }
    /**
     * Registers a ready JSON Schema under a name (used for the built-in error
     * bodies and `Body_…` schemas); returns its `$ref`.
     *
     * @example
     * ```ts
     * components.add('HTTPError', HTTP_ERROR) // { $ref: '#/components/schemas/HTTPError' }
     * ```
     */
    add(name, schema) {
        if (this.#text.get(name) === undefined)
            this.#register(name, JSON.stringify(schema), 'input', name);
        return { $ref: COMPONENT + name };
    }
    /** Chooses each name's component name on this side (a fixed point: renaming one changes the text of those referring to it). */
    #resolve(named, side) {
        const renames = new Map();
        for (let changed = true, rounds = 0; changed && rounds <= named.length; rounds++) {
            changed = false;
            for (const [name, text] of named) {
                const current = renames.get(name) ?? name;
                let chosen = this.#sideNames.get(`${side}:${name}`);
                if (chosen === undefined) {
                    const prior = this.#text.get(name);
                    chosen = prior === undefined || prior === applyRenames(text, renames) ? name : name + SIDE_SUFFIX[side];
                }
                if (chosen !== current) {
                    renames.set(name, chosen);
                    changed = true;
                }
            }
        }
        return renames;
    }
    #register(name, text, side, declared) {
        const prior = this.#text.get(name);
        if (prior === undefined) {
            this.#text.set(name, text);
            this.schemas[name] = JSON.parse(text);
        }
        else if (prior !== text) {
            throw new ConfigurationError(ErrorCode.DuplicateSchemaName, `Two different schemas are named "${declared}" in the OpenAPI document: give one of them another id (zod .meta({ id })) or schemaName.`);
        }
        this.#sideNames.set(`${side}:${declared}`, name);
    }
    /**
     * The registered schemas sorted by name (FastAPI's order).
     *
     * @example
     * ```ts
     * Object.keys(components.sorted()) // ['HTTPValidationError', 'Item', 'ValidationError']
     * ```
     */
    sorted() {
        const out = {};
        for (const name of Object.keys(this.schemas).sort())
            out[name] = this.schemas[name];
        return out;
    }
}
//# sourceMappingURL=schemas.js.map