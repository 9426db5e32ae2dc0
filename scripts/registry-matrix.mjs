#!/usr/bin/env node
// `pnpm test:registry`: the packages installed into apps outside the
// workspace from a real npm registry, as a user installs them.
//
// 1. Installs its tools (Verdaccio, yarn 1.x, bun) into tests/registry/tools
//    from that folder's own lockfile (kept out of the workspace install),
//    builds the packages (`pnpm build`), starts Verdaccio with its config
//    and storage in a temporary folder,
//    serving @depends/* itself and proxying everything else to the npm
//    registry, and publishes every package to it: `pnpm pack` (which turns
//    `workspace:^` into the real range) then `npm publish` of the tarball.
// 2. For each consumer below, in a fresh folder outside the workspace whose
//    .npmrc points `@depends:registry` at Verdaccio, under an empty HOME of
//    its own (npm, pnpm, yarn and bun caches in it, so no cache can hide an
//    install problem) and with no workspace binary on PATH: installs with the
//    consumer's package manager, compiles with the consumer's own TypeScript
//    (the TypeScript apps), starts the app and checks its answers over HTTP
//    (see `checks`).
//
// The ends of the peer ranges come from the packages' own package.json: for
// zod (`^3.25.N || ^4.0.0`) 3.25.N and 3.25.76 (the last 3.x) with `zod/v4`
// schemas, 4.0.0 and the latest 4.x with `zod`; for Express, Koa, Fastify and
// Hono the lower end of each major and the latest.
//
// Prints one line per step (`PASS`/`FAIL`, what was installed, how long it
// took) and last `N passed, N failed`. Options: `--only name,name` runs some
// consumers; `--no-build` uses the packages' dist as it is; `--keep` leaves
// the temporary folder (its path is printed).
/* global fetch, AbortSignal, setTimeout, clearTimeout -- Node's own */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const apps = join(root, 'tests', 'registry', 'apps');
const requireHere = createRequire(join(root, 'package.json'));
/** Verdaccio, yarn and bun: a folder with its own lockfile, installed first (see its package.json). */
const toolsDir = join(root, 'tests', 'registry', 'tools');
const requireTool = createRequire(join(toolsDir, 'package.json'));

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const only = option('--only')?.split(',');
const build = !args.includes('--no-build');
const keep = args.includes('--keep');

// ---------------------------------------------------------------------------
// The packages and the ends of their peer ranges

