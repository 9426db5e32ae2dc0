/**
 * The fenced blocks of a docs page, for the tests that check a page
 * against the files and servers it shows.
 */
import { expect } from 'vitest';

/** One fenced block: its language, the `<!-- … -->` marker on the line before it, its text. */
export interface Block {
  readonly lang: string;
  readonly marker: string | undefined;
  readonly body: string;
}

/** Every fenced block of a page, with the `<!-- … -->` marker on the line before it. */
export function blocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    expect(end, `unclosed block at line ${i + 1}`).toBeGreaterThan(i);
    const marker = /^<!-- (.+) -->$/.exec(lines[i - 1] ?? '')?.[1];
    out.push({ lang: open[1], marker, body: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}
