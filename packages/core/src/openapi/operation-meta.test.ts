import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { createDependency } from '../dependency/depends.js';
import { httpBearer } from '../security/http.js';
import { validateOpenApi } from './test/validate.js';

// meta.operation: what a dependency adds to the operations of the routes using it (@depends/jwt's stepUp() documents itself so).
describe('a dependency’s meta.operation', () => {
  const bearer = httpBearer();
  const level = createDependency({ token: bearer }, ({ token }) => token, {
    name: 'level',
    meta: {
      operation: {
        challenges: ['Bearer error="insufficient_user_authentication", acr_values="urn:example:mfa"'],
        extensions: { 'x-step-up': { acr_values: ['urn:example:mfa'] }, ['summary' as `x-${string}`]: 'not an extension: ignored' },
      },
    },
  });
  const app = new DependsApp();
  app.route('GET', '/strong', { auth: level }, () => ({}));
  app.route('GET', '/plain', { auth: bearer }, () => ({}));

  test("adds its 401 challenges after the schemes' own, and its x- extensions; nothing to routes without it; the document validates", async () => {
    const doc = app.openapi();
    const strong = doc.paths['/strong'].get!;
    expect(strong['x-step-up']).toEqual({ acr_values: ['urn:example:mfa'] });
    expect(strong.summary).not.toBe('not an extension: ignored');
    const header = JSON.stringify(strong.responses['401']);
    expect(header.indexOf('Bearer error=\\"invalid_token\\"')).toBeLessThan(header.indexOf('insufficient_user_authentication'));
    expect(header).toContain('acr_values=\\"urn:example:mfa\\"');
    const plain = doc.paths['/plain'].get!;
    expect(plain['x-step-up']).toBeUndefined();
    expect(JSON.stringify(plain.responses['401'])).not.toContain('insufficient_user_authentication');
    const verdict = await validateOpenApi(doc);
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
  });
});
