/**
 * The credential readers under random and adversarial input (issue 10):
 * a bounded run here (1,000 cases per reader; no fixed seed, so each run
 * explores new cases, and a failure prints its seed and a shrunk example); the
 * long run (over a million cases) is `pnpm bench fuzz`.
 */
import { describe, expect, test } from 'vitest';
import { READERS, fuzzReader } from './test/fuzz.js';

describe('credential readers: random and adversarial input', () => {
  test.each(READERS.map((r) => [r.name, r] as const))('%s: never throws, never a 5xx, never a wrong credential accepted', async (_name, reader) => {
    const statuses = await fuzzReader(reader, 1_000);
    // Not vacuous: the right credential came up and was accepted, wrong ones were refused.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect([...statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(500);
  }, 60_000);
});
