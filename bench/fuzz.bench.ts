/**
 * The long fuzz run (issue 10): every credential reader — Bearer, Digest,
 * Basic, API key in a header, query and cookie, the password form — given
 * random and adversarial input through a real app, at least a million cases
 * in all (`FUZZ_CASES` per reader, default 150,000 × 7 readers). Each answer
 * is checked against an independent oracle (see
 * `packages/core/src/security/test/fuzz.ts`, also run, bounded, by the test
 * suite): no throw, no 5xx, no wrong credential accepted. Timing per case is
 * grouped by input size to show the cost stays linear. Runs on the source
 * (tsx), like the test suite.
 */
import fc from 'fast-check';
import { READERS, checkCase, fuzzApp, type Case } from '../packages/core/src/security/test/fuzz.js';
import type { BenchResult } from './run.js';

const PER_READER = Number(process.env.FUZZ_CASES ?? 150_000);
const BUCKETS = [
  { label: '< 256 B', max: 256 },
  { label: '256 B – 4 KB', max: 4096 },
  { label: '4 – 16 KB', max: 16_384 },
  { label: '16 – 64 KB', max: 65_536 },
] as const;

const sizeOf = (c: Case): number => (c.request.url?.length ?? 0) + (c.request.bodyText?.length ?? 0) + JSON.stringify(c.request.headers ?? []).length;

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const notes: string[] = [];
  let total = 0;
  let failures = 0;
  const start = Date.now();
  const perByte = BUCKETS.map(() => [] as number[]);
  for (const reader of READERS) {
    const errors: unknown[] = [];
    const app = fuzzApp((e) => errors.push(e));
    const statuses = new Map<number, number>();
    const readerStart = Date.now();
    let failure = '';
    try {
      await fc.assert(
        fc.asyncProperty(reader.cases, async (c) => {
          const t0 = process.hrtime.bigint();
          const problem = await checkCase(app, errors, c, statuses);
          const ns = Number(process.hrtime.bigint() - t0);
          const size = sizeOf(c);
          const bucket = BUCKETS.findIndex((b) => size < b.max);
          if (bucket !== -1 && size > 0) perByte[bucket].push(ns / size);
          if (problem) throw new Error(`${reader.name}: ${problem} for ${JSON.stringify(c.request).slice(0, 300)}`);
        }),
        { numRuns: PER_READER },
      );
    } catch (error) {
      failures++;
      failure = String(error).split('\n').slice(0, 3).join(' ');
    }
    const cases = [...statuses.values()].reduce((a, b) => a + b, 0);
    total += cases;
    const seconds = (Date.now() - readerStart) / 1000;
    rows.push({
      reader: reader.name,
      cases,
      'cases/s': Math.round(cases / seconds),
      accepted: statuses.get(200) ?? 0,
      refused: cases - (statuses.get(200) ?? 0),
      statuses: [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' '),
      failure: failure || 'none',
    });
  }
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
  const nsPerByte = perByte.map(median);
  notes.push(`${total.toLocaleString('en')} cases in ${((Date.now() - start) / 1000).toFixed(0)} s, ${failures} reader(s) failing`);
  notes.push(
    `median time per input byte by input size: ${BUCKETS.map((b, i) => `${b.label}: ${Number.isNaN(nsPerByte[i]) ? '–' : `${nsPerByte[i].toFixed(1)} ns (${perByte[i].length.toLocaleString('en')} cases)`}`).join('; ')}`,
  );
  return { title: `Fuzz: every credential reader, ${PER_READER.toLocaleString('en')} cases each`, rows, notes };
}
