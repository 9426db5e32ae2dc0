import { describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '../openapi/types.js';
import { SWAGGER_UI_INIT_SCRIPT } from './assets.js';
import { docsRoutes } from './routes.js';

const doc = (title = 'Todo API') => ({ openapi: '3.1.0', info: { title, version: '1.0.0' }, paths: {} }) as unknown as OpenAPIDocument;
const header = (answer: { headers: readonly (readonly [string, string])[] }, name: string) => answer.headers.find(([n]) => n === name)?.[1];

describe('docsRoutes', () => {
  test('three GET routes: the document, the page and its assets, at the default paths', () => {
    expect(docsRoutes(() => doc()).map((r) => r.path)).toEqual(['/openapi.json', '/docs', '/docs/:file']);
  });

  test('custom paths; a trailing slash on docsPath is dropped, and a root docsPath serves the page at /', () => {
    expect(docsRoutes(() => doc(), { openapiPath: '/api/openapi.json', docsPath: '/api/docs/' }).map((r) => r.path)).toEqual(['/api/openapi.json', '/api/docs', '/api/docs/:file']);
    expect(docsRoutes(() => doc(), { docsPath: '/' }).map((r) => r.path)).toEqual(['/openapi.json', '/', '/:file']);
  });

  test('the document as JSON, serialised once per document object', () => {
    let current = doc();
    const [json] = docsRoutes(() => current);
    const first = json.answer({});
    expect(first.status).toBe(200);
    expect(header(first, 'content-type')).toBe('application/json');
    expect(JSON.parse(first.body as string)).toEqual(current);
    expect(json.answer({})).toBe(first);
    current = doc('Renamed'); // a route was added: the app built a new document
    const second = json.answer({});
    expect(second).not.toBe(first);
    expect(JSON.parse(second.body as string).info.title).toBe('Renamed');
  });

  test("the page: HTML loading the document and the assets from the configured paths, titled with the option or the document's title", () => {
    const [, page] = docsRoutes(() => doc(), { openapiPath: '/api/openapi.json', docsPath: '/api/docs' });
    const answer = page.answer({});
    expect(answer.status).toBe(200);
    expect(header(answer, 'content-type')).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('<title>Todo API</title>');
    expect(answer.body).toContain('"url":"/api/openapi.json"');
    expect(answer.body).toContain(`src="/api/docs/${SWAGGER_UI_INIT_SCRIPT}"`);
    expect(page.answer({})).toBe(answer);
    expect(docsRoutes(() => doc(), { title: 'API docs' })[1].answer({}).body).toContain('<title>API docs</title>');
  });

  test('initOAuth reaches the page configuration (an identity provider public client with PKCE)', () => {
    const [, page] = docsRoutes(() => doc(), { initOAuth: { clientId: 'swagger-ui', usePkceWithAuthorizationCodeGrant: true, scopes: ['reports:read'] } });
    const body = page.answer({}).body as string;
    expect(body).toContain('"initOAuth":{"clientId":"swagger-ui","usePkceWithAuthorizationCodeGrant":true,"scopes":["reports:read"]}');
    expect(docsRoutes(() => doc())[1].answer({}).body).not.toContain('initOAuth');
  });

  test('assets: the local swagger-ui files, cached for a day; any other name is a 404', () => {
    const [, , assets] = docsRoutes(() => doc());
    const css = assets.answer({ file: 'swagger-ui.css' });
    expect(css.status).toBe(200);
    expect(header(css, 'content-type')).toBe('text/css; charset=utf-8');
    expect(header(css, 'cache-control')).toBe('public, max-age=86400');
    expect((css.body as Uint8Array).byteLength).toBeGreaterThan(1000);
    const missing = assets.answer({ file: '..%2Fpackage.json' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body as string)).toEqual({ detail: 'Not Found' });
  });

  test('a document whose server comes from the request: served for each request, varying with Host; the page uses its own address', () => {
    const seen: unknown[] = [];
    const served = (url: string) => ({ ...doc(), servers: [{ url }] }) as OpenAPIDocument;
    const byUrl = new Map<string, OpenAPIDocument>();
    const source = {
      document: (at?: { origin?: string }) => {
        seen.push(at);
        const url = at?.origin ?? '/';
        if (!byUrl.has(url)) byUrl.set(url, served(url));
        return byUrl.get(url)!;
      },
      serversFromRequest: true,
    };
    const [json, page] = docsRoutes(source);
    const a = json.answer({}, { origin: 'http://a.example', prefix: '' });
    expect(JSON.parse(a.body as string).servers).toEqual([{ url: 'http://a.example' }]);
    expect(header(a, 'vary')).toBe('Host, X-Forwarded-Host, X-Forwarded-Proto');
    expect(json.answer({}, { origin: 'http://a.example', prefix: '' })).toBe(a); // serialised once per document object
    expect(JSON.parse(json.answer({}, { origin: 'http://b.example' }).body as string).servers).toEqual([{ url: 'http://b.example' }]);
    expect(seen).toEqual([{ origin: 'http://a.example', prefix: '' }, { origin: 'http://a.example', prefix: '' }, { origin: 'http://b.example' }]);
    expect(page.answer({}).body).toContain('"serverFromPage":"/docs"');
    // a plain function, or a server configured: no Vary, and the page keeps the document's servers
    const [plainJson, plainPage] = docsRoutes({ document: () => doc(), serversFromRequest: false });
    expect(header(plainJson.answer({}, { origin: 'http://a.example' }), 'vary')).toBeUndefined();
    expect(plainPage.answer({}).body).not.toContain('serverFromPage');
    expect(header(docsRoutes(() => doc())[0].answer({}), 'vary')).toBeUndefined();
  });
});
