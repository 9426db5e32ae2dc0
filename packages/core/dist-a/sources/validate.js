/**
 * zod validation for request sources: string coercion for scalar
 * parameters, and zod issues turned into FastAPI's 422 items.
 */
import { core } from 'zod/v4';
import { Refusal } from '../dependency/refusal.js';
import { RequestValidationError } from '../errors/catalogue.js';
const defOf = (schema) => schema._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);
/**
 * The schema under optional/default/nullable/pipe wrappers.
 *
 * @example
 * ```ts
 * unwrapSchema(z.number().optional()) // the z.number() schema
 * ```
 */
export function unwrapSchema(schema) {
    let current = schema;
    for (let i = 0; i < 16; i++) {
        const def = defOf(current);
        if (WRAPPERS.has(def.type) && def.innerType)
            current = def.innerType;
        else if (def.type === 'pipe' && def.in)
            current = def.in;
        else if (def.type === 'lazy')
            return current;
        else
            return current;
    }
    return current;
}
/**
 * The base type of a schema (`string`, `number`, `array`, `object`, ...).
 *
 * @example
 * ```ts
 * baseType(z.array(z.string()).optional()) // 'array'
 * ```
 */
export function baseType(schema) {
    return defOf(unwrapSchema(schema)).type;
}
/** The element schema of an array schema, if it is one. */
export function arrayElement(schema) {
    const def = defOf(unwrapSchema(schema));
    return def.type === 'array' ? def.element : undefined;
}
/** The shape of an object schema, if it is one. */
export function objectShape(schema) {
    const def = defOf(unwrapSchema(schema));
    return def.type === 'object' ? def.shape : undefined;
}
/**
 * Whether `undefined` is accepted (the parameter is optional).
 *
 * @example
 * ```ts
 * acceptsUndefined(z.string().optional()) // true
 * ```
 */
export function acceptsUndefined(schema) {
    return schema.safeParse(undefined).success;
}
const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);
/**
 * Converts a string from a header, query, cookie, path or form to what a
 * scalar schema expects (numbers, booleans), as FastAPI does. Anything that
 * does not convert is left as is so zod reports it.
 *
 * @example
 * ```ts
 * coerceScalar(z.number(), '42') // 42
 * coerceScalar(z.boolean(), 'off') // false
 * ```
 */
export function coerceScalar(schema, raw) {
    return scalarCoercer(schema)(raw);
}
const identity = (raw) => raw;
const toNumber = (raw) => (NUMBER.test(raw) ? Number(raw) : raw);
/** pydantic's integer text: digits, optionally `.0…` (no exponent, no fraction). */
const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;
/**
 * A string an integer schema cannot take (`1e1`, `1.5`, `ten`): reported
 * as pydantic's `int_parsing` (FastAPI's 422), never handed to zod, whose
 * coercion would accept `1e1` as 10.
 */
export class IntParsing {
    input;
    constructor(input) {
        this.input = input;
    }
}
const toInteger = (raw) => (INTEGER.test(raw) ? Number(raw) : new IntParsing(raw)); // Number() reads " 5 ", "+5" and "5.00" alike
const INT_FORMATS = new Set(['safeint', 'int32', 'uint32']);
/**
 * Whether a number schema only takes integers (`z.int()`, `z.number().int()`,
 * `z.int32()`, …).
 *
 * @example
 * ```ts
 * isIntegerSchema(z.coerce.number().int().optional()) // true
 * ```
 */
export function isIntegerSchema(schema) {
    const def = defOf(unwrapSchema(schema));
    if (def.type !== 'number')
        return false;
    if (def.format !== undefined && INT_FORMATS.has(def.format))
        return true;
    return (def.checks ?? []).some((c) => INT_FORMATS.has(c._zod.def.format ?? ''));
}
const toBigInt = (raw) => (/^\s*[+-]?\d+\s*$/.test(raw) ? BigInt(raw.trim()) : raw);
const toBoolean = (raw) => {
    const v = raw.toLowerCase();
    return TRUE.has(v) ? true : FALSE.has(v) ? false : raw;
};
const toNull = (raw) => (raw === '' || raw === 'null' ? null : raw);
/**
 * The string converter for a scalar schema, chosen once (sources pick it at
 * declaration so no schema is inspected per request).
 *
 * @example
 * ```ts
 * scalarCoercer(z.number().optional())('7') // 7
 * ```
 */
export function scalarCoercer(schema) {
    switch (baseType(schema)) {
        case 'number':
        case 'int':
            return isIntegerSchema(schema) ? toInteger : toNumber;
        case 'bigint':
            return toBigInt;
        case 'boolean':
            return toBoolean;
        case 'null':
            return toNull;
        default:
            return identity;
    }
}
/** Zod issue fields copied into `ctx`. */
const CTX_KEYS = ['expected', 'minimum', 'maximum', 'inclusive', 'format', 'pattern', 'values', 'keys', 'origin', 'divisor'];
/**
 * Turns zod issues into 422 items with `loc` prefixed by the source (for
 * example `["query", "limit"]`). A value that is absent is reported as
 * FastAPI does: `{"type":"missing","msg":"Field required","input":null}`.
 *
 * @example
 * ```ts
 * const r = z.number().safeParse('x', { reportInput: true })
 * toValidationIssues(r.error!.issues, ['query', 'limit'])
 * // [{ type: 'invalid_type', loc: ['query','limit'], msg: 'Invalid input: expected number, received string', input: 'x', ctx: { expected: 'number' } }]
 * ```
 */
