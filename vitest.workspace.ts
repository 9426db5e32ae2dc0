/**
 * The list of test projects: one per package, plus the shared adapter suite
 * and the example. `vitest.config.ts` reads it into `test.projects`.
 */
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Entry points (package and subpath exports) and their source files. */
const entries: Record<string, string> = {
  '@depends/core': './packages/core/src/index.ts',
  '@depends/core/adapter': './packages/core/src/adapter/index.ts',
  '@depends/core/node': './packages/core/src/node/index.ts',
  '@depends/core/schemes': './packages/core/src/security/authoring.ts',
  '@depends/core/openapi': './packages/core/src/openapi/index.ts',
  '@depends/core/docs': './packages/core/src/docs/index.ts',
  '@depends/core/services': './packages/core/src/services/index.ts',
  '@depends/express': './packages/express/src/index.ts',
  '@depends/koa': './packages/koa/src/index.ts',
  '@depends/hono': './packages/hono/src/index.ts',
  '@depends/jwt': './packages/jwt/src/index.ts',
  '@depends/fastify': './packages/fastify/src/index.ts',
  '@depends/rate-limit': './packages/rate-limit/src/index.ts',
};

/**
 * Source aliases so tests run against `src/` without a build: one exact
 * match per entry point, so `@depends/core` never swallows its subpaths.
 */
export const alias = Object.entries(entries).map(([name, file]) => ({
  find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
  replacement: src(file),
}));

/** Type tests run unless `DEPENDS_TYPE_TESTS=off` (the CI step that runs the suite again without code generation). */
const typeTests = process.env.DEPENDS_TYPE_TESTS !== 'off';

const project = (name: string, root: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  resolve: { alias },
  test: {
    name,
    root,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // sized for a loaded machine (the suite also runs beside another copy of itself): a test waits for what it needs, never races the clock
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: { enabled: typeTests, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: src('./tsconfig.json') },
    ...extra,
  },
});

export default [
  project('core', './packages/core'),
  project('express', './packages/express'),
  project('koa', './packages/koa'),
  project('hono', './packages/hono'),
  project('jwt', './packages/jwt'),
  project('fastify', './packages/fastify'),
  project('rate-limit', './packages/rate-limit'),
  project('adapters', './tests/adapters'),
  project('docs', './docs', {
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: src('./docs/tsconfig.json') },
  }),
  project('todo-api', './examples/todo-api'),
  project('oidc-api', './examples/oidc-api'),
  project('existing-api', './examples/existing-api'),
  project('mcp-server', './examples/mcp-server'),
];
