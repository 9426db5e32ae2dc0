import { DOCUMENTED_BODY } from '../router/router.js';
import { pathParams } from '../router/paths.js';
import { materialize, product } from './requirements.js';
import { NO_STORE_DOC } from './responses.js';
/** Header parameters OpenAPI says are ignored: never emitted as parameters. */
const IGNORED_HEADERS = new Set(['authorization', 'content-type', 'accept']);
/**
 * The name of a handler, if it has a useful one.
 *
 * @example
 * ```ts
 * handlerName(function readItems() {}) // 'readItems'
 * ```
 */
export function handlerName(handler) {
    const name = (handler.name ?? '').replace(/^bound /, '');
    return name === 'anonymous' ? '' : name;
}
/**
 * FastAPI's operation id: `{name}{path}` with non-word characters as `_`,
 * then `_{method}`; without a handler name, `{method}{path}` the same way.
 *
 * @example
 * ```ts
 * deriveOperationId('read_items', 'GET', '/items/') // 'read_items_items__get'
 * deriveOperationId('', 'GET', '/items/{id}')      // 'get_items__id_'
 * ```
 */
export function deriveOperationId(name, method, path) {
    const m = method.toLowerCase();
    return name ? `${name}${path}`.replace(/\W/g, '_') + `_${m}` : `${m}${path}`.replace(/\W/g, '_');
}
/**
 * FastAPI's summary from a handler name: words title-cased (`read_items`
 * and `readItems` both give `Read Items`).
 *
 * @example
 * ```ts
 * summaryFromName('readUserItems') // 'Read User Items'
 * ```
 */
export function summaryFromName(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[_\s]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ');
}
function parameters(facts, ctx) {
    const template = pathParams(ctx.path);
    if (facts.params.length === 0 && template.length === 0)
        return undefined;
    const chosen = new Map();
    for (const spec of facts.params) {
        const name = spec.in === 'header' ? spec.name.toLowerCase() : spec.name;
        if (spec.in === 'header' && IGNORED_HEADERS.has(name))
            continue;
        if (spec.in === 'path' && !template.includes(name))
            continue;
        const key = `${spec.in}:${name}`;
        if (facts.consumed?.has(key))
            continue;
        const prior = chosen.get(key);
        if (!prior || (!prior.required && spec.required))
            chosen.set(key, spec);
    }
    const out = [];
    for (const name of template) {
        const spec = chosen.get(`path:${name}`);
        out.push(spec ? param(spec, ctx) : { name, in: 'path', required: true, schema: { type: 'string' } });
    }
    // FastAPI's order: path, query, header, cookie (first seen first within each).
    let rest;
    for (const spec of chosen.values()) {
        if (spec.in === 'path')
            continue;
        rest ??= [[], [], []];
        rest[spec.in === 'query' ? 0 : spec.in === 'header' ? 1 : 2].push(param(spec, ctx));
    }
    if (rest)
        out.push(...rest[0], ...rest[1], ...rest[2]);
    return out.length > 0 ? out : undefined;
}
function param(spec, ctx) {
    const schema = ctx.components.schema(spec.schema);
    const description = spec.description ?? (typeof schema.description === 'string' ? schema.description : undefined);
    const p = { name: spec.name, in: spec.in, required: spec.in === 'path' ? true : spec.required, schema };
    if (description === undefined)
        return p;
    return { name: p.name, in: p.in, required: p.required, description, schema };
}
const schemaNameOf = (spec) => spec.schemaName;
function requestBody(facts, ctx) {
    if (facts.bodies.length === 0)
        return undefined;
    const { components } = ctx;
    const content = {};
    const json = facts.bodies.filter((s) => s.in === 'body');
    if (json.length > 0) {
        const whole = json.filter((s) => !s.embed).map((s) => components.schema(s.schema, { name: schemaNameOf(s) }));
        const embedded = json.filter((s) => s.embed);
        if (embedded.length > 0) {
            const properties = {};
            const required = [];
            for (const s of embedded) {
                properties[s.name] = components.schema(s.schema, { name: schemaNameOf(s) });
                if (s.required)
                    required.push(s.name);
            }
            const name = `Body_${ctx.operationId}`;
            whole.push(components.add(name, { title: name, type: 'object', properties, ...(required.length ? { required } : {}) }));
        }
        content['application/json'] = { schema: whole.length === 1 ? whole[0] : { allOf: whole } };
    }
    const byType = new Map();
    for (const s of facts.bodies) {
        if (s.in !== 'form')
            continue;
        const schema = components.schema(s.schema, { name: schemaNameOf(s) });
        for (const type of s.mediaTypes ?? [s.mediaType ?? 'application/x-www-form-urlencoded']) {
            if (!byType.has(type))
                byType.set(type, []);
            byType.get(type).push(schema);
        }
    }
    for (const [type, schemas] of byType)
        content[type] = { schema: schemas.length === 1 ? schemas[0] : { allOf: schemas } };
    const description = facts.bodies.find((s) => s.description !== undefined)?.description;
    return {
        ...(description !== undefined ? { description } : {}),
        required: facts.bodies.some((s) => s.required),
        content,
    };
}
const NO_BODY = new Set([204, 205, 304]);
const BODY_ERRORS = [400, 413, 415];
/** Success responses written without the route saying its status or schema (see {@link isGuessedSuccess}). */
const guessed = new WeakSet();
/**
 * Whether a response object of a built document is a success answer the
 * route did not declare (no `status`, no `response`: `200`, any JSON), as
 * for a guarded route, whose framework handler answers what it answers.
 * The app's own document knows better: `mergeDocument()` leaves such a
 * response out where the app's operation lists a success answer.
 *
 * @example
 * ```ts
 * isGuessedSuccess(doc.paths['/v1/notes'].get.responses['200']) // true for a guarded route without d.route({ response })
 * ```
 */
