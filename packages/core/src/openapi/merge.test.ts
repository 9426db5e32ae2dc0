/**
 * mergeDocument(): depends' entries merged into the app's own OpenAPI
 * document, the app's bodies, responses and components kept. Every merged
 * document goes through the real validator.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, type AppOptions } from '../app/app.js';
import { depends } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { problemDetails } from '../errors/format.js';
import { Router } from '../router/router.js';
import { apiKeyHeader, httpBearer } from '../security/index.js';
import { body } from '../sources/body.js';
import { query } from '../sources/params.js';
import { mergeDocument } from './merge.js';
import { validateOpenApi } from './test/validate.js';
import type { OpenAPIDocument } from './types.js';

const bearer = httpBearer();
const user = depends({ auth: bearer }, ({ auth }) => auth.credentials);

/** Depends' side: what a guard documents for the app's routes (no status, no response: the success is a guess), plus a route of its own. */
function ours(options: AppOptions = {}, define?: (r: Router) => void): OpenAPIDocument {
  const app = new DependsApp({ title: 'Depends', version: '0', ...options });
  const r = new Router();
  r.get('/notes', { user }, () => 'guarded');
  r.post('/notes', { user }, () => 'guarded');
  r.get('/notes/{id}', { user }, () => 'guarded');
  r.get('/me', { user }, ({ user }) => user, { status: 200, response: z.object({ name: z.string() }) });
  define?.(r);
  app.include(r);
  return app.openapi();
}

