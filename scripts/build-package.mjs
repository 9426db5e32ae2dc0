#!/usr/bin/env node
// `pnpm build` in a package (its `build` script runs this from the package's
// folder): the dual build that its `exports` point at.
//
//   dist/        ES modules and their .d.ts, compiled by tsc from src/
//                (tsconfig.build.json): what `import` loads.
//   dist/cjs/    the same modules as CommonJS, converted file by file from
//                dist/ by esbuild (no bundling: one output file per module,
//                so module state exists once per build), beside a copy of the
//                .d.ts files and a package.json {"type":"commonjs"} that makes
//                Node and TypeScript read both as CommonJS: what `require`
//                loads.
//
// A CommonJS file requires the other packages by name (`require("@depends/core")`),
// which resolves through their `require` condition to their CommonJS build:
// an app that loads depends with `require` gets one copy of every package,
// and an app that loads it with `import` gets the other; the two copies never
// meet unless one app does both (the dual-package hazard: an error class of
// one copy is not `instanceof` the other's). Dependencies that are ES modules
// only (@noble/hashes, jose) are loaded with require(esm), which Node has
// without a flag from 20.19 on (the packages' `engines`).
//
// Options: --no-cjs <file under dist/> (repeatable) leaves a module out of the
// CommonJS build (`docs/bundled-files.js`: import attributes, for bundlers only).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const pkgDir = process.cwd();
const dist = join(pkgDir, 'dist');
const cjs = join(dist, 'cjs');

const skip = new Set();
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--no-cjs') skip.add(process.argv[++i]);
  else {
    console.error(`unknown argument ${process.argv[i]}`);
    process.exit(2);
  }
}

rmSync(dist, { recursive: true, force: true });

const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const tsc = spawnSync(process.execPath, [tscBin, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: pkgDir });
if (tsc.status !== 0) {
  if (tsc.error) console.error(tsc.error.message);
  process.exit(tsc.status ?? 1);
}

/** Every file under `dir`, as paths relative to `dist`. */
function files(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path));
    else out.push(relative(dist, path));
  }
  return out;
}
const emitted = files(dist);

const modules = emitted.filter((f) => f.endsWith('.js') && !skip.has(f));
const usesImportMeta = (f) => readFileSync(join(dist, f), 'utf8').includes('import.meta');
const options = {
  absWorkingDir: dist,
  outdir: cjs,
  outbase: '.',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};
await build({ ...options, entryPoints: modules.filter((f) => !usesImportMeta(f)) });
// `import.meta.url` has no CommonJS equivalent that esbuild writes by itself:
// the files that read it compute their own from __filename.
const withMeta = modules.filter(usesImportMeta);
if (withMeta.length > 0) {
  await build({
    ...options,
    entryPoints: withMeta,
    define: { 'import.meta.url': '__dependsImportMetaUrl' },
    banner: { js: '"use strict";\nvar __dependsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
}

for (const file of emitted.filter((f) => f.endsWith('.d.ts'))) {
  const to = join(cjs, file);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(dist, file), to);
}
writeFileSync(join(cjs, 'package.json'), '{\n  "type": "commonjs"\n}\n');

for (const file of modules) {
  if (!existsSync(join(cjs, file))) {
    console.error(`the CommonJS build has no ${file}`);
    process.exit(1);
  }
}
