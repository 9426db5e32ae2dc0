/**
 * The runtimes the Hono adapter is tested on, each from its npm package
 * (`bun`, `deno`, `workerd`: the binary ships in a platform package, nothing
 * is downloaded at run time): how to find its binary, bundle the scenario
 * app for it (esbuild) and start it on 127.0.0.1. The packages live in
 * `tests/runtimes/binaries`, a folder with its own lockfile that
 * `pnpm test:runtimes` installs, so the repository's install never
 * downloads them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '..', '.build');
/** Where the runtimes' packages are installed (`pnpm test:runtimes` installs them). */
const binariesDir = join(here, '..', 'binaries');
const require = createRequire(join(binariesDir, 'package.json'));

/** The runtimes, by name. */
export const RUNTIMES = ['node', 'bun', 'deno', 'workerd'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** A binary inside the platform package a launcher package depends on (`bun` → `@oven/bun-linux-x64/bin/bun`). */
function platformBinary(launcher: string, platformPackage: string, file: string): string {
  let launcherDir: string;
  try {
    launcherDir = dirname(require.resolve(`${launcher}/package.json`));
  } catch {
    throw new Error(`${launcher} is not installed in ${binariesDir}: run pnpm test:runtimes (it installs the runtimes there first)`);
  }
  const fromLauncher = createRequire(join(launcherDir, 'package.json'));
  let dir: string;
  try {
    dir = dirname(fromLauncher.resolve(`${platformPackage}/package.json`));
  } catch {
    throw new Error(`${platformPackage} is not installed (the ${launcher} package's binary for ${process.platform}-${process.arch}): run pnpm test:runtimes`);
  }
  const binary = join(dir, file);
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run pnpm test:runtimes`);
  return binary;
}

const arch = process.arch === 'x64' ? 'x64' : process.arch;

/** The binary that runs a runtime. */
export function binaryOf(runtime: RuntimeName): string {
  switch (runtime) {
    case 'node':
      return process.execPath;
    case 'bun':
      return platformBinary('bun-runtime', `@oven/bun-${process.platform}-${arch}`, 'bin/bun');
    case 'deno':
      return platformBinary('deno-runtime', `@deno/${process.platform}-${arch}${process.platform === 'linux' ? '-glibc' : ''}`, 'deno');
    case 'workerd':
      return platformBinary('workerd', `@cloudflare/workerd-${process.platform}-${arch === 'x64' ? '64' : arch}`, 'bin/workerd');
  }
}

/**
 * Keeps `import.meta.url` of the core's docs files module pointing at its
 * own source file, as when the package is run from `node_modules`, so the
 * installed `swagger-ui-dist` is found from there and not from the bundle.
 */
const ownUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/]docs[\\/]assets\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/** Bundles the runtime's entry into `.build/<runtime>.mjs`. */
export async function bundle(runtime: RuntimeName): Promise<string> {
  mkdirSync(buildDir, { recursive: true });
  const outfile = join(buildDir, `${runtime}.mjs`);
  const worker = runtime === 'workerd';
  await build({
    entryPoints: [join(here, 'entries', `${runtime}.ts`)],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: runtime === 'node' ? 'node' : 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@depends/source', ...(worker ? ['workerd', 'worker', 'browser'] : runtime === 'node' ? [] : [runtime])],
    // A Worker gets no Node built-in: the bundle fails if anything reaches one.
    external: worker ? [] : ['node:*'],
    banner: worker || runtime === 'node' ? {} : { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: worker ? [] : [ownUrl],
    logLevel: 'error',
  });
  return outfile;
}

/** A free TCP port on 127.0.0.1 (workerd binds the port it is given). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A started runtime. */
export interface Running {
  readonly url: string;
  /** What the runtime printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

const COMPATIBILITY_DATE = '2025-11-01';

/** Starts the bundled scenario app in its runtime; resolves once it answers. */
export async function start(runtime: RuntimeName, script: string): Promise<Running> {
  const binary = binaryOf(runtime);
  let port = 0;
  let args: string[];
  if (runtime === 'workerd') {
    port = await freePort();
    const config = join(buildDir, 'workerd.capnp');
    writeFileSync(
      config,
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.mjs", esModule = embed "workerd.mjs") ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`,
    );
    args = ['serve', config];
  } else if (runtime === 'deno') args = ['run', '--allow-all', '--no-prompt', script];
  else if (runtime === 'bun') args = ['run', script];
  else args = [script];

  const child = spawn(binary, args, {
    env: { ...process.env, PORT: String(port), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${runtime} did not start in 30 s:\n${output}`)), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${runtime} ${why}:\n${output}`));
    };
    child.on('error', (e) => fail(`could not start (${e.message})`));
    child.on('exit', (code) => fail(`exited with ${code}`));
    if (runtime === 'workerd') {
      const poll = () =>
        fetch(`http://127.0.0.1:${port}/_probe`)
          .then((r) => (r.ok ? (clearTimeout(timer), resolve(`http://127.0.0.1:${port}`)) : setTimeout(poll, 100)))
          .catch(() => setTimeout(poll, 100));
      poll();
    } else {
      child.stdout!.on('data', () => {
        const m = /listening on (\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      });
    }
  });
  child.removeAllListeners('exit');
  return { url, output: () => output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