const PACKAGES = ['core', 'express', 'koa', 'hono', 'fastify', 'jwt', 'rate-limit'];
const manifests = Object.fromEntries(PACKAGES.map((p) => [p, JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'))]));
const version = manifests.core.version;
for (const [p, m] of Object.entries(manifests)) {
  if (m.version !== version) throw new Error(`packages/${p} is at ${m.version}, packages/core at ${version}: publish them at one version`);
}
/** The lower end of each part of a range `^a.b.c || ^d.e.f`: ['a.b.c', 'd.e.f']. */
const lowerEnds = (range) =>
  range.split('||').map((part) => {
    const m = /^\s*\^(\d+\.\d+\.\d+)\s*$/.exec(part);
    if (!m) throw new Error(`peer range ${range}: every part must be ^x.y.z`);
    return m[1];
  });
const peer = (pkg, name) => manifests[pkg].peerDependencies[name];
const [zodLow, zod4Low] = lowerEnds(peer('core', 'zod'));
/** The last zod 3 (3.x has no later release): the upper end of the range's 3.x part. */
const ZOD3_LAST = '3.25.76';
if (peer('jwt', 'zod') !== peer('core', 'zod')) throw new Error('@depends/jwt and @depends/core must take the same zod range');
const [express4Low, express5Low] = lowerEnds(peer('express', 'express'));
const [fastifyLow] = lowerEnds(peer('fastify', 'fastify'));
const [, koa3Low] = lowerEnds(peer('koa', 'koa'));
const [koaRouterLow] = lowerEnds(peer('koa', '@koa/router'));
const [honoLow] = lowerEnds(peer('hono', 'hono'));
const [nodeServerLow] = lowerEnds(peer('hono', '@hono/node-server'));
const major = (v) => `^${v.split('.')[0]}.0.0`;

const ours = (...names) => Object.fromEntries(['core', ...names].map((n) => [`@depends/${n}`, `^${version}`]));
const TYPESCRIPT = { typescript: requireHere('typescript/package.json').version, '@types/node': '^20.19.0' };

/** A zod 3.25 app writes its schemas with `zod/v4`; a zod 4 app with `zod`. */
const zodImport = (zodVersion) => (zodVersion.startsWith('3.') ? 'zod/v4' : 'zod');

/**
 * The consumers. `template`: a folder of tests/registry/apps; `main`: the
 * file to start; `tsconfig`: compiler options (a TypeScript app, compiled
 * to dist/); `runtime`: what runs it (node unless bun).
 */
const CONSUMERS = [
  {
    name: 'npm-esm',
    pm: 'npm',
    what: 'ESM app',
    template: 'esm',
    main: 'app.mjs',
    type: 'module',
    dependencies: { ...ours('express', 'jwt', 'rate-limit', 'koa', 'hono', 'fastify'), express: major(express5Low), zod: major(zod4Low), koa: '^3.0.0', '@koa/router': peer('koa', '@koa/router'), hono: peer('hono', 'hono'), fastify: peer('fastify', 'fastify'), tsyringe: peer('core', 'tsyringe'), 'reflect-metadata': peer('core', 'reflect-metadata') },
    env: { MORE_ENTRIES: '@depends/koa,@depends/hono,@depends/fastify,@depends/core/services' },
  },
  {
    name: 'pnpm-esm',
    pm: 'pnpm',
    what: 'ESM app',
    template: 'esm',
    main: 'app.mjs',
    type: 'module',
    dependencies: { ...ours('express', 'jwt', 'rate-limit'), express: major(express5Low), zod: major(zod4Low) },
    // pnpm 11+ refuses to install while a dependency's install script is neither allowed nor denied: the README's setting for swagger-ui-dist's
    files: { 'pnpm-workspace.yaml': "allowBuilds:\n  '@scarf/scarf': false\n" },
  },
  { name: 'yarn-esm', pm: 'yarn', what: 'ESM app', template: 'esm', main: 'app.mjs', type: 'module', dependencies: { ...ours('express', 'jwt', 'rate-limit'), express: major(express5Low), zod: major(zod4Low) } },
  { name: 'bun-esm', pm: 'bun', what: 'ESM app, run by Bun', template: 'esm', main: 'app.mjs', type: 'module', runtime: 'bun', dependencies: { ...ours('express', 'jwt', 'rate-limit'), express: major(express5Low), zod: major(zod4Low) } },
  {
    name: 'npm-cjs',
    pm: 'npm',
    what: `CommonJS app (require), Node ${process.versions.node}`,
    template: 'cjs',
    main: 'app.cjs',
    type: 'commonjs',
    dependencies: { ...ours('express', 'jwt', 'rate-limit'), express: express4Low, zod: zodLow },
  },
  {
    name: 'npm-ts-node16',
    pm: 'npm',
    what: 'TypeScript, module/moduleResolution node16 (ESM), Express',
    template: 'ts',
    main: 'dist/express.js',
    source: 'src/express.ts',
    type: 'module',
    tsconfig: { module: 'node16', moduleResolution: 'node16' },
    dependencies: { ...ours('express'), express: express5Low, zod: ZOD3_LAST },
    devDependencies: { ...TYPESCRIPT, '@types/express': '^5.0.0' },
  },
  {
    name: 'npm-ts-nodenext',
    pm: 'npm',
    what: 'TypeScript, module/moduleResolution nodenext (ESM), Koa',
    template: 'ts',
    main: 'dist/koa.js',
    source: 'src/koa.ts',
    type: 'module',
    tsconfig: { module: 'nodenext', moduleResolution: 'nodenext' },
    dependencies: { ...ours('koa'), koa: koa3Low, '@koa/router': koaRouterLow, zod: major(zod4Low) },
    devDependencies: { ...TYPESCRIPT, '@types/koa': '^3.0.0' },
  },
  {
    name: 'npm-ts-nodenext-cjs',
    pm: 'npm',
    what: 'TypeScript, module/moduleResolution nodenext compiled to CommonJS, Fastify',
    template: 'ts',
    main: 'dist/fastify.js',
    source: 'src/fastify.ts',
    type: 'commonjs',
    tsconfig: { module: 'nodenext', moduleResolution: 'nodenext' },
    dependencies: { ...ours('fastify'), fastify: fastifyLow, zod: zodLow },
    devDependencies: TYPESCRIPT,
  },
  {
    name: 'npm-ts-bundler',
    pm: 'npm',
    what: 'TypeScript, moduleResolution bundler (module esnext, output run by Node), Hono',
    template: 'ts',
    main: 'dist/hono.js',
    source: 'src/hono.ts',
    type: 'module',
    // @hono/node-server's types name DOM types (RequestInfo), as Hono apps have them
    tsconfig: { module: 'esnext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM'] },
    dependencies: { ...ours('hono'), hono: honoLow, '@hono/node-server': nodeServerLow, zod: zod4Low },
    devDependencies: TYPESCRIPT,
  },
];

// ---------------------------------------------------------------------------
// Processes

const work = mkdtempSync(join(tmpdir(), 'depends-registry-'));
const children = new Set();

/** The environment of everything run for a consumer: an empty HOME, no npm_* or pnpm settings inherited, no workspace binary on PATH. */
function cleanEnv(home, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|YARN_|yarn_|BUN_|NODE_OPTIONS$|NODE_PATH$|XDG_|INIT_CWD$)/.test(k)) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => !p.includes(`node_modules${sep}.bin`) && !p.startsWith(root))
    .join(delimiter);
  Object.assign(env, {
    HOME: home,
    USERPROFILE: home,
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    npm_config_cache: join(home, '.npm'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    YARN_CACHE_FOLDER: join(home, '.yarn-cache'),
    BUN_INSTALL_CACHE_DIR: join(home, '.bun-cache'),
    BUN_INSTALL: join(home, '.bun'),
    ...extra,
  });
  mkdirSync(home, { recursive: true });
  return env;
}

