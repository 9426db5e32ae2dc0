/**
 * The root entry loads on any runtime: bundled for a worker (no Node
 * built-ins available), nothing it reaches imports a `node:*` module.
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
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
}

describe('loads anywhere', () => {
  test('the root entry reaches no node:* module (bundled for a worker)', async () => {
    const imports = await importsOf(entry('./index.ts'));
    expect(imports.length).toBeGreaterThan(20);
    expect(imports.filter((path) => path.startsWith('node:') || /^(fs|path|crypto|module|http)$/.test(path))).toEqual([]);
  });
});
