import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ErrorCode } from './catalogue.js';

const packages = fileURLToPath(new URL('../../../', import.meta.url));
const page = readFileSync(join(packages, 'core/ERRORS.md'), 'utf8');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'test' && name !== 'node_modules') sources(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-d.ts')) out.push(path);
  }
  return out;
}

describe('ERRORS.md: the page of every error code', () => {
  test('lists each code once, with its cause and fix, and no code that does not exist', () => {
    const listed = [...page.matchAll(/^### `([A-Z_]+)`$/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual(Object.values(ErrorCode).sort());
    for (const code of listed) {
      const section = page.slice(page.indexOf(`### \`${code}\``)).split(/\n### /)[0];
      expect(section, code).toMatch(/\*\*Cause:\*\*/);
      expect(section, code).toMatch(/\*\*Fix:\*\*/);
    }
  });

  test('the library throws only catalogued errors: no bare Error, TypeError or RangeError in core or the adapters', () => {
    const bare: string[] = [];
    for (const pkg of ['core', 'express', 'koa', 'hono', 'fastify']) {
      let files: string[];
      try {
        files = sources(join(packages, pkg, 'src'));
      } catch {
        continue;
      }
      for (const file of files) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\bnew (Error|TypeError|RangeError)\(/.test(line) && !line.trimStart().startsWith('*')) bare.push(`${file.slice(packages.length)}:${i + 1}`);
          });
      }
    }
    expect(bare).toEqual([]);
  });
});
