/**
 * The runtime suite: the shared scenarios on the Hono adapter served by one
 * runtime (`DEPENDS_RUNTIME`: node, bun, deno or workerd), started once by
 * `test/setup.ts`. Run every runtime with `pnpm test:runtimes`.
 */
import { defineConfig } from 'vitest/config';
import { alias } from '../../vitest.workspace.js';

const runtime = process.env.DEPENDS_RUNTIME ?? 'node';

export default defineConfig({
  resolve: { alias },
  test: {
    name: `runtime-${runtime}`,
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/setup.ts'],
    // One server per run, whose probe the files share: one file at a time.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
