#!/usr/bin/env node
// `pnpm test:runtimes [node bun deno workerd]`: the Hono runtime suite
// (tests/runtimes) once per runtime, each printing its own
// `<runtime>: N passed, N failed`; the last line is the totals. A runtime
// that cannot start fails its run (never a skip).
//
// The runtimes other than Node come from npm packages (bun, deno, workerd:
// about 140 MB) that the repository's own install leaves out, so that
// installing to start the example downloads none of them: they are
// installed here first, into tests/runtimes/binaries, from that folder's own
// lockfile (a no-op once they are there).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ALL = ['node', 'bun', 'deno', 'workerd'];
const runtimes = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const unknown = runtimes.filter((r) => !ALL.includes(r));
if (unknown.length) {
  console.error(`unknown runtime ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
const lines = [];

if (runtimes.some((r) => r !== 'node')) {
  const binaries = fileURLToPath(new URL('../tests/runtimes/binaries', import.meta.url));
  console.log(`::: the runtimes' packages (bun, deno, workerd) into ${binaries}`);
  const install = spawnSync('pnpm', ['install', '--frozen-lockfile', '--dir', binaries], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('installing the runtimes failed');
    console.log(`0 passed, ${runtimes.length} failed`);
    process.exit(1);
  }
}
for (const runtime of runtimes) {
  const out = join(tmpdir(), `depends-runtime-${runtime}-${process.pid}.json`);
  console.log(`::: Hono on ${runtime}`);
  const result = spawnSync(
    'pnpm',
    ['exec', 'vitest', 'run', '--config', 'tests/runtimes/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { stdio: 'inherit', env: { ...process.env, DEPENDS_RUNTIME: runtime } },
  );
  let p = 0;
  let f = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    rmSync(out, { force: true });
  } catch {
    console.error(`${runtime}: vitest wrote no JSON report`);
  }
  if (result.status !== 0 && f === 0) f = 1;
  const line = `${runtime}: ${p} passed, ${f} failed`;
  console.log(line);
  lines.push(line);
  passed += p;
  failed += f;
}
console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
