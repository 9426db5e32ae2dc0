/**
 * The entries load on any runtime: bundled for a worker (no Node built-ins
 * available), nothing they reach imports a `node:*` module. The docs page
 * reads files through `process.getBuiltinModule` where there is a file
 * system, so `/docs` is free of them too.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function importsOf(entryPoint: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['@depends/source', 'workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
}

describe('loads anywhere', () => {
  test.each([
    ['@depends/core', './index.ts'],
    ['@depends/core/adapter', './adapter/index.ts'],
    ['@depends/core/schemes', './security/authoring.ts'],
    ['@depends/core/openapi', './openapi/index.ts'],
    ['@depends/core/docs', './docs/index.ts'],
    ['@depends/core/services', './services/index.ts'],
    ['@depends/hono', '../../hono/src/index.ts'],
  ])('%s reaches no node:* module (bundled for a worker)', async (_, path) => {
    const imports = await importsOf(entry(path));
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((p) => p.startsWith('node:') || /^(fs|path|crypto|module|http|stream|buffer)$/.test(p))).toEqual([]);
  });
});
