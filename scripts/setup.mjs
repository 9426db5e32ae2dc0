#!/usr/bin/env node
// `pnpm run bootstrap` (or `bootstrap:browser`): installs the workspace from
// the lockfile. Nothing compiles at install (the SQLite driver, libsql, ships
// prebuilt binaries inside its npm packages), so this works with an empty
// HOME and no network but the npm registry. pnpm 12 has usually installed the
// workspace already before running this script (it does so for any
// `pnpm run` when node_modules is missing); the install here is then a no-op.
//
// With --browser (`bootstrap:browser`, the test line), the Debian packages the
// test suite runs for real are installed when missing: chromium for the
// browser tests, and the services listed below.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the test suite needs from Debian: the file that tells it is there, and its package. */
const SYSTEM_PACKAGES = [
  { file: '/usr/bin/chromium', pkg: 'chromium' },
  { file: '/usr/bin/redis-server', pkg: 'redis-server' }, // @depends/rate-limit's Redis store tests
];

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

run('pnpm install --frozen-lockfile');

if (process.argv.includes('--browser')) {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.file)).map((p) => p.pkg);
  if (missing.length > 0) {
    if (existsSync('/usr/bin/apt-get')) {
      const root = typeof process.getuid === 'function' && process.getuid() === 0;
      const sudo = root ? '' : 'sudo ';
      run(`${sudo}apt-get update`);
      run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`);
    } else {
      console.warn(`Missing for the test suite: ${missing.join(', ')} (install them with your system's package manager)`);
    }
  }
}
