/**
 * `pnpm bench`: runs every benchmark module in this folder, in one process,
 * one after the other, and prints their tables. Each module exports
 * `run(): Promise<BenchResult | BenchResult[]>`; ratios are measured within
 * one run. Benchmarks run with `NODE_ENV=production` (as servers do).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  title: string;
  /** Rows to print (printed with console.table). */
  rows: Record<string, string | number>[];
  /** Lines of conclusions (ratios, targets met or not). */
  notes: string[];
}

process.env.NODE_ENV ??= 'production';
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => f.endsWith('.bench.ts'));
// `pnpm bench resolver` runs resolver.bench.ts alone (a module of that exact name); a name no module has runs every module whose name contains it
const named = (o: string) => (all.includes(`${o}.bench.ts`) ? [`${o}.bench.ts`] : all.filter((f) => f.includes(o)));
const files = (only.length === 0 ? all : [...new Set(only.flatMap(named))]).sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { run(): Promise<BenchResult | BenchResult[]> };
  const results = await mod.run();
  for (const result of Array.isArray(results) ? results : [results]) {
    console.log(`\n## ${result.title}\n`);
    console.table(result.rows);
    for (const note of result.notes) console.log(`- ${note}`);
  }
}
