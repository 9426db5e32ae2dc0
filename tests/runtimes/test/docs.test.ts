/**
 * The docs routes on the Hono adapter in this runtime: a valid document,
 * the Swagger UI page and every asset it loads, byte for byte the installed
 * swagger-ui-dist files (read from disk where the runtime has a file
 * system, bundled into the Worker on workerd).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { request } from 'undici';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';

const url = inject('url');
const runtime = inject('runtime');
const dist = dirname(createRequire(join(import.meta.dirname, '../../../packages/core/package.json')).resolve('swagger-ui-dist/package.json'));

async function get(path: string): Promise<{ status: number; type: string | undefined; bytes: Buffer }> {
  const res = await request(url + path);
  return { status: res.statusCode, type: res.headers['content-type'] as string | undefined, bytes: Buffer.from(await res.body.arrayBuffer()) };
}

describe(`hono on ${runtime}: docs`, () => {
  test('GET /openapi.json is a valid OpenAPI 3.1 document with the mounted routes and single handlers', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    const doc = JSON.parse(res.bytes.toString());
    expect(doc.info).toMatchObject({ title: 'Scenario API', version: '1.2.3' });
    expect((await validateOpenApi(doc)).errors).toBe('');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/bearer', '/items/{id}', '/admin/stats', '/wrapped/me']));
    expect(doc.paths['/users/me/items'].get.security).toEqual([{ OAuth2PasswordBearer: ['items'] }]);
  });

  test('GET /docs, and every asset it references is the installed swagger-ui-dist file, with its content type', async () => {
    const page = await get('/docs');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    const html = page.bytes.toString();
    expect(html).toContain('<title>Scenario API</title>');
    const assets = [...html.matchAll(/\b(?:href|src)="\/docs\/([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']));
    for (const name of [...assets, 'swagger-ui-standalone-preset.js', 'oauth2-redirect.html', 'oauth2-redirect.js']) {
      const asset = await get(`/docs/${name}`);
      expect(asset.status, name).toBe(200);
      const ext = name.split('.').pop()!;
      expect(asset.type, name).toMatch({ css: /^text\/css/, js: /^text\/javascript/, png: /^image\/png/, html: /^text\/html/ }[ext]!);
      if (name !== 'depends-swagger-ui-init.js') expect(Buffer.compare(asset.bytes, readFileSync(join(dist, name))), name).toBe(0);
    }
  });

  test('unknown asset names and path tricks are 404', async () => {
    expect((await get('/docs/package.json')).status).toBe(404);
    expect((await get('/docs/..%2Fpackage.json')).status).toBe(404);
  });

  test(runtime === 'workerd' ? 'without bundled files, d.docs() fails at startup naming the fix (no file system)' : 'without bundled files, d.docs() reads the files from disk', async () => {
    const res = await request(`${url}/_probe/docs-without-files`);
    const result = (await res.body.json()) as { ok: boolean; code?: string; message?: string };
    if (runtime === 'workerd') {
      expect(result.ok).toBe(false);
      expect(result.code).toBe('DEPENDS_DOCS_FILES_UNAVAILABLE');
      expect(result.message).toContain("import { bundledDocsFiles } from '@depends/core/docs-files'");
    } else {
      expect(result).toEqual({ ok: true });
    }
  });
});
