/**
 * The OpenAPI document and the docs page each framework serves: valid
 * OpenAPI 3.1, the three security schemes, each operation's security
 * requirement with its scopes, an absolute server (a generated client runs
 * as generated), and one and the same document everywhere.
 */
import { validate, compileErrors } from '@readme/openapi-parser';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCOPES } from '../src/api.js';
import type { paths } from './client/schema.js';
import { FRAMEWORKS, send, startExample, type Example } from './helpers.js';

const examples = new Map<string, Example>();
const documents = new Map<string, any>();

beforeAll(async () => {
  for (const framework of FRAMEWORKS) {
    const ex = await startExample(framework);
    examples.set(framework, ex);
    const res = await ex.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    documents.set(framework, res.json());
  }
});
afterAll(async () => {
  for (const ex of examples.values()) await ex.close();
});

describe.each(FRAMEWORKS)('/openapi.json on %s', (framework) => {
  const doc = () => documents.get(framework);
  const op = (path: string, method: string) => doc().paths[path]?.[method];

  test('is a valid OpenAPI 3.1 document', async () => {
    expect(doc().openapi).toMatch(/^3\.1\./);
    expect(doc().info).toMatchObject({ title: 'Todo API', version: '1.0.0' });
    const result = await validate(structuredClone(doc()));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  test('has exactly the example’s routes, each with a summary, tags and a response schema', () => {
    const ops = Object.entries(doc().paths as Record<string, Record<string, any>>).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops.sort()).toEqual(
      ['GET /status', 'POST /token', 'GET /users/me', 'GET /users/me/items', 'POST /users/me/items', 'GET /v1/health', 'GET /admin/stats'].sort(),
    );
    for (const [p, methods] of Object.entries(doc().paths as Record<string, Record<string, any>>)) {
      for (const [m, operation] of Object.entries(methods)) {
        expect(operation.summary, `${m} ${p}`).toEqual(expect.any(String));
        expect(operation.tags, `${m} ${p}`).toHaveLength(1);
        const success = operation.responses[m === 'post' && p !== '/token' ? '201' : '200'];
        expect(success?.content?.['application/json']?.schema, `${m} ${p}`).toBeDefined();
      }
    }
  });

  test('declares the three security schemes', () => {
    expect(doc().components.securitySchemes).toEqual({
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: SCOPES } } },
      APIKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      HTTPBasic: { type: 'http', scheme: 'basic' },
    });
  });

  test('each operation requires its scheme, with the accumulated scopes', () => {
    expect(op('/status', 'get').security ?? []).toEqual([]);
    expect(op('/token', 'post').security ?? []).toEqual([]);
    expect(op('/users/me', 'get').security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
    expect(op('/users/me/items', 'get').security).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }]);
    expect(op('/users/me/items', 'post').security).toEqual([{ OAuth2PasswordBearer: ['items'] }]);
    expect(op('/v1/health', 'get').security).toEqual([{ APIKeyHeader: [] }]);
    expect(op('/admin/stats', 'get').security).toEqual([{ HTTPBasic: [] }]);
  });

  test('documents the answers: 401 where a credential is needed, 403 where scopes are, 409, 422, 400/413/415 where a body is read, 429 where failed logins are limited', () => {
    const codes = (path: string, method: string) => Object.keys(op(path, method).responses).sort();
    expect(codes('/status', 'get')).toEqual(['200']);
    expect(codes('/token', 'post')).toEqual(['200', '400', '413', '429']);
    expect(codes('/users/me', 'get')).toEqual(['200', '401', '403']);
    expect(codes('/users/me/items', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '415', '422']);
    expect(codes('/v1/health', 'get')).toEqual(['200', '401']);
    expect(codes('/admin/stats', 'get')).toEqual(['200', '401', '429']);
  });

  test('no credential shows up as a parameter; the bodies are the form and the JSON item', () => {
    for (const methods of Object.values(doc().paths as Record<string, Record<string, any>>)) {
      for (const operation of Object.values(methods)) {
        const names = (operation.parameters ?? []).map((p: { name: string }) => p.name.toLowerCase());
        expect(names).not.toContain('authorization');
        expect(names).not.toContain('x-api-key');
      }
    }
    expect(Object.keys(op('/token', 'post').requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(op('/users/me/items', 'post').requestBody.content)).toEqual(['application/json']);
  });

  test('its server is the absolute origin it was requested at: a client generated from it runs as generated', async () => {
    const url = examples.get(framework)!.url;
    expect(doc().servers).toEqual([{ url }]);
    // the committed openapi-typescript client, its base URL read from the document
    const client = createClient<paths>({ baseUrl: doc().servers[0].url });
    const { data, response } = await client.GET('/status');
    expect([response.status, data]).toEqual([200, { status: 'ok' }]);
  });

  test('the document is the same on every framework (each serving its own origin)', () => {
    expect({ ...doc(), servers: [] }).toEqual({ ...documents.get('express'), servers: [] });
  });
});

describe.each(FRAMEWORKS)('/docs on %s', (framework) => {
  test('serves Swagger UI whose assets are all local', async () => {
    const ex = examples.get(framework)!;
    const page = await ex.call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('/openapi.json');
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url, 'no CDN').not.toMatch(/^(https?:)?\/\//);
      const asset = await send(ex.url, 'GET', new URL(url, `${ex.url}/docs`).pathname);
      expect(asset.status, url).toBe(200);
    }
  });
});
