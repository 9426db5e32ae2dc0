/**
 * Test helper: the static import closure of a source entry point (relative
 * imports followed, type-only imports skipped), and the bare specifiers
 * (packages, `node:*`) it reaches.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

/**
 * Every file reached from `entry` through runtime imports, and every bare
 * specifier those files import.
 *
 * @example
 * ```ts
 * importClosure(new URL('../index.ts', import.meta.url).pathname).packages.has('tsyringe') // false
 * ```
 */
export function importClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      if (m[2]) continue; // `import type` / `export type`: erased
      const spec = m[3];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}
