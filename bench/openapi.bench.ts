/**
 * OpenAPI benchmark (issue 4): time to build the whole document for 100,
 * 1,000 and 5,000 routes of 5 dependencies each. Every route has its own
 * dependency objects: a scoped security dependency (shared user lookup on an
 * OAuth2 scheme, scopes varying per route), a path parameter, a query
 * parameter, a header, and a JSON body (POST) or a cookie (GET).
 *
 * Two ways of declaring the zod schemas:
 * - shared: the app defines its schemas once (`Id`, `Limit`, `Item`, ...)
 *   and routes reuse them — the usual style;
 * - inline: every route writes its own schemas (`z.number().int()` in each
 *   declaration) — the worst case for zod → JSON Schema conversion.
 * "cold" is the first document of a fresh app (every conversion done);
 * "warm" is a rebuild of the same app (conversions cached per schema).
 */
import { cpus, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { z } from 'zod';
import { DependsApp, Router, body, cookie, depends, header, oauth2PasswordBearer, path, query, security } from '@depends/core';
import { buildDocument } from '@depends/core/openapi';
import type { BenchResult } from './run.js';

type Style = 'shared' | 'inline';

interface Schemas {
  id: z.ZodType;
  limit: z.ZodType;
  trace: z.ZodType;
  item: z.ZodType;
  session: z.ZodType;
}

function sharedSchemas(): Schemas {
  return {
    id: z.number().int().min(1),
    limit: z.number().int().min(1).max(100).default(20),
    trace: z.string().optional(),
    item: z.object({ title: z.string().min(1).max(200), done: z.boolean().default(false), tags: z.array(z.string()).optional() }).meta({ id: 'Item' }),
    session: z.string().optional(),
  };
}

function inlineSchemas(i: number): Schemas {
  return {
    id: z.number().int().min(1),
    limit: z.number().int().min(1).max(100).default(20),
    trace: z.string().optional(),
    // Unnamed: a distinct schema per route (a named one would clash by design).
    item: z.object({ title: z.string().min(1).max(200), done: z.boolean().default(false), [`f${i % 7}`]: z.string().optional() }),
    session: z.string().optional(),
  };
}

function makeApp(routes: number, style: Style): DependsApp {
  const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { read: 'Read', write: 'Write', admin: 'Admin' } });
  const currentUser = depends({ token: oauth2 }, ({ token }) => ({ token }));
  const shared = sharedSchemas();
  const router = new Router();
  const scopes = ['read', 'write', 'admin'];
  for (let i = 0; i < routes; i++) {
    const s = style === 'shared' ? shared : inlineSchemas(i);
    const inputs = {
      user: security(currentUser, { scopes: [scopes[i % 3]] }),
      id: path('id', s.id),
      limit: query('limit', s.limit),
      trace: header('x_trace_id', s.trace),
      fifth: i % 2 === 0 ? body(s.item) : cookie('session', s.session),
    };
    const handler = function handle() {
      return i;
    };
    Object.defineProperty(handler, 'name', { value: `handle_${i}` });
    router.route(i % 2 === 0 ? 'POST' : 'GET', `/r${i}/items/{id}`, inputs, handler, { tags: [`t${i % 10}`] });
  }
  const app = new DependsApp({ title: 'Bench', version: '1.0.0' });
  app.include(router);
  return app;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Measure {
  coldBest: number;
  coldMedian: number;
  warmBest: number;
  warmMedian: number;
  /** Best rebuild time with the garbage collector's pauses taken out. */
  warmBestNoGc: number;
  /** Median share of a rebuild spent in GC pauses. */
  warmGcShare: number;
}

/** One timed build; `gc` is filled in afterwards from the GC entries that fell inside it. */
interface Timing {
  start: number;
  end: number;
  gc: number;
}

interface Samples {
  cold: Timing[];
  warm: Timing[];
}

function timed(build: () => unknown, into: Timing[]): void {
  const start = performance.now();
  build();
  into.push({ start, end: performance.now(), gc: 0 });
}

/** One fresh app: its first document (cold), then `rebuilds` more (warm). */
function sample(routes: number, style: Style, rebuilds: number, into: Samples): void {
  const app = makeApp(routes, style);
  timed(() => {
    const doc = buildDocument(app.routes, app.options);
    if (Object.keys(doc.paths).length !== routes) throw new Error('bench: wrong number of paths');
  }, into.cold);
  for (let r = 0; r < rebuilds; r++) timed(() => buildDocument(app.routes, app.options), into.warm);
}

