#!/usr/bin/env node
// `pnpm run bootstrap` (or `bootstrap:browser`): installs the workspace from the lockfile.
// Native modules (better-sqlite3) compile against the machine's own Node
// headers when they are installed (Debian's /usr/include/node), so nothing
// is downloaded but packages. With --browser (`bootstrap:browser`), Debian's chromium is installed
// for the browser tests when it is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const run = (cmd) => execSync(cmd, { stdio: 'inherit', env });

run('pnpm install --frozen-lockfile');

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (existsSync('/usr/bin/apt-get')) {
    const sudo = root ? '' : 'sudo ';
    run(`${sudo}apt-get update`);
    run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium`);
  } else {
    console.warn('chromium is not installed and apt-get is not available: the browser tests need /usr/bin/chromium');
  }
}
