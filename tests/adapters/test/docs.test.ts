/**
 * The docs routes on every adapter: a valid OpenAPI document that also
 * lists the single-handler routes, the Swagger UI page, and every asset the
 * page references served by the same server (no network).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { harnesses, type Started } from '../src/harness.js';
import { probe, scenarioRouters, singleHandlers } from '../src/api.js';

/** Every same-page URL an HTML page loads: `href`/`src` attributes and the Swagger UI config's `url` and `oauth2RedirectUrl`. */
function referencedUrls(html: string): string[] {
  const urls = [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  const config = /<script id="depends-swagger-ui-config" type="application\/json">([^<]*)<\/script>/.exec(html);
  if (config) {
    const parsed = JSON.parse(config[1]) as { url: string; oauth2RedirectUrl?: string };
    urls.push(parsed.url);
    if (parsed.oauth2RedirectUrl) urls.push(parsed.oauth2RedirectUrl);
  }
  return urls;
}

async function get(url: string): Promise<{ status: number; type: string | undefined; text: string }> {
  const res = await request(url);
  return { status: res.statusCode, type: res.headers['content-type'] as string | undefined, text: await res.body.text() };
}

for (const harness of harnesses) {
  describe(`${harness.name}: docs`, () => {
    let server: Started;
    let custom: Started;
    beforeAll(async () => {
      const p = probe(harness.sent);
      server = await harness.start({ app: { title: 'Scenario API', version: '1.2.3' }, routers: scenarioRouters(p), handlers: singleHandlers, docs: {} });
      custom = await harness.start({ routers: scenarioRouters(p), docs: { openapiPath: '/spec.json', docsPath: '/api-docs', title: 'Custom <Docs>' } });
    });
    afterAll(async () => {
      await server.close();
      await custom.close();
    });

    test('GET /openapi.json is a valid OpenAPI 3.1 document', async () => {
      const res = await get(`${server.url}/openapi.json`);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/json');
      const doc = JSON.parse(res.text);
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(doc.info).toMatchObject({ title: 'Scenario API', version: '1.2.3' });
      const result = await validateOpenApi(doc);
      expect(result.errors).toBe('');
      expect(result.valid).toBe(true);
    });

    test('mounted routes, router prefixes and single handlers share one document', async () => {
      const doc = JSON.parse((await get(`${server.url}/openapi.json`)).text);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/bearer', '/items/{id}', '/admin/stats', '/users/me/items']));
      // found in the framework's route table when the document was built
      expect(doc.paths['/wrapped/me']?.get).toBeDefined();
      expect(doc.paths['/wrapped/items']?.post).toBeDefined();
      // placed explicitly with { method, path }
      expect(doc.paths['/wrapped/items/{id}']?.get?.summary).toBe('Explicitly placed');
      // with the security the Authorize button needs
      expect(doc.paths['/wrapped/me'].get.security).toEqual([{ HTTPBearer: [] }]);
      expect(doc.paths['/any'].get.security).toEqual([{ HTTPBearer: [] }, { APIKeyHeader: [] }]);
      expect(doc.paths['/users/me/items'].get.security).toEqual([{ OAuth2PasswordBearer: ['items'] }]);
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(
        ['APIKeyCookie', 'APIKeyHeader', 'APIKeyQuery', 'HTTPBasic', 'HTTPBearer', 'OAuth2PasswordBearer'].sort(),
      );
      // each documented once
      expect(Object.keys(doc.paths['/wrapped/me'])).toEqual(['get']);
      // the document is the adapter's, with the served one's server (the origin the request was sent to)
      expect(doc.servers).toEqual([{ url: server.url }]);
      expect({ ...server.d.openapi(), servers: doc.servers }).toEqual(doc);
    });

    test('GET /docs serves the Swagger UI page, and every asset it references loads from the same server', async () => {
      const page = await get(`${server.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>Scenario API</title>');
      const urls = referencedUrls(page.text);
      expect(urls).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/openapi.json']));
      for (const url of urls) {
        expect(url.startsWith('/'), `${url} is served by this server`).toBe(true);
        const asset = await get(server.url + url);
        expect(asset.status, url).toBe(200);
        expect(asset.text.length, url).toBeGreaterThan(0);
        const ext = url.split('.').pop();
        const expected = { css: /^text\/css/, js: /^text\/javascript/, png: /^image\/png/, html: /^text\/html/, json: /^application\/json/ }[ext!];
        if (expected) expect(asset.type, url).toMatch(expected);
      }
    });

    test('unknown asset names and path tricks are 404', async () => {
      expect((await get(`${server.url}/docs/package.json`)).status).toBe(404);
      expect((await get(`${server.url}/docs/..%2Fpackage.json`)).status).toBe(404);
    });

    test('paths and title are configurable', async () => {
      const page = await get(`${custom.url}/api-docs`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Custom &lt;Docs&gt;</title>');
      const urls = referencedUrls(page.text);
      expect(urls).toContain('/spec.json');
      expect(urls.filter((u) => u.endsWith('.js')).every((u) => u.startsWith('/api-docs/'))).toBe(true);
      for (const url of urls) expect((await get(custom.url + url)).status, url).toBe(200);
      expect((await get(`${custom.url}/openapi.json`)).status).toBe(404);
      expect((await get(`${custom.url}/docs`)).status).toBe(404);
    });
  });
}
