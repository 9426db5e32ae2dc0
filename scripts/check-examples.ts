/**
 * `pnpm check:examples` (a CI step): type-checks every `@example` of the
 * packages' JSDoc against the real signatures, so examples cannot drift.
 *
 * Each example becomes the body of an async function in a virtual file
 * beside its source file, with every name its file exports and every name of
 * the package's public entries in scope. Names an example only alludes to
 * (`app`, `users`, `fakeUser`) are declared `any` — found by a first pass —
 * so what is checked is the library's own API: its functions' arguments,
 * the properties and methods of what they return.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each package's public entry files (the core's subpath entries included). */
const ENTRIES: Record<string, string[]> = {
  core: ['src/index.ts', 'src/adapter/index.ts', 'src/node/index.ts', 'src/security/authoring.ts', 'src/openapi/index.ts', 'src/docs/index.ts', 'src/services/index.ts'],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist' && name !== 'test' && name !== 'bundled') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-d.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Example {
  readonly file: string;
  /** 1-based line of the example's first code line in its source file. */
  readonly line: number;
  readonly code: string;
}

const FENCE = /@example\s*\n((?:\s*\*[^\n]*\n)*?)\s*\*\s*```(?:ts|typescript)?\s*\n((?:\s*\*[^\n]*\n)*?)\s*\*\s*```/g;

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(FENCE)) {
    const before = text.slice(0, m.index! + m[0].indexOf(m[2]));
    const line = before.split('\n').length;
    const code = m[2]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    out.push({ file, line, code });
  }
  return out;
}

const packagesDir = join(root, 'packages');
const packages = readdirSync(packagesDir).filter((p) => statSync(join(packagesDir, p, 'src'), { throwIfNoEntry: false })?.isDirectory());
const examples: Example[] = [];
for (const pkg of packages) for (const file of sourceFiles(join(packagesDir, pkg, 'src'))) examples.push(...examplesOf(file));

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const options: ts.CompilerOptions = { ...config.options, noEmit: true, noImplicitAny: false, noUnusedLocals: false, noUnusedParameters: false };

/** The names a module exports (`type X` for a type-only one), read with a program over the real files. */
function exportsOf(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const file of files) {
    const sf = program.getSourceFile(file);
    const symbol = sf && checker.getSymbolAtLocation(sf);
    const names: string[] = [];
    for (const s of symbol ? checker.getExportsOfModule(symbol) : []) {
      if (s.name === 'default') continue;
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      names.push(target.flags & ts.SymbolFlags.Value ? s.name : `type ${s.name}`);
    }
    out.set(file, names);
  }
  return out;
}

const entryFiles = Object.entries(ENTRIES).flatMap(([pkg, list]) => list.map((f) => join(packagesDir, pkg, f)));
const withExamples = [...new Set(examples.map((e) => e.file))];
for (const pkg of packages) if (!ENTRIES[pkg]) entryFiles.push(join(packagesDir, pkg, 'src/index.ts'));
const exported = exportsOf([...new Set([...entryFiles, ...withExamples])]);

function importPath(from: string, to: string): string {
  const rel = relative(dirname(from), to).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The scope of an example: its own file's exports first, then the package's entries, then core's root. */
const IMPORT_LINE = /^import\s[^;]*?from\s+'[^']+';?[ \t]*(?:\/\/.*)?$/gm;

/** The example's own `import` lines (hoisted to the top), and the names they bring. */
function ownImports(code: string): { lines: string[]; names: Set<string> } {
  const lines = code.match(IMPORT_LINE) ?? [];
  const names = new Set<string>();
  for (const line of lines) {
    const braces = /\{([^}]*)\}/.exec(line);
    for (const part of braces ? braces[1].split(',') : []) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.add(name);
    }
    const plain = /^import\s+(?:type\s+)?(\w+)\s*(?:,|from)/.exec(line);
    if (plain) names.add(plain[1]);
    const star = /\*\s+as\s+(\w+)/.exec(line);
    if (star) names.add(star[1]);
  }
  return { lines, names };
}

function preamble(example: Example, virtual: string, declared: ReadonlySet<string>): string {
  const pkg = relative(packagesDir, example.file).split('/')[0];
  const own = ownImports(example.code);
  const sources = [example.file, ...(ENTRIES[pkg] ?? ['src/index.ts']).map((f) => join(packagesDir, pkg, f)), ...ENTRIES.core.map((f) => join(packagesDir, 'core', f))];
  const taken = new Set<string>(own.names);
  const lines: string[] = [...own.lines];
  for (const source of sources) {
    const names = (exported.get(source) ?? []).filter((n) => !taken.has(n.replace(/^type /, '')));
    names.forEach((n) => taken.add(n.replace(/^type /, '')));
    if (names.length) lines.push(`import { ${names.join(', ')} } from '${importPath(virtual, source)}';`);
  }
  // A name the example only alludes to: any value, any type.
  for (const name of declared) if (!taken.has(name)) lines.push(`declare const ${name}: any; type ${name} = any;`);
  lines.push('export async function __example() {');
  return lines.join('\n') + '\n';
}

function check(declaredFor: Map<number, Set<string>>): { diagnostics: readonly ts.Diagnostic[]; virtuals: Map<string, { index: number; offsetLines: number }> } {
  const files = new Map<string, string>();
  const virtuals = new Map<string, { index: number; offsetLines: number }>();
  examples.forEach((example, index) => {
    const virtual = join(dirname(example.file), `__example_${index}.ts`);
    const head = preamble(example, virtual, declaredFor.get(index) ?? new Set());
    files.set(virtual, `${head}${example.code.replace(IMPORT_LINE, '')}\n}\n`);
    virtuals.set(virtual, { index, offsetLines: head.split('\n').length - 1 });
  });
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, target, onError) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, target) : getSourceFile(name, target, onError);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics = [...files.keys()].flatMap((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f)));
  return { diagnostics, virtuals };
}

const UNKNOWN_NAME = new Set([2304, 2552, 2580, 2582, 2591, 18004]);
const declared = new Map<number, Set<string>>();
for (let pass = 0; pass < 3; pass++) {
  const { diagnostics, virtuals } = check(declared);
  let added = 0;
  for (const d of diagnostics) {
    const v = d.file && virtuals.get(d.file.fileName);
    if (!v || !UNKNOWN_NAME.has(d.code) || d.start === undefined) continue;
    const name = d.file!.text.slice(d.start, d.start + d.length!);
    const set = declared.get(v.index) ?? new Set<string>();
    if (!set.has(name)) {
      set.add(name);
      declared.set(v.index, set);
      added++;
    }
  }
  if (added === 0) break;
}

const { diagnostics, virtuals } = check(declared);
const problems: string[] = [];
for (const d of diagnostics) {
  const v = d.file && virtuals.get(d.file.fileName);
  if (!v) {
    problems.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    continue;
  }
  const example = examples[v.index];
  const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
  const sourceLine = example.line + (line - v.offsetLines);
  problems.push(`${relative(root, example.file)}:${sourceLine}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
console.log(`${examples.length} @example blocks in ${withExamples.length} files type-checked`);
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) in @example blocks`);
  process.exit(1);
}
