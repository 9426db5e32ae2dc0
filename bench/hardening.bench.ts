/**
 * Hardening benchmark (issue 10): what an unauthenticated request can make
 * the server do grows linearly with its size. Adversarial inputs of 1 KB to
 * 1 MB — whitespace runs inside a Bearer credential and a scope string
 * (once O(n²)), a Basic credential, a deeply nested JSON body — each
 * served through the core (`app.handle`) or the public scope helper; the
 * cost per KB must stay flat as the input grows 1,024 times.
 */
import { z } from 'zod';
import { DependsApp, body, httpBasic, httpBearer, missingScopes } from '@depends/core';
import { createRequestView, type Outcome } from '@depends/core/adapter';
import { encodeBasicCredentials } from '@depends/core/schemes';
import type { BenchResult } from './run.js';

const SIZES = [1, 4, 16, 64, 256, 1024]; // KB

const app = new DependsApp({ onError: () => {} });
const bearerRoute = app.route('GET', '/bearer', { auth: httpBearer() }, ({ auth }) => auth.credentials.length);
const basicRoute = app.route('GET', '/basic', { who: httpBasic() }, ({ who }) => who.username.length);
const jsonRoute = app.route('POST', '/items', { item: body(z.object({ title: z.string() })) }, ({ item }) => item.title);

async function status(outcome: Outcome | Promise<Outcome>): Promise<number> {
  return (await outcome).answer.status;
}

interface Case {
  readonly name: string;
  /** The input of about `bytes` bytes, made once. */
  make(bytes: number): unknown;
  /** Serves it; resolves to the HTTP status (or a count for the helper). */
  run(input: unknown): Promise<number> | number;
  readonly expect: number;
  /** Largest size measured (KB); the quadratic reference stops early. */
  readonly maxKb?: number;
}

/** A flat string, as a request's bytes decode to (`repeat()` builds a rope, slower to index). */
const flat = (s: string): string => Buffer.from(s).toString();
const spaces = (n: number): string => ' \t'.repeat(n / 2);

/** `str.strip()` as it was before issue 10: a trailing `[…]+$` regex that backtracks (O(n²)). */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const OLD_LEADING = new RegExp(`^[${PY_SPACE}]+`);
const OLD_TRAILING = new RegExp(`[${PY_SPACE}]+$`);
const oldStrip = (v: string): string => v.replace(OLD_LEADING, '').replace(OLD_TRAILING, '');

const cases: Case[] = [
  {
    name: 'Bearer a<whitespace>b<whitespace> (strip)',
    make: (n) => flat(`Bearer a${spaces((n - 10) / 2)}b${spaces((n - 10) / 2)}`),
    run: (h) => status(app.handle(bearerRoute, createRequestView({ headers: { authorization: h as string } }))),
    expect: 200,
  },
  {
    name: 'before the fix: regex strip of a<whitespace>b',
    make: (n) => flat(`a${spaces(n - 2)}b`),
    run: (s) => oldStrip(s as string).length,
    expect: 0, // replaced below with the real length
    maxKb: 16,
  },
  {
    name: 'scope a<whitespace>b (split)',
    make: (n) => flat(`a${spaces(n - 2)}b`),
    run: (s) => missingScopes(['a', 'b', 'c'], s as string).length,
    expect: 1,
  },
  {
    name: 'Basic user:<long password> (base64 + UTF-8)',
    make: (n) => flat(`Basic ${encodeBasicCredentials('u', 'p'.repeat(Math.floor(((n - 6) * 3) / 4) - 2))}`),
    run: (h) => status(app.handle(basicRoute, createRequestView({ headers: { authorization: h as string } }))),
    expect: 200,
  },
  {
    name: 'JSON body [[],[],…] (depth scan + parse → 422)',
    make: (n) => flat(`[${'[],'.repeat(n / 3 - 1)}[]]`),
    run: (text) => status(app.handle(jsonRoute, createRequestView({ method: 'POST', headers: { 'content-type': 'application/json' }, bodyText: text as string }))),
    expect: 422,
  },
  {
    name: 'JSON body [[[[…]]]] (refused at depth 64 → 422)',
    make: (n) => flat(`${'['.repeat(n / 2)}${']'.repeat(n / 2)}`),
    run: (text) => status(app.handle(jsonRoute, createRequestView({ method: 'POST', headers: { 'content-type': 'application/json' }, bodyText: text as string }))),
    expect: 422,
  },
];

/** Median time per call (µs) over 7 rounds of at least 30 ms each. */
async function measure(c: Case, input: unknown): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed: number;
    do {
      const r = await c.run(input);
      if (c.expect !== 0 && r !== c.expect) throw new Error(`${c.name}: got ${r}, expected ${c.expect}`);
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1000;
    } while (elapsed < 30_000);
    rounds.push(elapsed / calls);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3];
}

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const notes: string[] = [];
  const label = (kb: number) => `${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`} µs`;
  for (const c of cases) {
    const row: Record<string, string | number> = { case: c.name };
    const perKb: number[] = [];
    for (const kb of SIZES) {
      if (c.maxKb !== undefined && kb > c.maxKb) {
        row[label(kb)] = '–';
        continue;
      }
      const us = await measure(c, c.make(kb * 1024));
      row[label(kb)] = +us.toFixed(1);
      perKb.push(us / kb);
    }
    const first = row[label(SIZES[0])] as number;
    const lastKb = c.maxKb ?? SIZES[SIZES.length - 1];
    const last = row[label(lastKb)] as number;
    rows.push(row);
    notes.push(`${c.name}: ${SIZES[0]} KB → ${label(lastKb).replace(' µs', '')} (${lastKb / SIZES[0]}× the input) costs ${(last / first).toFixed(0)}× the time`);
  }
  return { title: 'Hardening: cost of adversarial inputs, 1 KB → 1 MB (linear growth)', rows, notes };
}