export function isGuessedSuccess(response) {
    return typeof response === 'object' && response !== null && guessed.has(response);
}
function responses(def, facts, ctx, auth) {
    const { components } = ctx;
    const options = def.options;
    const status = options.status ?? 200;
    const out = {};
    const success = { description: options.responseDescription ?? 'Successful Response' };
    if (options.response !== undefined) {
        success.content = { 'application/json': { schema: components.schema(options.response, { side: 'output' }) } };
    }
    else if (status >= 200 && !NO_BODY.has(status)) {
        success.content = { 'application/json': { schema: {} } };
    }
    out[String(status)] = success;
    if (options.status === undefined && options.response === undefined)
        guessed.add(success);
    const { standard } = ctx;
    if (facts.statuses)
        for (const code of facts.statuses)
            out[String(code)] = standard.httpError(code);
    const token = facts.bodies.some((b) => b.tokenEndpoint);
    if (token) {
        // A token endpoint (RFC 6749 §5): every answer is no-store; its bad requests are OAuth 2 errors.
        success.headers = { ...success.headers, ...NO_STORE_DOC };
        out['400'] = standard.oauth2Error();
        out['413'] = standard.noStore(413);
    }
    else if (facts.bodies.length > 0) {
        // A route that reads a body may answer: unreadable or malformed (400), too large (413), another media type (415).
        for (const code of BODY_ERRORS)
            out[String(code)] ??= standard.httpError(code);
    }
    const challenged = challengesOf(auth.security, ctx);
    // challenges a dependency adds (a step-up requirement's insufficient_user_authentication) after the schemes' own
    const unauthorized = facts.challenges ? [...(challenged?.unauthorized ?? []), ...facts.challenges.filter((c) => !challenged?.unauthorized.includes(c))] : challenged?.unauthorized;
    if (auth.required)
        out['401'] = unauthorized ? standard.unauthorizedWith(unauthorized) : standard.unauthorized();
    if (auth.scopes)
        out['403'] = challenged?.forbidden ? standard.forbiddenWith(challenged.forbidden) : standard.forbidden();
    const validated = token ? facts.params.length > 0 || facts.bodies.some((b) => !b.tokenEndpoint) : facts.validated;
    if (validated)
        out['422'] = standard.validationFailed();
    for (const [code, doc] of Object.entries(options.responses ?? {})) {
        const response = { description: doc.description };
        if (doc.schema !== undefined)
            response.content = { 'application/json': { schema: components.schema(doc.schema, { side: 'output' }) } };
        // An error declared without a schema is an HTTPException: the shared {detail} body.
        else if (Number(code) >= 400)
            response.content = standard.httpError(Number(code)).content;
        out[code] = response;
    }
    return out;
}
/**
 * The `WWW-Authenticate` challenges an operation's 401 and 403 carry, from
 * the schemes its security names: each scheme's own challenge
 * (`Bearer`, `Basic realm="admin"`, `APIKey`), plus `Bearer
 * error="invalid_token"` where a bearer token can be rejected; the 403's
 * `Bearer error="insufficient_scope", scope="…"` where every scheme speaks
 * Bearer.
 */
