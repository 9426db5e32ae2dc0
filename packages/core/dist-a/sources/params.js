/**
 * Request sources for parameters: `header`, `query`, `cookie`, `path`. Each
 * is a dependency whose value is read from the request and validated (and
 * typed) by an optional zod schema.
 */
import { z } from 'zod/v4';
import { createDependency } from '../dependency/depends.js';
import { acceptsUndefined, arrayElement, scalarCoercer, validateOrRefuse } from './validate.js';
const defaultSchema = z.string();
function paramSource(where, name, schema, options) {
    const s = schema ?? defaultSchema;
    const element = arrayElement(s);
    const multiple = element !== undefined;
    const loc = [where, name];
    const spec = {
        in: where,
        name,
        schema: s,
        required: where === 'path' || !acceptsUndefined(s),
        multiple,
        ...(options.description ? { description: options.description } : {}),
    };
    const read = readerFor(where, name, multiple);
    let fn;
    if (schema === undefined) {
        // no schema: a required string; no zod call on the hot path
        fn = (_, { request }) => {
            const raw = read(request);
            if (typeof raw === 'string')
                return raw;
            return validateOrRefuse(s, raw, loc);
        };
    }
    else if (multiple) {
        const coerce = scalarCoercer(element);
        fn = (_, { request }) => validateOrRefuse(s, read(request)?.map(coerce), loc);
    }
    else {
        const coerce = scalarCoercer(s);
        fn = (_, { request }) => {
            const raw = read(request);
            return validateOrRefuse(s, typeof raw === 'string' ? coerce(raw) : raw, loc);
        };
    }
    return createDependency({}, fn, { name: `${where}:${name}`, meta: { source: spec } });
}
function readerFor(where, name, multiple) {
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
export function header(name, schema, options = {}) {
    const wire = options.alias ?? (options.convertUnderscores === false ? name : name.replace(/_/g, '-'));
    return paramSource('header', wire.toLowerCase(), schema, options);
}
export function query(name, schema, options = {}) {
    return paramSource('query', name, schema, options);
}
export function cookie(name, schema, options = {}) {
    return paramSource('cookie', name, schema, options);
}
export function path(name, schema, options = {}) {
    return paramSource('path', name, schema, options);
}
//# sourceMappingURL=params.js.map