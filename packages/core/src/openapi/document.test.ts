/**
 * The document apart from security: info, operation fields, parameters,
 * request bodies, responses (401/403/422 included) and the rule that
 * overrides never change it. Every document goes through a real validator.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp } from '../app/app.js';
import { createDependency, depends, security } from '../dependency/depends.js';
import { ConfigurationError } from '../errors/catalogue.js';
import { Router } from '../router/router.js';
import { httpBasic, httpBearer, oauth2PasswordForm } from '../security/index.js';
import { body, form } from '../sources/body.js';
import { cookie, header, path, query } from '../sources/params.js';
import { buildDocument } from './document.js';
import { appWith, documentOf, expectValid, fixtureScheme, op } from './test/helpers.js';

describe('document and operation fields', () => {
  test('info, servers and tags from the options; openapi 3.1.0', async () => {
    const doc = await documentOf((r) => r.get('/', {}, () => 1), {
      title: 'Todo API',
      version: '2.1.0',
      description: 'Things to do.',
      servers: [{ url: 'https://api.example.com', description: 'prod' }],
      tags: [{ name: 'items', description: 'Items' }],
    });
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toStrictEqual({ title: 'Todo API', version: '2.1.0', description: 'Things to do.' });
    expect(doc.servers).toStrictEqual([{ url: 'https://api.example.com', description: 'prod' }]);
    expect(doc.tags).toStrictEqual([{ name: 'items', description: 'Items' }]);
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'servers', 'paths', 'tags']);
  });

  test('defaults: title "API", version "0.1.0", servers [{ url: "/" }] (clients need a base URL), no tags or components', async () => {
    // (Not validated: the validator wants at least one path, webhook or component.)
    const doc = new DependsApp().openapi();
    expect(doc).toStrictEqual({ openapi: '3.1.0', info: { title: 'API', version: '0.1.0' }, servers: [{ url: '/' }], paths: {} });
  });

  test('info.contact and info.license', async () => {
    const doc = new DependsApp({ contact: { name: 'Ops', email: 'ops@example.com' }, license: { name: 'MIT', identifier: 'MIT' } }).openapi();
    expect(doc.info).toStrictEqual({ title: 'API', version: '0.1.0', contact: { name: 'Ops', email: 'ops@example.com' }, license: { name: 'MIT', identifier: 'MIT' } });
  });

  test('operationId like FastAPI: {name}{path}_{method}; without a name {method}{path}; made unique', async () => {
    function read_items() {
      return [];
    }
    const doc = await documentOf((r) => {
      r.get('/items/', {}, read_items);
      r.post('/items/', {}, read_items);
      r.get('/items/{item_id}', {}, () => 1);
      r.get('/a-b', {}, function dup() {});
      r.get('/a_b', {}, function dup() {});
      r.get('/given', {}, () => 1, { operationId: 'dup_a_b_get_2' });
      r.get('/readItemsCamel', {}, function readItemsCamel() {});
    });
    expect(op(doc, 'get', '/items/').operationId).toBe('read_items_items__get');
    expect(op(doc, 'post', '/items/').operationId).toBe('read_items_items__post');
    expect(op(doc, 'get', '/items/{item_id}').operationId).toBe('get_items__item_id_');
    expect(op(doc, 'get', '/a-b').operationId).toBe('dup_a_b_get');
    expect(op(doc, 'get', '/a_b').operationId).toBe('dup_a_b_get_3'); // _2 is taken by an explicit id
    expect(op(doc, 'get', '/given').operationId).toBe('dup_a_b_get_2');
    expect(op(doc, 'get', '/readItemsCamel').summary).toBe('Read Items Camel');
  });

  test('two routes given the same operationId is a configuration error', () => {
    const app = appWith((r) => {
      r.get('/a', {}, () => 1, { operationId: 'same' });
      r.get('/b', {}, () => 1, { operationId: 'same' });
    });
    expect(() => app.openapi()).toThrow(ConfigurationError);
    expect(() => app.openapi()).toThrow(/"same".*GET \/b/);
  });

  test('summary, description, tags (router first), deprecated; key order as FastAPI writes it', async () => {
    const router = new Router({ prefix: '/v1', tags: ['v1'] });
    router.get('/items', {}, function list_items() {}, { summary: 'List', description: 'All of them.', tags: ['items', 'v1'], deprecated: true });
    const app = new DependsApp();
    app.include(router);
    const doc = app.openapi();
    await expectValid(doc);
    const operation = op(doc, 'get', '/v1/items');
    expect(operation).toMatchObject({ tags: ['v1', 'items'], summary: 'List', description: 'All of them.', deprecated: true });
    expect(Object.keys(operation)).toEqual(['tags', 'summary', 'description', 'operationId', 'deprecated', 'responses', 'security']);
  });

  test('hidden routes are left out; colon paths are written with braces', async () => {
    const doc = await documentOf((r) => {
      r.get('/internal', {}, () => 1, { hidden: true });
      r.get('/items/:id', { id: path('id') }, () => 1, { summary: 'first' });
    });
    expect(Object.keys(doc.paths)).toEqual(['/items/{id}']);
    expect(op(doc, 'get', '/items/{id}').summary).toBe('first');
  });

  test('the same method and path declared twice fails at registration (the document never has to pick one)', () => {
    expect(() =>
      appWith((r) => {
        r.get('/items/:id', { id: path('id') }, () => 1, { summary: 'first' });
        r.get('/items/{id}', {}, () => 1, { summary: 'second' });
      }),
    ).toThrow('Route GET /items/{id} is declared twice');
  });
});

describe('parameters', () => {
  test('from every request source in the tree, with zod JSON Schema, required and descriptions; ordered path, query, header, cookie', async () => {
    const pagination = depends(
      { limit: query('limit', z.number().int().min(1).max(100).default(20)), offset: query('offset', z.number().int().optional()) },
      (v) => v,
    );
    const doc = await documentOf((r) =>
      r.get(
        '/users/{user_id}/items/{item_id}',
        {
          session: cookie('session_id', z.string().optional(), { description: 'The session.' }),
          token: header('x_token', z.string().describe('A token.')),
          pagination,
          item: path('item_id', z.number().int()),
          tags: query('tag', z.array(z.string()).optional()),
          mode: query('mode', z.enum(['full', 'short'])),
        },
        () => 1,
      ),
    );
    expect(op(doc, 'get', '/users/{user_id}/items/{item_id}').parameters).toStrictEqual([
      { name: 'user_id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'limit', in: 'query', required: false, schema: { default: 20, type: 'integer', minimum: 1, maximum: 100 } },
      { name: 'offset', in: 'query', required: false, schema: { type: 'integer' } },
      { name: 'tag', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } } },
      { name: 'mode', in: 'query', required: true, schema: { type: 'string', enum: ['full', 'short'] } },
      { name: 'x-token', in: 'header', required: true, description: 'A token.', schema: { description: 'A token.', type: 'string' } },
      { name: 'session_id', in: 'cookie', required: false, description: 'The session.', schema: { type: 'string' } },
    ]);
  });

  test('de-duplicated by (in, name), the required one winning (test_repeated_dependency_schema)', async () => {
    const optional = depends({ h: header('someheader', z.string().optional()) }, ({ h }) => h);
    const required = depends({ h: header('someheader') }, ({ h }) => h);
    const again = depends({ h: header('someheader') }, ({ h }) => h);
    const doc = await documentOf((r) => r.get('/', { optional, required, again, q: query('q', z.string().optional()) }, () => 1));
    expect(op(doc, 'get', '/').parameters).toStrictEqual([
      { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'someheader', in: 'header', required: true, schema: { type: 'string' } },
    ]);
  });

  test('the same name in different places are different parameters', async () => {
    const doc = await documentOf((r) => r.get('/', { a: query('id'), b: header('id'), c: cookie('id') }, () => 1));
    expect(op(doc, 'get', '/').parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['query:id', 'header:id', 'cookie:id']);
  });

  test('dates and big integers have a JSON Schema; parameters read inside a scheme are not documented', async () => {
    const inner = createDependency({ raw: header('x_scheme_raw') }, () => 'x', {
      name: 'Inner',
      meta: {
        security: {
          kind: 'scheme',
          scheme: { name: 'Inner', openapi: { type: 'apiKey', in: 'header', name: 'x-other' }, challenge: undefined, consumes: [], optional: false, bearerChallenges: false },
        },
      },
    });
    const doc = await documentOf((r) => r.get('/', { since: query('since', z.coerce.date()), big: query('big', z.bigint()), inner }, () => 1));
    expect(op(doc, 'get', '/').parameters).toStrictEqual([
      { name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
      { name: 'big', in: 'query', required: true, schema: { type: 'integer', format: 'int64' } },
    ]);
  });
});

describe('request bodies', () => {
  const Item = z.object({ title: z.string().min(1), done: z.boolean().default(false) }).meta({ id: 'Item' });

  test('body(schema) with a zod id → $ref into components.schemas, required', async () => {
    const doc = await documentOf((r) => r.post('/items', { item: body(Item) }, () => 1, { status: 201 }));
    expect(op(doc, 'post', '/items').requestBody).toStrictEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
    });
    expect(doc.components!.schemas!.Item).toStrictEqual({
      type: 'object',
      properties: { title: { type: 'string', minLength: 1 }, done: { default: false, type: 'boolean' } },
      required: ['title'],
    });
  });

  test('schemaName names an unnamed schema; an unnamed one stays inline; an optional body is not required', async () => {
    const doc = await documentOf((r) => {
      r.post('/named', { p: body(z.object({ a: z.string() }), { schemaName: 'Payload', description: 'The payload.' }) }, () => 1);
      r.post('/inline', { p: body(z.object({ a: z.string() }).optional()) }, () => 1);
    });
    expect(op(doc, 'post', '/named').requestBody).toStrictEqual({
      description: 'The payload.',
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Payload' } } },
    });
    expect(op(doc, 'post', '/inline').requestBody).toStrictEqual({
      required: false,
      content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } },
    });
  });

  test('embedded bodies combine into Body_<operationId> (FastAPI)', async () => {
    const doc = await documentOf((r) =>
      r.put('/items/{id}', { id: path('id'), item: body(Item, { embed: 'item' }), note: body(z.string().optional(), { embed: 'note' }) }, function update_item() {}),
    );
    expect(op(doc, 'put', '/items/{id}').requestBody).toStrictEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_update_item_items__id__put' } } },
    });
    expect(doc.components!.schemas!.Body_update_item_items__id__put).toStrictEqual({
      title: 'Body_update_item_items__id__put',
      type: 'object',
      properties: { item: { $ref: '#/components/schemas/Item' }, note: { type: 'string' } },
      required: ['item'],
    });
  });

  test('form(schema) → application/x-www-form-urlencoded (or multipart); the password form is a named component', async () => {
    const Login = z.object({ username: z.string(), password: z.string(), remember: z.boolean().optional() });
    const doc = await documentOf((r) => {
      r.post('/login', { login: form(Login) }, () => 1);
      r.post('/upload', { f: form(z.object({ note: z.string() }), { mediaType: 'multipart/form-data', schemaName: 'Upload' }) }, () => 1);
      r.post('/token', { f: oauth2PasswordForm }, () => 1);
    });
    expect(op(doc, 'post', '/login').requestBody).toStrictEqual({
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { username: { type: 'string' }, password: { type: 'string' }, remember: { type: 'boolean' } },
            required: ['username', 'password'],
          },
        },
      },
    });
    expect(op(doc, 'post', '/upload').requestBody!.content).toStrictEqual({ 'multipart/form-data': { schema: { $ref: '#/components/schemas/Upload' } } });
    expect(op(doc, 'post', '/token').requestBody!.content).toStrictEqual({
      'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/OAuth2PasswordRequestForm' } },
    });
    expect(doc.components!.schemas!.OAuth2PasswordRequestForm).toMatchObject({
      type: 'object',
      properties: { grant_type: { type: 'string', const: 'password' }, username: { type: 'string' }, password: { type: 'string', format: 'password' }, scope: { type: 'string' } },
      required: ['username', 'password'],
    });
    // a token endpoint: OAuth 2 errors (400), no 415 or 422; every answer no-store
    const responses = op(doc, 'post', '/token').responses;
    expect(Object.keys(responses)).toEqual(['200', '400', '413']);
    expect(responses['400'].content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/OAuth2Error' });
    for (const code of ['200', '400', '413']) expect(responses[code].headers!['Cache-Control'], code).toMatchObject({ required: true, schema: { const: 'no-store' } });
  });
});

describe('responses', () => {
  test('the success response: status, response schema (output side), description; 204 has no content', async () => {
    const Out = z.object({ id: z.number().int(), at: z.string().default('now'), n: z.string().transform((s) => s.length) }).meta({ id: 'Out' });
    const doc = await documentOf((r) => {
      r.get('/plain', {}, () => 1);
      r.post('/created', {}, () => 1, { status: 201, response: Out, responseDescription: 'Created.' });
      r.delete('/gone', {}, () => undefined, { status: 204 });
    });
    expect(op(doc, 'get', '/plain').responses).toStrictEqual({ '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } } });
    expect(op(doc, 'post', '/created').responses).toStrictEqual({
      '201': { description: 'Created.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } },
    });
    // Output side: a default makes the field always present; a transform's output has no schema.
    expect(doc.components!.schemas!.Out).toStrictEqual({
      type: 'object',
      properties: { id: { type: 'integer' }, at: { default: 'now', type: 'string' }, n: {} },
      required: ['id', 'at', 'n'],
    });
    expect(op(doc, 'delete', '/gone').responses).toStrictEqual({ '204': { description: 'Successful Response' } });
  });

  test('extra responses from options.responses (and they win over generated ones); statuses declared by dependencies', async () => {
    const item = createDependency({ id: path('id') }, () => 1, { name: 'item', meta: { responses: [404] } });
    const doc = await documentOf((r) =>
      r.get('/items/{id}', { item, bearer: httpBearer() }, () => 1, {
        responses: { 409: { description: 'Conflict!', schema: z.object({ reason: z.string() }) }, 401: { description: 'Who are you?' } },
      }),
    );
    const responses = op(doc, 'get', '/items/{id}').responses;
    expect(Object.keys(responses)).toEqual(['200', '401', '404', '409', '422']);
    // declared without a schema: the {detail} body every HTTPException has
    expect(responses['401']).toStrictEqual({ description: 'Who are you?', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } } });
    expect(responses['404']).toStrictEqual({ description: 'Not Found', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } } });
    expect(responses['409']).toStrictEqual({
      description: 'Conflict!',
      content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] } } },
    });
  });

  test('401 / 403 / 422 bodies: {detail: string} and FastAPI\'s HTTPValidationError / ValidationError', async () => {
    const scheme = fixtureScheme('OAuth2', { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { me: 'me' } } } });
    const doc = await documentOf((r) => r.get('/', { me: security(scheme, { scopes: ['me'] }), q: query('q') }, () => 1));
    const responses = op(doc, 'get', '/').responses;
    expect(responses['401']).toStrictEqual({
      description: 'Not authenticated',
      headers: { 'WWW-Authenticate': { description: expect.any(String), schema: { type: 'string' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } },
    });
    expect(responses['403']).toMatchObject({ description: 'Not enough permissions', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } } });
    expect(responses['422']).toStrictEqual({
      description: 'Validation Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
    });
    expect(doc.components!.schemas).toStrictEqual({
      HTTPError: { title: 'HTTPError', type: 'object', properties: { detail: { title: 'Detail', type: 'string' } }, required: ['detail'] },
      HTTPValidationError: {
        title: 'HTTPValidationError',
        type: 'object',
        properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } },
      },
      ValidationError: {
        title: 'ValidationError',
        type: 'object',
        properties: {
          loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
          msg: { title: 'Message', type: 'string' },
          type: { title: 'Error Type', type: 'string' },
          input: { title: 'Input' },
          ctx: { title: 'Context', type: 'object', additionalProperties: true },
        },
        required: ['loc', 'msg', 'type'],
      },
    });
  });

  test('422 only where a request source is read; none for a route with no inputs or only a scheme', async () => {
    const doc = await documentOf((r) => {
      r.get('/none', {}, () => 1);
      r.get('/scheme', { b: httpBearer() }, () => 1);
      r.get('/deep', { d: depends({ inner: depends({ c: cookie('c', z.string().optional()) }, () => 1) }, () => 1) }, () => 1);
      r.post('/body', { b: body(z.unknown()) }, () => 1);
    });
    expect(op(doc, 'get', '/none').responses['422']).toBeUndefined();
    expect(op(doc, 'get', '/scheme').responses['422']).toBeUndefined();
    expect(op(doc, 'get', '/deep').responses['422']).toBeDefined();
    expect(op(doc, 'post', '/body').responses['422']).toBeDefined();
    expect(doc.components!.schemas!.HTTPValidationError).toBeDefined();
  });
});

describe('overrides never change the document', () => {
  test('overriding a scheme and a parameter dependency leaves the document as it was', async () => {
    const bearer = httpBearer();
    const user = depends({ token: bearer, lang: header('accept_language', z.string().optional()) }, ({ token }) => token.credentials);
    const app = appWith((r) => r.get('/me', { user, q: query('q', z.string().optional()) }, ({ user }) => user));
    const before = JSON.stringify(app.openapi());
    app.overrides.set(bearer, () => ({ scheme: 'Bearer', credentials: 'fake' }));
    app.overrides.set(user, depends({ other: query('other'), c: cookie('fake') }, () => 'fake'));
    expect((await app.request({ url: '/me?other=1', headers: { cookie: 'fake=1' } })).json()).toBe('fake');
    expect(JSON.stringify(app.openapi())).toBe(before);
    expect(JSON.stringify(buildDocument(app.routes, app.options))).toBe(before);
    expect(op(app.openapi(), 'get', '/me').security).toStrictEqual([{ HTTPBearer: [] }]);
    await expectValid(app.openapi());
  });
});

describe('named schemas', () => {
  test('a schema used in requests and responses is one component when both sides agree, two (Name-Output) when they differ', async () => {
    const Same = z.object({ a: z.string() }).meta({ id: 'Same' });
    const Config = z.object({ retries: z.number().int().default(3) }).meta({ id: 'Config' });
    const doc = await documentOf((r) => {
      r.post('/same', { s: body(Same) }, () => 1, { response: Same });
      r.post('/config', { c: body(Config) }, () => 1, { response: Config });
    });
    expect(Object.keys(doc.components!.schemas!)).toEqual(['Config', 'Config-Output', 'HTTPError', 'HTTPValidationError', 'Same', 'ValidationError']);
    expect(doc.components!.schemas!.Config).toStrictEqual({ type: 'object', properties: { retries: { default: 3, type: 'integer' } } });
    expect(doc.components!.schemas!['Config-Output']).toStrictEqual({
      type: 'object',
      properties: { retries: { default: 3, type: 'integer' } },
      required: ['retries'],
    });
    expect(op(doc, 'post', '/config').responses['200'].content!['application/json'].schema).toStrictEqual({ $ref: '#/components/schemas/Config-Output' });
  });

  test('nested ids are components too; recursive schemas get a component of their own', async () => {
    const Tag = z.object({ name: z.string() }).meta({ id: 'Tag' });
    interface Node {
      name: string;
      children: Node[];
    }
    const NodeSchema: z.ZodType<Node> = z.object({ name: z.string(), get children() { return z.array(NodeSchema); } });
    const doc = await documentOf((r) => {
      r.post('/tagged', { t: body(z.object({ tags: z.array(Tag) })) }, () => 1);
      r.post('/tree', { n: body(NodeSchema) }, () => 1);
    });
    expect(op(doc, 'post', '/tagged').requestBody!.content['application/json'].schema).toStrictEqual({
      type: 'object',
      properties: { tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } },
      required: ['tags'],
    });
    const tree = op(doc, 'post', '/tree').requestBody!.content['application/json'].schema as { $ref: string };
    const name = tree.$ref.replace('#/components/schemas/', '');
    expect(doc.components!.schemas![name]).toStrictEqual({
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: tree.$ref } } },
      required: ['name', 'children'],
    });
  });

  test('two different schemas with one id is a configuration error naming it', () => {
    const A = z.object({ a: z.string() }).meta({ id: 'Thing' });
    const B = z.object({ b: z.string() }).meta({ id: 'Thing' });
    const app = appWith((r) => {
      r.post('/a', { x: body(A) }, () => 1);
      r.post('/b', { x: body(B) }, () => 1);
    });
    expect(() => app.openapi()).toThrow(/"Thing"/);
  });
});

describe('answers of routes that read a body', () => {
  test('400, 413 and 415 are documented with the {detail} body on body and form routes only', async () => {
    const doc = await documentOf((r) => {
      r.post('/items', { item: body(z.object({ title: z.string() })) }, () => 1);
      r.post('/login', { login: form(z.object({ username: z.string() })) }, () => 1);
      r.get('/items', {}, () => 1);
    });
    for (const path of ['/items', '/login']) {
      const responses = op(doc, 'post', path).responses;
      for (const code of ['400', '413', '415']) {
        expect(responses[code], `${path} ${code}`).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } } });
      }
    }
    expect(Object.keys(op(doc, 'get', '/items').responses)).toEqual(['200']);
  });

  test('a form declared for both media types documents both', async () => {
    const doc = await documentOf((r) => r.post('/upload', { f: form(z.object({ a: z.string() }), { mediaType: ['application/x-www-form-urlencoded', 'multipart/form-data'] }) }, () => 1));
    expect(Object.keys(op(doc, 'post', '/upload').requestBody!.content)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
  });
});

describe('the document says what the server sends', () => {
  test('each 401 and 403 documents its operation\'s own WWW-Authenticate challenges, required', async () => {
    const basic = httpBasic({ realm: 'admin' });
    const bearer = httpBearer();
    const app = appWith((r) => {
      r.get('/admin', { c: basic }, () => 1);
      r.get('/me', { t: bearer }, () => 1);
    });
    const doc = app.openapi();
    await expectValid(doc);
    const admin = op(doc, 'get', '/admin').responses['401'].headers!['WWW-Authenticate'];
    expect(admin).toMatchObject({ required: true, schema: { type: 'string', pattern: '^(?:Basic)(?:[ ,]|$)' } });
    expect(admin.description).toContain('`Basic realm="admin"`');
    const me = op(doc, 'get', '/me').responses['401'].headers!['WWW-Authenticate'];
    expect(me.description).toContain('`Bearer error="invalid_token"`');
    expect(new RegExp(me.schema.pattern as string).test('Bearer error="invalid_token"')).toBe(true);
    expect(new RegExp(me.schema.pattern as string).test('Basic')).toBe(false);
  });

  test('a string trimmed before its length checks documents the length of the trimmed text (a pattern), not of the wire value', async () => {
    const title = z.string().trim().min(1).max(5);
    const doc = await documentOf((r) => r.post('/t', { b: body(z.object({ title })) }, () => 1));
    const schema = (op(doc, 'post', '/t').requestBody!.content['application/json'].schema as any).properties.title;
    expect(schema.minLength).toBeUndefined();
    expect(schema.maxLength).toBeUndefined();
    const pattern = new RegExp(schema.pattern);
    for (const value of ['a', ' abcde ', '  a b  ', '\tx\n', `   ${'x'.repeat(5)}   `]) {
      expect(pattern.test(value), JSON.stringify(value)).toBe(title.safeParse(value).success);
    }
    for (const value of ['', '   ', 'abcdef', ' abcdef ']) expect(pattern.test(value), JSON.stringify(value)).toBe(title.safeParse(value).success);
    const two = z.string().trim().min(2);
    const p2 = new RegExp(((await documentOf((r) => r.post('/u', { b: body(z.object({ two })) }, () => 1))).paths['/u'].post.requestBody!.content['application/json'].schema as any).properties.two.pattern);
    for (const value of ['ab', ' a ', '  ab  ', 'a b']) expect(p2.test(value), JSON.stringify(value)).toBe(two.safeParse(value).success);
  });
});
