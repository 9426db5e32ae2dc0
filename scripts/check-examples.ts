/**
 * `pnpm check:examples` (a CI step): type-checks every `@example` of the
 * packages' JSDoc, and every ```ts block of the Markdown pages (the READMEs,
 * docs/, ERRORS.md), against the real signatures, so examples cannot drift.
 *
 * Each JSDoc example becomes the body of an async function in a virtual file
 * beside its source file, with every name its file exports and every name of
 * the package's public entries in scope. Names an example only alludes to
 * (`app`, `users`, `fakeUser`) are declared `any` — found by a first pass —
 * so what is checked is the library's own API: its functions' arguments,
 * the properties and methods of what they return.
 *
 * Each Markdown block becomes a module of its own (at the repository root,
 * so its imports resolve as a user's would), with its page's earlier blocks
 * in scope: a name an earlier block declares (`d`, `currentUser`, `api`)
 * keeps its real type in the blocks after it, unless the block declares it
 * again. Then, as for JSDoc, the public entries of the page's package (the
 * core's for a page outside packages/) and `any` for the names left. A block
 * is left out only when the line before it says why:
 * `<!-- snippet: file.ts -->` (a file shown verbatim, type-checked and run
 * by the docs tests) or `<!-- not-checked: reason -->` (not TypeScript of
 * this project: a peer library's code, shown for comparison).
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
  /** A Markdown block: its page's earlier blocks are in scope (see the top of this file). */
  readonly markdown?: { readonly page: string; readonly index: number };
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
const jsdocCount = examples.length;

/** The Markdown pages: the root's, docs/ (every depth), each package's and each example's own. */
function markdownPages(): string[] {
  const md = (dir: string) =>
    (readdirSync(dir, { withFileTypes: true }) as { name: string; isFile(): boolean }[])
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(dir, e.name));
  const deep = (dir: string): string[] =>
    (readdirSync(dir, { withFileTypes: true }) as { name: string; isFile(): boolean; isDirectory(): boolean }[]).flatMap((e) =>
      e.isDirectory() && e.name !== 'node_modules' ? deep(join(dir, e.name)) : e.isFile() && e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  const inside = (dir: string) => readdirSync(join(root, dir)).map((d) => join(root, dir, d)).filter((d) => statSync(d).isDirectory());
  return [...md(root), ...deep(join(root, 'docs')), ...inside('packages').flatMap(md), ...inside('examples').flatMap(md)];
}

/** Why a block is not checked here, from the `<!-- … -->` line before it (undefined: checked). */
const SKIP = /^<!-- (snippet: \S.*|not-checked: \S.*) -->$/;
const skipped = { snippet: 0, notChecked: 0 };

function markdownExamples(page: string): Example[] {
  const lines = readFileSync(page, 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const marker = SKIP.exec(lines[i - 1] ?? '')?.[1];
    if (open[1] === 'ts' || open[1] === 'typescript') {
      if (marker?.startsWith('snippet:')) skipped.snippet++;
      else if (marker) skipped.notChecked++;
      else out.push({ file: page, line: i + 2, code: lines.slice(i + 1, end).join('\n'), markdown: { page, index: out.length } });
    }
    i = end;
  }
  return out;
}

const pages = markdownPages();
for (const page of pages) examples.push(...markdownExamples(page));
const markdownCount = examples.length - jsdocCount;

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
// Nothing is emitted: no declaration to write (a Markdown block exports what it declares to the blocks after it), and a
// block passes on the names it imports, types included (isolatedModules would ask for \`export type\` there).
const options: ts.CompilerOptions = { ...config.options, noEmit: true, declaration: false, declarationMap: false, isolatedModules: false, noImplicitAny: false, noUnusedLocals: false, noUnusedParameters: false };

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
const withExamples = [...new Set(examples.filter((e) => !e.markdown).map((e) => e.file))];
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

/** The package a file belongs to (`express` for packages/express/README.md), if any. */
function packageOf(file: string): string | undefined {
  const [first, ...more] = relative(packagesDir, file).split('/');
  return first !== '..' && more.length > 0 && packages.includes(first) ? first : undefined;
}

/** The public entries in scope of an example: its package's, then the core's. */
function entriesFor(file: string): string[] {
  const pkg = packageOf(file);
  const own = pkg ? (ENTRIES[pkg] ?? ['src/index.ts']).map((f) => join(packagesDir, pkg, f)) : [];
  return [...own, ...ENTRIES.core.map((f) => join(packagesDir, 'core', f))];
}