export function toValidationIssues(issues, loc) {
    return issues.map((issue) => {
        const raw = issue;
        const input = raw.input;
        const path = [...loc, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
        if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
            return { type: 'missing', loc: path, msg: 'Field required', input: null };
        }
        const item = { type: issue.code, loc: path, msg: issue.message, input: input ?? null };
        const ctx = {};
        for (const key of CTX_KEYS)
            if (raw[key] !== undefined)
                ctx[key] = jsonSafe(raw[key]);
        if (Object.keys(ctx).length)
            item.ctx = ctx;
        return item;
    });
}
function jsonSafe(v) {
    if (typeof v === 'bigint')
        return v.toString();
    if (v instanceof RegExp)
        return v.source;
    return v;
}
/**
 * zod's `safeParse` with zod's plain error object rather than its `Error`
 * subclass: only the issues are read, and a 422 is an expected outcome that
 * should not pay for a stack trace. Issues carry their input (read only on
 * failure).
 */
const parseReportingInput = core._safeParse(core.$ZodError);
const REPORT_INPUT = Object.freeze({ reportInput: true });
/**
 * Validates a value with a schema; throws a 422 listing every problem.
 *
 * @example
 * ```ts
 * validate(z.number().int(), 3, ['query', 'page']) // 3
 * ```
 */
export function validate(schema, value, loc) {
    const result = validateOrRefuse(schema, value, loc);
    if (result instanceof Refusal)
        throw result.error;
    return result;
}
/**
 * {@link validate} for the library's own request sources: the 422 comes back
 * as a {@link Refusal} (which the resolver handles as thrown) rather than
 * being thrown.
 */
export function validateOrRefuse(schema, value, loc) {
    const unparsable = intParsingIn(value);
    if (unparsable !== undefined)
        return new Refusal(rejectIntParsing(schema, value, unparsable, loc));
    const result = parseReportingInput(schema, value, REPORT_INPUT);
    if (result.success)
        return result.data;
    const issues = result.error.issues;
    // an absent value is "missing" even when a coercing schema turned it into something else (NaN, "undefined")
    if (value === undefined)
        return new Refusal(missingOr(issues, loc));
    return new Refusal(new RequestValidationError(toValidationIssues(issues, loc)));
}
/** Where {@link IntParsing} values sit: the value itself, an array's items, an object's fields (and their items). */
function intParsingIn(value) {
    if (value instanceof IntParsing)
        return [[[], value]];
    if (typeof value !== 'object' || value === null)
        return undefined;
    let found;
    const scan = (v, path) => {
        if (v instanceof IntParsing)
            (found ??= []).push([path, v]);
        else if (Array.isArray(v) && path.length < 2)
            v.forEach((item, i) => scan(item, [...path, i]));
    };
    if (Array.isArray(value))
        value.forEach((item, i) => scan(item, [i]));
    else if (Object.getPrototypeOf(value) === Object.prototype)
        for (const [k, v] of Object.entries(value))
            scan(v, [k]);
    return found;
}
const samePath = (a, b) => a.length === b.length && a.every((p, i) => p === b[i]);
/**
 * Throws the 422 for a value holding integer text that does not parse: an
 * `int_parsing` item for each, in place of what zod says at that spot, and
 * zod's other problems (checked with the raw text in place).
 */
function rejectIntParsing(schema, value, unparsable, loc) {
    // A single value (a query or header parameter): its one problem is the text, whatever zod would add at the same spot.
    if (value instanceof IntParsing)
        return new RequestValidationError([intParsingItem(loc, value)]);
    const restore = (v) => v instanceof IntParsing
        ? v.input
        : Array.isArray(v)
            ? v.map(restore)
            : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]))
                : v;
    const result = parseReportingInput(schema, restore(value), REPORT_INPUT);
    const zodIssues = result.success ? [] : result.error.issues;
    const ours = unparsable.map(([path, p]) => intParsingItem([...loc, ...path], p));
    const used = new Set();
    const items = [];
    for (const issue of zodIssues) {
        const path = issue.path;
        const i = unparsable.findIndex(([p]) => samePath(p, path));
        if (i === -1)
            items.push(...toValidationIssues([issue], loc));
        else if (!used.has(i)) {
            used.add(i);
            items.push(ours[i]);
        }
    }
    ours.forEach((item, i) => used.has(i) || items.push(item));
    return new RequestValidationError(items);
}
function intParsingItem(loc, p) {
    return { type: 'int_parsing', loc: [...loc], msg: 'Input should be a valid integer, unable to parse string as an integer', input: p.input };
}
function missingOr(issues, loc) {
    const items = toValidationIssues(issues, loc).map((item, i) => issues[i].path.length === 0 ? { type: 'missing', loc: item.loc, msg: 'Field required', input: null } : item);
    return new RequestValidationError(items);
}
//# sourceMappingURL=validate.js.map