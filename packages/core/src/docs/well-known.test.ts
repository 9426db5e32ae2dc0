import { describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, insufficientScope, invalidToken } from '../index.js';
import { bearerChallenge } from '../security/challenges.js';
import { docsRoutes } from './routes.js';
import { checkWellKnown, wellKnownRoutes, type WellKnownDocument } from './well-known.js';

const app = new DependsApp({ title: 'Notes', version: '1.0.0' });
let builds = 0;
const about: WellKnownDocument = {
  path: '/.well-known/about',
  build: (document, context) => {
    builds++;
    return { title: document.info.title, docs: context.docsPath };
  },
};

describe('documents derived from the declarations, served beside the docs', () => {
  test('a JSON answer at its path, built once per document object', () => {
    const [route] = wellKnownRoutes(() => app.openapi(), about, { docsPath: '/docs' });
    const before = builds;
    const answer = route.answer();
    expect(route.path).toBe('/.well-known/about');
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual(expect.arrayContaining([['content-type', 'application/json'], ['x-content-type-options', 'nosniff']]));
    expect(JSON.parse(String(answer.body))).toEqual({ title: 'Notes', docs: '/docs' });
    expect(route.answer()).toBe(answer);
    expect(builds).toBe(before + 1);
  });

  test('docsRoutes() serves them first, with the docs path they link to', () => {
    const routes = docsRoutes(() => app.openapi(), { docsPath: '/api-docs/', resourceMetadata: [about] });
    expect(routes.map((r) => r.path)).toEqual(['/.well-known/about', '/openapi.json', '/api-docs', '/api-docs/:file']);
    expect(JSON.parse(String(routes[0].answer({}).body))).toEqual({ title: 'Notes', docs: '/api-docs' });
    expect(docsRoutes(() => app.openapi()).map((r) => r.path)).toEqual(['/openapi.json', '/docs', '/docs/:file']);
  });

  test('checkWellKnown() builds each, so a mistake it finds stops the start', () => {
    const broken: WellKnownDocument = {
      path: '/.well-known/broken',
      build: () => {
        throw new ConfigurationError(ErrorCode.ResourceMetadata, 'no issuer');
      },
    };
    expect(() => checkWellKnown(app.openapi(), [about], { docsPath: '/docs' })).not.toThrow();
    expect(() => checkWellKnown(app.openapi(), [about, broken], { docsPath: '/docs' })).toThrow('no issuer');
  });
});

describe('resource_metadata in Bearer challenges (RFC 9728 §5.1)', () => {
  const url = 'https://api.example.com/.well-known/oauth-protected-resource/mcp';
  test('bearerChallenge, invalidToken and insufficientScope take it', () => {
    expect(bearerChallenge({ resourceMetadata: url })).toBe(`Bearer resource_metadata="${url}"`);
    expect(invalidToken('The token has expired', { resourceMetadata: url }).headers).toEqual({
      'www-authenticate': `Bearer error="invalid_token", error_description="The token has expired", resource_metadata="${url}"`,
    });
    expect(insufficientScope(['notes:write'], { resourceMetadata: url }).headers).toEqual({
      'www-authenticate': `Bearer error="insufficient_scope", scope="notes:write", resource_metadata="${url}"`,
    });
    expect(insufficientScope(['notes:write']).headers).toEqual({ 'www-authenticate': 'Bearer error="insufficient_scope", scope="notes:write"' });
  });
});
