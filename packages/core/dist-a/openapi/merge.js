/**
 * One document, the app's own: depends' entries (security schemes, each
 * operation's security, the 401/403 and other answers it sends with their
 * challenges, the operations of its own routes) merged into the OpenAPI
 * document an app already produces (`@hono/zod-openapi`,
 * `@fastify/swagger`, a static file, tsoa or NestJS output), whose info,
 * servers, tags, bodies, responses and components are kept. No framework
 * in here: every adapter's `d.docs(app, { base })` and `d.openapi()` use it.
 */
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { isGuessedSuccess } from './operation.js';
import { to30 } from './openapi30.js';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMAS = '#/components/schemas/';
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function refuse(message) {
    throw new ConfigurationError(ErrorCode.BaseDocument, `The app's OpenAPI document (base) cannot take depends' entries: ${message}`);
}
/** JSON with object keys sorted: two definitions that differ only in key order are the same. */
function canonical(value) {
    return JSON.stringify(value, (_key, v) => (isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
/** A deep copy of JSON data (a document is never changed in place: neither the app's nor depends' cached one). */
function copy(value) {
    return JSON.parse(JSON.stringify(value));
}
/** `/notes/{id}` and `/notes/{noteId}` are one path: the same template, parameter names aside. */
const templateKey = (path) => path.replace(/\{[^}]*\}/g, '{}');
const templateNames = (path) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
/** The object a local `$ref` (`#/components/parameters/Id`) points at in `doc`, followed a few times; the value itself otherwise. */
function deref(doc, value) {
    for (let i = 0; i < 8 && isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#/'); i++) {
        let at = doc;
        for (const part of value.$ref.slice(2).split('/'))
            at = isObject(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
        if (at === undefined)
            return value;
        value = at;
    }
    return value;
}
/** `in:name` of a parameter (header names case-insensitive), or `undefined` for what is not one. */
function paramKey(doc, parameter) {
    const p = deref(doc, parameter);
    if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string')
        return undefined;
    return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}
/** Replaces every `$ref` to a renamed schema component. */
function renameRefs(value, renames) {
    if (Array.isArray(value))
        for (const v of value)
            renameRefs(v, renames);
    else if (isObject(value)) {
        for (const [key, v] of Object.entries(value)) {
            if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMAS)) {
                const renamed = renames.get(v.slice(SCHEMAS.length));
                if (renamed !== undefined)
                    value.$ref = SCHEMAS + renamed;
            }
            else
                renameRefs(v, renames);
        }
    }
}
/** The OpenAPI version of a base document (`3.0` or `3.1`), or a refusal saying what it is instead. */
function versionOf(base) {
    if (!isObject(base))
        return refuse(`it is ${base === null ? 'null' : typeof base}, not an OpenAPI document object`);
    if (typeof base.swagger === 'string')
        return refuse(`it is Swagger ${base.swagger}; depends merges into OpenAPI 3.0 and 3.1 documents (@fastify/swagger: give it openapi: { openapi: '3.1.0' })`);
    const version = typeof base.openapi === 'string' ? /^3\.([01])\.\d+/.exec(base.openapi) : null;
    if (!version)
        return refuse(`its "openapi" field is ${JSON.stringify(base.openapi)}; depends merges into OpenAPI 3.0.x and 3.1.x documents`);
    if (base.paths !== undefined && !isObject(base.paths))
        return refuse('its "paths" is not an object');
    return version[1] === '0' ? '3.0' : '3.1';
}
/**
 * Merges depends' document (`ours`: `d.openapi()`, `app.openapi()`) into
 * the app's own (`base`), returning a new document (neither is changed).
 *
 * - Kept from the app: `openapi` (its version), `info`, `servers` (depends'
 *   when the app has none), `tags` (depends' added after them), top-level
 *   `security`, `webhooks`, `externalDocs`, every path, operation and
 *   component it has.
 * - Added by depends: `components.securitySchemes` (a name the app uses
 *   for another definition is a `ConfigurationError`,
 *   `DEPENDS_BASE_DOCUMENT`, naming both; descriptions and `bearerFormat`
 *   may differ, and the app's entry is kept); its schemas (`HTTPError`,
 *   the `errorBody` shape, the routes' models) under their names, or as
 *   `depends.Name` where the app has another schema of that name; the
 *   operations only depends documents (its mounted routes and wrapped
 *   handlers).
 * - An operation in both (same method, same path template: `/notes/{id}`
 *   is `/notes/{noteId}`, depends' path parameters taking the app's
 *   names): the app's summary, description, tags, operation id, parameters,
 *   request body and responses win where both define the same thing;
 *   depends adds the parameters, request body and responses the app's
 *   lacks (a response both list keeps the app's description and content,
 *   and gets the headers it lacks: a 401's `WWW-Authenticate`), except a
 *   success answer depends only guessed (a guarded route without
 *   `d.route({ status, response })`) where the app lists one. Depends'
 *   `security` wins: it is what is enforced; an app parameter that carries
 *   the credential one of those schemes reads (an `X-API-Key` header for
 *   an API key scheme, `Authorization`) is left out, the Authorize button
 *   sends it.
 * - An OpenAPI 3.0 base gets depends' schemas in 3.0's dialect (`const` as
 *   `enum`, `type: [..., "null"]` as `nullable`, numeric `exclusiveMinimum`
 *   as `minimum` + `exclusiveMinimum: true`, `examples` as `example`); what
 *   3.0 cannot say (tuples, `patternProperties`, `if`/`then`, a `mutualTLS`
 *   scheme) is a `ConfigurationError` giving its place.
 *
 * @example
 * ```ts
 * const doc = mergeDocument(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Notes', version: '1' } }), d.openapi())
 * doc.paths['/notes'].post.requestBody // the app's
 * doc.paths['/notes'].post.security    // [{ HTTPBearer: [] }]: depends'
 * ```
 */
export function mergeDocument(base, ours) {
    const version = versionOf(base);
    // what depends only guessed, read before copying (the mark is on the objects)
    const guessed = new Set();
    for (const [path, item] of Object.entries(ours.paths ?? {}))
        for (const method of METHODS)
            for (const [code, r] of Object.entries(item[method]?.responses ?? {}))
                if (isGuessedSuccess(r))
                    guessed.add(`${path} ${method} ${code}`);
    const doc = copy(base);
    const mine = copy(ours);
    if (version === '3.0')
        to30Document(mine, String(doc.openapi));
    const components = (doc.components = isObject(doc.components) ? doc.components : {});
    mergeSchemes(components, mine);
    const renames = mergeSchemas(components, mine);
    if (renames.size > 0)
        renameRefs(mine.paths, renames);
    if (Object.keys(components).length === 0)
        delete doc.components;
    const paths = (doc.paths = isObject(doc.paths) ? doc.paths : {});
    const byTemplate = new Map();
    for (const path of Object.keys(paths))
        if (!byTemplate.has(templateKey(path)))
            byTemplate.set(templateKey(path), path);
    const ids = operationIds(paths);
    const schemes = (mine.components?.securitySchemes ?? {});
    for (const [path, item] of Object.entries(mine.paths)) {
        const at = byTemplate.get(templateKey(path)) ?? path;
        if (!byTemplate.has(templateKey(path)))
            byTemplate.set(templateKey(path), path);
        const names = new Map(templateNames(path).map((name, i) => [name, templateNames(at)[i]]));
        const target = (paths[at] = isObject(paths[at]) ? paths[at] : {});
        const shared = Array.isArray(target.parameters) ? target.parameters : [];
        for (const method of METHODS) {
            const op = item[method];
            if (op === undefined)
                continue;
            renamePathParams(op, names);
            const theirs = target[method];
            const merged = isObject(theirs)
                ? mergeOperation(doc, theirs, op, shared, schemes, (code) => guessed.has(`${path} ${method} ${code}`))
                : withoutShadowed(doc, op, shared);
            // depends' operation id where the app's operation has none: unique in the document
            if (typeof merged.operationId === 'string' && !(isObject(theirs) && theirs.operationId !== undefined))
                merged.operationId = unique(merged.operationId, ids);
            target[method] = merged;
        }
    }
    if ((!Array.isArray(doc.servers) || doc.servers.length === 0) && mine.servers?.length)
        doc.servers = mine.servers;
    if (mine.tags?.length) {
        const tags = Array.isArray(doc.tags) ? doc.tags : [];
        for (const tag of mine.tags)
            if (!tags.some((t) => t.name === tag.name))
                tags.push(tag);
        doc.tags = tags;
    }
    return doc;
}
/** Depends' security schemes added; the app's entry kept where it is the same scheme; a different one under the same name refused. */
function mergeSchemes(components, mine) {
    const ours = mine.components?.securitySchemes;
    if (!ours)
        return;
    const theirs = (components.securitySchemes = isObject(components.securitySchemes) ? components.securitySchemes : {});
    for (const [name, entry] of Object.entries(ours)) {
        const prior = theirs[name];
        if (prior === undefined)
            theirs[name] = entry;
        else if (canonical(essential(prior)) !== canonical(essential(entry)))
            refuse(`it defines the security scheme "${name}" as ${JSON.stringify(prior)}, and depends uses that name for ${JSON.stringify(entry)}. ` +
                `Give depends' scheme the app's definition, or another name (schemeName: '...')`);
    }
}
/** What a scheme is, without what only describes it (`description`, `bearerFormat`, extensions). */
function essential(entry) {
    if (!isObject(entry))
        return entry;
    const out = {};
    for (const [key, value] of Object.entries(entry))
        if (key !== 'description' && key !== 'bearerFormat' && !key.startsWith('x-'))
            out[key] = value;
    return out;
}
/** Depends' schemas added: the same definition under a name the app has is the app's; another one is renamed `depends.Name`. */
function mergeSchemas(components, mine) {
    const renames = new Map();
    const ours = mine.components?.schemas;
    if (!ours)
        return renames;
    const theirs = (components.schemas = isObject(components.schemas) ? components.schemas : {});
    const clashes = (name) => theirs[name] !== undefined && canonical(theirs[name]) !== canonical(ours[name]);
    // renames first (a renamed schema's references change the text of those referring to it)
    for (const name of Object.keys(ours)) {
        if (!clashes(name))
            continue;
        let renamed = `depends.${name}`;
        for (let n = 2; theirs[renamed] !== undefined || ours[renamed] !== undefined; n++)
            renamed = `depends.${name}${n}`;
        renames.set(name, renamed);
    }
    if (renames.size > 0)
        renameRefs(ours, renames);
    for (const [name, schema] of Object.entries(ours)) {
        const to = renames.get(name) ?? name;
        if (theirs[to] === undefined)
            theirs[to] = schema;
    }
    return renames;
}
/** Depends' path parameters under the app's names (`{id}` → `{noteId}`). */
function renamePathParams(op, names) {
    for (const p of op.parameters ?? []) {
        const to = p.in === 'path' ? names.get(p.name) : undefined;
        if (to !== undefined)
            p.name = to;
    }
}
/** An operation only depends has, in a path item of the app's: its parameters the path item already defines left out (the app's win). */
function withoutShadowed(doc, op, shared) {
    if (!op.parameters || shared.length === 0)
        return op;
    const keys = new Set(shared.map((p) => paramKey(doc, p)));
    const parameters = op.parameters.filter((p) => !keys.has(paramKey(doc, p)));
    const out = { ...op };
    if (parameters.length > 0)
        out.parameters = parameters;
    else
        delete out.parameters;
    return out;
}
/** The credentials depends' security reads on this operation, as parameter keys (`header:x-api-key`), plus `header:authorization`. */
function credentialKeys(op, schemes) {
    const keys = new Set();
    for (const requirement of op.security ?? [])
        for (const name of Object.keys(requirement)) {
            const scheme = schemes[name];
            if (!scheme)
                continue;
            if (scheme.type === 'apiKey' && typeof scheme.name === 'string' && typeof scheme.in === 'string')
                keys.add(`${scheme.in}:${scheme.in === 'header' ? scheme.name.toLowerCase() : scheme.name}`);
            else
                keys.add('header:authorization');
        }
    return keys;
}
/** An operation both documents hold (see {@link mergeDocument}). */
function mergeOperation(doc, theirs, ours, shared, schemes, guessed) {
    const out = { ...theirs };
    for (const [key, value] of Object.entries(ours))
        if (out[key] === undefined && key !== 'parameters' && key !== 'requestBody' && key !== 'responses')
            out[key] = value;
    // parameters: the app's (and its path item's) win; depends' others added; none carrying a credential depends' security reads
    const credentials = credentialKeys(ours, schemes);
    const own = (Array.isArray(theirs.parameters) ? theirs.parameters : []).filter((p) => !credentials.has(paramKey(doc, p) ?? ''));
    const known = new Set([...shared, ...own].map((p) => paramKey(doc, p)));
    const parameters = [...own, ...(ours.parameters ?? []).filter((p) => !known.has(paramKey(doc, p)))];
    if (parameters.length > 0)
        out.parameters = parameters;
    else
        delete out.parameters;
    if (theirs.requestBody === undefined && ours.requestBody !== undefined)
        out.requestBody = ours.requestBody;
    out.responses = mergeResponses(isObject(theirs.responses) ? theirs.responses : {}, ours.responses, guessed);
    // what is enforced
    if (ours.security !== undefined)
        out.security = ours.security;
    return out;
}
const isSuccess = (code) => /^[23]/.test(code);
function mergeResponses(theirs, ours, guessed) {
    const out = { ...theirs };
    const theyAnswer = Object.keys(theirs).some(isSuccess);
    for (const [code, response] of Object.entries(ours)) {
        if (guessed(code) && theyAnswer)
            continue;
        const prior = theirs[code];
        if (!isObject(prior))
            out[code] = response;
        else if (typeof prior.$ref === 'string')
            continue;
        else {
            const merged = { ...response, ...prior };
            // a body in a media type the app's answer does not list, a header it does not (the challenge)
            if (isObject(response.content))
                merged.content = { ...response.content, ...(isObject(prior.content) ? prior.content : {}) };
            if (isObject(response.headers)) {
                const headers = { ...(isObject(prior.headers) ? prior.headers : {}) };
                for (const [name, header] of Object.entries(response.headers)) {
                    const same = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
                    // the challenge is what depends sends: its own
                    if (same !== undefined && name.toLowerCase() === 'www-authenticate')
                        delete headers[same];
                    if (same === undefined || name.toLowerCase() === 'www-authenticate')
                        headers[name] = header;
                }
                merged.headers = headers;
            }
            out[code] = merged;
        }
    }
    return out;
}
function operationIds(paths) {
    const ids = new Set();
    for (const item of Object.values(paths))
        for (const method of METHODS)
            if (isObject(item?.[method]) && typeof item[method].operationId === 'string')
                ids.add(item[method].operationId);
    return ids;
}
function unique(id, ids) {
    let chosen = id;
    for (let n = 2; ids.has(chosen); n++)
        chosen = `${id}_${n}`;
    ids.add(chosen);
    return chosen;
}
/** Depends' document in OpenAPI 3.0's dialect (see `to30`), in place; what 3.0 cannot say is refused. */
function to30Document(mine, version) {
    const fail = (at, what) => refuse(`it is OpenAPI ${version}, and depends' ${at} uses ${what}, which OpenAPI 3.0 cannot say. Produce the app's document as OpenAPI 3.1 ` +
        `(@hono/zod-openapi: app.getOpenAPI31Document(); @fastify/swagger: openapi: { openapi: '3.1.0' }), or change that schema`);
    const convert = (schema, at) => to30(schema, at, fail);
    for (const [name, scheme] of Object.entries(mine.components?.securitySchemes ?? {}))
        if (scheme.type === 'mutualTLS')
            fail(`security scheme "${name}"`, 'the mutualTLS type');
    const schemas = mine.components?.schemas;
    if (schemas)
        for (const name of Object.keys(schemas))
            schemas[name] = convert(schemas[name], `#/components/schemas/${name}`);
    for (const [path, item] of Object.entries(mine.paths)) {
        for (const method of METHODS) {
            const op = item[method];
            if (op === undefined)
                continue;
            const where = `${method.toUpperCase()} ${path}`;
            for (const p of op.parameters ?? [])
                p.schema = convert(p.schema, `${where} parameter "${p.name}"`);
            for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
                media.schema = convert(media.schema, `${where} request body (${type})`);
            for (const [code, r] of Object.entries(op.responses)) {
                // shared response objects of the built document were copied: each is converted once here
                for (const [type, media] of Object.entries(r.content ?? {}))
                    media.schema = convert(media.schema, `${where} ${code} answer (${type})`);
                for (const [name, h] of Object.entries(r.headers ?? {}))
                    h.schema = convert(h.schema, `${where} ${code} header ${name}`);
            }
        }
    }
}
//# sourceMappingURL=merge.js.map