const ms = (t: Timing) => t.end - t.start;

const summarise = ({ cold, warm }: Samples): Measure => ({
  coldBest: Math.min(...cold.map(ms)),
  coldMedian: median(cold.map(ms)),
  warmBest: Math.min(...warm.map(ms)),
  warmMedian: median(warm.map(ms)),
  warmBestNoGc: Math.min(...warm.map((t) => ms(t) - t.gc)),
  warmGcShare: median(warm.map((t) => t.gc / ms(t))),
});

/** Runs the benchmark; `pnpm bench openapi`. */
export async function run(): Promise<BenchResult> {
  const sizes = [100, 1_000, 5_000];
  const styles = ['shared', 'inline'] as const;
  // Warm up the JIT on mid-size documents first.
  for (let i = 0; i < 3; i++) for (const style of styles) sample(500, style, 2, { cold: [], warm: [] });

  const gcPauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });

  // Sizes are interleaved round by round, so that a busy moment on the
  // machine does not land on one size only.
  const samples = new Map<string, Samples>();
  for (const style of styles) for (const n of sizes) samples.set(`${style}:${n}`, { cold: [], warm: [] });
  const rounds = 7;
  for (let round = 0; round < rounds; round++) {
    for (const style of styles) {
      for (const n of sizes) {
        const into = samples.get(`${style}:${n}`)!;
        const apps = n === 100 ? 3 : 1;
        for (let a = 0; a < apps; a++) sample(n, style, n === 5_000 ? 2 : 4, into);
      }
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries are delivered asynchronously
  observer.disconnect();
  for (const { cold, warm } of samples.values()) {
    for (const t of [...cold, ...warm]) {
      for (const p of gcPauses) if (p.start >= t.start && p.start < t.end) t.gc += Math.min(p.duration, t.end - p.start);
    }
  }

  const rows: BenchResult['rows'] = [];
  const results = new Map<string, Measure>();
  for (const style of styles) {
    for (const n of sizes) {
      const m = summarise(samples.get(`${style}:${n}`)!);
      results.set(`${style}:${n}`, m);
      rows.push({
        schemas: style,
        routes: n,
        'first doc ms (best / median)': `${m.coldBest.toFixed(1)} / ${m.coldMedian.toFixed(1)}`,
        'µs/route': +((m.coldBest * 1000) / n).toFixed(1),
        'rebuild ms (best / median)': `${m.warmBest.toFixed(1)} / ${m.warmMedian.toFixed(1)}`,
        'rebuild µs/route': +((m.warmBest * 1000) / n).toFixed(1),
        'rebuild GC share': `${Math.round(m.warmGcShare * 100)}%`,
        'rebuild µs/route without GC': +((m.warmBestNoGc * 1000) / n).toFixed(1),
      });
    }
  }
  const load = loadavg()[0];

  const notes: string[] = [];
  const fmt = (x: number) => x.toFixed(1);
  for (const style of styles) {
    const m100 = results.get(`${style}:100`)!;
    const m1k = results.get(`${style}:1000`)!;
    const m5k = results.get(`${style}:5000`)!;
    const target = m1k.coldBest < 100 ? 'met' : 'NOT met';
    notes.push(
      `${style} schemas: 1,000 routes × 5 dependencies: first document ${fmt(m1k.coldBest)} ms (median ${fmt(m1k.coldMedian)}), rebuild ${fmt(m1k.warmBest)} ms — target < 100 ms ${target}.`,
    );
    for (const [label, key] of [
      ['first document', 'coldBest'],
      ['rebuild', 'warmBest'],
      ['rebuild without GC pauses', 'warmBestNoGc'],
    ] as const) {
      const r1 = m1k[key] / 1000 / (m100[key] / 100);
      const r5 = m5k[key] / 5000 / (m1k[key] / 1000);
      const linear = r1 <= 1.5 && r5 <= 1.5;
      notes.push(
        `${style} schemas, ${label}: per-route cost ×${r1.toFixed(2)} from 100 → 1,000 routes, ×${r5.toFixed(2)} from 1,000 → 5,000 (1.00 = linear) — ${linear ? 'linear (within ×1.5 per step)' : 'NOT linear (over ×1.5 per step)'}.`,
      );
    }
  }
  notes.push(`best = fastest of the runs (least disturbed); 1-minute load average during the run: ${load.toFixed(2)} on ${cpus().length} CPUs.`);
  return { title: 'OpenAPI document generation (5 dependencies per route)', rows, notes };
}
