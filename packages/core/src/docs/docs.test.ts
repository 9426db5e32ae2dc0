import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { docsAsset, docsAssetNames, installedDocsFiles, swaggerUiConfig, swaggerUiDistPath, swaggerUiHtml, swaggerUiOAuth2RedirectHtml, SWAGGER_UI_INIT_SCRIPT } from './index.js';

const configOf = (html: string): Record<string, unknown> => {
  const m = /<script id="depends-swagger-ui-config" type="application\/json">(.*?)<\/script>/s.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]) as Record<string, unknown>;
};

describe('swaggerUiHtml', () => {
  const html = swaggerUiHtml({ openapiUrl: '/openapi.json', title: 'Todo API', assetsPath: '/docs' });

  test('loads only local assets: no http:// or https:// URL anywhere, no inline script', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">');
    expect(html).toContain('<script src="/docs/swagger-ui-bundle.js" charset="utf-8"></script>');
    expect(html).toContain(`<script src="/docs/${SWAGGER_UI_INIT_SCRIPT}" charset="utf-8"></script>`);
    const scripts = [...html.matchAll(/<script([^>]*)>(.*?)<\/script>/gs)];
    for (const [, attrs, content] of scripts) {
      // Every executed script is an external file; the one with content is a JSON data block.
      if (content.trim() !== '') expect(attrs).toContain('type="application/json"');
    }
    // Every referenced file is one docsAsset() serves.
    for (const [, file] of html.matchAll(/(?:src|href)="\/docs\/([^"]+)"/g)) expect(docsAssetNames).toContain(file);
  });

  test('configuration: the document URL, persistAuthorization off by default (it stores passwords in localStorage), the OAuth2 redirect page, no online validator', () => {
    expect(configOf(html)).toStrictEqual({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      layout: 'BaseLayout',
      deepLinking: true,
      showExtensions: true,
      showCommonExtensions: true,
      validatorUrl: null,
      persistAuthorization: false,
      oauth2RedirectUrl: '/docs/oauth2-redirect.html',
    });
    expect(html).toContain('<title>Todo API</title>');
  });

  test('options: assetsUrl alias with a trailing slash, initOAuth, extra parameters; persistAuthorization can be turned off', () => {
    const page = swaggerUiHtml({
      openapiUrl: '/api/openapi.json',
      assetsUrl: '/api/docs/',
      initOAuth: { clientId: 'docs', scopes: ['me', 'items'], usePkceWithAuthorizationCodeGrant: true },
      parameters: { docExpansion: 'none' },
      persistAuthorization: false,
    });
    expect(page).toContain('href="/api/docs/swagger-ui.css"');
    expect(configOf(page)).toMatchObject({
      url: '/api/openapi.json',
      docExpansion: 'none',
      persistAuthorization: false,
      oauth2RedirectUrl: '/api/docs/oauth2-redirect.html',
      initOAuth: { clientId: 'docs', scopes: ['me', 'items'], usePkceWithAuthorizationCodeGrant: true },
    });
    expect(swaggerUiConfig({ openapiUrl: '/x' }).oauth2RedirectUrl).toBe('/docs/oauth2-redirect.html');
  });

  test('the title and configuration are escaped (no markup or script injection)', () => {
    const page = swaggerUiHtml({ openapiUrl: '/o.json?a=1&b=</script><script>alert(1)</script>', title: '<b>"x"</b>' });
    expect(page).toContain('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>');
    expect(page).not.toContain('<script>alert(1)');
    expect(configOf(page).url).toBe('/o.json?a=1&b=</script><script>alert(1)</script>');
  });

  test('the OAuth2 redirect page for adapters that serve it elsewhere loads oauth2-redirect.js from the assets', () => {
    const page = swaggerUiOAuth2RedirectHtml({ assetsPath: '/docs/assets' });
    expect(page).toContain('<script src="/docs/assets/oauth2-redirect.js"></script>');
    expect(page).not.toMatch(/https?:\/\//);
  });
});

describe('docsAsset', () => {
  test('serves swagger-ui-bundle.js from the installed swagger-ui-dist, with its content type', () => {
    const asset = docsAsset('swagger-ui-bundle.js');
    expect(asset?.contentType).toBe('text/javascript; charset=utf-8');
    expect(Buffer.compare(Buffer.from(asset!.body), readFileSync(join(swaggerUiDistPath(), 'swagger-ui-bundle.js')))).toBe(0);
    expect(docsAsset('swagger-ui-bundle.js')).toBe(asset); // read once
    expect(docsAsset('swagger-ui.css')?.contentType).toBe('text/css; charset=utf-8');
    expect(docsAsset('favicon-32x32.png')?.contentType).toBe('image/png');
    expect(docsAsset('oauth2-redirect.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(Buffer.from(docsAsset('oauth2-redirect.html')!.body).toString()).toContain('oauth2-redirect.js');
  });

  test('serves the initialiser, which starts Swagger UI from the JSON block and calls initOAuth', () => {
    const init = Buffer.from(docsAsset(SWAGGER_UI_INIT_SCRIPT)!.body).toString();
    expect(init).toContain("document.getElementById('depends-swagger-ui-config')");
    expect(init).toContain('SwaggerUIBundle(config)');
    expect(init).toContain('initOAuth');
    expect(init).not.toMatch(/https?:\/\//);
  });

  test.each(['../package.json', '..%2Fpackage.json', 'package.json', '/etc/passwd', './swagger-ui-bundle.js', 'swagger-ui-bundle.js.map', 'index.html', '', 'constructor', '__proto__', 'hasOwnProperty'])(
    'refuses %j',
    (name) => {
      expect(docsAsset(name)).toBeUndefined();
    },
  );

  test('every listed asset exists', () => {
    for (const name of docsAssetNames) expect(docsAsset(name)?.body.length).toBeGreaterThan(0);
  });

  test('files can come from another source (a bundle): text is sent as UTF-8, listed names only, read once per source', () => {
    const reads: string[] = [];
    const files = (name: string) => {
      reads.push(name);
      return name === 'swagger-ui.css' ? 'body { color: ünïcode }' : name === 'favicon-16x16.png' ? new Uint8Array([137, 80, 78, 71]) : undefined;
    };
    const css = docsAsset('swagger-ui.css', files);
    expect(css?.contentType).toBe('text/css; charset=utf-8');
    expect(new TextDecoder().decode(css!.body)).toBe('body { color: ünïcode }');
    expect(docsAsset('swagger-ui.css', files)).toBe(css);
    expect([...docsAsset('favicon-16x16.png', files)!.body]).toEqual([137, 80, 78, 71]);
    expect(docsAsset('swagger-ui-bundle.js', files)).toBeUndefined(); // the source has no such file
    expect(docsAsset('../package.json', files)).toBeUndefined();
    expect(new TextDecoder().decode(docsAsset(SWAGGER_UI_INIT_SCRIPT, files)!.body)).toContain('SwaggerUIBundle'); // ours, never asked of the source
    expect(reads).toEqual(['swagger-ui.css', 'favicon-16x16.png', 'swagger-ui-bundle.js']);
    // the default source is separate: it still reads from disk
    expect(docsAsset('swagger-ui-bundle.js')?.body.length).toBeGreaterThan(1000);
  });

  test('installedDocsFiles reads the installed swagger-ui-dist by bare name', () => {
    const read = installedDocsFiles();
    expect(Buffer.compare(Buffer.from(read('swagger-ui.css') as Uint8Array), readFileSync(join(swaggerUiDistPath(), 'swagger-ui.css')))).toBe(0);
  });
});
