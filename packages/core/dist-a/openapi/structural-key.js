/**
 * A structural key for plain zod schemas: two schemas built the same way
 * (same types, checks, defaults and metadata) get the same key, so their
 * JSON Schema is converted once even when every route writes its own
 * `z.number().int().min(1)`. Anything whose conversion could depend on more
 * than plain data — refinements, transforms, pipes, lazy or recursive
 * schemas, unions, functions — gets no key and is converted on its own.
 */
import { z } from 'zod/v4';
const LEAVES = new Set(['string', 'number', 'boolean', 'bigint', 'null', 'date', 'any', 'unknown']);
const WRAPPERS = new Set(['optional', 'nullable', 'readonly', 'nonoptional']);
/** Thrown inside the walk when a node has no key. */
const NO_KEY = Symbol('no key');
function plain(value) {
    if (value instanceof RegExp)
        return `/${value.source}/${value.flags}`;
    if (typeof value === 'function' || typeof value === 'symbol')
        throw NO_KEY;
    if (typeof value === 'bigint')
        return `${value}n`;
    if (Array.isArray(value))
        return value.map(plain);
    if (value && typeof value === 'object') {
        const out = {};
        for (const k of Object.keys(value).sort())
            out[k] = plain(value[k]);
        return out;
    }
    return value;
}
function walk(schema, depth) {
    if (depth > 32 || typeof schema !== 'object' || schema === null || !('_zod' in schema))
        throw NO_KEY;
    const def = schema._zod.def;
    const meta = z.globalRegistry.get(schema);
    const checks = (def.checks ?? []).map((c) => {
        const d = c._zod.def;
        if (d.check === 'custom' || d.check === 'overwrite')
            throw NO_KEY;
        // `when` is zod's own guard on built-in checks (user guards only come with refinements, which have no key)
        const { when: _when, ...data } = d;
        return plain(data);
    });
    const node = [def.type, checks, meta === undefined ? null : plain(meta)];
    if (LEAVES.has(def.type))
        return node;
    if (WRAPPERS.has(def.type))
        return [...node, walk(def.innerType, depth + 1)];
    switch (def.type) {
        case 'default':
        case 'prefault':
            return [...node, plain(def.defaultValue), walk(def.innerType, depth + 1)];
        case 'array':
            return [...node, walk(def.element, depth + 1)];
        case 'enum':
            return [...node, plain(def.entries)];
        case 'literal':
            return [...node, plain(def.values)];
        case 'object': {
            const shape = def.shape ?? {};
            const fields = Object.keys(shape).map((k) => [k, walk(shape[k], depth + 1)]);
            return [...node, fields, def.catchall === undefined ? null : walk(def.catchall, depth + 1)];
        }
        default:
            throw NO_KEY;
    }
}
/**
 * The structural key of a schema, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * structuralKey(z.number().min(1)) === structuralKey(z.number().min(1)) // true
 * structuralKey(z.string().refine((s) => s !== 'x'))                    // undefined
 * ```
 */
export function structuralKey(schema) {
    try {
        return JSON.stringify(walk(schema, 0));
    }
    catch (e) {
        if (e === NO_KEY)
            return undefined;
        throw e;
    }
}
//# sourceMappingURL=structural-key.js.map