/** Runs a command to its end; resolves { code, output }. Times out (killed) after `timeout` ms. */
function run(cmd, cmdArgs, { cwd, env, timeout = 300_000, log }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    children.add(child);
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (log) writeFileSync(log, chunk, { flag: 'a' });
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      take(`\n[timed out after ${timeout / 1000}s]\n`);
      stop(child, 'SIGKILL');
    }, timeout);
    child.on('error', (error) => take(`\n[${error.message}]\n`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Ends a child we started, and whatever it started (its process group). */
function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

/** Starts a long-running process and resolves once `ready(output)` returns a value (or rejects after `timeout`). */
function start(cmd, cmdArgs, { cwd, env, log, ready, timeout = 90_000 }) {
  const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  children.add(child);
  child.on('close', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeout / 1000}s`)), timeout);
    const take = (chunk) => {
      output += chunk;
      if (log) writeFileSync(log, chunk, { flag: 'a' });
      const value = ready(output);
      if (value !== undefined) {
        clearTimeout(timer);
        resolve({ child, value });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it was ready`));
    });
  });
}

async function stopAndWait(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.once('close', resolve));
  stop(child, 'SIGTERM');
  const timer = setTimeout(() => stop(child, 'SIGKILL'), 10_000);
  await closed;
  clearTimeout(timer);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)}s`;
const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');

// ---------------------------------------------------------------------------
// The registry

/** The binary of a launcher package's platform package (`bun` → `@oven/bun-linux-x64/bin/bun`), as tests/runtimes finds it. */
function bunBinary() {
  const launcher = dirname(requireTool.resolve('bun/package.json'));
  const arch = process.arch;
  const dir = dirname(createRequire(join(launcher, 'package.json')).resolve(`@oven/bun-${process.platform}-${arch}/package.json`));
  return join(dir, 'bin', 'bun');
}

async function startRegistry() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const dir = join(work, 'verdaccio');
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const upstream = process.env.npm_config_registry || 'https://registry.npmjs.org/';
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 100',
      'uplinks:',
      '  npmjs:',
      `    url: ${JSON.stringify(upstream)}`,
      '    timeout: 120s',
      'packages:',
      "  '@depends/*':", // served here only: never looked up upstream
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: npmjs',
      'max_body_size: 100mb',
      'server:',
      '  keepAliveTimeout: 60',
      'logs: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const verdaccio = dirname(requireTool.resolve('verdaccio/package.json'));
  const bin = JSON.parse(readFileSync(join(verdaccio, 'package.json'), 'utf8')).bin;
  const binPath = join(verdaccio, typeof bin === 'string' ? bin : bin.verdaccio);
  const home = join(work, 'home-registry');
  const log = join(work, 'verdaccio.log');
  const child = spawn(process.execPath, [binPath, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: cleanEnv(home),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  children.add(child);
  child.on('close', () => children.delete(child));
  child.stdout.on('data', (c) => writeFileSync(log, c, { flag: 'a' }));
  child.stderr.on('data', (c) => writeFileSync(log, c, { flag: 'a' }));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}):\n${tail(readLog(log))}`);
    try {
      const res = await fetch(`${url}-/ping`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`Verdaccio did not answer in 120s:\n${tail(readLog(log))}`);
    await sleep(500);
  }
  // a user to publish as (Verdaccio's htpasswd plugin creates it)
  const res = await fetch(`${url}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'ci-password', email: 'ci@example.invalid', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const { token } = await res.json();
  if (!token) throw new Error(`Verdaccio gave no token (${res.status})`);
  return { child, url, port, token };
}

const readLog = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Packs every package with pnpm and publishes the tarballs; checks what the registry then serves. */
async function publishAll(registry) {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const home = join(work, 'home-publish');
  const env = cleanEnv(home);
  writeFileSync(join(home, '.npmrc'), `//127.0.0.1:${registry.port}/:_authToken=${registry.token}\n`);
  const log = join(work, 'publish.log');
  for (const p of PACKAGES) {
    const packed = await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', p), env: { ...env, PATH: process.env.PATH }, log });
    if (packed.code !== 0) throw new Error(`pnpm pack of packages/${p} failed:\n${tail(packed.output)}`);
  }
  for (const file of readdirSync(tarballs).filter((f) => f.endsWith('.tgz'))) {
    const published = await run('npm', ['publish', join(tarballs, file), '--registry', registry.url, '--access', 'public', '--tag', 'latest'], { cwd: work, env, log });
    if (published.code !== 0) throw new Error(`npm publish ${file} failed:\n${tail(published.output)}`);
  }
  // what a user's package manager reads: every package at the version, no workspace: range left
  const problems = [];
  for (const p of PACKAGES) {
    const name = manifests[p].name;
    const res = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
    const doc = res.ok ? await res.json() : undefined;
    const published = doc?.versions?.[version];
    if (!published) {
      problems.push(`${name}@${version} is not served`);
      continue;
    }
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(published[field] ?? {})) {
        if (String(range).startsWith('workspace:')) problems.push(`${name} ${field}.${dep} is ${range}`);
      }
    }
    if (published.dependencies?.['@depends/core'] !== undefined && published.dependencies['@depends/core'] !== `^${version}`) {
      problems.push(`${name} depends on @depends/core ${published.dependencies['@depends/core']}, not ^${version}`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

// ---------------------------------------------------------------------------
// A consumer

async function installCommand(pm) {
  switch (pm) {
    case 'npm':
      return ['npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn']];
    case 'pnpm':
      return ['pnpm', ['install', '--no-frozen-lockfile', '--reporter=append-only']];
    case 'yarn':
      return [process.execPath, [join(dirname(requireTool.resolve('yarn/package.json')), 'bin', 'yarn.js'), 'install', '--non-interactive', '--no-progress']];
    case 'bun':
      return [bunBinary(), ['install', '--no-progress']];
  }
  throw new Error(`unknown package manager ${pm}`);
}

/** The checks of one running consumer. Each returns a problem, or nothing. */
async function checks(base) {
  const problems = [];
  const get = async (path, init = {}) => {
    const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(30_000) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const expect = (label, ok, got) => {
    if (!ok) problems.push(`${label}: got ${got}`);
  };
  const bearer = (token) => ({ authorization: `Bearer ${token}` });

  let r = await get('/status');
  expect('GET /status (public behind the guard) → 200', r.status === 200, `${r.status} ${r.text}`);
  r = await get('/me');
  expect('GET /me without a token → 401', r.status === 401, `${r.status} ${r.text}`);
  expect('… with WWW-Authenticate: Bearer', /^Bearer\b/.test(r.headers.get('www-authenticate') ?? ''), r.headers.get('www-authenticate'));
  r = await get('/me', { headers: bearer('demo-token') });
  expect('GET /me with the demo token → 200 {"name":"demo"}', r.status === 200 && r.text === '{"name":"demo"}', `${r.status} ${r.text}`);
  r = await get('/me', { headers: bearer('wrong') });
  // invalidToken() comes from the app's @depends/core; a 500 here would mean the adapter loaded another copy of it
  expect('GET /me with a wrong token → 401 invalid_token (one copy of @depends/core)', r.status === 401 && (r.headers.get('www-authenticate') ?? '').includes('error="invalid_token"'), `${r.status} ${r.headers.get('www-authenticate')} ${r.text}`);
  const post = (payload, headers = bearer('demo-token')) => get('/items', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  r = await post({ name: 'x', count: 2 }, {});
  expect('POST /items without a token → 401', r.status === 401, `${r.status} ${r.text}`);
  r = await post({ name: '', count: 1.5 });
  let detail;
  try {
    detail = JSON.parse(r.text).detail;
  } catch {
    /* not JSON */
  }
  expect('POST /items with a bad body → 422 listing both problems', r.status === 422 && Array.isArray(detail) && detail.length === 2, `${r.status} ${r.text}`);
  r = await post({ name: 'x', count: 2 });
  expect('POST /items with a good body → 201', r.status === 201 && r.text === '{"owner":"demo","name":"x","count":2}', `${r.status} ${r.text}`);
  r = await get('/openapi.json');
  let doc;
  try {
    doc = JSON.parse(r.text);
  } catch {
    /* not JSON */
  }
  const body = doc?.paths?.['/items']?.post?.requestBody?.content?.['application/json']?.schema;
  const bodySchema = body?.$ref ? doc.components?.schemas?.[body.$ref.split('/').pop()] : body;
  expect('GET /openapi.json → the bearer scheme and the body schema (from the app\'s zod)', r.status === 200 && Object.keys(doc?.components?.securitySchemes ?? {}).length > 0 && bodySchema?.properties?.count?.type === 'integer', `${r.status} ${r.text.slice(0, 300)}`);
  r = await get('/docs');
  const css = /href="([^"]*swagger-ui\.css)"/.exec(r.text)?.[1];
  expect('GET /docs → Swagger UI', r.status === 200 && css !== undefined, `${r.status} ${r.text.slice(0, 200)}`);
  if (css) {
    r = await get(new URL(css, `${base}/docs`).pathname);
    expect('… its CSS, read from the installed swagger-ui-dist', r.status === 200 && r.text.length > 1000, `${r.status} ${r.text.slice(0, 100)}`);
  }
  return problems;
}

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

async function runConsumer(consumer, registry) {
  const dir = join(work, 'apps', consumer.name);
  const home = join(work, 'homes', consumer.name);
  const log = join(work, `${consumer.name}.log`);
  cpSync(join(apps, consumer.template), dir, { recursive: true });
  const zodVersion = consumer.dependencies.zod;
  if (zodImport(zodVersion) !== 'zod') {
    // a zod 3.25 app: its schemas are written with zod/v4
    for (const file of listFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replaceAll("from 'zod';", "from 'zod/v4';").replaceAll("require('zod')", "require('zod/v4')"));
    }
  }
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${consumer.name}`, version: '1.0.0', private: true, type: consumer.type, dependencies: consumer.dependencies, devDependencies: consumer.devDependencies }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), `@depends:registry=${registry.url}\n`);
  for (const [file, text] of Object.entries(consumer.files ?? {})) writeFileSync(join(dir, file), text);
  if (consumer.tsconfig) {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: { target: 'ES2022', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: false, esModuleInterop: true, outDir: 'dist', rootDir: 'src', ...consumer.tsconfig },
          files: [consumer.source],
        },
        null,
        2,
      )}\n`,
    );
  }
  const env = cleanEnv(home, consumer.env);
  const steps = [];
  const t0 = Date.now();
  const [cmd, cmdArgs] = await installCommand(consumer.pm);
  const installed = await run(cmd, cmdArgs, { cwd: dir, env, log });
  steps.push(`install ${seconds(t0)}`);
  if (installed.code !== 0) return { problems: [`${consumer.pm} install failed (${installed.code}):\n${tail(installed.output)}`], steps };
  if (consumer.tsconfig) {
    const t1 = Date.now();
    const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, env, log, timeout: 180_000 });
    steps.push(`tsc ${seconds(t1)}`);
    if (compiled.code !== 0) return { problems: [`tsc failed:\n${tail(compiled.output)}`], steps };
  }
  const t2 = Date.now();
  const runtime = consumer.runtime === 'bun' ? bunBinary() : process.execPath;
  let app;
  try {
    app = await start(runtime, [consumer.main], {
      cwd: dir,
      env: { ...env, PORT: '0' },
      log,
      ready: (out) => /listening on (\d+)/.exec(out)?.[1],
    });
  } catch (error) {
    return { problems: [`the app did not start: ${error.message}\n${tail(readLog(log))}`], steps };
  }
  try {
    const problems = await checks(`http://127.0.0.1:${app.value}`);
    steps.push(`start+checks ${seconds(t2)}`);
    return { problems, steps, versions: { zod: installedVersion(dir, 'zod'), ...frameworkVersions(dir, consumer) } };
  } catch (error) {
    return { problems: [`checks failed: ${error.message}\n${tail(readLog(log))}`], steps };
  } finally {
    await stopAndWait(app.child);
  }
}

