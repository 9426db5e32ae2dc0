import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importClosure } from '../test/imports.js';

const file = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('services are a plugin', () => {
  test('the root entry imports neither tsyringe nor reflect-metadata; the services entry does', () => {
    const root = importClosure(file('../index.ts'));
    expect([...root.packages].filter((p) => p === 'tsyringe' || p === 'reflect-metadata')).toEqual([]);
    expect([...root.files].some((f) => f.includes('/services/'))).toBe(false);
    const services = importClosure(file('./index.ts'));
    expect(services.packages).toContain('tsyringe');
    expect(services.packages).toContain('reflect-metadata');
  });

  test('loading the root entry leaves Reflect without metadata; a class input asks for the plugin', () => {
    const script = `
      const core = await import(${JSON.stringify(file('../index.ts'))});
      const out = { metadata: typeof Reflect.getMetadata };
      class Service {}
      try { new core.DependsApp().route('GET', '/', { s: Service }, () => 1) } catch (e) { out.error = e.message }
      console.log(JSON.stringify(out));
    `;
    const tsx = file('../../../../node_modules/tsx/dist/loader.mjs');
    const stdout = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out.metadata).toBe('undefined');
    expect(out.error).toMatch(/Service.*@depends\/core\/services/);
  });
});
