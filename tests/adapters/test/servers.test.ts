/**
 * The served document's `servers` on every adapter (issue 21: a client
 * generated from it must run as generated): an absolute URL — the app's
 * `publicOrigin` when configured, else the origin the request was sent to
 * as the framework sees it (`X-Forwarded-*` only with the framework's
 * trust-proxy setting), plus the path the routes are mounted under — at
 * which every documented route really answers; the document stays valid.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { harnesses, type Setup, type Started } from '../src/harness.js';
import { probe, scenarioRouters, singleHandlers } from '../src/api.js';

async function getDoc(url: string, headers: Record<string, string> = {}): Promise<{ doc: any; vary: string | undefined }> {
  const res = await request(url, { headers });
  expect(res.statusCode).toBe(200);
  return { doc: await res.body.json(), vary: res.headers.vary as string | undefined };
}

/** The documented GET paths without parameters, beside the docs' own. */
const plainGets = (doc: any): string[] => Object.keys(doc.paths).filter((p) => doc.paths[p].get && !p.includes('{'));

for (const harness of harnesses) {
  describe(`${harness.name}: the document's server`, () => {
    const started: Started[] = [];
    const start = async (setup: Omit<Setup, 'routers' | 'handlers' | 'docs'> = {}) => {
      const p = probe(harness.sent);
      const s = await harness.start({ routers: scenarioRouters(p), handlers: singleHandlers, docs: {}, ...setup });
      started.push(s);
      return s;
    };
    let plain: Started;
    beforeAll(async () => {
      plain = await start();
    });
    afterAll(async () => {
      await Promise.all(started.map((s) => s.close()));
    });

    test('by default: the origin the request was sent to, absolute; the answer varies with Host; the document stays valid', async () => {
      const { doc, vary } = await getDoc(`${plain.url}/openapi.json`);
      expect(doc.servers).toEqual([{ url: plain.url }]);
      expect(new URL(doc.servers[0].url).origin).toBe(plain.url);
      expect(vary).toBe('Host, X-Forwarded-Host, X-Forwarded-Proto');
      const result = await validateOpenApi(doc);
      expect(result.errors).toBe('');
      expect(result.valid).toBe(true);
      // not served: nothing to take it from
      expect(plain.d.openapi().servers).toEqual([{ url: '/' }]);
    });

    test('a client runs as generated: every documented GET answers at server URL + path (never a 404)', async () => {
      const { doc } = await getDoc(`${plain.url}/openapi.json`);
      const paths = plainGets(doc);
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        const res = await request(doc.servers[0].url + path);
        await res.body.dump();
        expect(res.statusCode, path).not.toBe(404);
      }
    });

    test('the Host header the client sent (a default port dropped); one that is not a plain host never reaches the document', async () => {
      expect((await getDoc(`${plain.url}/openapi.json`, { host: 'api.example.com:8443' })).doc.servers).toEqual([{ url: 'http://api.example.com:8443' }]);
      expect((await getDoc(`${plain.url}/openapi.json`, { host: 'api.example.com:80' })).doc.servers).toEqual([{ url: 'http://api.example.com' }]);
      // refused by the framework (Hono: 400), or the relative "/"
      const odd = await request(`${plain.url}/openapi.json`, { headers: { host: 'evil.example/x?' } });
      const text = await odd.body.text();
      if (odd.statusCode !== 400) expect([odd.statusCode, JSON.parse(text).servers]).toEqual([200, [{ url: '/' }]]);
    });

    test('X-Forwarded-Proto / X-Forwarded-Host: ignored unless the framework trusts the proxy', async () => {
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' };
      expect((await getDoc(`${plain.url}/openapi.json`, forwarded)).doc.servers).toEqual([{ url: plain.url }]);
      const trusting = await start({ trustProxy: true });
      // Hono has no trust-proxy setting: it never reads them
      const expected = harness.name === 'hono' ? trusting.url : 'https://api.example.com';
      expect((await getDoc(`${trusting.url}/openapi.json`, forwarded)).doc.servers).toEqual([{ url: expected }]);
    });

    test('publicOrigin: the configured origin (with its path prefix), whatever the request says; not varying with Host', async () => {
      const configured = await start({ app: { publicOrigin: 'https://api.example.com/base/' } });
      const { doc, vary } = await getDoc(`${configured.url}/openapi.json`, { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
      expect(doc.servers).toEqual([{ url: 'https://api.example.com/base' }]);
      expect(vary).toBeUndefined();
      expect(configured.d.openapi().servers).toEqual([{ url: 'https://api.example.com/base' }]);
      expect((await validateOpenApi(doc)).valid).toBe(true);
    });

    test('servers given: emitted as they are', async () => {
      const given = await start({ app: { servers: [{ url: 'https://a.example', description: 'A' }, { url: 'https://b.example' }] } });
      expect((await getDoc(`${given.url}/openapi.json`)).doc.servers).toEqual([{ url: 'https://a.example', description: 'A' }, { url: 'https://b.example' }]);
    });

    test('mounted under a path: server URL + documented path is where each route answers', async () => {
      const mounted = await start({ mount: '/api' });
      const { doc } = await getDoc(`${mounted.url}/api/openapi.json`);
      const server = doc.servers[0].url as string;
      expect(server.startsWith(mounted.url)).toBe(true);
      const paths = plainGets(doc);
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        expect(`${server}${path}`.startsWith(`${mounted.url}/api/`), path).toBe(true);
        const res = await request(server + path);
        await res.body.dump();
        expect(res.statusCode, `${server}${path}`).not.toBe(404);
      }
    });
  });
}