function frameworkVersions(dir, consumer) {
  const out = {};
  for (const name of ['express', 'koa', '@koa/router', 'fastify', 'hono', '@hono/node-server']) if (consumer.dependencies[name]) out[name] = installedVersion(dir, name);
  if (consumer.devDependencies?.typescript) out.typescript = installedVersion(dir, 'typescript');
  return out;
}

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.(m|c)?(j|t)s$/.test(entry.name)) out.push(path);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The run

let passed = 0;
let failed = 0;
const lines = [];
const report = (ok, label, detail) => {
  if (ok) passed++;
  else failed++;
  const line = `${ok ? 'PASS' : 'FAIL'} ${label}`;
  lines.push(line);
  console.log(line);
  if (!ok && detail) console.log(detail);
};

async function main() {
  const tStart = Date.now();
  console.log(`registry matrix: packages at ${version}; zod ends ${zodLow} (zod/v4), ${zod4Low} and the latest 4.x; work folder ${work}`);
  {
    const t = Date.now();
    const tools = await run('pnpm', ['install', '--frozen-lockfile', '--dir', toolsDir], { cwd: toolsDir, env: process.env, log: join(work, 'tools.log'), timeout: 600_000 });
    if (tools.code !== 0) {
      report(false, `install the matrix's tools into ${toolsDir} (${seconds(t)})`, tail(tools.output));
      return;
    }
    console.log(`tools installed (${seconds(t)})`);
  }
  if (build) {
    const t = Date.now();
    const built = await run('pnpm', ['build'], { cwd: root, env: process.env, log: join(work, 'build.log'), timeout: 600_000 });
    if (built.code !== 0) {
      report(false, `build (${seconds(t)})`, tail(built.output));
      return;
    }
    console.log(`built (${seconds(t)})`);
  }
  let registry;
  const t = Date.now();
  try {
    registry = await startRegistry();
    await publishAll(registry);
    report(true, `publish: ${PACKAGES.length} packages at ${version} to Verdaccio (${registry.url}), ranges without workspace: (${seconds(t)})`);
  } catch (error) {
    report(false, `publish (${seconds(t)})`, `    ${error.message}\n${tail(readLog(join(work, 'verdaccio.log')))}`);
    return;
  }
  try {
    for (const consumer of CONSUMERS) {
      if (only && !only.includes(consumer.name)) continue;
      const t1 = Date.now();
      let result;
      try {
        result = await runConsumer(consumer, registry);
      } catch (error) {
        result = { problems: [error.stack ?? String(error)], steps: [] };
      }
      const versions = result.versions ? Object.entries(result.versions).map(([k, v]) => `${k} ${v}`).join(', ') : '';
      const label = `${consumer.name}: ${consumer.pm} · ${consumer.what}${versions ? ` · ${versions}` : ''} (${seconds(t1)}: ${result.steps.join(', ')})`;
      report(result.problems.length === 0, label, result.problems.map((p) => `    ${p}`).join('\n'));
    }
  } finally {
    await stopAndWait(registry.child);
  }
  console.log(`registry matrix done in ${seconds(tStart)}`);
}

const cleanUp = () => {
  for (const child of children) stop(child, 'SIGKILL');
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});

try {
  await main();
} catch (error) {
  report(false, 'registry matrix', error.stack ?? String(error));
} finally {
  cleanUp();
  if (keep || failed > 0) console.log(`work folder kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (lines.length > 1) console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
