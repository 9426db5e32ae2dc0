/**
 * Groups an answer's header lines by name, in order: a name seen once maps
 * to its value, a repeated name to every value (which Node and Koa send as
 * separate lines).
 *
 * @example
 * ```ts
 * groupHeaders([['www-authenticate', 'Bearer'], ['www-authenticate', 'Basic'], ['content-type', 'application/json']])
 * // { 'www-authenticate': ['Bearer', 'Basic'], 'content-type': 'application/json' }
 * ```
 */
export function groupHeaders(lines) {
    // A plain object (V8 keeps it in fast mode, which frameworks iterate quicker than a prototype-less one):
    // own names only are read, and `__proto__` is defined as a field, never taken as the prototype.
    const grouped = {};
    for (let i = 0; i < lines.length; i++) {
        const name = lines[i][0];
        const value = lines[i][1];
        const prior = hasOwn.call(grouped, name) ? grouped[name] : undefined;
        const next = prior === undefined ? value : typeof prior === 'string' ? [prior, value] : [...prior, value];
        if (name === '__proto__')
            Object.defineProperty(grouped, name, { value: next, enumerable: true, writable: true, configurable: true });
        else
            grouped[name] = next;
    }
    return grouped;
}
const hasOwn = Object.prototype.hasOwnProperty;
/**
 * Sets an answer's headers through a framework's setter, once per name (a
 * repeated name with the array of its values); a single line is set without
 * grouping anything.
 *
 * @example
 * ```ts
 * setHeaders(answer.headers, (name, value) => res.setHeader(name, value)) // Node
 * setHeaders(answer.headers, (name, value) => ctx.set(name, value))       // Koa
 * ```
 */
export function setHeaders(lines, set) {
    if (lines.length === 1)
        set(lines[0][0], lines[0][1]);
    else if (lines.length > 1) {
        const grouped = groupHeaders(lines);
        for (const name in grouped)
            set(name, grouped[name]);
    }
}
//# sourceMappingURL=headers.js.map