/**
 * Test helpers for the OpenAPI tests (not part of the build): fixture
 * schemes made with `createDependency`, a one-call app builder, and the
 * real validator every generated document goes through.
 */
import { validateOpenApi } from './validate.js';
import { expect } from 'vitest';
import { DependsApp, type AppOptions } from '../../app/app.js';
import { createDependency } from '../../dependency/depends.js';
import type { Dependency, SchemeInfo } from '../../dependency/types.js';
import { Router } from '../../router/router.js';
import type { OpenAPIDocument, OperationObject } from '../types.js';

/**
 * A fixture security scheme (no reading logic: documents only).
 *
 * @example
 * ```ts
 * const bearer = fixtureScheme('HTTPBearer', { type: 'http', scheme: 'bearer' })
 * ```
 */
export function fixtureScheme(
  name: string,
  openapi: Record<string, unknown>,
  options: { optional?: boolean; consumes?: SchemeInfo['consumes']; enforcesScopes?: boolean } = {},
): Dependency<string> {
  const scheme: SchemeInfo = {
    name,
    openapi,
    challenge: undefined,
    consumes: options.consumes ?? [{ in: 'header', name: 'authorization' }],
    optional: options.optional ?? false,
    bearerChallenges: false,
  };
  return createDependency<string>({}, () => 'credential', { name, meta: { security: { kind: 'scheme', scheme } } });
}

/**
 * An app with the routes a callback declares on one router.
 *
 * @example
 * ```ts
 * const app = appWith((r) => r.get('/', {}, () => 1))
 * ```
 */
export function appWith(declare: (router: Router) => void, options: AppOptions = {}): DependsApp {
  const router = new Router();
  declare(router);
  const app = new DependsApp({ title: 'Test', version: '1.0.0', ...options });
  app.include(router);
  return app;
}

/**
 * Validates a document with `@readme/openapi-parser` (OpenAPI 3.1 aware);
 * fails the test with the validator's messages.
 *
 * @example
 * ```ts
 * await expectValid(app.openapi())
 * ```
 */
export async function expectValid(doc: OpenAPIDocument): Promise<void> {
  const result = await validateOpenApi(doc);
  if (!result.valid) expect.fail(`invalid OpenAPI document:\n${result.errors}\n${JSON.stringify(doc, null, 2)}`);
  expect(result.specification).toBe('OpenAPI');
}

/**
 * The operation at a method and path (fails when absent).
 *
 * @example
 * ```ts
 * op(doc, 'get', '/items').security
 * ```
 */
export function op(doc: OpenAPIDocument, method: string, path: string): OperationObject {
  const found = doc.paths[path]?.[method];
  if (!found) expect.fail(`no operation ${method.toUpperCase()} ${path} in ${Object.keys(doc.paths).join(', ')}`);
  return found;
}

/**
 * Builds an app, validates its document and returns it.
 *
 * @example
 * ```ts
 * const doc = await documentOf((r) => r.get('/', {}, () => 1))
 * ```
 */
export async function documentOf(declare: (router: Router) => void, options: AppOptions = {}): Promise<OpenAPIDocument> {
  const doc = appWith(declare, options).openapi();
  await expectValid(doc);
  return doc;
}