function preamble(example: Example, virtual: string, declared: ReadonlySet<string>): string {
  const own = ownImports(example.code);
  const sources = [example.file, ...entriesFor(example.file)];
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

/** The names a Markdown block brings in with its own imports, and the names it declares at its top level (those it exports itself apart). */
function namesOf(code: string): { imported: Set<string>; declared: Set<string>; exported: Set<string> } {
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imported = new Set<string>();
  const declared = new Set<string>();
  const exported = new Set<string>();
  const bind = (name: ts.BindingName, out: Set<string>) => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, out);
  };
  for (const statement of sf.statements) {
    const isExported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const into = isExported ? exported : declared;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) imported.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imported.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imported.add(el.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) bind(decl.name, into);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      into.add(statement.name.text);
    }
  }
  return { imported, declared, exported };
}

/** A Markdown block as a module: the page's earlier blocks, the entries, `any` for the rest; then the block as written, exporting what it declares. */
function markdownModule(example: Example, virtualOf: (e: Example) => string, declared: ReadonlySet<string>): { text: string; offsetLines: number } {
  const virtual = virtualOf(example);
  const names = namesOf(example.code);
  const taken = new Set<string>([...names.imported, ...names.declared, ...names.exported]);
  const lines: string[] = [];
  // the page's earlier blocks, the nearest first: what each declares
  const earlier = examples.filter((e) => e.markdown && e.markdown.page === example.markdown!.page && e.markdown.index < example.markdown!.index).reverse();
  for (const block of earlier) {
    const theirs = namesOf(block.code);
    const names = [...theirs.declared, ...theirs.exported, ...theirs.imported].filter((n) => !taken.has(n));
    names.forEach((n) => taken.add(n));
    if (names.length) lines.push(`import { ${names.join(', ')} } from '${importPath(virtual, virtualOf(block))}';`);
  }
  for (const source of entriesFor(example.file)) {
    const names = (exported.get(source) ?? []).filter((n) => !taken.has(n.replace(/^type /, '')));
    names.forEach((n) => taken.add(n.replace(/^type /, '')));
    if (names.length) lines.push(`import { ${names.join(', ')} } from '${importPath(virtual, source)}';`);
  }
  for (const name of declared) if (!taken.has(name)) lines.push(`declare const ${name}: any; type ${name} = any;`);
  const head = lines.join('\n') + '\n';
  // what the blocks after it see: what it declares, and what it imports (a page's imports are shown once, at the top)
  const own = [...names.declared, ...[...names.imported].filter((n) => !names.exported.has(n))];
  const tail = own.length ? `\nexport { ${own.join(', ')} };\n` : '\nexport {};\n';
  return { text: `${head}${example.code}\n${tail}`, offsetLines: lines.length };
}

function check(declaredFor: Map<number, Set<string>>): { diagnostics: readonly ts.Diagnostic[]; virtuals: Map<string, { index: number; offsetLines: number }> } {
  const files = new Map<string, string>();
  const virtuals = new Map<string, { index: number; offsetLines: number }>();
  // beside the page or the source file: its imports resolve from there (a package's README sees that package's dependencies)
  const virtualOf = (e: Example) => join(dirname(e.file), `__${e.markdown ? 'markdown_' : ''}example_${examples.indexOf(e)}.ts`);
  examples.forEach((example, index) => {
    const virtual = virtualOf(example);
    if (example.markdown) {
      const { text, offsetLines } = markdownModule(example, virtualOf, declaredFor.get(index) ?? new Set());
      files.set(virtual, text);
      virtuals.set(virtual, { index, offsetLines });
      return;
    }
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
const markdownPagesWithBlocks = new Set(examples.filter((e) => e.markdown).map((e) => e.file)).size;
console.log(`${jsdocCount} @example blocks in ${withExamples.length} files type-checked`);
console.log(
  `${markdownCount} Markdown ts blocks in ${markdownPagesWithBlocks} of ${pages.length} pages type-checked ` +
    `(left out: ${skipped.snippet} shown from files the docs tests check, ${skipped.notChecked} marked not-checked)`,
);
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) in @example and Markdown blocks`);
  process.exit(1);
}