const Note = { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string' } }, required: ['id', 'text'] };
const NewNote = { type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'] };

/** The app's own document, as a generator would write it. */
function base(version = '3.1.0'): Record<string, any> {
  return {
    openapi: version,
    info: { title: 'Notes API', version: '2.0.0', description: 'The app\'s own.' },
    servers: [{ url: 'https://api.example.com' }],
    tags: [{ name: 'notes', description: 'Notes' }],
    paths: {
      '/notes': {
        get: { tags: ['notes'], operationId: 'listNotes', parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }], responses: { 200: { description: 'The notes', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Note' } } } } } } },
        post: {
          tags: ['notes'],
          operationId: 'addNote',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewNote' } } } },
          responses: {
            201: { description: 'Added', content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } },
            400: { description: 'The app\'s own bad request', content: { 'application/json': { schema: { $ref: '#/components/schemas/AppError' } } } },
          },
        },
      },
      '/notes/{noteId}': {
        parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: { operationId: 'getNote', responses: { 200: { description: 'One note', content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }, 404: { description: 'No such note' } } },
      },
      '/health': { get: { operationId: 'health', responses: { 200: { description: 'Up' } } } },
    },
    components: {
      schemas: { Note, NewNote, AppError: { type: 'object', properties: { message: { type: 'string' } } } },
    },
  };
}

async function expectValid(doc: unknown): Promise<void> {
  const result = await validateOpenApi(doc);
  expect(result.errors).toBe('');
  expect(result.valid).toBe(true);
}

describe('mergeDocument: one document, the app\'s own', () => {
  test('the app\'s info, servers, tags, bodies, responses and components are kept; depends adds its schemes, security and refusals', async () => {
    const app = base();
    const before = JSON.stringify(app);
    const mine = ours();
    const mineBefore = JSON.stringify(mine);
    const doc = mergeDocument(app, mine);
    // neither document changed
    expect(JSON.stringify(app)).toBe(before);
    expect(JSON.stringify(mine)).toBe(mineBefore);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual(app.info);
    expect(doc.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(doc.tags).toEqual([{ name: 'notes', description: 'Notes' }]);
    expect(doc.components?.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer' } });
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Note', 'NewNote', 'AppError', 'HTTPError']));

    const post = doc.paths['/notes'].post;
    // the app's body ("Try it out" sends it) and answers
    expect(post.requestBody).toEqual(app.paths['/notes'].post.requestBody);
    expect(post.responses['201']).toEqual(app.paths['/notes'].post.responses[201]);
    expect(post.responses['400']).toEqual(app.paths['/notes'].post.responses[400]);
    // depends' guessed 200 is left out: the app says what its handler answers
    expect(post.responses['200']).toBeUndefined();
    // depends' security and refusals, with their challenge
    expect(post.security).toEqual([{ HTTPBearer: [] }]);
    expect(post.responses['401'].headers?.['WWW-Authenticate']).toMatchObject({ required: true, schema: { pattern: '^(?:Bearer)(?:[ ,]|$)' } });
    expect(post.responses['401'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } });
    expect([post.operationId, post.tags]).toEqual(['addNote', ['notes']]);

    // the app's query parameter kept
    expect(doc.paths['/notes'].get.parameters).toEqual(app.paths['/notes'].get.parameters);
    // /notes/{id} is the app's /notes/{noteId}: one operation under the app's template, its path parameter the path item's
    expect(doc.paths['/notes/{id}']).toBeUndefined();
    const one = doc.paths['/notes/{noteId}'].get;
    expect(one.parameters).toBeUndefined();
    expect(one.security).toEqual([{ HTTPBearer: [] }]);
    expect(Object.keys(one.responses).sort()).toEqual(['200', '401', '404']);
    expect(one.responses['200'].description).toBe('One note');
    // an operation only depends has is added; one only the app has is left as it is
    expect(doc.paths['/me'].get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/me'].get.responses['200'].content?.['application/json'].schema).toMatchObject({ type: 'object' });
    expect(doc.paths['/health']).toEqual(app.paths['/health']);
    await expectValid(doc);
  });

  test('a success answer depends declared is kept beside the app\'s; a response both list keeps the app\'s and gains the headers it lacks', async () => {
    const app = base();
    app.paths['/notes'].get.responses[401] = { description: 'The app says: log in', content: { 'application/json': { schema: { $ref: '#/components/schemas/AppError' } } } };
    const mine = ours({}, (r) => r.get('/stats', { user }, () => 1, { status: 202 }));
    app.paths['/stats'] = { get: { responses: { 200: { description: 'Stats' } } } };
    const doc = mergeDocument(app, mine);
    const unauthorized = doc.paths['/notes'].get.responses['401'];
    expect(unauthorized.description).toBe('The app says: log in');
    expect(unauthorized.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/AppError' } } });
    expect(unauthorized.headers?.['WWW-Authenticate']).toBeDefined();
    expect(Object.keys(doc.paths['/stats'].get.responses).sort()).toEqual(['200', '202', '401']);
    await expectValid(doc);
  });

  test('a security scheme name the app uses for another scheme is refused, naming both; the same scheme (descriptions aside) is the app\'s', () => {
    const app = base();
    app.components.securitySchemes = { HTTPBearer: { type: 'apiKey', in: 'header', name: 'x-token' } };
    expect(() => mergeDocument(app, ours())).toThrow(ConfigurationError);
    try {
      mergeDocument(app, ours());
    } catch (error) {
      expect((error as ConfigurationError).code).toBe(ErrorCode.BaseDocument);
      expect((error as Error).message).toContain('"HTTPBearer" as {"type":"apiKey","in":"header","name":"x-token"}, and depends uses that name for {"type":"http","scheme":"bearer"}');
      expect((error as Error).message).toContain("schemeName: '...'");
    }
    const same = base();
    same.components.securitySchemes = { bearerAuth: { type: 'http', scheme: 'bearer' }, HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The app\'s' } };
    const doc = mergeDocument(same, ours());
    expect(doc.components?.securitySchemes?.HTTPBearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The app\'s' });
    expect(doc.components?.securitySchemes?.bearerAuth).toBeDefined();
  });

  test('depends\' schemas keep their names unless the app has another schema under one: then depends.Name, references followed', async () => {
    const app = base();
    app.components.schemas.HTTPError = { type: 'object', properties: { error: { type: 'string' } } };
    const doc = mergeDocument(app, ours());
    expect(doc.components?.schemas?.HTTPError).toEqual(app.components.schemas.HTTPError);
    expect(doc.components?.schemas?.['depends.HTTPError']).toMatchObject({ properties: { detail: { type: 'string' } } });
    expect(doc.paths['/notes'].post.responses['401'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/depends.HTTPError' });
    await expectValid(doc);
    // the same definition: the app's, shared
    const shared = base();
    shared.components.schemas.ProblemDetails = ours({ errorBody: problemDetails() }).components?.schemas?.ProblemDetails;
    const merged = mergeDocument(shared, ours({ errorBody: problemDetails() }));
    expect(Object.keys(merged.components?.schemas ?? {}).filter((n) => n.includes('ProblemDetails'))).toEqual(['ProblemDetails']);
  });

  test('an app parameter carrying the credential depends\' scheme reads is left out (Authorize sends it); operation ids stay unique', async () => {
    const key = apiKeyHeader({ name: 'x-api-key' });
    const app = base();
    app.paths['/keyed'] = { get: { operationId: 'keyed', parameters: [{ name: 'X-API-Key', in: 'header', required: true, schema: { type: 'string' } }, { name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } };
    app.paths['/other'] = { get: { operationId: 'only_get', responses: { 200: { description: 'ok' } } } };
    const mine = ours({}, (r) => {
      r.get('/keyed', { key, q: query('q', z.string().optional()) }, () => 1);
      r.get('/only', { key }, () => 1, { operationId: 'only_get' });
    });
    const doc = mergeDocument(app, mine);
    expect(doc.paths['/keyed'].get.parameters).toEqual([{ name: 'q', in: 'query', schema: { type: 'string' } }]);
    expect(doc.paths['/keyed'].get.security).toEqual([{ APIKeyHeader: [] }]);
    expect(doc.paths['/only'].get.operationId).toBe('only_get_2');
    await expectValid(doc);
  });

  test('parameters the app declares by $ref count as the app\'s (a path item\'s shared parameter shadows depends\' renamed one)', async () => {
    const app = base();
    app.components.parameters = { NoteId: { name: 'noteId', in: 'path', required: true, schema: { type: 'string' } } };
    app.paths['/notes/{noteId}'].parameters = [{ $ref: '#/components/parameters/NoteId' }];
    const mine = ours({}, (r) => r.delete('/notes/{id}', { user }, () => 1, { status: 204 }));
    const doc = mergeDocument(app, mine);
    expect(doc.paths['/notes/{noteId}'].get.parameters).toBeUndefined();
    // an operation only depends has, added to the app's path item: the item's parameter applies
    expect(doc.paths['/notes/{noteId}'].delete.parameters).toBeUndefined();
    expect(doc.paths['/notes/{noteId}'].delete.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/notes/{id}']).toBeUndefined();
    await expectValid(doc);
  });

  test('the app\'s servers win; depends\' are used when the app has none; a base without paths or components gets depends\'', async () => {
    const minimal = { openapi: '3.1.0', info: { title: 'Bare', version: '1' } };
    const doc = mergeDocument(minimal, ours({ servers: [{ url: 'https://depends.example.com' }] }));
    expect(doc.servers).toEqual([{ url: 'https://depends.example.com' }]);
    expect(Object.keys(doc.paths).sort()).toEqual(['/me', '/notes', '/notes/{id}']);
    await expectValid(doc);
  });

  test('an OpenAPI 3.0 base keeps its version and gets depends\' schemas in 3.0\'s dialect', async () => {
    const mine = ours({}, (r) => {
      r.post('/items', { user, item: body(z.object({ kind: z.literal('note'), text: z.string().nullable(), size: z.number().positive(), tags: z.array(z.string()).optional() })) }, () => 1);
    });
    const doc = mergeDocument(base('3.0.3'), mine);
    expect(doc.openapi).toBe('3.0.3');
    const item = doc.paths['/items'].post.requestBody?.content['application/json'].schema as Record<string, any>;
    expect(item.properties.kind).toEqual({ type: 'string', enum: ['note'] });
    expect(item.properties.text).toMatchObject({ type: 'string', nullable: true });
    expect(item.properties.size).toMatchObject({ type: 'number', minimum: 0, exclusiveMinimum: true });
    expect(JSON.stringify(doc)).not.toContain('"const"');
    const result = await validateOpenApi(doc);
    expect(result.errors).toBe('');
    expect(result.specification).toBe('OpenAPI');
  });

  test('what OpenAPI 3.0 cannot say is refused, with where it is and the fix', () => {
    const mine = ours({}, (r) => r.post('/pair', { user, pair: body(z.tuple([z.string(), z.number()])) }, () => 1));
    expect(() => mergeDocument(base('3.0.3'), mine)).toThrow(/OpenAPI 3\.0\.3, and depends' POST \/pair request body \(application\/json\)\/prefixItems uses "prefixItems".*getOpenAPI31Document/);
    // the same in a 3.1 base is fine
    expect(() => mergeDocument(base(), mine)).not.toThrow();
  });

  test('what is not an OpenAPI 3.0 or 3.1 document is refused', () => {
    const refused = (value: unknown) => {
      try {
        mergeDocument(value as object, ours());
      } catch (error) {
        expect((error as ConfigurationError).code).toBe(ErrorCode.BaseDocument);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused({ swagger: '2.0', info: {}, paths: {} })).toContain('Swagger 2.0');
    expect(refused({ info: {}, paths: {} })).toContain('"openapi" field is undefined');
    expect(refused({ openapi: '4.0.0', info: {} })).toContain('"4.0.0"');
    expect(refused({ openapi: '3.1.0', info: {}, paths: [] })).toContain('"paths" is not an object');
  });
});
