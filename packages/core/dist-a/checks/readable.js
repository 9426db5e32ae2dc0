const defOf = (schema) => schema._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional', 'success']);
const NEVER_FROM_A_STRING = {
    object: 'an object',
    record: 'a record',
    tuple: 'a tuple',
    map: 'a Map',
    set: 'a Set',
    file: 'a file',
    symbol: 'a symbol',
    function: 'a function',
    promise: 'a promise',
    undefined: 'undefined',
    void: 'void',
    never: 'never',
    nan: 'NaN',
};
/**
 * What makes a schema unreadable from a parameter's string value (a short
 * description such as `an object`), or `undefined` when it can be read.
 * `repeatable`: the parameter may repeat (header, query), so a top-level
 * array of readable values is fine.
 *
 * @example
 * ```ts
 * unreadableFromString(z.object({ a: z.string() }), true) // 'an object'
 * unreadableFromString(z.array(z.number()), true)          // undefined
 * unreadableFromString(z.array(z.number()), false)         // 'an array'
 * ```
 */
export function unreadableFromString(schema, repeatable) {
    return check(schema, repeatable, 0);
}
function check(schema, repeatable, depth) {
    if (depth > 32)
        return undefined;
    const def = defOf(schema);
    if (WRAPPERS.has(def.type) && def.innerType)
        return check(def.innerType, repeatable, depth + 1);
    if (def.type === 'pipe' && def.in)
        return check(def.in, repeatable, depth + 1);
    const never = NEVER_FROM_A_STRING[def.type];
    if (never)
        return never;
    switch (def.type) {
        case 'date':
            return def.coerce ? undefined : 'a Date (a string is not a Date: use z.coerce.date() or z.iso.datetime())';
        case 'array': {
            if (!repeatable)
                return 'an array (only header and query parameters can repeat)';
            const inner = def.element && check(def.element, false, depth + 1);
            if (inner === undefined)
                return undefined;
            return inner.startsWith('an array') ? 'an array of arrays' : `an array whose items are ${inner}`;
        }
        case 'union': {
            const problems = (def.options ?? []).map((o) => check(o, repeatable, depth + 1));
            return problems.some((p) => p === undefined) ? undefined : problems[0];
        }
        case 'intersection':
            return (def.left && check(def.left, repeatable, depth + 1)) ?? (def.right && check(def.right, repeatable, depth + 1));
        default:
            return undefined;
    }
}
//# sourceMappingURL=readable.js.map