function challengesOf(security, ctx) {
    if (!security || !ctx.schemes)
        return undefined;
    const unauthorized = [];
    const forbidden = [];
    let bearerOnly = true;
    for (const requirement of security) {
        for (const [name, scopes] of Object.entries(requirement)) {
            const info = ctx.schemes.get(name)?.info;
            if (!info)
                continue;
            if (info.challenge !== undefined && !unauthorized.includes(info.challenge))
                unauthorized.push(info.challenge);
            if (info.bearerChallenges) {
                const rejected = 'Bearer error="invalid_token"';
                if (!unauthorized.includes(rejected))
                    unauthorized.push(rejected);
                const scope = `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"`;
                if (scopes.length > 0 && !forbidden.includes(scope))
                    forbidden.push(scope);
            }
            else
                bearerOnly = false;
        }
    }
    if (unauthorized.length === 0)
        return undefined;
    return { unauthorized, forbidden: bearerOnly && forbidden.length > 0 ? forbidden : undefined };
}
/**
 * The operation's `security` and what it implies: `undefined` when the
 * route names no scheme, the requirement alternatives otherwise.
 *
 * @example
 * ```ts
 * operationSecurity(facts) // { security: [{ HTTPBearer: [] }], required: true, scopes: false }
 * ```
 */
export function operationSecurity(facts) {
    if (facts.factors.length === 0)
        return { security: undefined, required: false, scopes: facts.enforcesScopes };
    const alternatives = product(facts.factors);
    if (alternatives.every((a) => a.length === 0))
        return { security: undefined, required: false, scopes: facts.enforcesScopes };
    const security = materialize(alternatives, facts.scopes ?? new Map());
    return {
        security,
        required: alternatives.every((a) => a.length > 0),
        scopes: facts.enforcesScopes || security.some((req) => Object.values(req).some((s) => s.length > 0)),
    };
}
/**
 * Builds the operation object of one route.
 *
 * @example
 * ```ts
 * const op = buildOperation(route.def, facts, { components, standard: new StandardResponses(components), operationId: 'read_me_users_me_get', path: '/users/me', globalSecurity: false })
 * ```
 */
export function buildOperation(def, facts, ctx) {
    const options = def.options;
    const name = handlerName(def.handler);
    const summary = options.summary ?? (name ? summaryFromName(name) : undefined);
    const { security, required, scopes } = operationSecurity(facts);
    // Key order as FastAPI writes it: tags, summary, description, operationId, deprecated, parameters, requestBody, responses, security.
    const op = {};
    if (def.tags.length > 0)
        op.tags = [...def.tags];
    if (summary)
        op.summary = summary;
    if (options.description !== undefined)
        op.description = options.description;
    op.operationId = ctx.operationId;
    if (options.deprecated)
        op.deprecated = true;
    const params = parameters(facts, ctx);
    if (params)
        op.parameters = params;
    // a body documented only (a guard's requestBody): shown, never read by the route, so it adds no answer
    const documented = options[DOCUMENTED_BODY];
    const body = requestBody(documented ? { ...facts, bodies: [...facts.bodies, documented] } : facts, ctx);
    if (body)
        op.requestBody = body;
    op.responses = responses(def, facts, ctx, { required, scopes, security });
    if (security)
        op.security = security;
    // A route without a scheme says so: `security: []` (public), also without a top-level security.
    else
        op.security = [];
    if (facts.extensions)
        Object.assign(op, facts.extensions);
    return op;
}
//# sourceMappingURL=operation.js.map